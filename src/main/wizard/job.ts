import os from 'node:os'
import { AppFailure, TransportCodes, type AppError } from '../../shared/errors'
import { cancelledFailure, sleep } from '../util/abort'
import type { CreateInstanceRequest, EndpointType, ProvisionProgress, RedisInstance } from '../../shared/schemas/ibmcloud'
import { UNREACHABLE_CODES, type ProbeResult } from '../../shared/schemas/probe'
import {
  type AccountInput,
  type DeployInput,
  type PasswordInput,
  type WizardInstance,
  type WizardOptions,
  type WizardProvisioning,
  type WizardState,
  type WizardStepId,
  DeployForm,
  defaultDeployForm,
  wizardSteps
} from '../../shared/schemas/wizard'
import { log } from '../logging/log'
import { registerSecret } from '../logging/redact'
import { VRF_CASE_TEXT, DOCS } from '../ibmcloud/prerequisites'
import * as m from './machine'
import type { WizardServices } from './services'
import type { WizardStateStore } from './state-store'
import type { Lease, LeaseOwner } from '../storage/lease'

export const WizardCodes = {
  busy: 'wizard_busy',
  busyElsewhere: 'wizard_busy_elsewhere',
  notReady: 'not_ready',
  vrfDisabled: 'wizard_vrf_disabled',
  serviceEndpointsDisabled: 'wizard_service_endpoints_disabled',
  prerequisitesFailed: 'wizard_prerequisites_failed',
  nameMismatch: 'wizard_name_mismatch',
  noPrivateEndpoint: 'wizard_no_private_endpoint',
  testFailed: 'wizard_test_failed',
  privateUnreachable: 'wizard_private_unreachable',
  passwordMissing: 'wizard_password_missing'
} as const

/** IBM failures that a long wait should sit out rather than give up on. */
const TRANSIENT = new Set(['ibm_rate_limited', 'ibm_server_error', 'ibm_unreachable', 'ibm_timeout', 'ibm_malformed_response'])
/** Probe codes meaning "this computer is not on IBM Cloud's private network". */

export interface WizardJobOptions {
  store: WizardStateStore
  services: WizardServices
  sandbox: boolean
  /** Every new state (persisted first), e.g. to emit `wizard.changed`. */
  onChange?: (state: WizardState) => void
  /** How many IBM errors in a row (429, 5xx, network) the wait sits out before failing. */
  maxTransientErrors?: number
  /** Pause after a transient error when IBM gives no Retry-After. */
  transientDelayMs?: number
}

export const adminPasswordSecret = (instanceGuid: string) => `wizard/admin-password/${instanceGuid}`
export const keyPasswordSecret = (keyId: string) => `wizard/key-password/${keyId}`

const toError = (e: unknown): AppError => {
  if (e instanceof AppFailure) return e.toValue()
  const message = e instanceof Error ? e.message : String(e)
  return {
    code: TransportCodes.internal,
    message: 'Something went wrong inside PSE Wizard. Try again; if it persists, report it with the details.',
    detail: message
  }
}

/** What a step checked and will do. */
interface Prepared {
  work: (signal: AbortSignal) => Promise<WizardState>
  startPatch?: Partial<WizardState>
}

function busyElsewhere(holder: LeaseOwner | null, disk: WizardState | undefined): AppFailure {
  const running = disk ? wizardSteps.find((s) => disk.steps[s].status === 'running') : undefined
  const who = holder
    ? `Another PSE Wizard process (${holder.pid === process.pid ? 'in this process' : `process ${holder.pid}`}${holder.host !== os.hostname() ? ` on ${holder.host}` : ''})`
    : 'Another PSE Wizard process'
  const what = running ? `the "${running}" step of this setup` : 'this setup'
  return new AppFailure({
    code: WizardCodes.busyElsewhere,
    message: `${who} is working on ${what} with the same data folder (the desktop app, or "pse-wizard setup" in a terminal). Wait for it to finish there, or stop it, then try again.`
  })
}

/**
 * The setup job: runs each wizard step against the services, records every transition (persisted
 * before anyone hears of it), runs the provisioning wait in the background, and picks it up again
 * after a restart. Cancel stops waiting and never deletes. One step runs at a time.
 */
