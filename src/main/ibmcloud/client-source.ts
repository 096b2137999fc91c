import type { Settings } from '../../shared/schemas/app'
import { AppFailure } from '../../shared/errors'
import { IbmcloudCli } from './cli-runner'
import { CliSessionAuthenticator } from './cli-session-auth'
import { createIbmCloudClient, type IbmCloudClient } from './client'
import { IbmCodes } from './errors'

export interface IbmClientDeps {
  env: NodeJS.ProcessEnv
  dataDir: string
  settings: () => Pick<Settings, 'ibmcloudCliPath' | 'useCliSession' | 'privateApiEndpoints'>
  /** The API key in use (keychain, else IBMCLOUD_API_KEY); undefined when none is set. */
  apiKey: () => Promise<string | undefined>
}

export interface IbmClientSource {
  /** A client for the key in use, else the user's CLI session when they chose it; undefined when neither. */
  client(): Promise<IbmCloudClient | undefined>
  /** The same, or a failure that says how to sign in. */
  need(): Promise<IbmCloudClient>
  /** The ibmcloud CLI as the settings choose it. */
  cli(): IbmcloudCli
}

/** One client per key and endpoint setting, reused so its IAM token is reused by every caller. */
export function ibmClientSource(deps: IbmClientDeps): IbmClientSource {
  let cached: { key: string; privateEndpoints: boolean; client: IbmCloudClient } | undefined
  const cli = () => {
    const s = deps.settings()
    return new IbmcloudCli({ configuredPath: s.ibmcloudCliPath, env: deps.env, dataDir: deps.dataDir, useUserSession: s.useCliSession, apiKey: deps.apiKey })
  }
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
  return { client, need, cli }
}
