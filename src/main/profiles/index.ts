import { ProfilesService, type ProfilesServiceOptions } from './service'
import { KEYCHAIN_SERVICE, SecretStore } from './secrets'
import { ProfileStore } from './store'
import { networkPathRunners } from '../network/path-runners'

export { ProfilesService, pickFields, type PathRunner } from './service'
export { ProfileStore } from './store'
export { SecretStore, KEYCHAIN_SERVICE } from './secrets'

/**
 * The profiles service as the app, the CLI and the tests build it. `PSE_WIZARD_KEYCHAIN_SERVICE`
 * renames the keychain service (tests use it so they never touch the user's real entries).
 */
export function createProfilesService(dataDir: string, env: NodeJS.ProcessEnv = process.env, options: ProfilesServiceOptions = {}): ProfilesService {
  const service = env.PSE_WIZARD_KEYCHAIN_SERVICE?.trim() || KEYCHAIN_SERVICE
  // Every network path (direct with a diagnosis, SSH bastion, pod) is tested by the network module.
  const pathRunners = { ...networkPathRunners({ dataDir, env }), ...options.pathRunners }
  return new ProfilesService(new ProfileStore(dataDir), new SecretStore(service), { ...options, pathRunners })
}
