/**
 * Reads the server name (SNI, RFC 6066 §3) from the first bytes a TLS client sends: the
 * ClientHello, in one or more handshake records (RFC 8446 §5.1, §4.1.2). Nothing is decrypted:
 * the ClientHello is plain text in every TLS version. Used by the sandbox's SNI front
 * (src/main/sandbox/emulator/sni-front.ts) to refuse a wrong name, as Gen 2 does.
 *
 * Never throws: any byte string gives `incomplete` (send more), `hello` or `invalid`.
 */
export type ClientHelloResult = { kind: 'incomplete' } | { kind: 'hello'; serverName: string | null } | { kind: 'invalid'; reason: string }

const RECORD_HANDSHAKE = 22
const HANDSHAKE_CLIENT_HELLO = 1
const EXT_SERVER_NAME = 0
const NAME_TYPE_HOST = 0
/** The largest record plaintext TLS allows (2^14) and the largest ClientHello we wait for. */
const MAX_RECORD = 16_384
export const MAX_CLIENT_HELLO = 65_536

const invalid = (reason: string): ClientHelloResult => ({ kind: 'invalid', reason })

/** The handshake bytes carried by the leading records, or why they cannot be a TLS handshake. */
function handshakeBytes(data: Uint8Array): { bytes: Uint8Array; complete: boolean } | { reason: string } {
  const parts: Uint8Array[] = []
  let offset = 0
  let total = 0
  let wanted: number | undefined
  while (offset + 5 <= data.length) {
    if (data[offset] !== RECORD_HANDSHAKE) return { reason: 'not a TLS handshake record' }
    if (data[offset + 1] !== 3) return { reason: 'not a TLS record version' }
    const length = (data[offset + 3] << 8) | data[offset + 4]
    if (length === 0 || length > MAX_RECORD) return { reason: 'bad record length' }
    const fragment = data.subarray(offset + 5, Math.min(data.length, offset + 5 + length))
    parts.push(fragment)
    total += fragment.length
    if (wanted === undefined && total >= 4) {
      const head = concat(parts, 4)
      if (head[0] !== HANDSHAKE_CLIENT_HELLO) return { reason: 'the first handshake message is not a ClientHello' }
      wanted = 4 + ((head[1] << 16) | (head[2] << 8) | head[3])
      if (wanted > MAX_CLIENT_HELLO) return { reason: 'ClientHello too large' }
    }
    if (wanted !== undefined && total >= wanted) return { bytes: concat(parts, wanted), complete: true }
    if (fragment.length < length) break
    offset += 5 + length
  }
  if (data.length > 0 && data[0] !== RECORD_HANDSHAKE) return { reason: 'not a TLS handshake record' }
  return { bytes: concat(parts, total), complete: false }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length)
  let at = 0
  for (const p of parts) {
    if (at >= length) break
    const piece = p.subarray(0, length - at)
    out.set(piece, at)
    at += piece.length
  }
  return out
}

/** A cursor over a complete ClientHello that reports running off the end instead of throwing. */
class Reader {
  private at = 0
  constructor(private readonly bytes: Uint8Array) {}
  get ok(): boolean {
    return this.at <= this.bytes.length
  }
  get left(): number {
    return this.bytes.length - this.at
  }
  skip(n: number): void {
    this.at += n
  }
  uint(size: 1 | 2 | 3): number {
    let v = 0
    for (let i = 0; i < size; i++) v = (v << 8) | (this.bytes[this.at + i] ?? 0)
    this.at += size
    return v
  }
  take(n: number): Uint8Array {
    const out = this.bytes.subarray(this.at, this.at + n)
    this.at += n
    return out
  }
}

/** A DNS host name as SNI carries it (ASCII, no trailing dot, RFC 6066), lower-cased; undefined if it is not one. */
function hostName(raw: Uint8Array): string | undefined {
  if (raw.length === 0 || raw.length > 253) return undefined
  const text = String.fromCharCode(...raw)
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(text)) return undefined
  return text.toLowerCase()
}

/** The host_name entry of a server_name extension body. */
function serverNameOf(body: Uint8Array): string | null | { reason: string } {
  const r = new Reader(body)
  const listLength = r.uint(2)
  if (!r.ok || listLength !== r.left) return { reason: 'bad server_name list' }
  while (r.left > 0) {
    const type = r.uint(1)
    const length = r.uint(2)
    const name = r.take(length)
    if (!r.ok) return { reason: 'bad server_name entry' }
    if (type !== NAME_TYPE_HOST) continue
    return hostName(name) ?? { reason: 'server_name is not a host name' }
  }
  return null
}

/** Parses a complete ClientHello message (handshake header included). */
function parseHello(hello: Uint8Array): ClientHelloResult {
  const r = new Reader(hello)
  r.skip(4) // handshake type and length, checked by handshakeBytes
  r.skip(2 + 32) // legacy_version, random
  r.skip(r.uint(1)) // legacy_session_id
  const suites = r.uint(2)
  if (suites === 0 || suites % 2 !== 0) return invalid('bad cipher_suites')
  r.skip(suites)
  const compression = r.uint(1)
  if (compression === 0) return invalid('bad compression_methods')
  r.skip(compression)
  if (!r.ok) return invalid('truncated ClientHello')
  if (r.left === 0) return { kind: 'hello', serverName: null } // no extensions at all (TLS 1.2 allows it)
  const extensions = r.uint(2)
  if (!r.ok || extensions !== r.left) return invalid('bad extensions length')
  let serverName: string | null = null
  while (r.left > 0) {
    const type = r.uint(2)
    const body = r.take(r.uint(2))
    if (!r.ok) return invalid('truncated extension')
    if (type !== EXT_SERVER_NAME) continue
    const found = serverNameOf(body)
    if (found !== null && typeof found === 'object') return invalid(found.reason)
    serverName = found
  }
  return { kind: 'hello', serverName }
}

/** What the bytes received so far say about the client's server name. */
export function readClientHello(data: Uint8Array): ClientHelloResult {
  const found = handshakeBytes(data)
  if ('reason' in found) return invalid(found.reason)
  // Many tiny records could keep a buffer growing; a real ClientHello fits in a few full ones.
  if (!found.complete) return data.length > 2 * MAX_CLIENT_HELLO ? invalid('ClientHello too large') : { kind: 'incomplete' }
  return parseHello(found.bytes)
}