export class WizardJob {
  private s: WizardState
  private readonly o: WizardJobOptions
  private controller?: AbortController
  private background?: Promise<void>
  private sessionRestored = false
  /** Set by shutdown(): an aborted step is left as it was on disk, so the next start resumes it. */
  private shuttingDown = false
  private saving: Promise<void> = Promise.resolve()
  /** The step lease while this process works on the wizard (another process then cannot). */
  private lease?: Lease
  /** The last step's final commit and lease release: the next step starts after it. */
  private settling: Promise<void> = Promise.resolve()
  /** Counts transitions made here (a refresh from disk must not undo one made while it read). */
  private commits = 0

  private constructor(options: WizardJobOptions, state: WizardState) {
    this.o = options
    this.s = state
  }

  /**
   * Loads the saved state (or starts fresh) and, when it was mid-wait, resumes the wait. When
   * another process (the desktop app, `pse-wizard setup`) is working on this wizard right now,
   * its state is shown as it is and nothing is resumed or written here.
   */
  static async open(options: WizardJobOptions & { resumeWait?: boolean }): Promise<WizardJob> {
    const claimed = await options.store.claim('open')
    const saved = claimed.state
    if (!claimed.lease) {
      log.info(`wizard: another PSE Wizard process (${claimed.heldBy?.pid ?? '?'}) is working on this setup; not resuming anything here`)
      return new WizardJob(options, saved ? { ...saved, sandbox: options.sandbox } : m.initialState({ sandbox: options.sandbox }))
    }
    const state = saved ? m.afterRestart({ ...saved, sandbox: options.sandbox }) : m.initialState({ sandbox: options.sandbox })
    const job = new WizardJob(options, state)
    job.lease = claimed.lease
    try {
      await options.store.save(state)
    } catch (e) {
      await job.releaseLease()
      throw e
    }
    if (saved && options.resumeWait !== false && m.isMidWait(state)) {
      log.info(`wizard: resuming the provisioning wait for ${state.instance?.name}`)
      job.startWait(new AbortController())
    } else await job.releaseLease()
    return job
  }

  state(): WizardState {
    return this.s
  }

  /**
   * The state as another process may have left it on disk (when nothing runs here): what
   * `wizard.state` answers, so a window shows the progress of `pse-wizard setup` and vice versa.
   */
  async refresh(): Promise<WizardState> {
    if (this.controller || this.lease) return this.s
    await this.saving
    const seen = this.commits
    const disk = await this.o.store.load()
    // Something started here meanwhile: this process's state is the newer one.
    if (this.controller || this.lease || seen !== this.commits) return this.s
    if (disk && (disk.runId !== this.s.runId || disk.updatedAt !== this.s.updatedAt || disk.busy !== this.s.busy)) {
      this.s = { ...disk, sandbox: this.o.sandbox }
      this.o.onChange?.(this.s)
    }
    return this.s
  }

  /** Resolves when nothing runs in the background (the wait ended, failed or was stopped). */
  async idle(): Promise<WizardState> {
    while (this.background) await this.background
    await this.saving
    return this.s
  }

  // ── transitions ──────────────────────────────────────────────────────────
  private commit(next: WizardState): Promise<void> {
    if (this.shuttingDown) return Promise.resolve()
    this.commits++
    this.s = next
    const save = this.o.store.save(next)
    this.saving = this.saving.then(() => save).catch((e) => log.error(`wizard: could not save state: ${(e as Error).message}`))
    this.o.onChange?.(next)
    return save
  }

  /** In this process: one step at a time (checked synchronously, before any await). */
  private guard(): void {
    if (this.controller) {
      throw new AppFailure({ code: WizardCodes.busy, message: 'The wizard is still working on a step. Wait for it to finish, or cancel it first.' })
    }
  }

  /**
   * Across processes: takes the step lease, then carries on from the state on disk (another
   * process may have moved the wizard on since this one last looked). Fails with
   * `wizard_busy_elsewhere` while another live process holds the lease.
   */
  private async claim(label: string): Promise<void> {
    await this.settling
    await this.saving
    const got = await this.o.store.claim(label)
    if (!got.lease) throw busyElsewhere(got.heldBy ?? null, got.state)
    this.lease = got.lease
    const disk = got.state
    if (disk && (disk.runId !== this.s.runId || disk.updatedAt !== this.s.updatedAt)) {
      // Another account signed in elsewhere: sign in again here before the next cloud call.
      if (disk.account?.source !== this.s.account?.source || disk.account?.info.accountId !== this.s.account?.info.accountId) this.sessionRestored = false
      this.s = m.afterRestart({ ...disk, sandbox: this.o.sandbox })
    } else if (this.s.busy) {
      // Shown busy from another process that has ended (or died) since.
      this.s = m.afterRestart(this.s)
    }
  }

