import os from 'node:os'
import type { Handlers } from './transport/dispatch'
import { EventBus } from './events'
import { SettingsStore } from './settings/store'
import { settingsHandlers } from './settings/handlers'
import { appInfoHandlers } from './app-info'
import { createWizard } from './wizard'
import { ibmCloudHandlers } from './ibmcloud/handlers'
import { endIsolatedCliSession, removeIsolatedCliTokens } from './ibmcloud/cli-runner'
import { WizardVault } from './wizard/vault'
import { API_KEY_SECRET } from './wizard/ibm-services'
import { createProfilesService } from './profiles'
import { profileHandlers } from './profiles/handlers'
import { KnownHostsStore } from './network/known-hosts'
import { networkService } from './network/service'
import { networkHandlers } from './network/handlers'
import { profileAccess } from './network/profile-access'

export interface AppConfig {
  /** App data folder: settings, profiles, wizard state. Never a secret. */
  dataDir: string
  transport: 'desktop' | 'browser'
  /** Point the whole app at the local IBM Cloud emulator. */
  sandbox: boolean
  /** OS locale, e.g. 'ja-JP' (Electron's app.getLocale(), else the environment). */
  systemLocale?: string
  env?: NodeJS.ProcessEnv
  /** Desktop only: restart the whole app with or without --sandbox. */
  relaunch?: (options: { sandbox: boolean }) => void
}

export interface App {
  readonly config: AppConfig
  readonly handlers: Handlers
  readonly events: EventBus
  close(): Promise<void>
}

/** Composition root: config -> stores and clients -> services -> contract handlers. */
export async function createApp(config: AppConfig): Promise<App> {
  const bus = new EventBus()
  const settings = new SettingsStore(config.dataDir)
  await settings.load()
  const closers: Array<() => Promise<void>> = []
  let env = config.env ?? process.env
  if (config.sandbox) {
    // The emulator (real TLS Redis behind it) and the sandbox `ibmcloud`; every IBM client reads these variables.
    // Loaded only in sandbox mode: the emulator and its certificate code are not a normal start's business.
    const { sandboxOptionsFromEnv, startSandbox } = await import('./sandbox')
    const sandbox = await startSandbox(sandboxOptionsFromEnv(env))
    closers.push(() => sandbox.close())
    env = { ...env, ...sandbox.env }
  }
  // No CLI token stays in the data folder: any left by an earlier run goes now (file only, quick),
  // and the closer (before the sandbox stops) logs the isolated ibmcloud out.
  await removeIsolatedCliTokens(config.dataDir)
  const cliEnv = env
  closers.push(() => endIsolatedCliSession({ dataDir: config.dataDir, configuredPath: settings.get().ibmcloudCliPath, env: cliEnv }))
  const profiles = createProfilesService(config.dataDir, env, { onProgress: (progress) => bus.emit('profiles.testProgress', progress) })
  // Bastion host keys, session tunnels, ~/.ssh/config aliases and the private endpoint diagnosis.
  const network = networkService({ knownHosts: new KnownHostsStore(config.dataDir), profiles: profileAccess(profiles.store, profiles.secrets), env })
  closers.push(() => network.close())
  // Last tests still queued are written before the app goes.
  closers.push(() => profiles.close())
  // Resumes a provisioning wait that was under way when the app last stopped.
  // One vault for the wizard and the IBM calls, so a key entered in the wizard serves both.
  // ... on the profiles' secret store: one keychain check and one "this session only" choice for both.
  const vault = new WizardVault(profiles.secrets)
  const wizard = await createWizard({ dataDir: config.dataDir, sandbox: config.sandbox, env, settings: () => settings.get(), bus, vault, profiles })
  closers.push(() => wizard.close())

  const handlers: Handlers = {
    ...appInfoHandlers({ ...config, systemLocale: config.systemLocale ?? systemLocale(config.env ?? process.env) }),
    ...settingsHandlers(settings, bus),
    ...ibmCloudHandlers({
      env,
      dataDir: config.dataDir,
      sandbox: config.sandbox,
      settings: () => settings.get(),
      apiKey: () => ibmApiKey(config.sandbox, vault, env)
    }),
    ...wizard.handlers,
    ...profileHandlers(profiles, bus),
    ...networkHandlers(network)
  }

  return {
    config,
    handlers,
    events: bus,
    async close() {
      for (const close of closers.reverse()) await close()
    }
  }
}

/** The API key for the IBM calls: the one kept in the keychain, else IBMCLOUD_API_KEY; in the sandbox always the sandbox's own. */
async function ibmApiKey(sandbox: boolean, vault: WizardVault, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const fromEnv = env.IBMCLOUD_API_KEY?.trim() || undefined
  if (sandbox) return fromEnv
  return (await vault.get(API_KEY_SECRET).catch(() => undefined)) ?? fromEnv
}

/** The OS locale as POSIX or Intl report it: LC_ALL > LC_MESSAGES > LANG > Intl. */
export function systemLocale(env: NodeJS.ProcessEnv): string {
  const posix = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').split('.')[0].split('@')[0]
  if (posix && posix !== 'C' && posix !== 'POSIX') return posix.replace('_', '-')
  return Intl.DateTimeFormat().resolvedOptions().locale || os.platform()
}
