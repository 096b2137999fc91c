import net from 'node:net'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { covers, formatIp, parseIp, parseNetworkAddress } from '../../../src/shared/network-addresses'

const ok = (text: string) => {
  const r = parseNetworkAddress(text)
  if (!r.ok) throw new Error(`${text}: ${r.problem.code}`)
  return r.address
}
const problem = (text: string) => {
  const r = parseNetworkAddress(text)
  if (r.ok) throw new Error(`${text} was accepted`)
  return r.problem.code
}

describe('network addresses for restrictions', () => {
  it('reads addresses, ranges and CIDR subnets, IPv4 and IPv6, in canonical form', () => {
    expect(ok(' 10.1.2.3 ')).toMatchObject({ kind: 'ipAddress', family: 4, value: '10.1.2.3' })
    expect(ok('10.0.0.0/24')).toMatchObject({ kind: 'subnet', value: '10.0.0.0/24', first: 0x0a000000n, last: 0x0a0000ffn })
    expect(ok('192.168.1.10-192.168.1.20')).toMatchObject({ kind: 'ipRange', value: '192.168.1.10-192.168.1.20' })
    expect(ok('2001:DB8:0:0:0:0:0:1')).toMatchObject({ kind: 'ipAddress', family: 6, value: '2001:db8::1' })
    expect(ok('2001:db8::/48').value).toBe('2001:db8::/48')
    expect(ok('::ffff:10.0.0.1').value).toBe('::ffff:a00:1')
    expect(ok('166.8.0.0/14').last).toBe((166n << 24n) + (11n << 16n) + 0xffffn)
  })

  it('refuses what is not an address, with a reason', () => {
    for (const bad of [
      '',
      'localhost',
      '10.0.0',
      '10.0.0.256',
      '010.0.0.1',
      '10.0.0.1/33',
      '1.2.3.4/x',
      '1::2::3',
      '12345::',
      'a-b',
      '10.0.0.1-::1',
      '1.2.3.4/24/1'
    ]) {
      expect(problem(bad), bad).toBe('address_invalid')
    }
    expect(problem('10.0.0.20-10.0.0.1')).toBe('address_range_reversed')
    expect(problem('10.0.0.1/24')).toBe('address_cidr_not_network')
  })

  it('refuses 0.0.0.0/0 and anything else wider than a /8 (IPv4) or /32 (IPv6)', () => {
    for (const broad of ['0.0.0.0/0', '0.0.0.0/1', '128.0.0.0/7', '0.0.0.0-255.255.255.255', '::/0', '2000::/3', '1.0.0.0-2.0.0.0']) {
      expect(problem(broad), broad).toBe('address_too_broad')
    }
    expect(ok('10.0.0.0/8').kind).toBe('subnet')
    expect(ok('2001:db8::/32').kind).toBe('subnet')
  })

  it('parses every IPv4 and IPv6 address as Node does, and formats IPv6 as the WHATWG URL serializer does', () => {
    const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'))
    fc.assert(
      fc.property(fc.oneof(v4, fc.ipV6()), (text) => {
        const ip = parseIp(text)
        expect(ip?.family).toBe(net.isIP(text))
        const formatted = formatIp(ip!.value, ip!.family)
        if (ip!.family === 6) expect(formatted).toBe(new URL(`http://[${text}]/`).hostname.slice(1, -1))
        else expect(formatted).toBe(text)
        expect(parseIp(formatted)?.value).toBe(ip!.value)
      }),
      { numRuns: 2000 }
    )
  })

  it('a CIDR covers exactly its own addresses', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.integer({ min: 8, max: 32 }), fc.nat(0xffffffff), (base, prefix, probe) => {
        const host = BigInt(32 - prefix)
        const network = (BigInt(base) >> host) << host
        const subnet = ok(`${formatIp(network, 4)}/${prefix}`)
        const inside = BigInt(probe) >> host === network >> host
        expect(covers(subnet, { family: 4, value: BigInt(probe) })).toBe(inside)
      }),
      { numRuns: 2000 }
    )
  })

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (s) => void parseNetworkAddress(s)),
      { numRuns: 3000 }
    )
  })
})
