/**
 * The smallest RESP2/RESP3 codec the probe needs: encode commands as arrays of bulk strings,
 * decode any reply type. The probe speaks RESP itself (rather than through ioredis) so that it
 * controls every round trip, pipelines what it can and maps each failure to its phase.
 */
export class RespError {
  constructor(readonly message: string) {}
  /** First word of the error: NOAUTH, WRONGPASS, NOPERM, ERR… */
  get kind(): string {
    return this.message.split(' ', 1)[0]
  }
}

export type RespValue = string | number | bigint | boolean | null | RespError | RespValue[] | { [key: string]: RespValue }

export function encodeCommand(args: readonly (string | number)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)]
  for (const arg of args) {
    const data = Buffer.from(String(arg), 'utf8')
    parts.push(Buffer.from(`$${data.length}\r\n`), data, Buffer.from('\r\n'))
  }
  return Buffer.concat(parts)
}

export class RespProtocolError extends Error {}

const MAX_BUFFER = 8 * 1024 * 1024
const MAX_ELEMENTS = 1_000_000

/** Incremental decoder: push() bytes, then take complete replies with next(). */
export class RespDecoder {
  private buffer = Buffer.alloc(0)
  private offset = 0

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer.subarray(this.offset), chunk])
    this.offset = 0
    if (this.buffer.length > MAX_BUFFER) throw new RespProtocolError('reply larger than 8 MiB')
  }

  /** The next complete reply, or undefined when more bytes are needed. Push replies (>) are returned like arrays. */
  next(): { value: RespValue } | undefined {
    const start = this.offset
    try {
      const value = this.read()
      return { value }
    } catch (e) {
      if (e === INCOMPLETE) {
        this.offset = start
        return undefined
      }
      throw e
    }
  }

  private line(): string {
    const end = this.buffer.indexOf('\r\n', this.offset, 'latin1')
    if (end < 0) throw INCOMPLETE
    const text = this.buffer.toString('utf8', this.offset, end)
    this.offset = end + 2
    return text
  }

  private count(text: string): number {
    const n = Number(text)
    if (!Number.isInteger(n) || n < -1 || n > MAX_ELEMENTS) throw new RespProtocolError(`bad length ${JSON.stringify(text.slice(0, 20))}`)
    return n
  }

  private blob(): string | null {
    const n = this.count(this.line())
    if (n === -1) return null
    if (this.buffer.length < this.offset + n + 2) throw INCOMPLETE
    const text = this.buffer.toString('utf8', this.offset, this.offset + n)
    this.offset += n + 2
    return text
  }

  private read(): RespValue {
    if (this.offset >= this.buffer.length) throw INCOMPLETE
    const type = String.fromCharCode(this.buffer[this.offset])
    this.offset++
    switch (type) {
      case '+':
        return this.line()
      case '-':
        return new RespError(this.line())
      case ':':
        return this.count2(this.line())
      case '$':
        return this.blob()
      case '!': {
        const text = this.blob()
        return new RespError(text ?? '')
      }
      case '=': {
        const text = this.blob() ?? ''
        return text.slice(4) // drop the "txt:" / "mkd:" format prefix
      }
      case '_':
        this.line()
        return null
      case '#':
        return this.line() === 't'
      case ',':
        return Number(this.line())
      case '(':
        return BigInt(this.line())
      case '*':
      case '~':
      case '>': {
        const n = this.count(this.line())
        if (n === -1) return null
        const items: RespValue[] = []
        for (let i = 0; i < n; i++) items.push(this.read())
        return items
      }
      case '%':
      case '|': {
        const n = this.count(this.line())
        const map: { [key: string]: RespValue } = {}
        for (let i = 0; i < n; i++) {
          const key = this.read()
          map[String(key)] = this.read()
        }
        if (type === '|') return this.read() // attributes precede the real reply
        return map
      }
      default:
        throw new RespProtocolError(`not a RESP reply (first byte 0x${this.buffer[this.offset - 1].toString(16).padStart(2, '0')})`)
    }
  }

  private count2(text: string): number {
    const n = Number(text)
    if (!Number.isFinite(n)) throw new RespProtocolError('bad integer')
    return n
  }
}

const INCOMPLETE = Symbol('incomplete')
