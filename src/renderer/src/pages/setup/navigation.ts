import { wizardSteps, type WizardState, type WizardStepId } from '../../../../shared/schemas/wizard'

/** The wait step means nothing once done: moving past it in either direction skips it. */
function neighbour(state: WizardState, step: WizardStepId, delta: 1 | -1): WizardStepId | undefined {
  let i = wizardSteps.indexOf(step) + delta
  while (wizardSteps[i] === 'wait' && state.steps.wait.status === 'done') i += delta
  return wizardSteps[i]
}

export const nextOf = (state: WizardState, step: WizardStepId) => neighbour(state, step, 1)
export const previousOf = (state: WizardState, step: WizardStepId) => neighbour(state, step, -1)

/** Main marks a step reachable by leaving `pending` (the wait step: once there is an instance). */
export function reachable(state: WizardState, step: WizardStepId): boolean {
  if (step === 'wait') return state.instance !== null
  return state.steps[step].status !== 'pending'
}
