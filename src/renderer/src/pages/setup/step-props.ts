import type { WizardState, WizardStepId } from '../../../../shared/schemas/wizard'

export interface StepProps {
  state: WizardState
  /** Runs the step's call; the shell keeps the step on screen afterwards so its result can be read. */
  run: (step: WizardStepId, work: () => Promise<WizardState>) => Promise<WizardState | undefined>
  /** Main is working (or a call is on its way): controls that start work are disabled. */
  busy: boolean
}