  private async releaseLease(): Promise<void> {
    const lease = this.lease
    this.lease = undefined
    await lease?.release()
  }

  /** The end of a step: its last state saved, then the lease released (the next step, here or elsewhere, starts after). */
  private settle(last: () => Promise<void>, keepLease = false): Promise<void> {
    // Deferred a tick, so `settling` is set before the last state is announced.
    const done = Promise.resolve().then(async () => {
      try {
        await last()
      } finally {
        if (!keepLease) await this.releaseLease()
      }
    })
    this.settling = done.catch(() => undefined)
    return done
  }

  /**
   * Something that changes the state outside a step (navigation, reset, delete): exclusive in
   * this process and across processes, like a step.
   */
  private async exclusive<T>(label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.guard()
    const controller = new AbortController()
    this.controller = controller
    try {
      await this.claim(label)
      return await work(controller.signal)
    } finally {
      if (this.controller === controller) this.controller = undefined
      await this.settle(async () => undefined)
    }
  }

  private require(condition: unknown, message: string): asserts condition {
    if (!condition) throw new AppFailure({ code: WizardCodes.notReady, message })
  }

  /**
   * Runs step `step` with its own AbortController, recording running → done/failed. `prepare`
   * checks the step may run and returns the work; it runs once against this process's state
   * (a step out of order fails before anything else) and again once the lease is held, against
   * the state as it is on disk. `keepLease`: the lease stays held afterwards (deploy hands it to the wait).
   */
  private async run(step: WizardStepId, prepare: () => Prepared, options: { keepLease?: boolean } = {}): Promise<WizardState> {
    prepare()
    this.guard()
    const controller = new AbortController()
    this.controller = controller
    // Released before the final state is announced: a UI reacting to it may call the next step at once.
    const release = () => {
      if (this.controller === controller) this.controller = undefined
    }
    let prepared: Prepared
    try {
      await this.claim(step)
      prepared = prepare()
    } catch (e) {
      release()
      await this.settle(async () => undefined)
      throw e
    }
    let next: WizardState
    try {
      await this.commit(m.startStep(this.s, step, prepared.startPatch ?? {}))
      await this.ensureSession(step, controller.signal)
      next = await prepared.work(controller.signal)
    } catch (e) {
      const error = toError(e)
      next = controller.signal.aborted || error.code === TransportCodes.cancelled ? m.stopStep(this.s, step) : m.failStep(this.s, step, error)
    }
    // keepLease: the caller hands this process's turn on (controller and lease) to what comes next.
    if (!options.keepLease) release()
    await this.settle(() => this.commit(next), options.keepLease)
    return this.s
  }

  /** After a restart the cloud session is signed in again from the saved source, once. */
  private async ensureSession(step: WizardStepId, signal: AbortSignal): Promise<void> {
    if (step === 'account' || this.sessionRestored) return
    this.require(this.s.account, 'Sign in on the Account step first.')
    await this.o.services.restoreSession(this.s.account.source, signal)
    this.sessionRestored = true
  }

  // ── step 1: account ──────────────────────────────────────────────────────
  async account(input: AccountInput): Promise<WizardState> {
    if (input.source === 'apiKey') registerSecret(input.apiKey)
    return this.run('account', () => ({
      work: async (signal) => {
        const { source, info } = await this.o.services.signIn(input, signal)
        this.sessionRestored = true
        let state = this.s
        // Another account: results of the old one must not mix with the new.
        if (state.account && state.account.info.accountId !== info.accountId) state = m.invalidateAfter(state, 'account')
        return m.completeStep(state, 'account', { account: { source, info } })
      }
    }))
  }

  // ── step 2: prerequisites ────────────────────────────────────────────────
  async checkPrerequisites(): Promise<WizardState> {
    return this.run('prerequisites', () => {
      this.require(this.s.steps.account.status === 'done', 'Sign in on the Account step first.')
      return { work: (signal) => this.prerequisitesWork(signal) }
    })
  }

