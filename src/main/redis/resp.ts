/**
 * The smallest RESP2/RESP3 codec the probe needs: encode commands as arrays of bulk strings,
 * decode any reply type. The probe speaks RESP itself (rather than through ioredis) so that it
 * controls every round trip, pipelines what it can and maps each failure to its phase.
 */
import { cutText } from '../logging/redact'

/** An error reply longer than this is a hostile or broken server, not advice: the rest is cut. */
export const MAX_ERROR_TEXT = 4096

export class RespError {
  /** The server's text, cut to MAX_ERROR_TEXT: nothing downstream (regexes, redaction, the UI) sees megabytes of it. */
  readonly message: string
  constructor(message: string) {
    this.message = cutText(message, MAX_ERROR_TEXT)
  }
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

/** Bytes received but not yet decoded, and bytes of one reply: a reply the probe asks for is small. */
const MAX_BUFFER = 8 * 1024 * 1024
const MAX_REPLY = 8 * 1024 * 1024
const MAX_ELEMENTS = 1_000_000
const MAX_DEPTH = 64

/** An aggregate being filled: its remaining element count and what it has so far. */
interface Frame {
  type: '*' | '~' | '>' | '%' | '|'
  remaining: number
  items: RespValue[]
}

type Token = { value: RespValue } | { open: Frame }

/**
 * Incremental decoder: push() bytes, then take complete replies with next(). It resumes where it
 * stopped: every byte is looked at a bounded number of times however the reply is chunked (a
 * slow or hostile server cannot make it re-parse the same bytes on every chunk), aggregates are
 * kept on an explicit stack (no recursion), and maps have no prototype (a "__proto__" key is
 * just a key).
 */
export class RespDecoder {
  private buffer = Buffer.alloc(0)
  /** Bytes of `buffer` in use; `offset` is where decoding resumes. */
  private length = 0
  private offset = 0
  /** Where the search for the end of an incomplete line resumes (no CRLF before it). */
  private scanned = 0
  private readonly stack: Frame[] = []
  /** Bytes of the reply being decoded so far. */
  private replyBytes = 0

  push(chunk: Buffer): void {
    const live = this.length - this.offset
    if (live + chunk.length > MAX_BUFFER) throw new RespProtocolError('reply larger than 8 MiB')
    if (this.length + chunk.length > this.buffer.length) {
      // Grow when more than half would be in use, else move the live bytes to the front:
      // each byte is copied a bounded number of times on average.
      if ((live + chunk.length) * 2 > this.buffer.length) {
        const grown = Buffer.allocUnsafe(Math.max(4096, (live + chunk.length) * 2))
        this.buffer.copy(grown, 0, this.offset, this.length)
        this.buffer = grown
      } else {
        this.buffer.copyWithin(0, this.offset, this.length)
      }
      this.scanned = Math.max(0, this.scanned - this.offset)
      this.offset = 0
      this.length = live
    }
    chunk.copy(this.buffer, this.length)
    this.length += chunk.length
  }

  /** The next complete reply, or undefined when more bytes are needed. Push replies (>) are returned like arrays. */
  next(): { value: RespValue } | undefined {
    for (;;) {
      const start = this.offset
      const token = this.token()
      if (!token) return undefined
      this.replyBytes += this.offset - start
      if (this.replyBytes > MAX_REPLY) throw new RespProtocolError('reply larger than 8 MiB')
      let value: RespValue
      if ('open' in token) {
        if (token.open.remaining > 0) {
          if (this.stack.length >= MAX_DEPTH) throw new RespProtocolError(`replies nested deeper than ${MAX_DEPTH}`)
          this.stack.push(token.open)
          continue
        }
        if (token.open.type === '|') continue // an empty attribute: the real reply follows
        value = build(token.open)
      } else value = token.value
      const done = this.deliver(value)
      if (done) return done
    }
  }

