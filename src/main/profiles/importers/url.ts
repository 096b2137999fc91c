import net from 'node:net'
import { defaultProfileFields, isHost, type ProfileFields } from '../../../shared/schemas/profile'
import { INSECURE_NOTE, importError, isPasswordPlaceholder, type ImportedProfile } from './types'

/**
 * `redis://` and `rediss://` URLs: user, password, host, port, database path. Query parameters
 * our own exports add: `servername` (SNI) and `insecure=true` (no verification).
 */
export function parseRedisUrl(text: string, base: Partial<ProfileFields> = {}): ImportedProfile {
  const trimmed = text.trim()
  if (!/^rediss?:\/\//i.test(trimmed)) throw importError('A connection URL starts with rediss:// (TLS) or redis:// (plain text).')
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw importError('The connection URL is not valid. It looks like rediss://user:password@host:port/0.')
  }
  const tls = url.protocol.toLowerCase() === 'rediss:'
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (!host || !isHost(host)) throw importError('The connection URL has no valid host name.')
  const port = url.port ? Number(url.port) : 6379
  const dbText = url.pathname.replace(/^\//, '')
  if (dbText !== '' && !/^\d{1,3}$/.test(dbText)) throw importError(`The database in the URL ("/${dbText.slice(0, 20)}") must be a number from 0 to 255.`)
  const db = dbText === '' ? 0 : Number(dbText)
  if (db > 255) throw importError('The database number must be from 0 to 255.')
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s)
    } catch {
      throw importError('The URL has a badly escaped user name or password.')
    }
  }
  const username = url.username ? decode(url.username) : null
  if (username !== null && (/\s/.test(username) || username.length > 256)) throw importError('The user name in the URL is not valid.')
  const rawPassword = url.password ? decode(url.password) : ''
  const notes: string[] = []
  const secrets: ImportedProfile['secrets'] = {}
  if (rawPassword && !isPasswordPlaceholder(rawPassword)) secrets.password = rawPassword
  else if (rawPassword) notes.push(`The URL holds the placeholder ${rawPassword} instead of a password: enter the password.`)
  const servername = url.searchParams.get('servername')
  if (servername !== null && !isHost(servername)) throw importError('The servername parameter is not a host name.')
  const insecure = /^(1|true|yes)$/i.test(url.searchParams.get('insecure') ?? '')
  const fields = defaultProfileFields({
    name: host.split('.')[0].slice(0, 100) || host,
    ...base,
    host: net.isIPv6(host) ? host : host.toLowerCase(),
    port,
    db,
    username: username === '' ? null : username
  })
  fields.tls = { ...fields.tls, enabled: tls, servername: servername ?? null, verifyServerCert: !insecure }
  if (tls && insecure) notes.push(INSECURE_NOTE)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw importError('The port must be from 1 to 65535.')
  return { format: 'url', fields, secrets, notes }
}

/** The URL form of a profile (our exports); the password only when given. */
export function toRedisUrl(fields: ProfileFields, password?: string | null, passwordPlaceholder?: string): string {
  const scheme = fields.tls.enabled ? 'rediss' : 'redis'
  const user = fields.username !== null ? encodeURIComponent(fields.username) : ''
  const secret = password ? encodeURIComponent(password) : (passwordPlaceholder ?? '')
  const auth = user || secret ? `${user}${secret ? `:${secret}` : ''}@` : ''
  const host = net.isIPv6(fields.host) ? `[${fields.host}]` : fields.host
  const query = new URLSearchParams()
  if (fields.tls.enabled && fields.tls.servername && fields.tls.servername !== fields.host) query.set('servername', fields.tls.servername)
  if (fields.tls.enabled && !fields.tls.verifyServerCert) query.set('insecure', 'true')
  const q = query.toString()
  return `${scheme}://${auth}${host}:${fields.port}/${fields.db}${q ? `?${q}` : ''}`
}
