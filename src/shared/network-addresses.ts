/**
 * Network addresses a user may admit to a Databases for Redis instance (a context-based
 * restriction zone, or Gen 1's IP allowlist): one IPv4/IPv6 address, a range `a-b`, or a CIDR
 * subnet. Pure and shared: the UI checks what is typed with the very rules main applies.
 */
export type AddressKind = 'ipAddress' | 'ipRange' | 'subnet'
export type IpFamily = 4 | 6

export interface NetworkAddress {
  kind: AddressKind
  family: IpFamily
  /** Canonical text: IPv6 compressed and lower-case, as IBM Cloud echoes it. */
  value: string
  /** First and last address covered, as integers. */
  first: bigint
  last: bigint
}

export type AddressProblem =
  | { code: 'address_invalid'; input: string }
  | { code: 'address_range_reversed'; input: string }
  | { code: 'address_cidr_not_network'; input: string; network: string }
  | { code: 'address_too_broad'; input: string; addresses: string }

/**
 * The widest entry accepted: a /8 of IPv4 (16,777,216 addresses) or a /32 of IPv6. Anything wider
 * (0.0.0.0/0 and its cousins) would admit a large part of the internet and defeat the restriction.
 */
export const WIDEST_IPV4_PREFIX = 8
export const WIDEST_IPV6_PREFIX = 32

const MAX_INPUT = 100

export function parseNetworkAddress(raw: string): { ok: true; address: NetworkAddress } | { ok: false; problem: AddressProblem } {
  const input = raw.trim()
  const invalid = { ok: false as const, problem: { code: 'address_invalid' as const, input: input.slice(0, MAX_INPUT) } }
  if (input.length === 0 || input.length > MAX_INPUT) return invalid
  if (input.includes('/')) return parseCidr(input) ?? invalid
  if (input.includes('-')) return parseRange(input) ?? invalid
  const ip = parseIp(input)
  if (!ip) return invalid
  return checkBreadth(input, { kind: 'ipAddress', family: ip.family, value: formatIp(ip.value, ip.family), first: ip.value, last: ip.value })
}

function parseCidr(input: string) {
  const [addr, prefixText, ...rest] = input.split('/')
  if (rest.length || !/^\d{1,3}$/.test(prefixText ?? '')) return undefined
  const ip = parseIp(addr)
  const prefix = Number(prefixText)
  if (!ip || prefix > bits(ip.family)) return undefined
  const hostBits = BigInt(bits(ip.family) - prefix)
  const first = (ip.value >> hostBits) << hostBits
  if (first !== ip.value) {
    return { ok: false as const, problem: { code: 'address_cidr_not_network' as const, input, network: `${formatIp(first, ip.family)}/${prefix}` } }
  }
  const last = first + (1n << hostBits) - 1n
  return checkBreadth(input, { kind: 'subnet', family: ip.family, value: `${formatIp(first, ip.family)}/${prefix}`, first, last })
}

function parseRange(input: string) {
  const parts = input.split('-')
  if (parts.length !== 2) return undefined
  const [a, b] = parts.map((p) => parseIp(p.trim()))
  if (!a || !b || a.family !== b.family) return undefined
  if (a.value > b.value) return { ok: false as const, problem: { code: 'address_range_reversed' as const, input } }
  return checkBreadth(input, {
    kind: 'ipRange',
    family: a.family,
    value: `${formatIp(a.value, a.family)}-${formatIp(b.value, b.family)}`,
    first: a.value,
    last: b.value
  })
}

function checkBreadth(input: string, address: NetworkAddress) {
  const widest = address.family === 4 ? WIDEST_IPV4_PREFIX : WIDEST_IPV6_PREFIX
  const size = address.last - address.first + 1n
  if (size > 1n << BigInt(bits(address.family) - widest)) {
    return { ok: false as const, problem: { code: 'address_too_broad' as const, input, addresses: size.toString() } }
  }
  return { ok: true as const, address }
}

const bits = (family: IpFamily) => (family === 4 ? 32 : 128)

/** A dotted IPv4 address (no leading zeros: `010` is octal to some tools) or an IPv6 address. */
export function parseIp(text: string): { family: IpFamily; value: bigint } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const octets = text.split('.')
    if (octets.some((o) => (o.length > 1 && o.startsWith('0')) || Number(o) > 255)) return undefined
    return { family: 4, value: octets.reduce((n, o) => (n << 8n) | BigInt(Number(o)), 0n) }
  }
  return text.includes(':') ? parseIpv6(text) : undefined
}

function parseIpv6(text: string): { family: IpFamily; value: bigint } | undefined {
  if (!/^[0-9a-fA-F:.]{2,45}$/.test(text)) return undefined
  let tail: bigint[] = []
  let head = text
  const v4 = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)
  if (v4) {
    const ip4 = parseIp(v4[2])
    if (!ip4 || ip4.family !== 4) return undefined
    head = v4[1].endsWith('::') ? v4[1] : v4[1].slice(0, -1)
    tail = [ip4.value >> 16n, ip4.value & 0xffffn]
  }
  const halves = head.split('::')
  if (halves.length > 2) return undefined
  const groups = (part: string) => (part === '' ? [] : part.split(':'))
  const left = groups(halves[0])
  const right = halves.length === 2 ? groups(halves[1]) : []
  if ([...left, ...right].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined
  const total = left.length + right.length + tail.length
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined
  const words = [...left.map((g) => BigInt(parseInt(g, 16))), ...Array<bigint>(8 - total).fill(0n), ...right.map((g) => BigInt(parseInt(g, 16))), ...tail]
  return { family: 6, value: words.reduce((n, w) => (n << 16n) | w, 0n) }
}

export function formatIp(value: bigint, family: IpFamily): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 0xffn).toString()).join('.')
  const words = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn))
  // RFC 5952: compress the longest run of two or more zero words, the first one on a tie.
  let best = { at: -1, len: 0 }
  for (let i = 0; i < 8;) {
    let j = i
    while (j < 8 && words[j] === 0) j++
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i }
    i = j === i ? i + 1 : j
  }
  const hex = words.map((w) => w.toString(16))
  if (best.at < 0) return hex.join(':')
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`
}

/** Whether `ip` (an address of the same family) lies inside `address`. */
export function covers(address: NetworkAddress, ip: { family: IpFamily; value: bigint }): boolean {
  return address.family === ip.family && address.first <= ip.value && ip.value <= address.last
}
