import { AppFailure } from '../../shared/errors'
import type { EndpointType } from '../../shared/schemas/ibmcloud'
import type {
  AccountInput,
  CheckPrerequisitesInput,
  ConnectionInput,
  CreateCredentialsInput,
  DeployInput,
  PasswordInput,
  WizardOptions,
  WizardState,
  WizardStepId
} from '../../shared/schemas/wizard'
import { log } from '../logging/log'
import { WizardCodes } from './codes'
import { deleteWizardInstance, instanceToDelete } from './instance-deletion'
import * as m from './machine'
import { wizardSay } from './messages'
import { canResumeWait, provisioningWait, type ProvisioningWaitOptions } from './provisioning-wait'
import { StepRunner, type BackgroundTask, type StepRunnerOptions } from './step-runner'
import { deployOptions } from './steps/deploy'
import { revealAdminPassword } from './steps/password'
import { supportCaseStep } from './steps/support-case'
import type { SaveInput } from './steps/save'
import type { ServiceKeyRequest } from './steps/service-key'
import type { WizardStep } from './steps/step'
import { wizardStepTable, type ForegroundStepId, type StepInput } from './steps/step-table'

export { WizardCodes } from './codes'
export { adminPasswordSecret, keyPasswordSecret } from './secret-names'
export { toCreateRequest, toWizardInstance } from './steps/deploy'

export type WizardJobOptions = StepRunnerOptions & ProvisioningWaitOptions

/**
 * The setup job: runs each wizard step (steps/step-table.ts) through the step runner, which
 * records every transition (persisted before anyone hears of it) and holds the step lease; runs
 * the provisioning wait in the background and picks it up again after a restart. Cancel stops
 * waiting and never deletes. One step runs at a time.
 */
export class WizardJob {
  private readonly wait: BackgroundTask

  private constructor(
    private readonly runner: StepRunner,
    options: WizardJobOptions
  ) {
    this.wait = provisioningWait(runner, options)
  }

  /**
   * Loads the saved state (or starts fresh) and, when it was mid-wait, resumes the wait. When
   * another process (the desktop app, `pse-wizard setup`) is working on this wizard right now,
   * its state is shown as it is and nothing is resumed or written here.
   */
  static async open(options: WizardJobOptions & { resumeWait?: boolean }): Promise<WizardJob> {
    const claimed = await options.store.claim('open')
    const saved = claimed.state ? { ...claimed.state, sandbox: options.sandbox } : undefined
    if (!claimed.lease) {
      log.info(`wizard: another PSE Wizard process (${claimed.heldBy?.pid ?? '?'}) is working on this setup; not resuming anything here`)
      return new WizardJob(new StepRunner(options, saved ?? m.initialState({ sandbox: options.sandbox })), options)
    }
    const state = saved ? m.afterRestart(saved) : m.initialState({ sandbox: options.sandbox })
    const runner = new StepRunner(options, state, claimed.lease)
    const job = new WizardJob(runner, options)
    try {
      await options.store.save(state)
    } catch (e) {
      await runner.releaseLease()
      throw e
    }
    if (saved && options.resumeWait !== false && m.isMidWait(state)) {
      log.info(`wizard: resuming the provisioning wait for ${state.instance?.name}`)
      runner.startBackground(new AbortController(), job.wait)
    } else await runner.releaseLease()
    return job
  }

  state(): WizardState {
    return this.runner.state()
  }

  /**
   * The state as another process may have left it on disk (when nothing runs here): what
   * `wizard.state` answers, so a window shows the progress of `pse-wizard setup` and vice versa.
   */
  refresh(): Promise<WizardState> {
    return this.runner.refresh()
  }

  /** Resolves when nothing runs in the background (the wait ended, failed or was stopped). */
  idle(): Promise<WizardState> {
    return this.runner.idle()
  }

  /** Runs one step of the table: its input accepted once, checked, worked, recorded; the wait follows deploy. */
  private async step<K extends ForegroundStepId>(id: K, input: StepInput<K>): Promise<WizardState> {
    const step = wizardStepTable[id] as WizardStep<StepInput<K>, unknown>
    const accepted = step.accept ? step.accept(input, this.runner.services) : input
    const handsOff = step.handsOffToWait
    const after = await this.runner.runStep({
      id,
      prepare: () => step.prepare(this.runner, accepted),
      signsIn: step.signsIn,
      keepTurn: handsOff !== undefined
    })
    if (handsOff) await this.runner.handOn(handsOff(after) ? this.wait : undefined)
    return this.runner.state()
  }

