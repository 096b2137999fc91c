import { isIP } from 'node:net'
import type { ProfileFields } from '../../../shared/schemas/profile'

/** A Gen 2 profile (IBM Cloud, through a VPE). Gen 1 exports keep their exact form. */
export function isGen2Profile(fields: ProfileFields): boolean {
  return fields.origin.kind === 'ibmcloud' && fields.origin.generation === 'gen2'
}

/** The name the TLS handshake sends (SNI) and the certificate must match: the servername, else a host name (never an IP). */
export function tlsServername(fields: ProfileFields): string | null {
  if (fields.tls.servername) return fields.tls.servername
  return isIP(fields.host.replace(/^\[|\]$/g, '')) ? null : fields.host
}

/** Gen 2 exports say why no CA travels with them (the VPE's certificate chains to a public root). */
export const SYSTEM_ROOTS_COMMENT = "# TLS: no CA file; the server certificate is checked against this system's trusted roots."
