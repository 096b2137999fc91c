import { nodeCrypto } from '../util/lazy-builtins'
import { profileSay } from './messages'
import { AppFailure } from '../../shared/errors'
import type { ProbePhase, ProbeResult, TestAllResult } from '../../shared/schemas/probe'
import {
  ProfileFields,
  type ExportFormat,
  type ImportFormat,
  type KeychainStatus,
  type Profile,
  type SecretLocation,
  type SecretName,
  type SecretsInput
} from '../../shared/schemas/profile'
import { log } from '../logging/log'
import { registerSecret } from '../logging/redact'
import type { ProbeOptions, ProbeTarget } from '../redis/probe'
import { exportProfile, type ExportedText } from './exporters'
import { importProfileText } from './importers'
import { LastTestRecorder, type LastTestRecorderOptions } from './last-test-recorder'
import { validatePemCertificates, validatePrivateKeyPem } from './pem'
import { checkRedisSecretEndpoint, checkSshSecretEndpoint, pathUsesSshSecret } from './saved-secret-endpoint'
import type { SecretStore } from './secrets'
import type { ProfileStore } from './store'

/**
 * Everything the UI and the CLI do with profiles. Secrets go from the caller into the keychain
 * and from the keychain into the probe; the only way out to a caller is reveal() and an export
 * the caller asked to include secrets in.
 */

/** Runs the probe for one network path (direct today; ssh and pod register their own). */
/** `path.sshSecret`: the bastion passphrase or password, when the profile's path needs one. */
export type PathRunner = (profile: ProfileFields, target: ProbeTarget, options: ProbeOptions, path?: { sshSecret?: string | null }) => Promise<ProbeResult>

const directProbe: PathRunner = async (_p, target, o) => (await import('../redis/probe')).probe(target, o)
const SECRET_NAMES = ['password', 'clientKey', 'sshSecret'] as const

export interface ProfilesServiceOptions {
  /** Runners by network path kind; `direct` defaults to a plain probe. */
  pathRunners?: Partial<Record<string, PathRunner>>
  now?: () => Date
  /** Progress of every test (the handlers forward it as events). */
  onProgress?: (progress: { profileId: string | null; testId: string | null; phase: ProbePhase }) => void
  /** How last tests are batched into the profiles file. `false`: not recorded at all (the bench's baseline only). */
  lastTests?: LastTestRecorderOptions | false
}

/** Options of a draft test: where its secrets come from and the endpoint the user confirmed. */
export interface TestDraftOptions {
  importId?: string
  profileId?: string
  /** `host:port` of the draft, confirmed by the user for a saved secret whose endpoint changed. */
  confirmEndpoint?: string
  signal?: AbortSignal
  testId?: string
}

interface PendingImport {
  secrets: { password?: string; clientKey?: string }
  expires: number
}

const IMPORT_TTL_MS = 15 * 60_000

export interface ImportDraftResult {
  importId: string
  format: ImportFormat | 'ibm-service-key' | 'ibm-cdb-connections'
  fields: ProfileFields
  secretsFound: { password: boolean; clientKey: boolean }
  notes: string[]
}

export class ProfilesService {
  private readonly imports = new Map<string, PendingImport>()
  private readonly runners: Record<string, PathRunner>
  private readonly now: () => Date
  private readonly lastTests: LastTestRecorder | null

  constructor(
    readonly store: ProfileStore,
    readonly secrets: SecretStore,
    private readonly options: ProfilesServiceOptions = {}
  ) {
    this.runners = { direct: directProbe, ...(options.pathRunners ?? {}) } as Record<string, PathRunner>
    this.now = options.now ?? (() => new Date())
    this.lastTests = options.lastTests === false ? null : new LastTestRecorder(store, options.lastTests)
  }

  /** Writes the last tests still queued (the app calls it when it quits). */
  async close(): Promise<void> {
    await this.lastTests?.close()
  }

  /** Lets another module (ssh, pod) add its path runner after construction. */
  registerPathRunner(kind: string, runner: PathRunner): void {
    this.runners[kind] = runner
  }

  async list(): Promise<{ profiles: Profile[]; warning: string | null }> {
    const { profiles, warning } = await this.store.list()
    return { profiles, warning: warning ?? null }
  }

  get(id: string): Promise<Profile> {
    return this.store.get(id)
  }

