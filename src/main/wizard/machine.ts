import { randomUUID } from 'node:crypto'
import type { AppError } from '../../shared/errors'
import { wizardSteps, type StepState, type WizardState, type WizardStepId } from '../../shared/schemas/wizard'
import { cliEquivalents } from './cli-equivalents'

/**
 * The wizard's transitions as pure functions: state in, new state out. The job decides when
 * to call them; the store persists each result. Nothing here talks to the cloud.
 */

export const stepIndex = (step: WizardStepId): number => wizardSteps.indexOf(step)
export const nextStep = (step: WizardStepId): WizardStepId | undefined => wizardSteps[stepIndex(step) + 1]
export const previousStep = (step: WizardStepId): WizardStepId | undefined => wizardSteps[stepIndex(step) - 1]

const freshStep = (status: StepState['status'] = 'pending'): StepState => ({ status, error: null, updatedAt: null })

export function initialState(options: { sandbox: boolean; now?: Date; runId?: string }): WizardState {
  const now = (options.now ?? new Date()).toISOString()
  const steps = Object.fromEntries(wizardSteps.map((s) => [s, freshStep(s === 'account' ? 'ready' : 'pending')])) as WizardState['steps']
  return withCli({
    version: 1,
    runId: options.runId ?? randomUUID(),
    sandbox: options.sandbox,
    current: 'account',
    steps,
    busy: false,
    account: null,
    prerequisites: null,
    deploy: null,
    instance: null,
    provisioning: null,
    password: null,
    credentials: null,
    vpe: null,
    connections: { public: null, private: null },
    serviceKey: null,
    tests: { public: null, private: null, privateUnreachable: null },
    saved: null,
    cli: emptyCli(),
    createdAt: now,
    updatedAt: now
  })
}

const emptyCli = (): WizardState['cli'] => Object.fromEntries(wizardSteps.map((s) => [s, []])) as unknown as WizardState['cli']

/** Recomputes the CLI equivalents and stamps the time: every transition ends here. */
function withCli(state: WizardState, now = new Date()): WizardState {
  return { ...state, cli: cliEquivalents(state), updatedAt: now.toISOString() }
}

function setStep(state: WizardState, step: WizardStepId, patch: Partial<StepState>, now = new Date()): WizardState['steps'] {
  return { ...state.steps, [step]: { ...state.steps[step], ...patch, updatedAt: now.toISOString() } }
}

/** Main starts working on `step`: it becomes current and running. */
export function startStep(state: WizardState, step: WizardStepId, patch: Partial<WizardState> = {}, now = new Date()): WizardState {
  return withCli({ ...state, ...patch, current: step, busy: true, steps: setStep(state, step, { status: 'running', error: null }, now) }, now)
}

/**
 * `step` finished: it is done, the next step becomes current and ready (unless `stay`: the
 * user should look at this step's result before moving on, e.g. the test timeline).
 */
export function completeStep(
  state: WizardState,
  step: WizardStepId,
  patch: Partial<WizardState> = {},
  options: { stay?: boolean; now?: Date } = {}
): WizardState {
  const now = options.now ?? new Date()
  let steps = setStep(state, step, { status: 'done', error: null }, now)
  const next = nextStep(step)
  let current: WizardStepId = step
  if (next && !options.stay) {
    current = next
    if (steps[next].status === 'pending' || steps[next].status === 'failed')
      steps = { ...steps, [next]: { ...steps[next], status: 'ready', error: null, updatedAt: now.toISOString() } }
  } else if (next && steps[next].status === 'pending') {
    steps = { ...steps, [next]: { ...steps[next], status: 'ready', updatedAt: now.toISOString() } }
  }
  return withCli({ ...state, ...patch, current, busy: false, steps }, now)
}

/** `step` failed with an error that says what to do; the user stays on it. */
export function failStep(state: WizardState, step: WizardStepId, error: AppError, patch: Partial<WizardState> = {}, now = new Date()): WizardState {
  return withCli({ ...state, ...patch, current: step, busy: false, steps: setStep(state, step, { status: 'failed', error }, now) }, now)
}

