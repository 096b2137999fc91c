import type { SupportCase } from '../../../shared/schemas/ibmcloud'
import type { WizardState } from '../../../shared/schemas/wizard'
import { log } from '../../logging/log'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { wizardSay } from '../messages'
import { defineStep, requireReady, type StepContext } from './step'

/**
 * Step 2 on a classic account without VRF: the support case that asks IBM to enable it, opened
 * through Case Management only after the user confirmed its text (`wizard.openSupportCase`). One
 * case per run: its subject carries the run's marker (an earlier case of the run is found by it),
 * and its number is saved before anything else; calling again only reads its status.
 */
export const VRF_CASE_SUBJECT = 'Enable VRF and service endpoints for my account'

/** This run's mark, part of the subject: what finds the case again after a lost answer or a restart. */
export const caseMarker = (runId: string): string => `PSE Wizard ${runId}`
export const caseSubject = (runId: string): string => `${VRF_CASE_SUBJECT} [${caseMarker(runId)}]`

export const supportCaseStep = defineStep<undefined>({
  id: 'prerequisites',
  prepare(ctx) {
    const state = ctx.state()
    requireReady(state.steps.account.status === 'done', wizardSay.signInFirst())
    const p = state.prerequisites
    requireReady(p?.generation === 'gen1' && p.supportCaseText && p.supportCaseSubject, wizardSay.supportCaseNotNeeded())
    return { work: (signal) => openOrRead(ctx, signal) }
  }
})

async function openOrRead(ctx: StepContext, signal: AbortSignal): Promise<WizardState> {
  const p = ctx.state().prerequisites!
  const now = new Date().toISOString()
  let supportCase: SupportCase
  if (p.supportCase) {
    const read = await ctx.services.readSupportCase(p.supportCase.number, signal)
    supportCase = { ...p.supportCase, status: read.status, checkedAt: now }
  } else {
    const request = { subject: p.supportCaseSubject!, description: p.supportCaseText!, marker: caseMarker(ctx.state().runId) }
    const opened = await ctx.services.openSupportCase(request, signal)
    log.info(`wizard: support case ${opened.number} ${opened.adopted ? 'found again (opened earlier in this run)' : 'opened'} for VRF`)
    supportCase = { number: opened.number, status: opened.status, openedAt: opened.createdAt ?? now, checkedAt: now }
    // Saved before anything else: a retry or a restart reads this case, never opens another.
    await ctx.commit(m.update(ctx.state(), { prerequisites: { ...p, supportCase } }))
  }
  const state = ctx.state()
  return m.blockStep(state, 'prerequisites', caseBlock(supportCase), { prerequisites: { ...state.prerequisites!, supportCase } })
}

/** VRF still off while the case is with IBM. */
export const caseBlock = (supportCase: SupportCase) => ({ code: WizardCodes.vrfDisabled, ...wizardSay.supportCaseOpen({ caseNumber: supportCase.number }) })

/** The re-check: the case's status read again; a failed read keeps the last one (the check itself goes on). */
export async function refreshCase(ctx: StepContext, supportCase: SupportCase, signal: AbortSignal): Promise<SupportCase> {
  try {
    const read = await ctx.services.readSupportCase(supportCase.number, signal)
    return { ...supportCase, status: read.status, checkedAt: new Date().toISOString() }
  } catch (e) {
    if (signal.aborted) throw e
    log.warn(`wizard: could not read support case ${supportCase.number}: ${(e as Error).message}`)
    return supportCase
  }
}