  private async prerequisitesWork(signal: AbortSignal): Promise<WizardState> {
    const report = await this.o.services.checkPrerequisites(signal)
    const item = (id: string) => report.items.find((i) => i.id === id)
    const vrf = item('vrf')
    const se = item('service_endpoint')
    const prerequisites = {
      checkedAt: new Date().toISOString(),
      ok: report.ok,
      items: report.items,
      supportCaseText: vrf?.ok === false ? VRF_CASE_TEXT : null,
      docsLink: DOCS.vrf
    }
    if (vrf?.ok === false) {
      return m.blockStep(
        this.s,
        'prerequisites',
        {
          code: WizardCodes.vrfDisabled,
          message:
            'VRF is not enabled for this account, and private service endpoints need it. Only IBM can enable it: open a support case with the text below (VRF cannot be turned off again), then check again once IBM confirms.'
        },
        { prerequisites }
      )
    }
    if (se?.ok === false) {
      return m.blockStep(
        this.s,
        'prerequisites',
        {
          code: WizardCodes.serviceEndpointsDisabled,
          message:
            'Service endpoints are not enabled for this account. Run the command below (account owner or a user allowed to manage private endpoints), then check again.',
          detail: 'ibmcloud account update --service-endpoint-enable true'
        },
        { prerequisites }
      )
    }
    const keyItem = report.items.find((i) => (i.id === 'api_key' || i.id === 'account') && i.ok === false)
    if (keyItem) {
      return m.failStep(
        this.s,
        'prerequisites',
        { code: WizardCodes.prerequisitesFailed, message: keyItem.advice ?? `${keyItem.label}: ${keyItem.detail ?? 'not available'}.` },
        { prerequisites }
      )
    }
    // CLI, plugin or an unknown VRF flag do not stop the wizard (it uses the APIs); the items say what to do.
    return m.completeStep(this.s, 'prerequisites', { prerequisites })
  }

  // ── step 3: deploy ───────────────────────────────────────────────────────
  async options(region?: string, signal: AbortSignal = new AbortController().signal): Promise<WizardOptions> {
    this.require(this.s.steps.account.status === 'done', 'Sign in on the Account step first.')
    await this.ensureSession('deploy', signal)
    const s = this.o.services
    const form = this.s.deploy?.form ?? defaultDeployForm()
    const wanted = region ?? form.region
    const [regions, resourceGroups, versions, instances] = await Promise.all([
      s.listRegions(signal),
      s.listResourceGroups(signal),
      s.listVersions(wanted, signal),
      s.listInstances(signal)
    ])
    const group = resourceGroups.find((g) => g.id === form.resourceGroupId) ?? resourceGroups.find((g) => g.isDefault) ?? resourceGroups[0]
    const regionOk = regions.some((r) => r.id === form.region)
    return {
      regions,
      resourceGroups,
      versions,
      hostFlavors: [...DeployForm.shape.hostFlavor.options],
      instances: instances.filter((i) => i.state === 'active' || i.state === 'provisioning' || i.state === 'inactive'),
      defaults: { ...form, region: regionOk ? form.region : (regions[0]?.id ?? form.region), resourceGroupId: group?.id ?? '' }
    }
  }

  async deploy(input: DeployInput): Promise<WizardState> {
    const deploy = input.mode === 'create' ? { mode: 'create' as const, form: input.form } : { mode: 'adopt' as const, form: null }
    let before: WizardInstance | null = null
    const state = await this.run(
      'deploy',
      () => {
        this.require(this.s.steps.prerequisites.status === 'done', 'Check the prerequisites first.')
        before = this.s.instance
        return { work: (signal) => this.deployWork(input, deploy, before, signal), startPatch: { deploy } }
      },
      { keepLease: true }
    )
    // The lease goes on to the wait (no other process can slip in between).
    if (state.steps.deploy.status === 'done' && state.steps.wait.status !== 'done') this.startWait(new AbortController())
    else {
      this.controller = undefined
      await this.settle(async () => undefined)
    }
    return this.s
  }

  private async deployWork(
    input: DeployInput,
    deploy: NonNullable<WizardState['deploy']>,
    before: WizardInstance | null,
    signal: AbortSignal
  ): Promise<WizardState> {
    let instance: WizardInstance
    if (input.mode === 'create') {
      const { instance: got, adopted } = await this.o.services.createOrAdopt(toCreateRequest(input.form), signal, () => undefined)
      instance = toWizardInstance(got, adopted)
    } else {
      instance = toWizardInstance(await this.o.services.getInstance(input.instanceId, signal), true)
    }
    let next = this.s
    if (before && before.id !== instance.id) next = m.invalidateAfter(next, 'deploy')
    // The CRN is saved here, before any waiting: a restart resumes on this very instance.
    return m.completeStep(next, 'deploy', { deploy, instance })
  }