/** `step` needs something outside the app (VRF: a support case); the user can re-check. */
export function blockStep(state: WizardState, step: WizardStepId, error: AppError, patch: Partial<WizardState> = {}, now = new Date()): WizardState {
  return withCli({ ...state, ...patch, current: step, busy: false, steps: setStep(state, step, { status: 'blocked', error }, now) }, now)
}

/** The user stopped a running step (cancel): nothing is undone; it can be resumed. */
export function stopStep(state: WizardState, step: WizardStepId, patch: Partial<WizardState> = {}, now = new Date()): WizardState {
  return withCli({ ...state, ...patch, busy: false, steps: setStep(state, step, { status: 'ready', error: null }, now) }, now)
}

/** Changes data without changing the step (progress ticks). */
export function update(state: WizardState, patch: Partial<WizardState>, now = new Date()): WizardState {
  return withCli({ ...state, ...patch }, now)
}

/** A step the user may go to: any step already reached (not pending), and never while busy. */
export function canGoTo(state: WizardState, step: WizardStepId): boolean {
  if (state.busy) return false
  if (step === 'wait') return state.instance !== null
  return state.steps[step].status !== 'pending'
}

/**
 * Back one step. The wait step is skipped when it is done (going back to it means nothing);
 * going back never changes anything in the cloud.
 */
export function back(state: WizardState, now = new Date()): WizardState {
  let target = previousStep(state.current)
  while (target === 'wait' && state.steps.wait.status === 'done') target = previousStep(target)
  if (!target || state.busy) return state
  return goTo(state, target, now)
}

export function goTo(state: WizardState, step: WizardStepId, now = new Date()): WizardState {
  if (!canGoTo(state, step)) return state
  const steps = state.steps[step].status === 'pending' ? setStep(state, step, { status: 'ready' }, now) : state.steps
  return withCli({ ...state, current: step, steps }, now)
}

/**
 * Resets every step after `step` to pending and clears the data they produced: used when an
 * earlier choice changes (another account, another instance) so later results cannot mix.
 */
export function invalidateAfter(state: WizardState, step: WizardStepId, now = new Date()): WizardState {
  const from = stepIndex(step) + 1
  const steps = { ...state.steps }
  for (const s of wizardSteps.slice(from)) steps[s] = freshStep()
  const cleared: Partial<WizardState> = {}
  const clears: Record<WizardStepId, () => void> = {
    account: () => (cleared.account = null),
    prerequisites: () => (cleared.prerequisites = null),
    deploy: () => {
      cleared.deploy = null
      cleared.instance = null
    },
    wait: () => (cleared.provisioning = null),
    password: () => {
      cleared.password = null
      cleared.credentials = null
    },
    connection: () => {
      cleared.connections = { public: null, private: null }
      cleared.vpe = null
    },
    serviceKey: () => (cleared.serviceKey = null),
    test: () => (cleared.tests = { public: null, private: null, privateUnreachable: null }),
    save: () => (cleared.saved = null)
  }
  for (const s of wizardSteps.slice(from)) clears[s]()
  return withCli({ ...state, ...cleared, steps }, now)
}

/**
 * Normalises a state read back from disk after a restart: nothing can be running in a fresh
 * process, so a running step becomes ready (the job resumes the provisioning wait by itself).
 */
export function afterRestart(state: WizardState, now = new Date()): WizardState {
  const steps = { ...state.steps }
  for (const s of wizardSteps) if (steps[s].status === 'running') steps[s] = { ...steps[s], status: 'ready' }
  return withCli({ ...state, steps, busy: false }, now)
}

/**
 * True when a saved state was in the middle of provisioning (an instance exists, not ready yet)
 * and the user did not stop the wait nor see it fail for good: the job resumes it on start.
 */
export function isMidWait(state: WizardState): boolean {
  if (state.instance === null || state.steps.wait.status === 'done' || state.steps.wait.status === 'pending') return false
  return state.provisioning?.phase !== 'failed' && state.provisioning?.phase !== 'stopped'
}