  find(idOrName: string): Promise<Profile> {
    return this.store.find(idOrName)
  }

  keychainStatus(): Promise<KeychainStatus> {
    return this.secrets.check()
  }

  useSessionSecrets(): KeychainStatus {
    return this.secrets.useSessionOnly()
  }

  async create(fieldsInput: ProfileFields, secrets: SecretsInput = {}, importId?: string): Promise<Profile> {
    const fields = normaliseFields(ProfileFields.parse(fieldsInput))
    const fromImport = importId ? this.takeImport(importId) : {}
    const wanted = {
      password: secrets.password ?? fromImport.password ?? null,
      clientKey: secrets.clientKey ?? fromImport.clientKey ?? null,
      sshSecret: secrets.sshSecret ?? null
    }
    if (wanted.clientKey) wanted.clientKey = validatePrivateKeyPem(wanted.clientKey)
    const id = nodeCrypto().randomUUID()
    const stored: Record<SecretName, SecretLocation> = { password: 'none', clientKey: 'none', sshSecret: 'none' }
    for (const name of SECRET_NAMES) {
      const value = wanted[name]
      if (value) stored[name] = await this.secrets.set(id, name, value)
    }
    const at = this.now().toISOString()
    const profile: Profile = { ...fields, id, secrets: stored, createdAt: at, updatedAt: at, lastTest: null }
    try {
      await this.store.mutate((profiles) => ({ profiles: [...profiles, profile], value: undefined }))
    } catch (e) {
      await this.forgetSecrets(profile)
      throw e
    }
    log.info(`profile created: ${profile.id}`)
    return profile
  }

  async update(id: string, changes: Partial<ProfileFields> = {}, secrets: SecretsInput = {}): Promise<Profile> {
    const current = await this.store.get(id)
    const next = normaliseFields(ProfileFields.parse({ ...pickFields(current), ...changes }))
    const locations = { ...current.secrets }
    const stored: SecretName[] = []
    for (const name of SECRET_NAMES) {
      const value = secrets[name]
      if (value === undefined) continue
      if (value === null) {
        await this.secrets.delete(id, name, locations[name])
        locations[name] = 'none'
      } else {
        locations[name] = await this.secrets.set(id, name, name === 'clientKey' ? validatePrivateKeyPem(value) : value)
        stored.push(name)
      }
    }
    try {
      return await this.store.mutate((profiles) => {
        const index = profiles.findIndex((p) => p.id === id)
        if (index < 0) throw new AppFailure({ code: 'profile_not_found', ...profileSay.notFoundById({ id }) })
        // Fields from this edit, on top of what is on disk now (another process may have tested it meanwhile).
        const updated: Profile = { ...profiles[index], ...next, secrets: locations, updatedAt: this.now().toISOString() }
        profiles[index] = updated
        return { profiles, value: updated }
      })
    } catch (e) {
      // Deleted meanwhile (its deletion already cleared the keychain): what this edit stored would belong to nobody.
      if (e instanceof AppFailure && e.code === 'profile_not_found')
        await this.forgetSecrets({ id, secrets: Object.fromEntries(stored.map((n) => [n, locations[n]])) })
      throw e
    }
  }

  async delete(id: string): Promise<boolean> {
    const removed = await this.store.mutate((profiles) => {
      const found = profiles.find((p) => p.id === id)
      return { profiles: profiles.filter((p) => p.id !== id), value: found }
    })
    if (removed) await this.forgetSecrets(removed)
    return Boolean(removed)
  }

