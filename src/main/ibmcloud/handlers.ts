import type { Settings } from '../../shared/schemas/app'
import type { Handlers } from '../transport/dispatch'
import { validateApiKey } from './account'
import { IbmcloudCli } from './cli-runner'
import { createIbmCloudClient, type IbmCloudClient } from './client'
import { listRedisVersions, listRegions } from './databases'
import { IbmCodes } from './errors'
import { AppFailure } from '../../shared/errors'
import { checkPrerequisites } from './prerequisites'
import { listRedisInstances, toRedisInstance } from './resource-controller'
import { listResourceGroups } from './resource-manager'

export type IbmCallName = 'ibm.validateApiKey' | 'ibm.checkPrerequisites' | 'ibm.installPlugin' | 'ibm.regions' | 'ibm.resourceGroups' | 'ibm.redisVersions' | 'ibm.instances'

export interface IbmHandlerDeps {
  env: NodeJS.ProcessEnv
  dataDir: string
  sandbox: boolean
  settings: () => Pick<Settings, 'ibmcloudCliPath' | 'useCliSession' | 'privateApiEndpoints'>
  /** The API key in use (keychain, else IBMCLOUD_API_KEY); undefined when none is set. */
  apiKey: () => Promise<string | undefined>
}

/**
 * Contract handlers of the IBM Cloud layer that are not tied to a wizard step: testing a key,
 * the prerequisite report (Settings), installing the plugin, and the lists the forms need.
 * One client per key and endpoint setting, reused so its token is reused.
 */
export function ibmCloudHandlers(deps: IbmHandlerDeps): Pick<Handlers, IbmCallName> {
  let cached: { key: string; privateEndpoints: boolean; client: IbmCloudClient } | undefined
  const client = async (): Promise<IbmCloudClient> => {
    const key = await deps.apiKey()
    if (!key) throw new AppFailure({ code: IbmCodes.apiKeyMissing, message: 'No IBM Cloud API key is set. Enter one on the Account step (or set IBMCLOUD_API_KEY).' })
    const privateEndpoints = deps.settings().privateApiEndpoints
    if (!cached || cached.key !== key || cached.privateEndpoints !== privateEndpoints) {
      cached = { key, privateEndpoints, client: createIbmCloudClient({ apiKey: key, env: deps.env, privateEndpoints }) }
    }
    return cached.client
  }
  const cli = () => {
    const s = deps.settings()
    return new IbmcloudCli({ configuredPath: s.ibmcloudCliPath, env: deps.env, dataDir: deps.dataDir, useUserSession: s.useCliSession, apiKey: deps.apiKey })
  }
  const prerequisites = async (signal: AbortSignal) => {
    const key = await deps.apiKey()
    const c = key ? await client() : undefined
    return checkPrerequisites({ ...(c ? { validate: () => validateApiKey(c, { signal }) } : {}), cli: cli(), sandbox: deps.sandbox, signal })
  }

  return {
    'ibm.validateApiKey': async ({ apiKey }, { signal }) => validateApiKey(createIbmCloudClient({ apiKey, env: deps.env, privateEndpoints: deps.settings().privateApiEndpoints }), { signal }),
    'ibm.checkPrerequisites': async (_input, { signal }) => prerequisites(signal),
    'ibm.installPlugin': async ({ update }, { signal }) => {
      await cli().installPlugin(signal, update === true)
      return prerequisites(signal)
    },
    'ibm.regions': async (_input, { signal }) => ({ regions: await listRegions(await client(), { signal }) }),
    'ibm.resourceGroups': async (_input, { signal }) => ({ resourceGroups: await listResourceGroups(await client(), undefined, { signal }) }),
    'ibm.redisVersions': async ({ region }, { signal }) => ({ versions: await listRedisVersions(await client(), region, { signal }) }),
    'ibm.instances': async ({ region }, { signal }) => ({ instances: (await listRedisInstances(await client(), region ? { region } : {}, { signal })).map(toRedisInstance) })
  }
}
