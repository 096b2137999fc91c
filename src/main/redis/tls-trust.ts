import { X509Certificate } from 'node:crypto'
import fs from 'node:fs'
import tls from 'node:tls'

/**
 * What a TLS connection trusts. A profile's own CA (Gen 1's self-signed CA) replaces everything;
 * without one, Node's default roots (Mozilla's bundle plus NODE_EXTRA_CA_CERTS) — "system roots"
 * in the facts doc (§1.8) — and, only where a sandbox run says so, the sandbox's public root *in
 * addition* (src/main/sandbox/sandbox-trust.ts). Nothing here ever turns verification off.
 */

/** The most a CA file may weigh; a bundle of every public root is about 250 KB. */
export const MAX_CA_FILE_BYTES = 2 * 1024 * 1024

/** The certificates of a PEM text that parse as X.509; anything else in it is ignored. */
export function pemCertificates(text: string): string[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----/g) ?? []
  return blocks.filter((pem) => {
    try {
      new X509Certificate(pem)
      return true
    } catch {
      return false
    }
  })
}

/** A PEM file's certificates: read once per path, bounded; a missing, huge or unreadable file gives none. */
const fileCache = new Map<string, string[]>()
export function certificatesInFile(file: string | undefined): string[] {
  if (!file) return []
  const cached = fileCache.get(file)
  if (cached) return cached
  let found: string[] = []
  try {
    if (fs.statSync(file).size <= MAX_CA_FILE_BYTES) found = pemCertificates(fs.readFileSync(file, 'utf8'))
  } catch {
    found = []
  }
  fileCache.set(file, found)
  return found
}

type WithDefaultCas = typeof tls & { getCACertificates?: (type: 'default') => string[] }

/** Node's default roots: `tls.getCACertificates('default')` where Node has it, else the bundle plus NODE_EXTRA_CA_CERTS (as Node reads it at start). */
export function defaultRoots(): string[] {
  const fromNode = (tls as WithDefaultCas).getCACertificates?.('default')
  if (fromNode) return fromNode
  return [...tls.rootCertificates, ...certificatesInFile(process.env.NODE_EXTRA_CA_CERTS)]
}

/** The `ca` option of tls.connect: the profile's CA; or the default roots plus `extraRoots`; or undefined (Node's defaults). */
export function trustAnchors(caPem: string | null | undefined, extraRoots: readonly string[] | undefined): string | string[] | undefined {
  if (caPem) return caPem
  if (extraRoots && extraRoots.length > 0) return [...defaultRoots(), ...extraRoots]
  return undefined
}
