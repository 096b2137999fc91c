import type { EndpointType } from '../../../shared/schemas/ibmcloud'
import type { WizardState } from '../../../shared/schemas/wizard'
import { adminPasswordSecret, keyPasswordSecret } from '../secret-names'
import { gen2KeyConnection } from './credentials-gen2'

/** What the test and save steps connect with on one endpoint: its connection and the keychain entry of its password. */
export interface EndpointTarget {
  connection: NonNullable<WizardState['connections']['public']>
  secret: string
  /** The resource key whose user this is (null: the admin user). */
  keyId: string | null
}

/** Public: the admin user on the public endpoint. Private: the private service key's user. Gen 2: private only. */
export function endpointTarget(state: WizardState, e: EndpointType): EndpointTarget | null {
  const instance = state.instance
  if (!instance) return null
  if (instance.generation === 'gen2') return e === 'private' ? gen2Target(state) : null
  if (e === 'public') return state.connections.public ? { connection: state.connections.public, secret: adminPasswordSecret(instance.guid), keyId: null } : null
  if (state.serviceKey) return { connection: state.serviceKey.connection, secret: keyPasswordSecret(state.serviceKey.id), keyId: state.serviceKey.id }
  return null
}

/**
 * Gen 2: the application's key (Writer, or the Manager key when step 7 was skipped) on the VPE's
 * name when step 6 made one, else the name step 6 read, else the key's own. Publicly trusted
 * certificates (system roots, `caPem` empty) and SNI = that domain, also when it is dialled by IP.
 */
function gen2Target(state: WizardState): EndpointTarget | null {
  const key = state.serviceKey
  if (!key) return null
  const found = state.connections.private
  const hostname = state.vpe?.hostname || found?.hostname || key.connection.hostname
  const port = found?.port ?? key.connection.port
  const connection = gen2KeyConnection({ username: key.connection.username, hostname, port, database: key.connection.database })
  return { connection: { ...connection, servername: found?.servername ?? hostname }, secret: keyPasswordSecret(key.id), keyId: key.id }
}
