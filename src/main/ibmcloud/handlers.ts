import type { Handlers } from '../transport/dispatch'
import { validateApiKey } from './account'
import { ibmClientSource, type IbmClientDeps, type IbmClientSource } from './client-source'
import { createIbmCloudClient } from './client'
import { listRedisVersions, listRegions } from './databases'
import { checkPrerequisites } from './prerequisites'
import { checkGen2Prerequisites, requireGen2Region } from './prerequisites-gen2'
import { listRedisInstances, toRedisInstance } from './resource-controller'
import { listResourceGroups } from './resource-manager'

export type IbmCallName = 'ibmcloud.validateApiKey' | 'ibmcloud.checkPrerequisites' | 'ibmcloud.installPlugin' | 'ibmcloud.regions' | 'ibmcloud.resourceGroups' | 'ibmcloud.redisVersions' | 'ibmcloud.instances'

export interface IbmHandlerDeps extends IbmClientDeps {
  sandbox: boolean
  /** The clients shared with the other services of the core (else one of its own). */
  clients?: IbmClientSource
}

/**
 * Contract handlers of the IBM Cloud layer that are not tied to a wizard step: testing a key,
 * the prerequisite report (Settings), installing the plugin, and the lists the forms need.
 * One client per key and endpoint setting, reused so its token is reused.
 */
export function ibmCloudHandlers(deps: IbmHandlerDeps): Pick<Handlers, IbmCallName> {
  const { client, need, cli } = deps.clients ?? ibmClientSource(deps)
  const prerequisites = async (signal: AbortSignal) => {
    const c = await client()
    return checkPrerequisites({ ...(c ? { validate: () => validateApiKey(c, { signal }) } : {}), cli: cli(), sandbox: deps.sandbox, signal })
  }

  return {
    'ibmcloud.validateApiKey': async ({ apiKey }, { signal }) => validateApiKey(createIbmCloudClient({ apiKey, env: deps.env, privateEndpoints: deps.settings().privateApiEndpoints }), { signal }),
    'ibmcloud.checkPrerequisites': async ({ generation, region }, { signal }) => {
      if (generation !== 'gen2') return prerequisites(signal)
      const c = await client()
      const where = requireGen2Region(region)
      return checkGen2Prerequisites({
        ...(c ? { validate: () => validateApiKey(c, { signal }), client: c } : {}),
        region: where,
        sandbox: deps.sandbox,
        signal
      })
    },
    'ibmcloud.installPlugin': async ({ update }, { signal }) => {
      await cli().installPlugin(signal, update === true)
      return prerequisites(signal)
    },
    'ibmcloud.regions': async (_input, { signal }) => ({ regions: await listRegions(await need(), { signal }) }),
    'ibmcloud.resourceGroups': async (_input, { signal }) => ({ resourceGroups: await listResourceGroups(await need(), undefined, { signal }) }),
    'ibmcloud.redisVersions': async ({ region }, { signal }) => ({ versions: await listRedisVersions(await need(), region, { signal }) }),
    'ibmcloud.instances': async ({ region }, { signal }) => ({
      instances: (await listRedisInstances(await need(), region ? { region } : {}, { signal })).map(toRedisInstance)
    })
  }
}
