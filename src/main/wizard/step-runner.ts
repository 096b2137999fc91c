import os from 'node:os'
import { AppFailure, TransportCodes, type AppError } from '../../shared/errors'
import { wizardSteps, type WizardState, type WizardStepId } from '../../shared/schemas/wizard'
import { log } from '../logging/log'
import type { Lease, LeaseOwner } from '../storage/lease'
import { WizardCodes } from './codes'
import * as m from './machine'
import { wizardSay } from './messages'
import type { WizardServices } from './services'
import type { WizardStateStore } from './state-store'
import { requireReady, type PreparedWork, type StepContext } from './steps/step'

export interface StepRunnerOptions {
  store: WizardStateStore
  services: WizardServices
  sandbox: boolean
  /** Every new state (persisted first), e.g. to emit `wizard.changed`. */
  onChange?: (state: WizardState) => void
}

/** A step as the runner runs it. */
export interface StepRun {
  id: WizardStepId
  prepare: () => PreparedWork
  /** The step signs in by itself: no session restore first. */
  signsIn?: boolean
  /** The turn (controller) and the lease stay held afterwards: `handOn` passes them on or releases them. */
  keepTurn?: boolean
}

/** This process's turn on the wizard while a background task runs. */
export interface Turn {
  readonly signal: AbortSignal
  /** Gives the turn up; called before the task's last state is announced (a UI may call the next step at once). */
  end(): void
}

export type BackgroundTask = (turn: Turn) => Promise<void>

/** Any throw as the error value a step records. */
export const toError = (e: unknown): AppError => {
  if (e instanceof AppFailure) return e.toValue()
  const message = e instanceof Error ? e.message : String(e)
  return { code: TransportCodes.internal, ...wizardSay.internal(), detail: message }
}

function busyElsewhere(holder: LeaseOwner | null, disk: WizardState | undefined): AppFailure {
  const running = disk ? wizardSteps.find((s) => disk.steps[s].status === 'running') : undefined
  const said = wizardSay.busyElsewhere({
    holderPid: holder ? holder.pid : null,
    inThisProcess: holder?.pid === process.pid,
    otherHost: holder && holder.host !== os.hostname() ? holder.host : null,
    runningStep: running ?? null
  })
  return new AppFailure({ code: WizardCodes.busyElsewhere, ...said })
}

/**
 * The step lease and concurrency: one step at a time in this process (the turn, an
 * AbortController) and across processes (the step lease on disk). Records every transition,
 * persisted before anyone hears of it, and carries on from the state on disk when another
 * process moved the wizard on.
 */
export class StepRunner implements StepContext {
  private current: WizardState
  readonly services: WizardServices
  readonly sandbox: boolean
  /** This process's turn: set while a step, a navigation or the wait runs here. */
  private turn?: AbortController
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

  constructor(
    private readonly options: StepRunnerOptions,
    state: WizardState,
    lease?: Lease
  ) {
    this.current = state
    this.services = options.services
    this.sandbox = options.sandbox
    this.lease = lease
  }

  state(): WizardState {
    return this.current
  }

  /** The state as another process may have left it on disk (when nothing runs here). */
  async refresh(): Promise<WizardState> {
    if (this.turn || this.lease) return this.current
    await this.saving
    const seen = this.commits
    const disk = await this.options.store.load()
    // Something started here meanwhile: this process's state is the newer one.
    if (this.turn || this.lease || seen !== this.commits) return this.current
    const s = this.current
    if (disk && (disk.runId !== s.runId || disk.updatedAt !== s.updatedAt || disk.busy !== s.busy)) {
      this.current = { ...disk, sandbox: this.options.sandbox }
      this.options.onChange?.(this.current)
    }
    return this.current
  }

  /** Resolves when nothing runs in the background (the wait ended, failed or was stopped). */
  async idle(): Promise<WizardState> {
    while (this.background) await this.background
    await this.saving
    return this.current
  }

  commit(next: WizardState): Promise<void> {
    if (this.shuttingDown) return Promise.resolve()
    this.commits++
    this.current = next
    const save = this.options.store.save(next)
    this.saving = this.saving.then(() => save).catch((e) => log.error(`wizard: could not save state: ${(e as Error).message}`))
    this.options.onChange?.(next)
    return save
  }

  markSignedIn(): void {
    this.sessionRestored = true
  }

  /** The next cloud call signs in again from the saved source (reset). */
  forgetSession(): void {
    this.sessionRestored = false
  }

  async ensureSession(signal: AbortSignal): Promise<void> {
    if (this.sessionRestored) return
    requireReady(this.current.account, wizardSay.signInFirst())
    await this.services.restoreSession(this.current.account.source, signal)
    this.sessionRestored = true
  }

  /** In this process: one step at a time (checked synchronously, before any await). */
  private guard(): void {
    if (this.turn) throw new AppFailure({ code: WizardCodes.busy, ...wizardSay.busy() })
  }