  // ── step 4: wait ─────────────────────────────────────────────────────────
  /** Resumes the wait (after cancel, a transient failure or a restart). Anything else: no-op. */
  async resume(): Promise<WizardState> {
    if (this.controller) return this.s
    const controller = new AbortController()
    this.controller = controller
    try {
      await this.claim('wait')
    } catch (e) {
      this.controller = undefined
      throw e
    }
    if (this.s.instance && this.s.steps.wait.status !== 'done' && this.s.steps.wait.status !== 'pending') this.startWait(controller)
    else {
      this.controller = undefined
      await this.settle(async () => undefined)
    }
    return this.s
  }

  /** Runs the wait in the background; this process holds the lease (released when the wait ends). */
  private startWait(controller: AbortController): void {
    this.controller = controller
    // A step called as soon as the wait ends (it releases the controller first) starts once the lease is free.
    let freed!: () => void
    this.settling = new Promise<void>((resolve) => (freed = resolve))
    const run = this.runWait(controller).finally(async () => {
      if (this.controller === controller) this.controller = undefined
      try {
        await this.releaseLease()
      } finally {
        freed()
      }
      if (this.background === run) this.background = undefined
    })
    this.background = run
  }

  private provisioning(patch: Partial<WizardProvisioning>): WizardProvisioning {
    const now = new Date().toISOString()
    const prev = this.s.provisioning
    return { percent: null, text: null, state: null, phase: 'provisioning', notice: null, startedAt: prev?.startedAt ?? now, ...prev, ...patch, updatedAt: now }
  }

  private onProgress(p: ProvisionProgress): void {
    const phase = p.phase === 'adopted' ? 'provisioning' : p.phase
    void this.commit(
      m.update(this.s, {
        provisioning: this.provisioning({
          phase,
          ...(p.percent !== undefined ? { percent: p.percent } : {}),
          ...(p.description ? { text: p.description } : {}),
          ...(p.state ? { state: p.state } : {}),
          notice: null
        })
      })
    ).catch(() => undefined)
  }

  private async runWait(controller: AbortController): Promise<void> {
    const signal = controller.signal
    const release = () => {
      if (this.controller === controller) this.controller = undefined
    }
    const instance = this.s.instance
    if (!instance) return
    const phase =
      this.s.provisioning?.phase === 'stopped' || this.s.provisioning?.phase === 'failed' ? 'provisioning' : (this.s.provisioning?.phase ?? 'provisioning')
    await this.commit(m.startStep(this.s, 'wait', { provisioning: this.provisioning({ phase }) }))
    let transient = 0
    for (;;) {
      try {
        await this.ensureSession('wait', signal)
        if (signal.aborted) throw cancelledFailure()
        const ready = await this.o.services.waitUntilReady(instance.id, signal, (p) => this.onProgress(p))
        const current = this.s.instance ?? instance
        release()
        await this.commit(
          m.completeStep(this.s, 'wait', {
            instance: { ...current, state: ready.state, serviceEndpoints: ready.serviceEndpoints ?? current.serviceEndpoints },
            provisioning: this.provisioning({ phase: 'ready', percent: 100, state: ready.state, notice: null })
          })
        )
        return
      } catch (e) {
        const error = toError(e)
        if (signal.aborted || error.code === TransportCodes.cancelled) {
          release()
          await this.commit(m.stopStep(this.s, 'wait', { provisioning: this.provisioning({ phase: 'stopped' }) }))
          return
        }
        if (TRANSIENT.has(error.code) && ++transient <= (this.o.maxTransientErrors ?? 20)) {
          log.warn(`wizard: IBM Cloud answered ${error.code} during the wait; waiting and asking again (${transient})`)
          const notice = `${error.message} PSE Wizard keeps waiting and asks again.`
          await this.commit(m.update(this.s, { provisioning: this.provisioning({ notice }) }))
          try {
            await sleep(error.retryAfter !== undefined ? error.retryAfter * 1000 : (this.o.transientDelayMs ?? 5_000), signal)
          } catch {
            release()
            await this.commit(m.stopStep(this.s, 'wait', { provisioning: this.provisioning({ phase: 'stopped' }) }))
            return
          }
          continue
        }
        const failed = error.code === 'ibm_provisioning_failed'
        release()
        await this.commit(m.failStep(this.s, 'wait', error, { provisioning: this.provisioning(failed ? { phase: 'failed' } : {}) }))
        return
      }
    }
  }