  private async forgetSecrets(profile: { id: string; secrets: Partial<Profile['secrets']> }): Promise<void> {
    for (const name of SECRET_NAMES) {
      const location = profile.secrets[name]
      if (!location) continue
      try {
        await this.secrets.delete(profile.id, name, location)
      } catch (e) {
        log.warn(`could not delete the ${name} of profile ${profile.id} from the keychain: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  }

  /** The explicit reveal (a click in the UI, `profiles show --reveal` in the CLI). */
  async reveal(id: string, name: SecretName): Promise<string | null> {
    const profile = await this.store.get(id)
    return this.secrets.get(id, name, profile.secrets[name], profile.name)
  }

  private async targetFor(fields: ProfileFields, password: string | null, clientKey: string | null): Promise<ProbeTarget> {
    return {
      host: fields.host,
      port: fields.port,
      db: fields.db,
      username: fields.username,
      password,
      tls: { ...fields.tls, clientKeyPem: clientKey },
      timeouts: fields.timeouts
    }
  }

  private async run(
    fields: ProfileFields,
    target: ProbeTarget,
    profileId: string | null,
    testId: string | null,
    signal?: AbortSignal,
    sshSecret: string | null = null
  ): Promise<ProbeResult> {
    const runner = this.runners[fields.networkPath.kind]
    if (!runner)
      throw new AppFailure({
        code: 'network_path_unsupported',
        ...profileSay.pathUnsupported({ kind: fields.networkPath.kind })
      })
    return runner(fields, target, { signal, onPhase: (phase) => this.options.onProgress?.({ profileId, testId, phase }) }, { sshSecret })
  }

  /** Tests a saved profile and records the outcome as its last test (on disk when this returns). */
  async test(id: string, options: { signal?: AbortSignal; testId?: string } = {}): Promise<ProbeResult> {
    const result = await this.testSaved(await this.store.get(id), options)
    const recorded = this.recordLastTest(id, result)
    await this.lastTests?.flush()
    await recorded
    return result
  }

  /** The profile's saved secrets (for the privacy report's leak scan; never leaves main). */
  async secretValues(profile: Profile): Promise<string[]> {
    const names = ['password', 'clientKey', 'sshSecret'] as const
    const values = await Promise.all(names.map((n) => this.secrets.get(profile.id, n, profile.secrets[n], profile.name)))
    return values.filter((v): v is string => typeof v === 'string' && v.length > 0)
  }

  private async testSaved(profile: Profile, options: { signal?: AbortSignal; testId?: string }): Promise<ProbeResult> {
    const { id } = profile
    const password = await this.secrets.get(id, 'password', profile.secrets.password, profile.name)
    const clientKey = await this.secrets.get(id, 'clientKey', profile.secrets.clientKey, profile.name)
    const sshSecret = await this.secrets.get(id, 'sshSecret', profile.secrets.sshSecret, profile.name)
    return this.run(profile, await this.targetFor(profile, password, clientKey), id, options.testId ?? null, options.signal, sshSecret)
  }

  /** Queues the result as the profile's last test (a cancelled test is no result); settles once it is on disk. */
  private recordLastTest(id: string, result: ProbeResult): Promise<void> {
    if (!this.lastTests || result.code === 'cancelled') return Promise.resolve()
    return this.lastTests.record(id, { at: result.startedAt, ok: result.ok, code: result.code, totalMs: result.totalMs })
  }

  /**
   * Tests fields from the editor before (or without) saving them. With `profileId`, a secret not
   * typed is the saved one, and only if the draft still goes where it was saved for (see
   * saved-secret-endpoint.ts): checked before anything is sent.
   */
  async testDraft(
    fieldsInput: ProfileFields,
    secrets: { password?: string; clientKey?: string; sshSecret?: string } = {},
    options: TestDraftOptions = {}
  ): Promise<ProbeResult> {
    const fields = normaliseFields(ProfileFields.parse(fieldsInput))
    const fromImport = options.importId ? this.peekImport(options.importId) : {}
    let password = secrets.password ?? fromImport.password ?? null
    let clientKey = secrets.clientKey ?? fromImport.clientKey ?? null
    let sshSecret = secrets.sshSecret ?? null
    if (options.profileId) {
      const saved = await this.store.get(options.profileId)
      const use = {
        password: password === null && saved.secrets.password !== 'none',
        clientKey: clientKey === null && saved.secrets.clientKey !== 'none' && fields.tls.enabled,
        sshSecret: sshSecret === null && saved.secrets.sshSecret !== 'none' && pathUsesSshSecret(fields.networkPath)
      }
      if (use.password || use.clientKey) {
        const what = use.password && use.clientKey ? 'password and client key' : use.password ? 'password' : 'client key'
        checkRedisSecretEndpoint(saved, fields, options.confirmEndpoint, what)
      }
      if (use.sshSecret) checkSshSecretEndpoint(saved.networkPath, fields.networkPath)
      if (use.password) password = await this.secrets.get(saved.id, 'password', saved.secrets.password, saved.name)
      if (use.clientKey) clientKey = await this.secrets.get(saved.id, 'clientKey', saved.secrets.clientKey, saved.name)
      if (use.sshSecret) sshSecret = await this.secrets.get(saved.id, 'sshSecret', saved.secrets.sshSecret, saved.name)
    }
    registerSecret(password)
    registerSecret(sshSecret)
    return this.run(fields, await this.targetFor(fields, password, clientKey), options.profileId ?? null, options.testId ?? null, options.signal, sshSecret)
  }

  /**
   * Tests many profiles, at most `concurrency` at a time, from one read of the profiles file.
   * Their last tests are written in batches while it runs, all of them before it returns.
   */
  async testAll(ids: string[] | undefined, concurrency = 4, signal?: AbortSignal): Promise<TestAllResult> {
    const { profiles } = await this.store.list()
    const byId = new Map(profiles.map((p) => [p.id, p]))
    const all = ids ?? profiles.map((p) => p.id)
    const results: TestAllResult['results'] = new Array(all.length)
    const recorded: Promise<void>[] = []
    let next = 0
    const worker = async () => {
      while (next < all.length) {
        const i = next++
        const id = all[i]
        try {
          const profile = byId.get(id) ?? (await this.store.get(id))
          const result = await this.testSaved(profile, { signal })
          results[i] = { id, result, error: null }
          // Not written (the file locked or newer, say): the result stands, the failure says why it is not recorded.
          recorded.push(this.recordLastTest(id, result).catch((e: unknown) => void (results[i] = { id, result, error: failureValue(e) })))
        } catch (e) {
          results[i] = { id, result: null, error: failureValue(e) }
        }
      }
    }
    try {
      await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, all.length)) }, worker))
    } finally {
      await this.lastTests?.flush().catch(() => undefined)
    }
    await Promise.all(recorded)
    return { results }
  }

  /** Parses pasted text. Secrets it contains stay here, under an import id, for create()/testDraft(). */
  importText(text: string, format?: ImportFormat): ImportDraftResult {
    const imported = importProfileText(text, format)
    this.pruneImports()
    const importId = nodeCrypto().randomUUID()
    this.imports.set(importId, { secrets: imported.secrets, expires: Date.now() + IMPORT_TTL_MS })
    return {
      importId,
      format: imported.format,
      fields: imported.fields,
      secretsFound: { password: Boolean(imported.secrets.password), clientKey: Boolean(imported.secrets.clientKey) },
      notes: imported.notes
    }
  }

  private peekImport(importId: string): PendingImport['secrets'] {
    this.pruneImports()
    const found = this.imports.get(importId)
    if (!found) throw new AppFailure({ code: 'import_expired', ...profileSay.importExpired() })
    return found.secrets
  }

  private takeImport(importId: string): PendingImport['secrets'] {
    const secrets = this.peekImport(importId)
    this.imports.delete(importId)
    return secrets
  }

  private pruneImports(): void {
    const now = Date.now()
    for (const [id, pending] of this.imports) if (pending.expires < now) this.imports.delete(id)
  }

  async export(id: string, format: ExportFormat, withSecrets: boolean): Promise<ExportedText> {
    const profile = await this.store.get(id)
    const fields = pickFields(profile)
    if (!withSecrets) return exportProfile(fields, format)
    const password = await this.secrets.get(id, 'password', profile.secrets.password, profile.name)
    const clientKey = await this.secrets.get(id, 'clientKey', profile.secrets.clientKey, profile.name)
    return exportProfile(fields, format, { password, clientKey })
  }
}

function failureValue(e: unknown): { code: string; message: string } {
  if (!(e instanceof AppFailure)) throw e
  return { code: e.code, message: e.message }
}

/** The user-editable part of a profile. */
export function pickFields(profile: Profile): ProfileFields {
  const { id: _id, secrets: _s, createdAt: _c, updatedAt: _u, lastTest: _l, ...fields } = profile
  return ProfileFields.parse(fields)
}

/** Validates every certificate for real (not just its shape) and tidies values. */
function normaliseFields(fields: ProfileFields): ProfileFields {
  const tls = { ...fields.tls }
  if (tls.caPem) tls.caPem = validatePemCertificates(tls.caPem)
  if (tls.clientCertPem) tls.clientCertPem = validatePemCertificates(tls.clientCertPem, 'client certificate')
  if (tls.servername === fields.host) tls.servername = null
  const tags = [...new Set(fields.tags)]
  return { ...fields, tags, tls }
}