  /** The turn is given up, unless something newer took it meanwhile. */
  private endTurn(controller: AbortController): void {
    if (this.turn === controller) this.turn = undefined
  }

  /**
   * Across processes: takes the step lease, then carries on from the state on disk (another
   * process may have moved the wizard on since this one last looked). Fails with
   * `wizard_busy_elsewhere` while another live process holds the lease.
   */
  private async claim(label: string): Promise<void> {
    await this.settling
    await this.saving
    const got = await this.options.store.claim(label)
    if (!got.lease) throw busyElsewhere(got.heldBy ?? null, got.state)
    this.lease = got.lease
    const disk = got.state
    const s = this.current
    if (disk && (disk.runId !== s.runId || disk.updatedAt !== s.updatedAt)) {
      // Another account signed in elsewhere: sign in again here before the next cloud call.
      if (disk.account?.source !== s.account?.source || disk.account?.info.accountId !== s.account?.info.accountId) this.sessionRestored = false
      this.current = m.afterRestart({ ...disk, sandbox: this.options.sandbox })
    } else if (s.busy) {
      // Shown busy from another process that has ended (or died) since.
      this.current = m.afterRestart(s)
    }
  }

  async releaseLease(): Promise<void> {
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
  async exclusive<T>(label: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.guard()
    const controller = new AbortController()
    this.turn = controller
    try {
      await this.claim(label)
      return await work(controller.signal)
    } finally {
      this.endTurn(controller)
      await this.settle(async () => undefined)
    }
  }

  /**
   * Runs a step with its own AbortController, recording running → done/failed. `prepare` runs
   * once against this process's state and again once the lease is held, against the state on disk.
   */
  async runStep(step: StepRun): Promise<WizardState> {
    step.prepare()
    this.guard()
    const controller = new AbortController()
    this.turn = controller
    let prepared: PreparedWork
    try {
      await this.claim(step.id)
      prepared = step.prepare()
    } catch (e) {
      this.endTurn(controller)
      await this.settle(async () => undefined)
      throw e
    }
    let next: WizardState
    try {
      await this.commit(m.startStep(this.current, step.id, prepared.startPatch ?? {}))
      if (!step.signsIn) await this.ensureSession(controller.signal)
      next = await prepared.work(controller.signal)
    } catch (e) {
      const error = toError(e)
      const stopped = controller.signal.aborted || error.code === TransportCodes.cancelled
      next = stopped ? m.stopStep(this.current, step.id) : m.failStep(this.current, step.id, error)
    }
    // Released before the final state is announced: a UI reacting to it may call the next step at once.
    if (!step.keepTurn) this.endTurn(controller)
    await this.settle(() => this.commit(next), step.keepTurn)
    return this.current
  }

  /** After a step run with `keepTurn`: the turn and the lease go on to `task` (no other process can slip in between), or are released. */
  async handOn(task: BackgroundTask | undefined): Promise<void> {
    if (task) return this.startBackground(new AbortController(), task)
    this.turn = undefined
    await this.settle(async () => undefined)
  }

  /** Takes the turn and the lease for `task` when `shouldRun` holds on the state on disk; else a no-op. */
  async resumeInBackground(label: string, shouldRun: (state: WizardState) => boolean, task: BackgroundTask): Promise<WizardState> {
    if (this.turn) return this.current
    const controller = new AbortController()
    this.turn = controller
    try {
      await this.claim(label)
    } catch (e) {
      this.turn = undefined
      throw e
    }
    if (shouldRun(this.current)) this.startBackground(controller, task)
    else {
      this.turn = undefined
      await this.settle(async () => undefined)
    }
    return this.current
  }

  /** Runs `task` in the background; this process holds the lease (released when the task ends). */
  startBackground(controller: AbortController, task: BackgroundTask): void {
    this.turn = controller
    // A step called as soon as the task ends (it ends the turn first) starts once the lease is free.
    let freed!: () => void
    this.settling = new Promise<void>((resolve) => (freed = resolve))
    const run = task({ signal: controller.signal, end: () => this.endTurn(controller) }).finally(async () => {
      this.endTurn(controller)
      try {
        await this.releaseLease()
      } finally {
        freed()
      }
      if (this.background === run) this.background = undefined
    })
    this.background = run
  }

  /** Stops waiting or working. A step running in another process is stopped there. */
  async cancel(): Promise<WizardState> {
    this.turn?.abort()
    await this.idle()
    await this.settling
    // A foreground step aborts on its own promise; make sure nothing is left "busy".
    if (this.current.busy && !this.turn) {
      await this.exclusive('cancel', async () => {
        const s = this.current
        const running = wizardSteps.find((step) => s.steps[step].status === 'running')
        await this.commit(running ? m.stopStep(s, running) : m.update(s, { busy: false }))
      })
    }
    return this.current
  }

  /** App exit: stops waiting without recording it, so the next start resumes the wait. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true
    this.turn?.abort()
    while (this.background) await this.background.catch(() => undefined)
    await this.saving
    await this.settling
    await this.releaseLease()
  }
}
