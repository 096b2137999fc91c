import { cleanProfileName } from '../../../shared/profile-name'
import { defaultProfileFields, isHost, type Origin } from '../../../shared/schemas/profile'
import { pemFromBase64 } from '../pem'
import { importError, isPasswordPlaceholder, type ImportedProfile } from './types'

/**
 * IBM Cloud Databases for Redis connection data:
 * - a service key (resource key) JSON: `credentials.connection.rediss` (or just its `credentials`);
 * - `ibmcloud cdb deployment-connections --output json`: `{"connection": {rediss, cli}}`, or a
 *   container (array or object) whose single value is `{rediss, cli}` (the exact top level is
 *   unverified, so both are accepted).
 */
type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

interface RedissBlock {
  hosts?: Array<{ hostname?: unknown; port?: unknown }>
  authentication?: { username?: unknown; password?: unknown }
  certificate?: { certificate_base64?: unknown }
  database?: unknown
  path?: unknown
}

/** Finds `connection.rediss` in a service key, its credentials, or a cdb connections document. */
export function findRedissBlock(data: unknown): { rediss: RedissBlock; kind: 'ibm-service-key' | 'ibm-cdb-connections'; root: Json | undefined } | undefined {
  if (isObject(data) && isObject(data.credentials) && isObject(data.credentials.connection) && isObject(data.credentials.connection.rediss)) {
    return { rediss: data.credentials.connection.rediss as RedissBlock, kind: 'ibm-service-key', root: data }
  }
  if (isObject(data) && isObject(data.connection) && isObject(data.connection.rediss)) {
    // A bare credentials object has other IBM keys next to `connection`.
    const kind = 'instance_administration_api' in data || 'apikey' in data ? 'ibm-service-key' : 'ibm-cdb-connections'
    return { rediss: data.connection.rediss as RedissBlock, kind, root: data }
  }
  if (isObject(data) && isObject(data.rediss)) return { rediss: data.rediss as RedissBlock, kind: 'ibm-cdb-connections', root: undefined }
  const values = Array.isArray(data) ? data : isObject(data) ? Object.values(data) : []
  if (values.length === 1 && (isObject(values[0]) || Array.isArray(values[0]))) {
    const inner = findRedissBlock(values[0])
    if (inner) return { ...inner, kind: 'ibm-cdb-connections' }
  }
  return undefined
}

function regionFromCrn(crn: string): string | null {
  const parts = crn.split(':')
  return parts.length >= 6 && parts[0] === 'crn' && parts[5] ? parts[5] : null
}

export function importIbm(data: unknown): ImportedProfile {
  const found = findRedissBlock(data)
  if (!found)
    throw importError(
      'This JSON has no Redis connection (credentials.connection.rediss). Paste the whole service key, or the output of "ibmcloud cdb deployment-connections NAME --output json".'
    )
  const { rediss, kind, root } = found
  const host = rediss.hosts?.[0]
  if (!host || typeof host.hostname !== 'string' || typeof host.port !== 'number')
    throw importError('The connection data lists no host and port (rediss.hosts).')
  if (!isHost(host.hostname)) throw importError('The host name in the connection data (rediss.hosts) is not a host name.')
  if (!Number.isInteger(host.port) || host.port < 1 || host.port > 65535)
    throw importError('The port in the connection data (rediss.hosts) must be from 1 to 65535.')
  const username = typeof rediss.authentication?.username === 'string' && rediss.authentication.username !== '' ? rediss.authentication.username : null
  const password = typeof rediss.authentication?.password === 'string' ? rediss.authentication.password : ''
  const dbValue =
    typeof rediss.database === 'number' ? rediss.database : typeof rediss.path === 'string' && /^\/\d+$/.test(rediss.path) ? Number(rediss.path.slice(1)) : 0
  if (!Number.isInteger(dbValue) || dbValue < 0 || dbValue > 255) throw importError('The database number in the connection data must be from 0 to 255.')
  if (username !== null && (username.length > 256 || /\s/.test(username))) throw importError('The user name in the connection data is not valid.')
  const b64 = rediss.certificate?.certificate_base64
  const notes: string[] = []
  const caPem = typeof b64 === 'string' && b64.trim() !== '' ? pemFromBase64(b64) : null
  if (!caPem) notes.push('No CA certificate in the data: the system trust store will be used.')

  const credentials = isObject(root?.credentials) ? root!.credentials : root
  const admin = isObject(credentials) && isObject(credentials.instance_administration_api) ? credentials.instance_administration_api : undefined
  const crn = typeof root?.source_crn === 'string' && root.source_crn ? root.source_crn : typeof admin?.instance_id === 'string' ? admin.instance_id : null
  const origin: Extract<Origin, { kind: 'ibmcloud' }> = {
    kind: 'ibmcloud',
    crn: crn ? crn.slice(0, 512) : null,
    region: crn ? regionFromCrn(crn) : null,
    endpointType: host.hostname.includes('.private.') ? 'private' : 'public',
    // A service key does not name its plan; port 6379 with no CA is how Gen 2 keys look.
    generation: host.port === 6379 && !caPem ? 'gen2' : 'gen1'
  }
  const secrets: ImportedProfile['secrets'] = {}
  if (password && !isPasswordPlaceholder(password)) secrets.password = password
  else notes.push('The data has no password (IBM Cloud shows $PASSWORD until you set one): enter it.')
  const keyName = typeof root?.name === 'string' ? root.name : ''
  const fields = defaultProfileFields({
    name: cleanProfileName(keyName, `redis-${origin.endpointType}`),
    tags: ['ibmcloud', origin.endpointType],
    host: host.hostname.toLowerCase(),
    port: host.port,
    db: dbValue,
    username,
    origin
  })
  fields.tls = { ...fields.tls, enabled: true, caPem }
  return { format: kind, fields, secrets, notes }
}