  // ── step 5: admin password ───────────────────────────────────────────────
  async setPassword(input: PasswordInput): Promise<WizardState> {
    const generated = input.mode === 'generate'
    const password = generated ? this.o.services.generatePassword() : input.password
    registerSecret(password)
    return this.run('password', () => {
      this.require(this.s.instance && this.s.steps.wait.status === 'done', 'Wait until the instance is ready.')
      const instance = this.s.instance
      return { work: (signal) => this.passwordWork(instance, password, generated, signal) }
    })
  }

  private async passwordWork(instance: WizardInstance, password: string, generated: boolean, signal: AbortSignal): Promise<WizardState> {
    const check = this.o.services.checkPassword(password)
    if (!check.ok) {
      // Checked here first: a password the rules refuse is never sent.
      throw new AppFailure({ code: 'ibm_password_rejected', message: `This password does not meet IBM Cloud Databases' rules: ${check.problems.join(' ')}` })
    }
    // Kept before it is sent: if the app dies after IBM accepts it, the password is not lost.
    const storedIn = await this.o.services.secrets.set(adminPasswordSecret(instance.guid), password)
    const { username } = await this.o.services.setAdminPassword(instance.id, password, signal)
    return m.completeStep(this.s, 'password', { password: { username, generated, storedIn, setAt: new Date().toISOString() } })
  }

  async revealPassword(): Promise<string> {
    this.require(this.s.instance && this.s.password, 'No admin password has been set yet.')
    const password = await this.o.services.secrets.get(adminPasswordSecret(this.s.instance.guid))
    if (!password)
      throw new AppFailure({ code: WizardCodes.passwordMissing, message: 'The admin password is no longer in the keychain. Set a new one on this step.' })
    return password
  }

  // ── step 6: connection info ──────────────────────────────────────────────
  async fetchConnection(): Promise<WizardState> {
    return this.run('connection', () => {
      this.require(this.s.instance && this.s.steps.password.status === 'done', 'Set the admin password first.')
      const instance = this.s.instance
      return { work: (signal) => this.connectionWork(instance, signal) }
    })
  }

  private async connectionWork(instance: WizardInstance, signal: AbortSignal): Promise<WizardState> {
    const se = instance.serviceEndpoints
    const want = (e: EndpointType) => se === null || se === 'public-and-private' || se === e
    const fetch = async (e: EndpointType) => {
      if (!want(e)) return null
      try {
        return await this.o.services.connectionInfo(instance.id, e, signal)
      } catch (err) {
        // Endpoints unknown (an adopted instance): a missing one is not an error.
        if (se === null && err instanceof AppFailure && err.code === 'ibm_endpoint_not_enabled') return null
        throw err
      }
    }
    const pub = await fetch('public')
    const priv = await fetch('private')
    return m.completeStep(this.s, 'connection', { connections: { public: pub, private: priv } })
  }

  // ── step 7: private service key ──────────────────────────────────────────
  async createServiceKey(name?: string): Promise<WizardState> {
    return this.run('serviceKey', () => {
      this.require(this.s.instance && this.s.steps.connection.status === 'done', 'Fetch the connection information first.')
      const instance = this.s.instance
      return { work: (signal) => this.serviceKeyWork(instance, name, signal) }
    })
  }

  private async serviceKeyWork(instance: WizardInstance, name: string | undefined, signal: AbortSignal): Promise<WizardState> {
    if (instance.serviceEndpoints === 'public' || (this.s.connections.private === null && this.s.connections.public !== null)) {
      throw new AppFailure({
        code: WizardCodes.noPrivateEndpoint,
        message: `"${instance.name}" has no private endpoint. Enable it (ibmcloud resource service-instance-update ${instance.name} --service-endpoints public-and-private), or deploy a new instance with private endpoints.`
      })
    }
    const key = await this.o.services.ensurePrivateServiceKey(instance, name ?? `${instance.name}-private-key`, signal)
    registerSecret(key.credentials.password)
    await this.o.services.secrets.set(keyPasswordSecret(key.keyId), key.credentials.password)
    return m.completeStep(this.s, 'serviceKey', { serviceKey: { id: key.keyId, name: key.name, reused: key.reused, connection: key.connection } })
  }

  // ── step 8: test ─────────────────────────────────────────────────────────
  async test(endpoints?: EndpointType[]): Promise<WizardState> {
    return this.run('test', () => {
      this.require(this.s.instance && this.s.steps.connection.status === 'done', 'Fetch the connection information first.')
      const wanted = endpoints ?? (['public', 'private'] as EndpointType[]).filter((e) => this.targetFor(e) !== null)
      return { work: (signal) => this.testWork(wanted, signal) }
    })
  }

