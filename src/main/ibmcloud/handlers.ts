import type { Settings } from '../../shared/schemas/app'
import type { Handlers } from '../transport/dispatch'
import { validateApiKey } from './account'
import { IbmcloudCli } from './cli-runner'
import { createIbmCloudClient, type IbmCloudClient } from './client'
import { listRedisVersions, listRegions } from './databases'
import { IbmCodes } from './errors'
import { AppFailure } from '../../shared/errors'
import { CliSessionAuthenticator } from './cli-session-auth'
import { checkPrerequisites } from './prerequisites'
import { listRedisInstances, toRedisInstance } from './resource-controller'
import { listResourceGroups } from './resource-manager'

export type IbmCallName = 'ibmcloud.validateApiKey' | 'ibmcloud.checkPrerequisites' | 'ibmcloud.installPlugin' | 'ibmcloud.regions' | 'ibmcloud.resourceGroups' | 'ibmcloud.redisVersions' | 'ibmcloud.instances'

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
  // An API key if there is one; else, when the user chose it, their own CLI session.
  const client = async (): Promise<IbmCloudClient | undefined> => {
    const key = await deps.apiKey()
    const { privateApiEndpoints: privateEndpoints, useCliSession } = deps.settings()
    const identity = key ?? (useCliSession ? '\u0000cli-session' : undefined)
    if (!identity) return undefined
    if (!cached || cached.key !== identity || cached.privateEndpoints !== privateEndpoints) {
      const auth = key ? undefined : new CliSessionAuthenticator(cli())
      cached = { key: identity, privateEndpoints, client: createIbmCloudClient({ ...(key ? { apiKey: key } : { auth }), env: deps.env, privateEndpoints }) }
    }
    return cached.client
  }
  const need = async (): Promise<IbmCloudClient> => {
    const c = await client()
    if (!c) throw new AppFailure({ code: IbmCodes.apiKeyMissing, message: 'No IBM Cloud API key is set. Enter one on the Account step (or set IBMCLOUD_API_KEY), or choose "Use my CLI session" in Settings.' })
    return c
  }
  const cli = () => {
    const s = deps.settings()
    return new IbmcloudCli({ configuredPath: s.ibmcloudCliPath, env: deps.env, dataDir: deps.dataDir, useUserSession: s.useCliSession, apiKey: deps.apiKey })
  }
  const prerequisites = async (signal: AbortSignal) => {
    const c = await client()
    return checkPrerequisites({ ...(c ? { validate: () => validateApiKey(c, { signal }) } : {}), cli: cli(), sandbox: deps.sandbox, signal })
  }

  return {
    'ibmcloud.validateApiKey': async ({ apiKey }, { signal }) => validateApiKey(createIbmCloudClient({ apiKey, env: deps.env, privateEndpoints: deps.settings().privateApiEndpoints }), { signal }),
    'ibmcloud.checkPrerequisites': async (_input, { signal }) => prerequisites(signal),
    'ibmcloud.installPlugin': async ({ update }, { signal }) => {
      await cli().installPlugin(signal, update === true)
      return prerequisites(signal)
    },
    'ibmcloud.regions': async (_input, { signal }) => ({ regions: await listRegions(await need(), { signal }) }),
    'ibmcloud.resourceGroups': async (_input, { signal }) => ({ resourceGroups: await listResourceGroups(await need(), undefined, { signal }) }),
    'ibmcloud.redisVersions': async ({ region }, { signal }) => ({ versions: await listRedisVersions(await need(), region, { signal }) }),
    'ibmcloud.instances': async ({ region }, { signal }) => ({ instances: (await listRedisInstances(await need(), region ? { region } : {}, { signal })).map(toRedisInstance) })
  }
}
