import type { PrereqReport } from '../../../shared/schemas/ibmcloud'
import type { WizardState } from '../../../shared/schemas/wizard'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { ENABLE_SERVICE_ENDPOINTS_COMMAND, wizardMessages } from '../messages'
import { defineStep, requireReady, type StepContext } from './step'

/** Step 2: VRF and service endpoints on the account, the key's access, the CLI and its plugin. */
export const prerequisitesStep = defineStep<void>({
  id: 'prerequisites',
  prepare(ctx) {
    requireReady(ctx.state().steps.account.status === 'done', wizardMessages.signInFirst())
    return { work: (signal) => checkPrerequisites(ctx, signal) }
  }
})

async function checkPrerequisites(ctx: StepContext, signal: AbortSignal): Promise<WizardState> {
  const report = await ctx.services.checkPrerequisites(signal)
  // Loaded with the report: the IBM layer (and its texts) is not the wizard's start-up business.
  const { VRF_CASE_TEXT, DOCS } = await import('../../ibmcloud/prerequisites')
  const vrf = item(report, 'vrf')
  const prerequisites = {
    checkedAt: new Date().toISOString(),
    ok: report.ok,
    items: report.items,
    supportCaseText: vrf?.ok === false ? VRF_CASE_TEXT : null,
    docsLink: DOCS.vrf,
    generation: 'gen1' as const,
    region: null,
    supportCase: null
  }
  const state = ctx.state()
  if (vrf?.ok === false) {
    const error = { code: WizardCodes.vrfDisabled, message: wizardMessages.vrfDisabled() }
    return m.blockStep(state, 'prerequisites', error, { prerequisites })
  }
  if (item(report, 'service_endpoint')?.ok === false) {
    const error = { code: WizardCodes.serviceEndpointsDisabled, message: wizardMessages.serviceEndpointsDisabled(), detail: ENABLE_SERVICE_ENDPOINTS_COMMAND }
    return m.blockStep(state, 'prerequisites', error, { prerequisites })
  }
  const keyItem = report.items.find((i) => (i.id === 'api_key' || i.id === 'account') && i.ok === false)
  if (keyItem) {
    const error = { code: WizardCodes.prerequisitesFailed, message: keyItem.advice ?? wizardMessages.prerequisiteUnavailable(keyItem) }
    return m.failStep(state, 'prerequisites', error, { prerequisites })
  }
  // CLI, plugin or an unknown VRF flag do not stop the wizard (it uses the APIs); the items say what to do.
  return m.completeStep(state, 'prerequisites', { prerequisites })
}

const item = (report: PrereqReport, id: string) => report.items.find((i) => i.id === id)