  account(input: AccountInput): Promise<WizardState> {
    return this.step('account', input)
  }

  /** Gen 1 unless the input (or the last check) says Gen 2 and its region. */
  checkPrerequisites(input: CheckPrerequisitesInput = {}): Promise<WizardState> {
    return this.step('prerequisites', input)
  }

  /** Step 2, VRF off, after the user confirmed the text: opens the run's support case once (again: reads its status). */
  openSupportCase(): Promise<WizardState> {
    return this.runner.runStep({ id: 'prerequisites', prepare: () => supportCaseStep.prepare(this.runner, undefined) })
  }

  /** What the Deploy form offers (regions, groups, versions, instances to adopt). */
  options(region?: string, signal: AbortSignal = new AbortController().signal): Promise<WizardOptions> {
    return deployOptions(this.runner, region, signal)
  }

  deploy(input: DeployInput): Promise<WizardState> {
    return this.step('deploy', input)
  }

  /** Resumes the wait (after cancel, a transient failure or a restart). Anything else: no-op. */
  resume(): Promise<WizardState> {
    return this.runner.resumeInBackground('wait', canResumeWait, this.wait)
  }

  /** Step 5, Gen 1: the admin password. */
  setPassword(input: PasswordInput): Promise<WizardState> {
    return this.step('password', { kind: 'password', input })
  }

  /** Step 5, Gen 2: the Manager service key, its credentials kept in the keychain from the create's answer. */
  createCredentials(input: CreateCredentialsInput = {}): Promise<WizardState> {
    return this.step('password', { kind: 'credentials', input })
  }

  revealPassword(): Promise<string> {
    return revealAdminPassword(this.runner)
  }

  /** `{}`: Gen 1's endpoints; Gen 2 (or Gen 1 with `vpe`) also the VPE gateway, with the security group choice. */
  fetchConnection(input: ConnectionInput = {}): Promise<WizardState> {
    return this.step('connection', input)
  }

  /** Step 7: Gen 1's private key (a name); Gen 2's application key (a role, default Writer) or `skip` (the Manager key). */
  createServiceKey(input: ServiceKeyRequest = {}): Promise<WizardState> {
    return this.step('serviceKey', input)
  }

  test(endpoints?: EndpointType[]): Promise<WizardState> {
    return this.step('test', endpoints)
  }

  save(input: SaveInput): Promise<WizardState> {
    return this.step('save', input)
  }

  // ── navigation ───────────────────────────────────────────────────────────
  back(): Promise<WizardState> {
    return this.runner.exclusive('back', async () => {
      await this.runner.commit(m.back(this.runner.state()))
      return this.runner.state()
    })
  }

  goTo(step: WizardStepId): Promise<WizardState> {
    return this.runner.exclusive('goTo', async () => {
      const state = this.runner.state()
      if (!m.canGoTo(state, step)) throw new AppFailure({ code: WizardCodes.notReady, ...wizardSay.stepNotReached() })
      await this.runner.commit(m.goTo(state, step))
      return this.runner.state()
    })
  }

  /** Stops waiting or working. Never deletes anything in the cloud. A step running in another process is stopped there. */
  cancel(): Promise<WizardState> {
    return this.runner.cancel()
  }

  /** App exit: stops waiting without recording it, so the next start resumes the wait. */
  shutdown(): Promise<void> {
    return this.runner.shutdown()
  }

  /** Forgets the wizard (cloud resources, keychain entries and saved profiles stay). */
  async reset(): Promise<WizardState> {
    await this.cancel()
    return this.runner.exclusive('reset', async () => {
      this.runner.forgetSession()
      await this.runner.commit(m.initialState({ sandbox: this.runner.sandbox }))
      return this.runner.state()
    })
  }

  async deleteInstance(instanceId: string, typedName: string): Promise<WizardState> {
    instanceToDelete(this.runner.state(), instanceId, typedName)
    return this.runner.exclusive('deleteInstance', async (signal) => {
      const instance = instanceToDelete(this.runner.state(), instanceId, typedName)
      await deleteWizardInstance(this.runner, instance, signal)
      return this.runner.state()
    })
  }
}