  private async testWork(wanted: EndpointType[], signal: AbortSignal): Promise<WizardState> {
    const tests = { ...this.s.tests }
    for (const e of wanted) {
      const target = this.targetFor(e)
      if (!target)
        throw new AppFailure({
          code: WizardCodes.notReady,
          message: e === 'private' ? 'Create the private service key first.' : 'This instance has no public endpoint.'
        })
      const password = await this.o.services.secrets.get(target.secret)
      if (!password)
        throw new AppFailure({
          code: WizardCodes.passwordMissing,
          message: 'The password for this endpoint is no longer in the keychain. Set the admin password again (step 5) or recreate the service key (step 7).'
        })
      const result = await this.o.services.probe({ connection: target.connection, username: target.connection.username, password }, signal)
      if (e === 'public') tests.public = result
      else {
        tests.private = result
        tests.privateUnreachable =
          !result.ok && (result.diagnosis || (result.code && UNREACHABLE_CODES.has(result.code)))
            ? this.unreachableAdvice(result, result.diagnosis?.message)
            : null
      }
    }
    const failed = wanted.map((e) => [e, e === 'public' ? tests.public : tests.private] as const).filter(([, r]) => r && !r.ok)
    if (failed.length === 0) return m.completeStep(this.s, 'test', { tests }, { stay: true })
    const [endpoint, result] = failed[0]
    if (endpoint === 'private' && tests.privateUnreachable && failed.length === 1) {
      // Not a fault of the setup: this computer is outside the private network. Saving still makes sense.
      const next = m.failStep(this.s, 'test', { code: WizardCodes.privateUnreachable, message: tests.privateUnreachable.message }, { tests })
      return {
        ...next,
        steps: { ...next.steps, save: { ...next.steps.save, status: next.steps.save.status === 'pending' ? 'ready' : next.steps.save.status } }
      }
    }
    return m.failStep(
      this.s,
      'test',
      { code: WizardCodes.testFailed, message: `The ${endpoint} endpoint test failed: ${result?.message ?? 'see the timeline'}` },
      { tests }
    )
  }

  private targetFor(e: EndpointType): { connection: NonNullable<WizardState['connections']['public']>; secret: string } | null {
    const instance = this.s.instance
    if (!instance) return null
    if (e === 'public') return this.s.connections.public ? { connection: this.s.connections.public, secret: adminPasswordSecret(instance.guid) } : null
    if (this.s.serviceKey) return { connection: this.s.serviceKey.connection, secret: keyPasswordSecret(this.s.serviceKey.id) }
    return null
  }

  private unreachableAdvice(result: ProbeResult, diagnosis?: string): NonNullable<WizardState['tests']['privateUnreachable']> {
    const why =
      diagnosis ??
      'This computer cannot reach the private endpoint: it is only reachable from inside IBM Cloud’s private network (a VSI, a cluster, VPN or Direct Link).'
    return {
      code: result.code ?? 'private_endpoint_unreachable',
      message: `${why} The instance and its private key are fine: save the profiles, then test the private one through a bastion host or from a pod in your cluster.`,
      options: this.o.services.privatePathOptions()
    }
  }

  // ── step 9: save ─────────────────────────────────────────────────────────
  async save(input: { publicName?: string; privateName?: string; tags?: string[] }): Promise<WizardState> {
    return this.run('save', () => {
      this.require(this.s.instance && (this.s.steps.test.status === 'done' || this.s.steps.save.status !== 'pending'), 'Run the connection test first.')
      const instance = this.s.instance
      return { work: () => this.saveWork(instance, input) }
    })
  }

  private async saveWork(instance: WizardInstance, input: { publicName?: string; privateName?: string; tags?: string[] }): Promise<WizardState> {
    const saved = {
      publicProfileId: this.s.saved?.publicProfileId ?? null,
      privateProfileId: this.s.saved?.privateProfileId ?? null,
      savedAt: new Date().toISOString()
    }
    const tags = input.tags ?? ['ibmcloud', instance.region]
    for (const e of ['public', 'private'] as const) {
      const target = this.targetFor(e)
      const idKey = e === 'public' ? 'publicProfileId' : 'privateProfileId'
      if (!target || saved[idKey]) continue
      const password = await this.o.services.secrets.get(target.secret)
      if (!password)
        throw new AppFailure({
          code: WizardCodes.passwordMissing,
          message: 'A password is no longer in the keychain. Set the admin password again (step 5) or recreate the service key (step 7).'
        })
      const name = (e === 'public' ? input.publicName : input.privateName) ?? `${instance.name.slice(0, 88)} (${e})`
      const { id } = await this.o.services.saveProfile({
        name,
        tags,
        connection: target.connection,
        username: target.connection.username,
        password,
        crn: instance.id,
        region: instance.region
      })
      saved[idKey] = id
      // Each profile is recorded as soon as it exists: a retry never saves it twice.
      await this.commit(m.update(this.s, { saved: { ...saved } }))
    }
    return m.completeStep(this.s, 'save', { saved }, { stay: true })
  }

