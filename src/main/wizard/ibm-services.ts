import { AppFailure } from '../../shared/errors'
import type { AccountInput, AccountSource } from '../../shared/schemas/wizard'
import type { Settings } from '../../shared/schemas/app'
import { createIbmCloudClient, type IbmCloudClient } from '../ibmcloud/client'
import { validateApiKey } from '../ibmcloud/account'
import { IbmcloudCli } from '../ibmcloud/cli-runner'
import { CliSessionAuthenticator } from '../ibmcloud/cli-session-auth'
import { getConnectionInfo, listRedisVersions, listRegions, setAdminPassword } from '../ibmcloud/databases'
import { IbmCodes } from '../ibmcloud/errors'
import { createGen2Key, findGen2Key } from '../ibmcloud/gen2-keys'
import { checkPrerequisites } from '../ibmcloud/prerequisites'
import { checkGen2Prerequisites } from '../ibmcloud/prerequisites-gen2'
import { createOrAdoptInstance, ensurePrivateServiceKey, waitUntilReady } from '../ibmcloud/provisioning'
import { createOrAdoptGen2Instance, waitUntilGen2Ready } from '../ibmcloud/provisioning-gen2'
import { listGen2Deployments } from '../ibmcloud/prerequisites-gen2-catalog'
import { deleteInstance, getInstance, listRedisInstances, toRedisInstance } from '../ibmcloud/resource-controller'
import { listResourceGroups } from '../ibmcloud/resource-manager'
import { registerSecret } from '../logging/redact'
import { probe } from '../redis/probe'
import { diagnoseReachability } from '../network/diagnosis'
import { sandboxProbeHooks } from '../sandbox/probe-hooks'
import { wizardSay } from './messages'
import { API_KEY_SECRET } from './secret-names'
import type { WizardCloudServices, WizardProfileDraft } from './services'
import type { WizardVault } from './vault'
import { listVpcSummaries } from './vpc-summaries'
import { vpcServices } from './vpc-services'

/** Kept here too: the app reads it from this module (secret-names.ts is the light home). */
export { API_KEY_SECRET }

export interface IbmWizardServicesOptions {
  env: NodeJS.ProcessEnv
  dataDir: string
  sandbox: boolean
  vault: WizardVault
  /** Current settings (CLI path, "use my CLI session", private API endpoints). */
  settings?: () => Pick<Settings, 'ibmcloudCliPath' | 'useCliSession' | 'privateApiEndpoints'>
  /** Creates a profile through the profile store; absent until the store is wired. */
  saveProfile?: (draft: WizardProfileDraft) => Promise<{ id: string }>
  /** Provisioning poll: first interval and cap (the sandbox and tests use short ones). */
  pollIntervalMs?: number
  maxPollIntervalMs?: number
  /** Cloud Databases task poll (admin password). */
  taskPollIntervalMs?: number
}

/**
 * The wizard's port onto the IBM Cloud layer (official SDK clients, CLI runner, prerequisite
 * checks, duplicate-safe create and ready-wait) and the connection probe. Heavy: loaded with
 * import() the first time a call needs it (wizard-services.ts).
 */
