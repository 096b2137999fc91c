import type { Profile } from '../../shared/schemas/profile'
import type { ProfileStore } from '../profiles/store'
import type { SecretStore } from '../profiles/secrets'
import type { ProbeTarget } from '../redis/probe'
import type { ProfileAccess } from './service'

/** The probe target of a saved profile, its Redis secrets read from the keychain. */
export async function probeTargetOf(profile: Profile, secrets: Pick<SecretStore, 'get'>): Promise<ProbeTarget> {
  const password = await secrets.get(profile.id, 'password', profile.secrets.password, profile.name)
  const clientKey = await secrets.get(profile.id, 'clientKey', profile.secrets.clientKey, profile.name)
  return {
    host: profile.host,
    port: profile.port,
    db: profile.db,
    username: profile.username,
    password,
    tls: {
      enabled: profile.tls.enabled,
      caPem: profile.tls.caPem,
      servername: profile.tls.servername,
      verifyServerCert: profile.tls.verifyServerCert,
      clientCertPem: profile.tls.clientCertPem,
      clientKeyPem: clientKey
    },
    timeouts: profile.timeouts
  }
}

/**
 * Profiles as the network service sees them. The SSH passphrase / password has no keychain slot
 * yet (SecretName is password | clientKey): until it has, the UI passes it with each test.
 */
export function profileAccess(store: Pick<ProfileStore, 'get'>, secrets: Pick<SecretStore, 'get'>): ProfileAccess {
  return {
    async load(profileId) {
      const profile = await store.get(profileId)
      return {
        target: await probeTargetOf(profile, secrets),
        networkPath: profile.networkPath,
        privateEndpoint: profile.origin.kind === 'ibmcloud' && profile.origin.endpointType === 'private'
      }
    },
    async sshSecret() {
      return undefined
    }
  }
}