  // ── navigation ───────────────────────────────────────────────────────────
  async back(): Promise<WizardState> {
    return this.exclusive('back', async () => {
      await this.commit(m.back(this.s))
      return this.s
    })
  }

  async goTo(step: WizardStepId): Promise<WizardState> {
    return this.exclusive('goTo', async () => {
      if (!m.canGoTo(this.s, step))
        throw new AppFailure({ code: WizardCodes.notReady, message: 'That step is not reached yet. Finish the current step first.' })
      await this.commit(m.goTo(this.s, step))
      return this.s
    })
  }

  /** Stops waiting or working. Never deletes anything in the cloud. A step running in another process is stopped there. */
  async cancel(): Promise<WizardState> {
    this.controller?.abort()
    await this.idle()
    await this.settling
    // A foreground step aborts on its own promise; make sure nothing is left "busy".
    if (this.s.busy && !this.controller) {
      await this.exclusive('cancel', async () => {
        const running = wizardSteps.find((s) => this.s.steps[s].status === 'running')
        await this.commit(running ? m.stopStep(this.s, running) : m.update(this.s, { busy: false }))
      })
    }
    return this.s
  }

  /** App exit: stops waiting without recording it, so the next start resumes the wait. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true
    this.controller?.abort()
    while (this.background) await this.background.catch(() => undefined)
    await this.saving
    await this.settling
    await this.releaseLease()
  }

  /** Forgets the wizard (cloud resources, keychain entries and saved profiles stay). */
  async reset(): Promise<WizardState> {
    await this.cancel()
    return this.exclusive('reset', async () => {
      this.sessionRestored = false
      await this.commit(m.initialState({ sandbox: this.o.sandbox }))
      return this.s
    })
  }

  async deleteInstance(instanceId: string, typedName: string): Promise<WizardState> {
    const check = (): WizardInstance => {
      const instance = this.s.instance
      this.require(instance && instance.id === instanceId, 'This is not the wizard’s instance.')
      if (typedName !== instance.name) {
        throw new AppFailure({ code: WizardCodes.nameMismatch, message: `To delete the instance, type its name exactly: ${instance.name}` })
      }
      return instance
    }
    check()
    return this.exclusive('deleteInstance', async (signal) => {
      const instance = check()
      await this.ensureSession('deploy', signal)
      await this.o.services.deleteInstance(instance.id, signal)
      await this.o.services.secrets.delete(adminPasswordSecret(instance.guid)).catch(() => undefined)
      let next = m.invalidateAfter(this.s, 'prerequisites')
      next = m.goTo({ ...next, steps: { ...next.steps, deploy: { status: 'ready', error: null, updatedAt: new Date().toISOString() } } }, 'deploy')
      await this.commit(next)
      return this.s
    })
  }
}

export function toCreateRequest(form: DeployForm): CreateInstanceRequest {
  const shared = form.hostFlavor === 'multitenant'
  return {
    name: form.name,
    region: form.region,
    resourceGroupId: form.resourceGroupId,
    tags: form.tags,
    hostFlavor: form.hostFlavor,
    ...(shared ? { memoryMbPerMember: form.memoryMbPerMember, cpuPerMember: form.cpuPerMember } : {}),
    diskMbPerMember: form.diskMbPerMember,
    ...(form.version ? { version: form.version } : {}),
    ...(form.keyProtectKeyCrn ? { keyProtectKeyCrn: form.keyProtectKeyCrn } : {}),
    serviceEndpoints: form.serviceEndpoints
  }
}

export function toWizardInstance(i: RedisInstance, adopted: boolean): WizardInstance {
  return {
    id: i.id,
    guid: i.guid,
    name: i.name,
    region: i.region,
    resourceGroupId: i.resourceGroupId,
    serviceEndpoints: i.serviceEndpoints ?? null,
    state: i.state,
    adopted
  }
}
