import { AppFailure } from '../../shared/errors'
import { nodeCrypto } from '../util/lazy-builtins'

export const PemCodes = { invalidCertificate: 'invalid_certificate' } as const

const BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g

/**
 * Checks that `text` is one or more PEM certificates that really parse, and returns them
 * normalised (one block per certificate, LF line ends, trailing newline).
 */
export function validatePemCertificates(text: string, what = 'CA certificate'): string {
  const blocks = text.replace(/\r\n/g, '\n').match(BLOCK)
  if (!blocks || blocks.length === 0) {
    throw new AppFailure({ code: PemCodes.invalidCertificate, message: `The ${what} is not PEM. Paste the text that starts with -----BEGIN CERTIFICATE-----.` })
  }
  const rest = text.replace(BLOCK, '').trim()
  if (rest.length > 0) {
    throw new AppFailure({ code: PemCodes.invalidCertificate, message: `The ${what} has extra text around the PEM blocks. Paste only the certificate(s).` })
  }
  return (
    blocks
      .map((block, i) => {
        try {
          const cert = new (nodeCrypto().X509Certificate)(block)
          return cert.toString().trim()
        } catch {
          throw new AppFailure({ code: PemCodes.invalidCertificate, message: `Certificate ${i + 1} of the ${what} does not parse. Copy it again, whole.` })
        }
      })
      .join('\n') + '\n'
  )
}

/** Decodes IBM's certificate_base64 (base64 of a PEM file) and validates it. */
export function pemFromBase64(b64: string, what = 'CA certificate'): string {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(b64)) {
    throw new AppFailure({ code: PemCodes.invalidCertificate, message: `The ${what} is not base64.` })
  }
  return validatePemCertificates(Buffer.from(b64, 'base64').toString('utf8'), what)
}

export const pemToBase64 = (pem: string): string => Buffer.from(pem, 'utf8').toString('base64')

/** A private key PEM (client key): shape check only; it is a secret and is never parsed into logs. */
export function validatePrivateKeyPem(text: string): string {
  const trimmed = text.replace(/\r\n/g, '\n').trim()
  if (!/^-----BEGIN ([A-Z ]*)PRIVATE KEY-----\n[\s\S]+\n-----END \1PRIVATE KEY-----$/.test(trimmed)) {
    throw new AppFailure({
      code: 'invalid_private_key',
      message: 'The client key is not a PEM private key. Paste the text that starts with -----BEGIN PRIVATE KEY-----.'
    })
  }
  return trimmed + '\n'
}
