import { AppFailure } from '../../../shared/errors'
import type { WizardState, WizardStepId } from '../../../shared/schemas/wizard'
import { WizardCodes } from '../codes'
import type { WizardServices } from '../services'

/** What a step sees of the job while it checks and works. */
export interface StepContext {
  /** The state as it is now (each commit moves it on). */
  state(): WizardState
  readonly services: WizardServices
  /** Records a transition in the middle of the work (persisted before anyone hears of it). */
  commit(next: WizardState): Promise<void>
  /** Signs in again from the saved source, once per process (after a restart). */
  ensureSession(signal: AbortSignal): Promise<void>
  /** The cloud session is signed in now (the account step did it). */
  markSignedIn(): void
}

/** What a step checked and will do. */
export interface PreparedWork {
  /** The step's work; its result is the step's final state. A throw fails the step (or stops it, when cancelled). */
  work: (signal: AbortSignal) => Promise<WizardState>
  /** Recorded with "running", before the work starts. */
  startPatch?: Partial<WizardState>
}

/**
 * One wizard step, as the runner needs it: a module exports one of these and the step table
 * names it under its id. `Input` is what the contract call brings, `Accepted` what prepare uses.
 */
export interface WizardStep<Input, Accepted = Input> {
  readonly id: WizardStepId
  /** Once per call, before anything is checked: registers a secret, generates a password. */
  accept?(input: Input, services: WizardServices): Accepted
  /**
   * Checks the step may run now (throws `not_ready`) and returns its work. Called twice: once
   * against this process's state (a step out of order fails before anything else), and again
   * once the step lease is held, against the state as it is on disk.
   */
  prepare(ctx: StepContext, input: Accepted): PreparedWork
  /** The step signs in by itself: no session is restored before it. */
  readonly signsIn?: boolean
  /** After the step: whether this process's turn and the lease go on to the provisioning wait. */
  readonly handsOffToWait?: (after: WizardState) => boolean
}

/** A step as its module defines it (types the input once). */
export const defineStep = <Input, Accepted = Input>(step: WizardStep<Input, Accepted>): WizardStep<Input, Accepted> => step

/** Fails with `not_ready` and the given advice when the condition does not hold. */
export function requireReady(condition: unknown, said: { message: string; params: Record<string, string | number | boolean> }): asserts condition {
  if (!condition) throw new AppFailure({ code: WizardCodes.notReady, ...said })
}
