import { AppFailure } from '../../../shared/errors'
import type { ConnectionInfo, EndpointType } from '../../../shared/schemas/ibmcloud'
import type { ConnectionInput, WizardInstance, WizardState } from '../../../shared/schemas/wizard'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { wizardSay } from '../messages'
import { defineStep, requireReady, type StepContext } from './step'
import { ensureVpe, VpeStepCodes, type VpeTarget } from './vpe-gateway'

/**
 * Step 6: the connection details. Gen 1: the public and private endpoints (host, port, CA) and,
 * when asked (`vpe`) and the deploy form names a VPC, a VPE gateway to the private endpoint.
 * Gen 2: the private endpoint from the instance's extensions and always its VPE gateway.
 */
export const connectionStep = defineStep<ConnectionInput | undefined, ConnectionInput>({
  id: 'connection',
  accept: (input) => input ?? {},
  prepare(ctx, input) {
    const state = ctx.state()
    requireReady(state.instance && state.steps.password.status === 'done', wizardSay.setPasswordFirst())
    const instance = state.instance
    const gen2 = instance.generation === 'gen2'
    const wantsVpe = gen2 || input.vpe === true
    const vpcId = state.deploy?.form?.vpcId ?? null
    if (wantsVpe) requireReady(vpcId, wizardSay.vpeNoVpc())
    return {
      work: async (signal) => {
        const connections = gen2 ? { public: null, private: await ctx.services.vpc.gen2Connection(instance.id, signal) } : await gen1Connections(ctx, instance, signal)
        // Recorded before the VPE wait: the details are shown while the gateway comes up.
        await ctx.commit(m.update(ctx.state(), { connections }))
        if (!wantsVpe || !vpcId) return m.completeStep(ctx.state(), 'connection', { connections })
        if (!connections.private) throw new AppFailure({ code: WizardCodes.noPrivateEndpoint, ...wizardSay.noPrivateEndpoint({ instanceName: instance.name }) })
        const vpe = await ensureVpe(ctx, vpeTarget(ctx.state(), instance, vpcId, connections.private), input, signal)
        return m.completeStep(ctx.state(), 'connection', { connections, vpe })
      }
    }
  }
})

function vpeTarget(state: WizardState, instance: WizardInstance, vpcId: string, priv: ConnectionInfo): VpeTarget {
  return {
    region: instance.region,
    vpcId,
    subnetIds: state.deploy?.form?.subnetIds ?? [],
    targetCrn: instance.id,
    instanceName: instance.name,
    resourceGroupId: instance.resourceGroupId,
    hostname: priv.hostname,
    port: priv.port
  }
}

async function gen1Connections(ctx: StepContext, instance: WizardInstance, signal: AbortSignal): Promise<WizardState['connections']> {
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
  return { public: pub, private: priv }
}

export { VpeStepCodes }
