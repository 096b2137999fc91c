import type { Profile } from '../../shared/schemas/profile'
import type { ProfileStore } from '../profiles/store'
import type { SecretStore } from '../profiles/secrets'
import type { ProbeTarget } from '../redis/probe'
import { checkRedisSecretEndpoint, checkSshSecretEndpoint, pathUsesSshSecret } from '../profiles/saved-secret-endpoint'
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
 * Profiles as the network service sees them. A path given for the test (unsaved edits) gets the
 * saved secrets only where they were saved for (profiles/saved-secret-endpoint.ts), checked here
 * before anything is read from the keychain or sent.
 */
export function profileAccess(store: Pick<ProfileStore, 'get'>, secrets: Pick<SecretStore, 'get'>): ProfileAccess {
  return {
    async load(profileId, networkPath) {
      const profile = await store.get(profileId)
      const usesRedisSecret = profile.secrets.password !== 'none' || (profile.secrets.clientKey !== 'none' && profile.tls.enabled)
      if (networkPath && usesRedisSecret) checkRedisSecretEndpoint(profile, { ...profile, networkPath }, undefined)
      return {
        target: await probeTargetOf(profile, secrets),
        networkPath: networkPath ?? profile.networkPath,
        privateEndpoint: profile.origin.kind === 'ibmcloud' && profile.origin.endpointType === 'private'
      }
    },
    async sshSecret(profileId, networkPath) {
      const profile = await store.get(profileId)
      const path = networkPath ?? profile.networkPath
      if (profile.secrets.sshSecret === 'none' || !pathUsesSshSecret(path)) return undefined
      checkSshSecretEndpoint(profile.networkPath, path)
      return (await secrets.get(profile.id, 'sshSecret', profile.secrets.sshSecret, profile.name)) ?? undefined
    }
  }
}
