import { Duplex } from 'node:stream'
import tls from 'node:tls'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readClientHello } from '../../../../src/main/sandbox/tls-client-hello'

/** The first flight Node's TLS client writes (its ClientHello), captured on an in-memory stream: no network. */
function realClientHello(options: tls.ConnectionOptions): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let socket: tls.TLSSocket | undefined
    const wire = new Duplex({
      read() {},
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk)
        done()
        setImmediate(() => {
          socket?.destroy()
          resolve(Buffer.concat(chunks))
        })
      }
    })
    socket = tls.connect({ socket: wire, ...options })
    socket.on('error', () => undefined)
  })
}

/** A hand-made ClientHello record with the given extensions (type → body). */
function helloWith(extensions: Array<[number, Buffer]>, opts: { sessionId?: number; records?: number } = {}): Buffer {
  const ext = Buffer.concat(extensions.map(([type, body]) => Buffer.concat([u16(type), u16(body.length), body])))
  const body = Buffer.concat([
    Buffer.from([3, 3]),
    Buffer.alloc(32, 7),
    Buffer.from([opts.sessionId ?? 0]),
    Buffer.alloc(opts.sessionId ?? 0, 1),
    u16(2),
    Buffer.from([0x13, 0x01]),
    Buffer.from([1, 0]),
    ...(extensions.length ? [u16(ext.length), ext] : [])
  ])
  const handshake = Buffer.concat([Buffer.from([1, (body.length >> 16) & 0xff, (body.length >> 8) & 0xff, body.length & 0xff]), body])
  const records = opts.records ?? 1
  const size = Math.ceil(handshake.length / records)
  const parts: Buffer[] = []
  for (let at = 0; at < handshake.length; at += size) {
    const fragment = handshake.subarray(at, at + size)
    parts.push(Buffer.from([22, 3, 1]), u16(fragment.length), fragment)
  }
  return Buffer.concat(parts)
}
const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff])
const sni = (...names: Array<[number, string]>) => {
  const list = Buffer.concat(names.map(([type, name]) => Buffer.concat([Buffer.from([type]), u16(Buffer.byteLength(name)), Buffer.from(name, 'latin1')])))
  return Buffer.concat([u16(list.length), list])
}

describe('TLS ClientHello server name', () => {
  it('reads the server name of a real ClientHello from tls.connect (TLS 1.3 and 1.2)', async () => {
    const name = 'f1a2.private.uhp.redis.eu-de.dataservices.appdomain.cloud'
    for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
      const bytes = await realClientHello({ servername: name, minVersion: version, maxVersion: version })
      expect(readClientHello(bytes)).toEqual({ kind: 'hello', serverName: name })
    }
  })

  it('a real ClientHello without SNI has no server name', async () => {
    const bytes = await realClientHello({ servername: '' })
    expect(readClientHello(bytes)).toEqual({ kind: 'hello', serverName: null })
  })

  it('every strict prefix of a real ClientHello asks for more', async () => {
    const bytes = await realClientHello({ servername: 'db.example.com' })
    for (let n = 0; n < bytes.length; n++) expect(readClientHello(bytes.subarray(0, n)).kind).toBe('incomplete')
  })

  it('hand-made cases: lower-cased names, split records, other name types, bad names, not TLS', () => {
    expect(readClientHello(helloWith([[0, sni([0, 'DB.Example.COM'])]]))).toEqual({ kind: 'hello', serverName: 'db.example.com' })
    expect(
      readClientHello(
        helloWith(
          [
            [10, Buffer.from([0, 2, 0, 29])],
            [0, sni([0, 'a.b'])]
          ],
          { records: 5, sessionId: 32 }
        )
      )
    ).toEqual({ kind: 'hello', serverName: 'a.b' })
    expect(readClientHello(helloWith([[0, sni([7, 'ignored'], [0, 'second.example'])]]))).toEqual({ kind: 'hello', serverName: 'second.example' })
    expect(readClientHello(helloWith([]))).toEqual({ kind: 'hello', serverName: null })
    expect(readClientHello(helloWith([[0, sni([0, 'bad name.example'])]])).kind).toBe('invalid')
    expect(readClientHello(helloWith([[0, sni([0, 'x\u00e9.example'])]])).kind).toBe('invalid')
    expect(readClientHello(helloWith([[0, Buffer.from([0, 9, 0])]])).kind).toBe('invalid')
    expect(readClientHello(Buffer.from('PING\r\n')).kind).toBe('invalid')
    expect(readClientHello(Buffer.from('GET / HTTP/1.1\r\n')).kind).toBe('invalid')
    expect(readClientHello(Buffer.from([22, 3, 3, 0, 0])).kind).toBe('invalid')
    expect(readClientHello(Buffer.from([22, 3, 3, 0x40, 0x01])).kind).toBe('invalid') // record longer than 2^14
    expect(readClientHello(Buffer.from([22, 3, 3, 0, 4, 2, 0, 0, 0])).kind).toBe('invalid') // ServerHello, not ClientHello
    expect(readClientHello(Buffer.from([22, 3, 3, 0, 4, 1, 0x7f, 0xff, 0xff])).kind).toBe('invalid') // claims 8 MB
    expect(readClientHello(Buffer.alloc(0)).kind).toBe('incomplete')
  })

  it('never throws on random bytes, nor on random bytes behind a handshake record header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = readClientHello(bytes)
        expect(['incomplete', 'hello', 'invalid']).toContain(r.kind)
      }),
      { numRuns: 3000 }
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => {
        const r = readClientHello(Buffer.concat([Buffer.from([22, 3, 1]), tail]))
        expect(['incomplete', 'hello', 'invalid']).toContain(r.kind)
      }),
      { numRuns: 3000 }
    )
  })

  it('random host names round-trip; any cut of the record asks for more, any corrupted byte fails cleanly', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/)
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 4 }), fc.nat(), fc.nat(255), (labels, records, cutAt, noise) => {
        const name = labels.join('.')
        const bytes = helloWith(
          [
            [43, Buffer.from([2, 3, 4])],
            [0, sni([0, name])]
          ],
          { records }
        )
        expect(readClientHello(bytes)).toEqual({ kind: 'hello', serverName: name })
        expect(readClientHello(bytes.subarray(0, cutAt % bytes.length)).kind).toBe('incomplete')
        const corrupted = Buffer.from(bytes)
        corrupted[cutAt % bytes.length] = noise
        expect(() => readClientHello(corrupted)).not.toThrow()
      }),
      { numRuns: 500 }
    )
  })
})