/** How this process is signed in to IBM Cloud: an API key (ours) or the user's own `ibmcloud` login, and the client on it. */
function ibmSession(o: IbmWizardServicesOptions) {
  let client: IbmCloudClient | undefined
  let apiKey: string | undefined
  /** How this process signed in: an API key (ours) or the user's own `ibmcloud` login. */
  let signedIn: 'apiKey' | 'session' | undefined
  const settings = () => o.settings?.() ?? { ibmcloudCliPath: '', useCliSession: false, privateApiEndpoints: false }

  const connect = (key: string) => {
    registerSecret(key)
    apiKey = key
    signedIn = 'apiKey'
    client = createIbmCloudClient({ apiKey: key, env: o.env, privateEndpoints: settings().privateApiEndpoints })
    return client
  }
  /** The user's own CLI login: read-only use of their IBMCLOUD_HOME (only `iam oauth-tokens`, never login or config). */
  const userCli = () => new IbmcloudCli({ configuredPath: settings().ibmcloudCliPath, env: o.env, dataDir: o.dataDir, useUserSession: true })
  const connectSession = () => {
    apiKey = undefined
    signedIn = 'session'
    // Every request takes its token from `ibmcloud iam oauth-tokens` (cached until a minute before it expires, dropped on a 401).
    client = createIbmCloudClient({ auth: new CliSessionAuthenticator(userCli()), env: o.env, privateEndpoints: settings().privateApiEndpoints })
    return client
  }
  const need = (): IbmCloudClient => {
    if (!client) throw new AppFailure({ code: IbmCodes.apiKeyMissing, ...wizardSay.signInFirst() })
    return client
  }
  const keyFor = async (source: Exclude<AccountSource, 'session'>): Promise<string> => {
    const key = source === 'environment' ? o.env.IBMCLOUD_API_KEY?.trim() : await o.vault.get(API_KEY_SECRET)
    if (!key) {
      throw new AppFailure({
        code: IbmCodes.apiKeyMissing,
        ...(source === 'environment' ? wizardSay.environmentKeyMissing() : wizardSay.keychainKeyMissing())
      })
    }
    return key
  }
  /** True when an `ibmcloud` is installed and its user is logged in (a token comes back). */
  const hasCliSession = async (): Promise<boolean> => {
    const cli = userCli()
    if (!cli.bin) return false
    try {
      await cli.runChecked(['iam', 'oauth-tokens', '--output', 'json'], { timeoutMs: 15_000 })
      return true
    } catch {
      return false
    }
  }

  return {
    connect,
    connectSession,
    need,
    keyFor,
    hasCliSession,
    userCli,
    settings,
    apiKey: () => apiKey,
    signedIn: () => signedIn,
    hasClient: () => client !== undefined
  }
}

