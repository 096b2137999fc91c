import type { EndpointType } from '../../../shared/schemas/ibmcloud'
import type { WizardState } from '../../../shared/schemas/wizard'
import { adminPasswordSecret, keyPasswordSecret } from '../secret-names'

/** What the test and save steps connect with on one endpoint: its connection and the keychain entry of its password. */
export interface EndpointTarget {
  connection: NonNullable<WizardState['connections']['public']>
  secret: string
}

/** Public: the admin user on the public endpoint. Private: the private service key's user. */
export function endpointTarget(state: WizardState, e: EndpointType): EndpointTarget | null {
  const instance = state.instance
  if (!instance) return null
  if (e === 'public') return state.connections.public ? { connection: state.connections.public, secret: adminPasswordSecret(instance.guid) } : null
  if (state.serviceKey) return { connection: state.serviceKey.connection, secret: keyPasswordSecret(state.serviceKey.id) }
  return null
}
