import { AppFailure } from '../../../shared/errors'
import type { EndpointType } from '../../../shared/schemas/ibmcloud'
import type { WizardInstance, WizardState } from '../../../shared/schemas/wizard'
import * as m from '../machine'
import { wizardSay } from '../messages'
import { defineStep, requireReady, type StepContext } from './step'

/** Step 6: the public and private connection information (host, port, CA) of the instance's endpoints. */
export const connectionStep = defineStep<void>({
  id: 'connection',
  prepare(ctx) {
    const state = ctx.state()
    requireReady(state.instance && state.steps.password.status === 'done', wizardSay.setPasswordFirst())
    const instance = state.instance
    return { work: (signal) => fetchConnections(ctx, instance, signal) }
  }
})

async function fetchConnections(ctx: StepContext, instance: WizardInstance, signal: AbortSignal): Promise<WizardState> {
  const se = instance.serviceEndpoints
  const want = (e: EndpointType) => se === null || se === 'public-and-private' || se === e
  const fetch = async (e: EndpointType) => {
    if (!want(e)) return null
    try {
      return await ctx.services.connectionInfo(instance.id, e, signal)
    } catch (err) {
      // Endpoints unknown (an adopted instance): a missing one is not an error.
      if (se === null && err instanceof AppFailure && err.code === 'ibm_endpoint_not_enabled') return null
      throw err
    }
  }
  const pub = await fetch('public')
  const priv = await fetch('private')
  return m.completeStep(ctx.state(), 'connection', { connections: { public: pub, private: priv } })
}