  /** Puts a complete value into the aggregate being filled; returns it when it is a whole reply. */
  private deliver(value: RespValue): { value: RespValue } | undefined {
    for (;;) {
      const top = this.stack.at(-1)
      if (!top) {
        this.replyBytes = 0
        return { value }
      }
      top.items.push(value)
      if (--top.remaining > 0) return undefined
      this.stack.pop()
      // Attributes precede the real reply, which takes the attribute's place.
      if (top.type === '|') return undefined
      value = build(top)
    }
  }

  /** One scalar or one aggregate header, whole, or undefined (nothing consumed) when incomplete. */
  private token(): Token | undefined {
    const start = this.offset
    try {
      const token = this.readToken()
      this.scanned = this.offset
      return token
    } catch (e) {
      if (e === INCOMPLETE) {
        this.offset = start
        return undefined
      }
      throw e
    }
  }

  private line(): string {
    const end = this.buffer.subarray(0, this.length).indexOf('\r\n', Math.max(this.offset, this.scanned - 1), 'latin1')
    if (end < 0) {
      this.scanned = this.length
      throw INCOMPLETE
    }
    const text = this.buffer.toString('utf8', this.offset, end)
    this.offset = end + 2
    return text
  }

  private count(text: string): number {
    const n = Number(text)
    if (text === '' || !Number.isInteger(n) || n < -1 || n > MAX_ELEMENTS) throw new RespProtocolError(`bad length ${JSON.stringify(text.slice(0, 20))}`)
    return n
  }

  private blob(): string | null {
    const n = this.count(this.line())
    if (n === -1) return null
    if (n + 2 > MAX_REPLY) throw new RespProtocolError('reply larger than 8 MiB')
    if (this.length < this.offset + n + 2) throw INCOMPLETE
    const text = this.buffer.toString('utf8', this.offset, this.offset + n)
    this.offset += n + 2
    return text
  }

  private readToken(): Token {
    if (this.offset >= this.length) throw INCOMPLETE
    const type = String.fromCharCode(this.buffer[this.offset])
    this.offset++
    switch (type) {
      case '+':
        return { value: this.line() }
      case '-':
        return { value: new RespError(this.line()) }
      case ':':
        return { value: integer(this.line()) }
      case '$':
        return { value: this.blob() }
      case '!':
        return { value: new RespError(this.blob() ?? '') }
      case '=':
        return { value: (this.blob() ?? '').slice(4) } // drop the "txt:" / "mkd:" format prefix
      case '_':
        this.line()
        return { value: null }
      case '#':
        return { value: this.line() === 't' }
      case ',':
        return { value: Number(this.line()) }
      case '(':
        return { value: bigInteger(this.line()) }
      case '*':
      case '~':
      case '>': {
        const n = this.count(this.line())
        if (n === -1) return { value: null }
        return { open: { type, remaining: n, items: [] } }
      }
      case '%':
      case '|': {
        const n = this.count(this.line())
        return { open: { type, remaining: Math.max(0, n) * 2, items: [] } }
      }
      default:
        throw new RespProtocolError(`not a RESP reply (first byte 0x${this.buffer[this.offset - 1].toString(16).padStart(2, '0')})`)
    }
  }
}

/** A finished aggregate: an array, or a map without a prototype. */
function build(frame: Frame): RespValue {
  if (frame.type !== '%') return frame.items
  const map = Object.create(null) as { [key: string]: RespValue }
  for (let i = 0; i < frame.items.length; i += 2) map[String(frame.items[i])] = frame.items[i + 1]
  return map
}

function integer(text: string): number {
  const n = Number(text)
  if (text === '' || !Number.isFinite(n)) throw new RespProtocolError('bad integer')
  return n
}

function bigInteger(text: string): bigint {
  try {
    return BigInt(text)
  } catch {
    throw new RespProtocolError('bad big number')
  }
}

const INCOMPLETE = Symbol('incomplete')
