import { AppFailure } from '../../../shared/errors'
import type { WizardInstance, WizardState } from '../../../shared/schemas/wizard'
import { registerSecret } from '../../logging/redact'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { wizardSay } from '../messages'
import { keyPasswordSecret } from '../secret-names'
import { defineStep, requireReady, type StepContext } from './step'

/** Step 7: a service key on the private endpoint (found again when it exists), its password in the keychain. */
export const serviceKeyStep = defineStep<string | undefined>({
  id: 'serviceKey',
  prepare(ctx, name) {
    const state = ctx.state()
    requireReady(state.instance && state.steps.connection.status === 'done', wizardSay.fetchConnectionFirst())
    const instance = state.instance
    return { work: (signal) => ensurePrivateKey(ctx, instance, name, signal) }
  }
})

async function ensurePrivateKey(ctx: StepContext, instance: WizardInstance, name: string | undefined, signal: AbortSignal): Promise<WizardState> {
  const { connections } = ctx.state()
  if (instance.serviceEndpoints === 'public' || (connections.private === null && connections.public !== null)) {
    throw new AppFailure({ code: WizardCodes.noPrivateEndpoint, ...wizardSay.noPrivateEndpoint({ instanceName: instance.name }) })
  }
  const key = await ctx.services.ensurePrivateServiceKey(instance, name ?? `${instance.name}-private-key`, signal)
  registerSecret(key.credentials.password)
  await ctx.services.secrets.set(keyPasswordSecret(key.keyId), key.credentials.password)
  return m.completeStep(ctx.state(), 'serviceKey', {
    serviceKey: { id: key.keyId, name: key.name, reused: key.reused, role: null, connection: key.connection }
  })
}
