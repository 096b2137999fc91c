import type { EventBus } from '../events'
import type { CoreOptions } from './config'
import { slot } from './lazy'

export interface ServiceContext {
  dataDir: string
  /** The environment every service reads (the sandbox's variables included when it runs). */
  env: NodeJS.ProcessEnv
  bus: EventBus
  /** This core started its own sandbox. */
  sandbox: boolean
  /** The IBM calls and the wizard talk to a sandbox (this core's or one the environment names). */
  sandboxMode: boolean
  apiKeySource: CoreOptions['apiKeySource']
}

/**
 * The core's services, each a slot built on its first use with the modules (and libraries)
 * behind it imported only then: settings, profiles, the keychain vault, network paths, the
 * setup wizard and the IBM Cloud calls.
 */
export function serviceSlots(ctx: ServiceContext) {
  const { dataDir, env, bus } = ctx
  const settings = slot(async () => {
    const { SettingsStore } = await import('../settings/store')
    const store = new SettingsStore(dataDir)
    await store.load()
    return store
  })
  const profiles = slot(async () => {
    const { createProfilesService } = await import('../profiles')
    return createProfilesService(dataDir, env, { onProgress: (progress) => bus.emit('profiles.testProgress', progress) })
  })
  // One vault for the wizard and the IBM calls, so a key entered in the wizard serves both,
  // on the profiles' secret store: one keychain check and one "this session only" choice for both.
  const vault = slot(async () => {
    const { WizardVault } = await import('../wizard/vault')
    return new WizardVault((await profiles.get()).secrets)
  })
  const network = slot(async () => {
    const [{ networkService }, { KnownHostsStore }, { profileAccess }] = await Promise.all([
      import('../network/service'),
      import('../network/known-hosts'),
      import('../network/profile-access')
    ])
    const p = await profiles.get()
    // Bastion host keys, session tunnels, ~/.ssh/config aliases and the private endpoint diagnosis.
    return networkService({ knownHosts: new KnownHostsStore(dataDir), profiles: profileAccess(p.store, p.secrets), env })
  })
  // Resumes a provisioning wait that was under way when the app last stopped.
  const wizard = slot(async () => {
    const { createWizard } = await import('../wizard')
    const [s, v, p] = await Promise.all([settings.get(), vault.get(), profiles.get()])
    return createWizard({ dataDir, sandbox: ctx.sandboxMode, env, settings: () => s.get(), bus, vault: v, profiles: p })
  })
  // One IBM client per key for the IBM calls and the restrictions, so the IAM token is shared.
  const ibmClients = slot(async () => {
    const [{ ibmClientSource }, { API_KEY_SECRET }, s] = await Promise.all([
      import('../ibmcloud/client-source'),
      import('../wizard/secret-names'),
      settings.get()
    ])
    const apiKey = async (): Promise<string | undefined> => {
      const fromEnv = env.IBMCLOUD_API_KEY?.trim() || undefined
      // In the sandbox always the sandbox's own key; `check` reads the environment only.
      if (ctx.sandbox || ctx.apiKeySource === 'environment') return fromEnv
      return (await (await vault.get()).get(API_KEY_SECRET).catch(() => undefined)) ?? fromEnv
    }
    const deps = { env, dataDir, settings: () => s.get(), apiKey }
    return { deps, clients: ibmClientSource(deps) }
  })
  const ibm = slot(async () => {
    const [{ ibmCloudHandlers }, { deps, clients }] = await Promise.all([import('../ibmcloud/handlers'), ibmClients.get()])
    return ibmCloudHandlers({ ...deps, sandbox: ctx.sandboxMode, clients })
  })
  // Who may connect to a profile's instance; checked with the profile's own test.
  const restrictions = slot(async () => {
    const [{ restrictionsHandlers }, { clients }, p, resolve] = await Promise.all([
      import('../restrictions/handlers'),
      ibmClients.get(),
      profiles.get(),
      env.PSE_SANDBOX_URL ? import('../sandbox/private-dns').then((m) => m.sandboxPrivateDns(env)) : undefined
    ])
    const pollMs = Number(env.PSE_WIZARD_POLL_MS) || undefined
    // The emulator applies a rule change within seconds; IBM Cloud's Gen 2 shows no task for it (facts §3).
    const settleMs = Number(env.PSE_WIZARD_RESTRICT_SETTLE_MS) || (ctx.sandboxMode || env.PSE_SANDBOX_URL ? 3_000 : undefined)
    return restrictionsHandlers({
      client: () => clients.need(),
      profile: (id) => p.get(id),
      test: (id, signal) => p.test(id, { signal }),
      ...(pollMs ? { pollIntervalMs: pollMs } : {}),
      ...(settleMs ? { gen2SettleMs: settleMs } : {}),
      ...(resolve ? { resolve } : {})
    })
  })
  // The privacy report: the same clients and profile tests. Where the IBM Cloud it reads is the
  // emulator (sandbox mode, or PSE_SANDBOX_URL), instances live on loopback: "outside" is simulated.
  const simulatedOutside = ctx.sandboxMode || Boolean(env.PSE_SANDBOX_URL)
  const privacy = slot(async () => {
    const [{ privacyHandlers }, { clients }, p, view] = await Promise.all([
      import('../privacy/handlers'),
      ibmClients.get(),
      profiles.get(),
      simulatedOutside ? import('../sandbox/outside-view').then((m) => m.sandboxOutsideView()) : import('../privacy/outside-view').then((m) => m.thisComputer())
    ])
    return privacyHandlers({
      client: () => clients.need(),
      profile: (id) => p.get(id),
      profiles: async () => (await p.list()).profiles,
      test: (profile, signal) => p.test(profile.id, { signal }),
      secretsOf: (profile) => p.secretValues(profile),
      dataDir,
      view
    })
  })
  return { settings, profiles, vault, network, wizard, ibm, restrictions, privacy }
}
