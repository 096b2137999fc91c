import fs from 'node:fs'
import type { Settings } from '../../shared/schemas/app'
import type { EventBus } from '../events'
import type { Handlers } from '../transport/dispatch'
import { wizardHandlers } from './handlers'
import { WizardJob } from './job'
import type { WizardProfileDraft } from './services'
import { WizardStateStore } from './state-store'
import { WizardVault } from './vault'
import { wizardServices } from './wizard-services'
import type { SecretStore } from '../profiles/secrets'
import { defaultProfileFields, type Profile, type ProfileFields, type SecretsInput } from '../../shared/schemas/profile'
import { cleanProfileName } from '../../shared/profile-name'

export { WizardJob } from './job'
export type { WizardServices, WizardProfileDraft } from './services'

export interface WizardConfig {
  dataDir: string
  sandbox: boolean
  /** The environment the IBM clients read (IBMCLOUD_*_API_ENDPOINT, IBMCLOUD_API_KEY, PSE_IBMCLOUD_BIN). */
  env: NodeJS.ProcessEnv
  settings: () => Pick<Settings, 'ibmcloudCliPath' | 'useCliSession' | 'privateApiEndpoints'>
  bus?: EventBus
  /** The profiles service (its create() keeps the password in the keychain). */
  profiles?: { create(fields: ProfileFields, secrets?: SecretsInput): Promise<Profile> }
  /** The profiles' secret store: the wizard keeps its secrets there too (one keychain choice for both). */
  secrets?: SecretStore
  vault?: WizardVault
  /** Resume a saved mid-provisioning wait right away (default true). */
  resumeWait?: boolean
}

export interface Wizard {
  job: WizardJob
  handlers: Pick<Handlers, Extract<keyof Handlers, `wizard.${string}`>>
  close(): Promise<void>
}

/** Poll intervals of the provisioning wait; PSE_WIZARD_POLL_MS overrides them (tests). */
function pollIntervals(config: WizardConfig): { pollIntervalMs?: number; maxPollIntervalMs?: number; taskPollIntervalMs?: number } {
  const fromEnv = Number(config.env.PSE_WIZARD_POLL_MS)
  if (Number.isInteger(fromEnv) && fromEnv >= 50 && fromEnv <= 60_000)
    return { pollIntervalMs: fromEnv, maxPollIntervalMs: fromEnv * 2, taskPollIntervalMs: fromEnv }
  // A fixed 5 s: "active" is noticed within 5 s, at one call per 5 s (a growing interval
  // saved little and could notice a finished deployment up to 30 s late; see bench item 5).
  return { pollIntervalMs: WAIT_POLL_MS, maxPollIntervalMs: WAIT_POLL_MS, ...(config.sandbox ? { taskPollIntervalMs: 500 } : {}) }
}

const WAIT_POLL_MS = 5_000

/** The wizard's composition: vault, IBM services, persisted job, contract handlers, `wizard.changed` events. */
export async function createWizard(config: WizardConfig): Promise<Wizard> {
  // Cheap: the IBM clients are loaded the first time a step needs them (a resumed wait does at once).
  const services = wizardServices({
    env: config.env,
    dataDir: config.dataDir,
    sandbox: config.sandbox,
    vault: config.vault ?? new WizardVault(config.secrets ?? (config.env.PSE_WIZARD_KEYCHAIN_SERVICE?.trim() || undefined)),
    settings: config.settings,
    ...(config.profiles ? { saveProfile: profileSaver(config.profiles) } : {}),
    ...pollIntervals(config)
  })
  const store = new WizardStateStore(config.dataDir)
  const job = await WizardJob.open({
    store,
    services,
    sandbox: config.sandbox,
    resumeWait: config.resumeWait,
    ...(config.bus ? { onChange: (s) => config.bus?.emit('wizard.changed', s) } : {}),
    ...(config.sandbox || config.env.PSE_WIZARD_POLL_MS ? { transientDelayMs: 500 } : {})
  })
  // Another process (pse-wizard setup, a second window) may move the wizard on: follow its state file.
  const follow = () => void job.refresh().catch(() => undefined)
  fs.watchFile(store.file, { interval: 1_000, persistent: false }, follow)
  return {
    job,
    handlers: wizardHandlers(job, services),
    async close() {
      fs.unwatchFile(store.file, follow)
      // Stops waiting without recording a cancel: the wait resumes on the next start.
      await job.shutdown()
    }
  }
}

/**
 * A wizard connection as a profile: TLS on, verification on, IBM Cloud origin. Gen 1: IBM's own CA;
 * Gen 2: publicly trusted (no CA: the system's roots) with SNI = the VPE domain.
 */
export function profileFieldsOf(draft: WizardProfileDraft): ProfileFields {
  return defaultProfileFields({
    // The name may hold the instance name IBM Cloud returned: cleaned like every imported name.
    name: cleanProfileName(draft.name),
    tags: draft.tags,
    host: draft.connection.hostname,
    port: draft.connection.port,
    db: draft.connection.database,
    username: draft.username,
    tls: { enabled: true, caPem: draft.connection.caPem || null, servername: draft.connection.servername ?? null, verifyServerCert: true, clientCertPem: null },
    origin: { kind: 'ibmcloud', crn: draft.crn, region: draft.region, endpointType: draft.connection.endpoint, generation: draft.generation, ...(draft.keyId ? { keyCrn: draft.keyId } : {}) }
  })
}

const profileSaver = (profiles: NonNullable<WizardConfig['profiles']>) => async (draft: WizardProfileDraft) => {
  const created = await profiles.create(profileFieldsOf(draft), { password: draft.password })
  return { id: created.id }
}
