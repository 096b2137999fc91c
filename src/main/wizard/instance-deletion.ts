import { AppFailure } from '../../shared/errors'
import type { WizardInstance, WizardState } from '../../shared/schemas/wizard'
import { WizardCodes } from './codes'
import * as m from './machine'
import { wizardSay } from './messages'
import { adminPasswordSecret } from './secret-names'
import { requireReady, type StepContext } from './steps/step'

/** The wizard's instance, when `instanceId` is it and the user typed its name exactly; else the failure that says so. */
export function instanceToDelete(state: WizardState, instanceId: string, typedName: string): WizardInstance {
  const instance = state.instance
  requireReady(instance && instance.id === instanceId, wizardSay.notTheWizardsInstance())
  if (typedName !== instance.name) {
    throw new AppFailure({ code: WizardCodes.nameMismatch, ...wizardSay.typeNameToDelete({ instanceName: instance.name }) })
  }
  return instance
}

/** Deletes the instance in the cloud, forgets its admin password, and brings the wizard back to Deploy. */
export async function deleteWizardInstance(ctx: StepContext, instance: WizardInstance, signal: AbortSignal): Promise<void> {
  await ctx.ensureSession(signal)
  await ctx.services.deleteInstance(instance.id, signal)
  await ctx.services.secrets.delete(adminPasswordSecret(instance.guid)).catch(() => undefined)
  let next = m.invalidateAfter(ctx.state(), 'prerequisites')
  next = m.goTo({ ...next, steps: { ...next.steps, deploy: { status: 'ready', error: null, updatedAt: new Date().toISOString() } } }, 'deploy')
  await ctx.commit(next)
}
