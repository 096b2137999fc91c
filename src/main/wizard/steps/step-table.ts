import type { WizardStepId } from '../../../shared/schemas/wizard'
import { accountStep } from './account'
import { connectionStep } from './connection'
import { deployStep } from './deploy'
import { passwordStep } from './password'
import { prerequisitesStep } from './prerequisites'
import { saveStep } from './save'
import { serviceKeyStep } from './service-key'
import type { WizardStep } from './step'
import { testStep } from './test'

/**
 * Every foreground step of the wizard, by id: adding a step is a module and a line here. The
 * provisioning wait is the one step that runs in the background (provisioning-wait.ts).
 */
export const wizardStepTable = {
  account: accountStep,
  prerequisites: prerequisitesStep,
  deploy: deployStep,
  password: passwordStep,
  connection: connectionStep,
  serviceKey: serviceKeyStep,
  test: testStep,
  save: saveStep
} satisfies Record<Exclude<WizardStepId, 'wait'>, WizardStep<never, unknown>>

export type ForegroundStepId = keyof typeof wizardStepTable
/** What the contract call of step `K` brings. */
export type StepInput<K extends ForegroundStepId> = (typeof wizardStepTable)[K] extends WizardStep<infer Input, infer _Accepted> ? Input : never
