import type { ProfileFields } from '../../../shared/schemas/profile'
import { toRedisUrl } from '../importers/url'
import { pemToBase64 } from '../pem'
import { SYSTEM_ROOTS_COMMENT, isGen2Profile } from './gen2'
import { commentName, refuseUnwritable } from './text-safety'

/**
 * A `.env` file as the dotenv parser reads it (not a shell). dotenv has no escapes inside single
 * quotes or backticks, only \n and \r inside double quotes, and treats a quote after a backslash
 * as part of the value, so each value takes the first form that reads back byte for byte.
 */
const BARE_SAFE = /^[A-Za-z0-9_@%+=:,./-]*$/
const LINE_BREAK = /[\n\r\u2028\u2029]/

export function dotenvValue(value: string): string | undefined {
  if (BARE_SAFE.test(value)) return value
  if (/\p{Cs}/u.test(value)) return undefined
  const quotable = !value.includes('\r') && !value.endsWith('\\')
  if (quotable && !value.includes("'")) return `'${value}'`
  if (quotable && !value.includes('`')) return `\`${value}\``
  if (!value.includes('"') && !value.endsWith('\\') && !/\\[nr]/.test(value)) return `"${value.replace(/\r/g, '\\r')}"`
  // Unquoted: dotenv trims it, stops at # or a line end and strips quotes around it.
  if (!/[#]/.test(value) && !LINE_BREAK.test(value) && value.trim() === value && !/^['"`]/.test(value)) return value
  return undefined
}

/** `KEY=value`, or (for a value dotenv cannot hold) `KEY_BASE64=` its UTF-8 in base64, with a comment saying so. */
function assignment(key: string, value: string): string[] {
  const encoded = dotenvValue(value)
  if (encoded !== undefined) return [`${key}=${encoded}`]
  return [
    `# ${key} has characters a .env file cannot hold exactly: ${key}_BASE64 holds its UTF-8 bytes in base64 (REDIS_URL holds it percent-encoded).`,
    `${key}_BASE64=${Buffer.from(value, 'utf8').toString('base64')}`
  ]
}

export function dotenvExport(fields: ProfileFields, password: string | null): string {
  refuseUnwritable(password, 'password', '.env')
  refuseUnwritable(fields.username, 'user name', '.env')
  const lines = [
    `# ${commentName(fields.name)}`,
    `REDIS_HOST=${fields.host}`,
    `REDIS_PORT=${fields.port}`,
    `REDIS_DB=${fields.db}`,
    ...assignment('REDIS_USERNAME', fields.username ?? ''),
    ...(password ? assignment('REDIS_PASSWORD', password) : ['# REDIS_PASSWORD is a secret: set it from your secret store.', 'REDIS_PASSWORD=']),
    `REDIS_TLS=${fields.tls.enabled}`
  ]
  if (fields.tls.enabled) {
    lines.push(`REDIS_TLS_SERVERNAME=${fields.tls.servername ?? fields.host}`, `REDIS_TLS_VERIFY=${fields.tls.verifyServerCert}`)
    if (fields.tls.caPem) lines.push(`REDIS_CA_CERT_BASE64=${pemToBase64(fields.tls.caPem)}`)
    else if (isGen2Profile(fields)) lines.push(SYSTEM_ROOTS_COMMENT)
  }
  lines.push(...assignment('REDIS_URL', toRedisUrl(fields, password)))
  return lines.join('\n') + '\n'
}