export function ibmCloudServices(o: IbmWizardServicesOptions): WizardCloudServices {
  const { connect, connectSession, need, keyFor, hasCliSession, userCli, settings, apiKey, signedIn, hasClient } = ibmSession(o)
  const opts = (signal: AbortSignal) => ({ signal })
  const pollOptions = {
    ...(o.pollIntervalMs !== undefined ? { pollIntervalMs: o.pollIntervalMs } : {}),
    ...(o.maxPollIntervalMs !== undefined ? { maxPollIntervalMs: o.maxPollIntervalMs } : {})
  }
  // A sandbox's private names resolve only through its DNS hook, and its Gen 2 certificates chain
  // to its own root, trusted besides the default ones (src/main/sandbox/probe-hooks.ts).
  const sandboxHooks = sandboxProbeHooks(o.env)

  return {
    async accountChoices() {
      const [stored, session] = await Promise.all([o.vault.get(API_KEY_SECRET).catch(() => undefined), hasCliSession()])
      return { keychain: !!stored, environment: !!o.env.IBMCLOUD_API_KEY?.trim(), session }
    },

    async signIn(input: AccountInput, signal) {
      if (input.source === 'session') return { source: 'session', info: await validateApiKey(connectSession(), opts(signal)) }
      const source: AccountSource = input.source === 'apiKey' ? 'keychain' : input.source
      const key = input.source === 'apiKey' ? input.apiKey.trim() : await keyFor(source)
      const info = await validateApiKey(connect(key), opts(signal))
      // Stored only once IAM accepted it.
      if (input.source === 'apiKey') await o.vault.set(API_KEY_SECRET, key)
      return { source, info }
    },

    async restoreSession(source, signal) {
      void signal
      if (hasClient()) return
      if (source === 'session') connectSession()
      else connect(await keyFor(source))
    },

    async checkPrerequisites(signal, target) {
      if (target?.generation === 'gen2') {
        const c = need()
        return checkGen2Prerequisites({ validate: () => validateApiKey(c, opts(signal)), client: c, region: target.region, sandbox: o.sandbox, signal })
      }
      const s = settings()
      // Signed in with the CLI session: the CLI checks use that very login (never our own isolated one).
      const cli =
        signedIn() === 'session'
          ? userCli()
          : new IbmcloudCli({
              configuredPath: s.ibmcloudCliPath,
              env: o.env,
              dataDir: o.dataDir,
              useUserSession: s.useCliSession,
              apiKey: async () => apiKey()
            })
      const c = need()
      return checkPrerequisites({ validate: () => validateApiKey(c, opts(signal)), cli, sandbox: o.sandbox, signal })
    },

    // Case Management is loaded only when a case is opened or read (a classic account without VRF).
    openSupportCase: async (request, signal) => (await import('../ibmcloud/case-management')).openCaseOnce(need(), request, opts(signal)),
    readSupportCase: async (caseNumber, signal) => (await import('../ibmcloud/case-management')).getCase(need(), caseNumber, opts(signal)),

    listRegions: (signal) => listRegions(need(), opts(signal)),
    listResourceGroups: (signal) => listResourceGroups(need(), undefined, opts(signal)),
    listVersions: (region, signal) => listRedisVersions(need(), region, opts(signal)),
    listInstances: async (signal) => (await listRedisInstances(need(), {}, opts(signal))).map(toRedisInstance),
    getInstance: async (id, signal) => toRedisInstance(await getInstance(need(), id, opts(signal))),

    createOrAdopt: (req, signal, onProgress) => createOrAdoptInstance(need(), req, { signal, onProgress }),
    waitUntilReady: (id, signal, onProgress) => waitUntilReady(need(), id, { signal, onProgress, ...pollOptions }),
    deleteInstance: (id, signal) => deleteInstance(need(), id, { signal, recursive: true }),
    listGen2Regions: async (signal) => (await listGen2Deployments(need(), opts(signal))).map((d) => d.region),
    listVpcSummaries: (region, signal) => listVpcSummaries(need(), region, opts(signal)),
    createOrAdoptGen2: (req, signal, onProgress) => createOrAdoptGen2Instance(need(), req, { signal, onProgress }),
    waitUntilGen2Ready: async (id, signal, onProgress) => (await waitUntilGen2Ready(need(), id, { signal, onProgress, ...pollOptions })).instance,

    setAdminPassword: (crn, password, signal) =>
      setAdminPassword(need(), crn, password, { signal, ...(o.taskPollIntervalMs !== undefined ? { pollIntervalMs: o.taskPollIntervalMs } : {}) }),
    connectionInfo: (crn, endpoint, signal) => getConnectionInfo(need(), crn, endpoint, opts(signal)),
    ensurePrivateServiceKey: (instance, name, signal) => ensurePrivateServiceKey(need(), instance, name, { signal }),
    vpc: vpcServices(need, o.pollIntervalMs !== undefined ? { pollIntervalMs: o.pollIntervalMs } : {}),
    findGen2Key: (instance, name, signal) => findGen2Key(need(), instance.guid, name, { signal }),
    createGen2Key: (instance, name, role, signal) => createGen2Key(need(), { instance, name, role }, { signal }),

    probe: async ({ connection, username, password }, signal) => {
      const result = await probe(
        {
          host: connection.hostname,
          port: connection.port,
          db: connection.database,
          username,
          password,
          // Gen 2: publicly trusted (caPem '', the system's roots) and SNI = the VPE domain.
          tls: { enabled: true, caPem: connection.caPem || null, servername: connection.servername ?? null, verifyServerCert: true },
          timeouts: { connectMs: 5_000, commandMs: 3_000 }
        },
        { signal, ...sandboxHooks }
      )
      const diagnosis = result.ok ? null : diagnoseReachability(result, { currentPath: 'direct', privateEndpoint: connection.endpoint === 'private' })
      return { ...result, diagnosis }
    }
  }
}
