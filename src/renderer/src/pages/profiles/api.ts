import { bridge, call, CallError } from '../../api/client'
import { isCallName, type CallName } from '../../../../shared/contract'
import type { ExportFormat, Profile, ProfileFields, SecretName, SecretsInput } from '../../../../shared/schemas/profile'
import type { ProbeResult } from '../../../../shared/schemas/probe'
import { PathTestResult, type HostKeyPrompt, type PathDiagnosis } from '../../../../shared/schemas/network'
import type { ImportDraft as ImportDraftSchema } from '../../../../shared/schemas/profile'
import type { z } from 'zod'

/**
 * Every contract call the profiles screens make, in one place, so the screens read as the
 * user's actions and the call names live here only.
 */

/** A probe result, plus what a bastion / pod path adds when the test went through one. */
export type TestResult = ProbeResult & {
  code: string | null
  hostKey?: HostKeyPrompt | null
  diagnosis?: PathDiagnosis | null
}

export type ImportDraft = z.output<typeof ImportDraftSchema>

/**
 * The network engineer's calls (`network.testPath`, `network.acceptHostKey`) are used when the
 * contract has them; the result is parsed against their schema here.
 */
async function networkCall(name: string, input: unknown): Promise<unknown> {
  if (!isCallName(name)) throw new CallError({ code: 'unknown_call', message: `This build has no ${name} call yet.` })
  const result = await (bridge.invoke as (n: CallName, i: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: CallError['error'] }>)(name, input)
  if (!result.ok) throw new CallError(result.error)
  return result.value
}

export const hasNetworkCalls = (): boolean => isCallName('network.testPath') && isCallName('network.acceptHostKey')

export const profilesApi = {
  list: (): Promise<{ profiles: Profile[]; warning: string | null }> => call('profiles.list', {}),
  get: (id: string): Promise<Profile> => call('profiles.get', { id }),
  create: (fields: ProfileFields, secrets: SecretsInput, importId?: string): Promise<Profile> => call('profiles.create', { fields, secrets, ...(importId ? { importId } : {}) }),
  update: (id: string, fields: ProfileFields, secrets: SecretsInput): Promise<Profile> => call('profiles.update', { id, fields, secrets }),
  remove: (id: string): Promise<{ deleted: boolean }> => call('profiles.delete', { id }),
  revealSecret: async (id: string, secret: SecretName): Promise<string> => (await call('profiles.revealSecret', { id, secret })).value ?? '',
  importText: (text: string): Promise<ImportDraft> => call('profiles.import', { text }),
  exportText: async (id: string, format: ExportFormat, withSecrets: boolean): Promise<string> => (await call('profiles.export', { id, format, withSecrets })).text,

  /** A saved profile. An SSH path goes through network.testPath, which reports the host key. */
  async test(profile: Pick<Profile, 'id' | 'networkPath'>, sshSecret?: string): Promise<TestResult> {
    if (profile.networkPath.kind !== 'direct' && hasNetworkCalls()) {
      return PathTestResult.parse(await networkCall('network.testPath', { profileId: profile.id, ...(sshSecret ? { sshSecret } : {}) }))
    }
    return call('profiles.test', { id: profile.id })
  },

  /** Unsaved editor fields; secrets typed, from an import, or the saved profile's. */
  testDraft: (fields: ProfileFields, options: { password?: string; importId?: string; profileId?: string }): Promise<TestResult> =>
    call('profiles.testDraft', {
      fields,
      ...(options.password ? { secrets: { password: options.password } } : {}),
      ...(options.importId ? { importId: options.importId } : {}),
      ...(options.profileId ? { profileId: options.profileId } : {})
    }),

  testAll: async (ids: string[]) => (await call('profiles.testAll', { ids })).results,

  acceptHostKey: (key: HostKeyPrompt): Promise<unknown> =>
    networkCall('network.acceptHostKey', { host: key.host, port: key.port, keyType: key.keyType, fingerprint: key.fingerprint })
}
