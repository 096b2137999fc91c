import { call, type CallOptions } from '../../api/client'
import type { ExportFormat, KeychainStatus, Profile, ProfileFields, SecretName, SecretsInput } from '../../../../shared/schemas/profile'
import type { HostKeyPrompt, PathDiagnosis } from '../../../../shared/schemas/network'
import type { ImportDraft, TestResult } from './types'

export type { ImportDraft, TestResult } from './types'

/**
 * Every contract call the profiles screens make, in one place, so the screens read as the
 * user's actions and the call names live here only.
 */

/** The typed secrets of a draft test, or undefined when there are none. */
function secretsOf(o: {
  password?: string
  clientKey?: string
  sshSecret?: string
}): { password?: string; clientKey?: string; sshSecret?: string } | undefined {
  const secrets = {
    ...(o.password ? { password: o.password } : {}),
    ...(o.clientKey ? { clientKey: o.clientKey } : {}),
    ...(o.sshSecret ? { sshSecret: o.sshSecret } : {})
  }
  return Object.keys(secrets).length ? secrets : undefined
}

export const profilesApi = {
  list: (): Promise<{ profiles: Profile[]; warning: string | null }> => call('profiles.list', {}),
  get: (id: string): Promise<Profile> => call('profiles.get', { id }),
  create: (fields: ProfileFields, secrets: SecretsInput, importId?: string): Promise<Profile> =>
    call('profiles.create', { fields, secrets, ...(importId ? { importId } : {}) }),
  update: (id: string, fields: ProfileFields, secrets: SecretsInput): Promise<Profile> => call('profiles.update', { id, fields, secrets }),
  remove: (id: string): Promise<{ deleted: boolean }> => call('profiles.delete', { id }),
  revealSecret: async (id: string, secret: SecretName): Promise<string> => (await call('profiles.revealSecret', { id, secret })).value ?? '',
  importText: (text: string): Promise<ImportDraft> => call('profiles.import', { text }),
  exportText: async (id: string, format: ExportFormat, withSecrets: boolean): Promise<string> =>
    (await call('profiles.export', { id, format, withSecrets })).text,

  /**
   * A saved profile along its network path (direct, SSH bastion, pod): records its "last test",
   * streams phases as profiles.testProgress, and reports the host key to accept or a diagnosis.
   */
  test: (profile: Pick<Profile, 'id'>, testId?: string, options?: CallOptions): Promise<TestResult> =>
    call('profiles.test', { id: profile.id, ...(testId ? { testId } : {}) }, options),

  /** Why a private endpoint fails from here, with the paths that would work (null: not that case). */
  diagnose: (id: string): Promise<PathDiagnosis | null> => call('network.diagnose', { profileId: id }),

  /** Unsaved editor fields; secrets typed, from an import, or the saved profile's. */
  testDraft: (
    fields: ProfileFields,
    options: { password?: string; clientKey?: string; sshSecret?: string; importId?: string; profileId?: string; testId?: string },
    callOptions?: CallOptions
  ): Promise<TestResult> =>
    call(
      'profiles.testDraft',
      {
        fields,
        ...(secretsOf(options) ? { secrets: secretsOf(options) } : {}),
        ...(options.importId ? { importId: options.importId } : {}),
        ...(options.profileId ? { profileId: options.profileId } : {}),
        ...(options.testId ? { testId: options.testId } : {})
      },
      callOptions
    ),

  keychainStatus: (): Promise<KeychainStatus> => call('profiles.keychainStatus', {}),
  useSessionSecrets: (): Promise<KeychainStatus> => call('profiles.useSessionSecrets', {}),

  sshAliases: () => call('network.sshAliases', {}),
  resolveSshAlias: (alias: string) => call('network.resolveSshAlias', { alias }),

  testAll: async (ids: string[]) => (await call('profiles.testAll', { ids })).results,

  acceptHostKey: (key: HostKeyPrompt): Promise<{ accepted: true }> =>
    call('network.acceptHostKey', { host: key.host, port: key.port, keyType: key.keyType, fingerprint: key.fingerprint })
}
