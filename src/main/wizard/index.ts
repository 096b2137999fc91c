import type { Settings } from '../../shared/schemas/app'
import type { EventBus } from '../events'
import type { Handlers } from '../transport/dispatch'
import { wizardHandlers } from './handlers'
import { ibmWizardServices } from './ibm-services'
import { WizardJob } from './job'
import type { WizardProfileDraft } from './services'
import { WizardStateStore } from './state-store'
import { WizardVault } from './vault'

export { WizardJob } from './job'
export type { WizardServices, WizardProfileDraft } from './services'

export interface WizardConfig {
  dataDir: string
  sandbox: boolean
  /** The environment the IBM clients read (IBMCLOUD_*_API_ENDPOINT, IBMCLOUD_API_KEY, PSE_IBMCLOUD_BIN). */
  env: NodeJS.ProcessEnv
  settings: () => Pick<Settings, 'ibmcloudCliPath' | 'useCliSession' | 'privateApiEndpoints'>
  bus?: EventBus
  saveProfile?: (draft: WizardProfileDraft) => Promise<{ id: string }>
  vault?: WizardVault
  /** Resume a saved mid-provisioning wait right away (default true). */
  resumeWait?: boolean
}

export interface Wizard {
  job: WizardJob
  handlers: Pick<Handlers, Extract<keyof Handlers, `wizard.${string}`>>
  close(): Promise<void>
}

/** Poll intervals: IBM's real provisioning takes minutes; the sandbox takes seconds. PSE_WIZARD_POLL_MS overrides (tests). */
function pollIntervals(config: WizardConfig): { pollIntervalMs?: number; maxPollIntervalMs?: number; taskPollIntervalMs?: number } {
  const fromEnv = Number(config.env.PSE_WIZARD_POLL_MS)
  if (Number.isInteger(fromEnv) && fromEnv >= 50 && fromEnv <= 60_000) return { pollIntervalMs: fromEnv, maxPollIntervalMs: fromEnv * 2, taskPollIntervalMs: fromEnv }
  if (config.sandbox) return { pollIntervalMs: 1_000, maxPollIntervalMs: 2_000, taskPollIntervalMs: 500 }
  return {}
}

/** The wizard's composition: vault, IBM services, persisted job, contract handlers, `wizard.changed` events. */
export async function createWizard(config: WizardConfig): Promise<Wizard> {
  const services = ibmWizardServices({
    env: config.env,
    dataDir: config.dataDir,
    sandbox: config.sandbox,
    vault: config.vault ?? new WizardVault(),
    settings: config.settings,
    ...(config.saveProfile ? { saveProfile: config.saveProfile } : {}),
    ...pollIntervals(config)
  })
  const job = await WizardJob.open({
    store: new WizardStateStore(config.dataDir),
    services,
    sandbox: config.sandbox,
    resumeWait: config.resumeWait,
    ...(config.bus ? { onChange: (s) => config.bus?.emit('wizard.changed', s) } : {}),
    ...(config.sandbox || config.env.PSE_WIZARD_POLL_MS ? { transientDelayMs: 500 } : {})
  })
  return {
    job,
    handlers: wizardHandlers(job, services),
    async close() {
      // Stops waiting without recording a cancel: the wait resumes on the next start.
      await job.shutdown()
    }
  }
}
