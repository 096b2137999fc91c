import os from 'node:os'
import type { Handlers } from './transport/dispatch'
import { EventBus } from './events'
import { SettingsStore } from './settings/store'
import { settingsHandlers } from './settings/handlers'
import { appInfoHandlers } from './app-info'
import { createWizard } from './wizard'
import { ibmCloudHandlers } from './ibmcloud/handlers'
import { sandboxOptionsFromEnv, startSandbox } from './sandbox'

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
    const sandbox = await startSandbox(sandboxOptionsFromEnv(env))
    closers.push(() => sandbox.close())
    env = { ...env, ...sandbox.env }
  }
  // Resumes a provisioning wait that was under way when the app last stopped.
  const wizard = await createWizard({ dataDir: config.dataDir, sandbox: config.sandbox, env, settings: () => settings.get(), bus })
  closers.push(() => wizard.close())

  const handlers: Handlers = {
    ...appInfoHandlers({ ...config, systemLocale: config.systemLocale ?? systemLocale(config.env ?? process.env) }),
    ...settingsHandlers(settings, bus),
    ...ibmCloudHandlers({ env, dataDir: config.dataDir, sandbox: config.sandbox, settings: () => settings.get(), apiKey: async () => env.IBMCLOUD_API_KEY?.trim() || undefined }),
    ...wizard.handlers
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

/** The OS locale as POSIX or Intl report it: LC_ALL > LC_MESSAGES > LANG > Intl. */
export function systemLocale(env: NodeJS.ProcessEnv): string {
  const posix = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').split('.')[0].split('@')[0]
  if (posix && posix !== 'C' && posix !== 'POSIX') return posix.replace('_', '-')
  return Intl.DateTimeFormat().resolvedOptions().locale || os.platform()
}
