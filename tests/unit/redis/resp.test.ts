import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RespDecoder, RespError, RespProtocolError, encodeCommand } from '../../../src/main/redis/resp'

function decodeAll(bytes: Buffer, chunk = bytes.length) {
  const d = new RespDecoder()
  const out: unknown[] = []
  for (let i = 0; i < bytes.length; i += chunk) {
    d.push(bytes.subarray(i, i + chunk))
    for (let r = d.next(); r; r = d.next()) out.push(r.value)
  }
  return out
}

describe('RESP codec', () => {
  it('encodes commands as arrays of bulk strings', () => {
    expect(encodeCommand(['SET', 'k', 'é', 30]).toString()).toBe('*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n$2\r\n30\r\n')
  })

  it('decodes RESP2 and RESP3 replies, in any chunking', () => {
    const wire = Buffer.from(
      '+OK\r\n-NOPERM no\r\n:42\r\n$3\r\nabc\r\n$-1\r\n*2\r\n+a\r\n:1\r\n%1\r\n+proto\r\n:3\r\n_\r\n#t\r\n,1.5\r\n(12345678901234567890\r\n=8\r\ntxt:info\r\n!5\r\nERR x\r\n'
    )
    for (const chunk of [1, 2, 7, wire.length]) {
      const out = decodeAll(wire, chunk)
      expect(out).toEqual([
        'OK',
        new RespError('NOPERM no'),
        42,
        'abc',
        null,
        ['a', 1],
        { proto: 3 },
        null,
        true,
        1.5,
        12345678901234567890n,
        'info',
        new RespError('ERR x')
      ])
    }
    expect((decodeAll(Buffer.from('-WRONGPASS invalid\r\n'))[0] as RespError).kind).toBe('WRONGPASS')
  })

  it('rejects bytes that are not RESP (a TLS alert, say) and never crashes on noise', () => {
    expect(() => decodeAll(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02]))).toThrow(RespProtocolError)
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeAll(Buffer.from(bytes))
        } catch (e) {
          expect(e).toBeInstanceOf(RespProtocolError)
        }
      })
    )
  })
})
