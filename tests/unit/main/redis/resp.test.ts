import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RespDecoder, RespError, RespProtocolError, encodeCommand } from '../../../../src/main/redis/resp'

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

/** A reply the way a server would send it, and what the decoder must make of it. */
interface Sample {
  wire: string
  value: unknown
}

const line = fc.string({ maxLength: 12 }).filter((s) => !/[\r\n]/.test(s))
const scalar: fc.Arbitrary<Sample> = fc.oneof(
  line.map((s) => ({ wire: `+${s}\r\n`, value: s })),
  line.map((s) => ({ wire: `-ERR ${s}\r\n`, value: new RespError(`ERR ${s}`) })),
  fc.integer().map((n) => ({ wire: `:${n}\r\n`, value: n })),
  fc.string({ maxLength: 20 }).map((s) => ({ wire: `$${Buffer.byteLength(s)}\r\n${s}\r\n`, value: s })),
  fc.constant({ wire: '$-1\r\n', value: null }),
  fc.constant({ wire: '_\r\n', value: null }),
  fc.boolean().map((b) => ({ wire: `#${b ? 't' : 'f'}\r\n`, value: b })),
  // String(-0) is "0": write the sign, as a server would, so the sample means what it says.
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => ({ wire: `,${Object.is(d, -0) ? '-0' : d}\r\n`, value: d })),
  fc.bigInt().map((b) => ({ wire: `(${b}\r\n`, value: b })),
  fc.string({ maxLength: 20 }).map((s) => ({ wire: `=${Buffer.byteLength(s) + 4}\r\ntxt:${s}\r\n`, value: s }))
)
const { sample } = fc.letrec<{ sample: Sample }>((tie) => ({
  sample: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.tuple(fc.constantFrom('*', '~', '>'), fc.array(tie('sample'), { maxLength: 4 })).map(([t, items]) => ({
      wire: `${t}${items.length}\r\n${items.map((i) => i.wire).join('')}`,
      value: items.map((i) => i.value)
    })),
    fc.uniqueArray(fc.tuple(line, tie('sample')), { maxLength: 4, selector: ([k]) => k }).map((pairs) => ({
      wire: `%${pairs.length}\r\n${pairs.map(([k, v]) => `+${k}\r\n${v.wire}`).join('')}`,
      value: Object.fromEntries(pairs.map(([k, v]) => [k, v.value]))
    })),
    // An attribute, then the reply it describes.
    fc.tuple(line, tie('sample')).map(([k, v]) => ({ wire: `|1\r\n+${k}\r\n:1\r\n${v.wire}`, value: v.value }))
  )
}))

describe('RESP decoder, incremental', () => {
  it('decodes any chunking of any replies exactly like the whole input', () => {
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 30 }), (samples, cuts) => {
        const wire = Buffer.from(samples.map((s) => s.wire).join(''), 'utf8')
        const whole = decodeAll(wire)
        expect(whole).toEqual(samples.map((s) => s.value))
        const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b)
        const d = new RespDecoder()
        const out: unknown[] = []
        let from = 0
        for (const to of [...points, wire.length]) {
          d.push(wire.subarray(from, to))
          from = to
          for (let r = d.next(); r; r = d.next()) out.push(r.value)
        }
        expect(out).toEqual(whole)
      })
    )
  })

  it('keeps "__proto__" as a plain key: a reply cannot give a map a prototype', () => {
    const [map] = decodeAll(Buffer.from('%2\r\n+__proto__\r\n%1\r\n+isAdmin\r\n#t\r\n+a\r\n:1\r\n')) as [Record<string, unknown>]
    expect(Object.getPrototypeOf(map)).toBe(null)
    expect(map.isAdmin).toBeUndefined()
    expect(Object.keys(map)).toEqual(['__proto__', 'a'])
    expect(Object.getOwnPropertyDescriptor(map, '__proto__')?.value).toEqual({ isAdmin: true })
  })

  it('resumes where it stopped: a large reply in tiny chunks decodes (no re-parse from the start per chunk)', () => {
    const big = 'x'.repeat(512 * 1024)
    expect(decodeAll(Buffer.from(`$${big.length}\r\n${big}\r\n+after\r\n`), 1)).toEqual([big, 'after'])
    const n = 100_000
    const array = Buffer.from(`*${n}\r\n${':7\r\n'.repeat(n)}`)
    const [items] = decodeAll(array, 3) as [number[]]
    expect(items.length).toBe(n)
  })

  it('refuses deep nesting and oversized replies as protocol errors, never a stack overflow', () => {
    expect(() => decodeAll(Buffer.from('*1\r\n'.repeat(200_000) + ':1\r\n'))).toThrow(RespProtocolError)
    expect(() => decodeAll(Buffer.from(`$${9 * 1024 * 1024}\r\n`))).toThrow(RespProtocolError)
    const many = Buffer.from(`*1000000\r\n${`$10\r\n${'y'.repeat(10)}\r\n`.repeat(600_000)}`)
    expect(() => decodeAll(many, 64 * 1024)).toThrow(/larger than 8 MiB/)
  })
})
