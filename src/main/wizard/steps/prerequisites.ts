import type { PrereqReport } from '../../../shared/schemas/ibmcloud'
import type { CheckPrerequisitesInput, WizardPrerequisites, WizardState } from '../../../shared/schemas/wizard'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { ENABLE_SERVICE_ENDPOINTS_COMMAND, wizardMessages, wizardSay } from '../messages'
import type { PrereqTarget } from '../services'
import { defineStep, requireReady, type StepContext } from './step'
import { caseBlock, caseSubject, refreshCase } from './support-case'

/**
 * Step 2. Gen 1: VRF and service endpoints on the account, the key's access, the CLI and its
 * plugin. Gen 2 (a region): the region's Gen 2 deployment, a VPC with a subnet there, the IAM roles.
 */
export const prerequisitesStep = defineStep<CheckPrerequisitesInput>({
  id: 'prerequisites',
  prepare(ctx, input) {
    requireReady(ctx.state().steps.account.status === 'done', wizardSay.signInFirst())
    const target = targetOf(input, ctx.state().prerequisites)
    return { work: (signal) => checkPrerequisites(ctx, target, signal) }
  }
})

/** What to check: as asked; nothing asked = as last time, else Gen 1. Gen 2 without a region takes the last one checked. */
export function targetOf(input: CheckPrerequisitesInput, last: WizardPrerequisites | null): PrereqTarget {
  const generation = input.generation ?? last?.generation ?? 'gen1'
  if (generation === 'gen1') return { generation }
  const region = input.region ?? (last?.generation === 'gen2' ? last.region : null)
  requireReady(region, wizardSay.gen2RegionFirst())
  return { generation, region }
}

async function checkPrerequisites(ctx: StepContext, target: PrereqTarget, signal: AbortSignal): Promise<WizardState> {
  const report = await ctx.services.checkPrerequisites(signal, target)
  // Loaded with the report: the IBM layer (and its texts) is not the wizard's start-up business.
  const { VRF_CASE_TEXT, DOCS } = await import('../../ibmcloud/prerequisites')
  const vrf = target.generation === 'gen1' ? item(report, 'vrf') : undefined
  // The run's support case (VRF, Gen 1) stays with the run: each re-check reads its status again.
  const last = ctx.state().prerequisites
  const openCase = target.generation === 'gen1' && last?.generation === 'gen1' ? last.supportCase : null
  const prerequisites = {
    checkedAt: new Date().toISOString(),
    ok: report.ok,
    items: report.items,
    supportCaseText: vrf?.ok === false ? VRF_CASE_TEXT : null,
    supportCaseSubject: vrf?.ok === false ? caseSubject(ctx.state().runId) : null,
    docsLink: DOCS.vrf,
    generation: target.generation,
    region: target.generation === 'gen2' ? target.region : null,
    supportCase: openCase ? await refreshCase(ctx, openCase, signal) : null
  }
  const state = ctx.state()
  if (target.generation === 'gen2') return gen2Outcome(state, report, target.region, prerequisites)
  const keyItem = report.items.find((i) => (i.id === 'api_key' || i.id === 'account') && i.ok === false)
  if (vrf?.ok === false) {
    const error = prerequisites.supportCase ? caseBlock(prerequisites.supportCase) : { code: WizardCodes.vrfDisabled, ...wizardSay.vrfDisabled() }
    return m.blockStep(state, 'prerequisites', error, { prerequisites })
  }
  if (item(report, 'service_endpoint')?.ok === false) {
    const error = { code: WizardCodes.serviceEndpointsDisabled, ...wizardSay.serviceEndpointsDisabled(), detail: ENABLE_SERVICE_ENDPOINTS_COMMAND }
    return m.blockStep(state, 'prerequisites', error, { prerequisites })
  }
  if (keyItem) {
    const error = { code: WizardCodes.prerequisitesFailed, message: keyItem.advice ?? wizardMessages.prerequisiteUnavailable(keyItem) }
    return m.failStep(state, 'prerequisites', error, { prerequisites })
  }
  // CLI, plugin or an unknown VRF flag do not stop the wizard (it uses the APIs); the items say what to do.
  return m.completeStep(state, 'prerequisites', { prerequisites })
}

/**
 * Gen 2: a bad key fails the step; no VPC or subnet, or a region without Gen 2, blocks it until
 * fixed (each item names its fix). An unknown item (the IAM roles, an unreadable catalog) does
 * not stop the wizard: the items say so, and a refused step later names what it lacked.
 */
function gen2Outcome(state: WizardState, report: PrereqReport, region: string, prerequisites: Partial<WizardState>['prerequisites']): WizardState {
  const keyItem = report.items.find((i) => (i.id === 'api_key' || i.id === 'account') && i.ok === false)
  if (keyItem) {
    const error = { code: WizardCodes.prerequisitesFailed, message: keyItem.advice ?? wizardMessages.prerequisiteUnavailable(keyItem) }
    return m.failStep(state, 'prerequisites', error, { prerequisites })
  }
  const network = report.items.find((i) => (i.id === 'vpc' || i.id === 'subnet') && i.ok === false)
  if (network) {
    const error = {
      code: WizardCodes.vpcMissing,
      ...wizardSay.gen2VpcMissing({ region, what: network.id === 'vpc' ? 'vpc' : 'subnet' }),
      ...(network.command ? { detail: network.command } : {})
    }
    return m.blockStep(state, 'prerequisites', error, { prerequisites })
  }
  const catalog = item(report, 'gen2_catalog')
  if (catalog?.ok === false) {
    const error = { code: WizardCodes.gen2NotOffered, ...wizardSay.gen2NotOffered(catalog) }
    return m.blockStep(state, 'prerequisites', error, { prerequisites })
  }
  return m.completeStep(state, 'prerequisites', { prerequisites })
}

const item = (report: PrereqReport, id: string) => report.items.find((i) => i.id === id)
