import type { CallInput, CallName, CallOutput } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { appInfoHandlers } from '../app-info'
import { EventBus } from '../events'
import { log } from '../logging/log'
import { registerSecret } from '../logging/redact'
import { settingsHandlers } from '../settings/handlers'
import { dispatch, type Handlers } from '../transport/dispatch'
import type { AppConfig, CoreOptions } from './config'
import { lazyGroup, type Slot } from './lazy'
import { serviceSlots } from './services'
import { systemLocale } from './system-locale'

/** The one app behind every front end: the contract's handlers, its events, and one way to call it. */
export interface Core {
  readonly config: AppConfig
  /** Every call of the contract; a group's services are built on its first call. */
  readonly handlers: Handlers
  readonly events: EventBus
  /** One contract call through dispatch(): input checked against its schema, output stripped to it, failures as values. */
  call<N extends CallName>(name: N, input: CallInput<N>, options?: { signal?: AbortSignal }): Promise<Result<CallOutput<N>>>
  /** Stops the work under way (the wizard's wait) without recording a cancel: it resumes on the next start. Calls still answer. */
  stopWork(): Promise<void>
  close(): Promise<void>
}

/** How long after start a long-running front end builds the wizard (after its window or server is up). */
const WIZARD_WARMUP_MS = 1_000

type Settled<T> = Promise<T | undefined>
const built = <T>(s: Slot<T>): Settled<T> => s.peek()?.catch(() => undefined) ?? Promise.resolve(undefined)

/**
 * Composition root: config -> stores and clients -> services -> contract handlers. Nothing heavy
 * is built here: each service (and the libraries behind it: IBM SDKs, ssh2, the keychain) is
 * imported and built when a call first needs it. Only the sandbox, when asked for, starts at
 * once: every IBM client must see its endpoints.
 */
export async function buildCore(config: AppConfig, options: CoreOptions = {}): Promise<Core> {
  const bus = new EventBus()
  let env = config.env ?? process.env
  let stopSandbox: (() => Promise<void>) | undefined
  if (config.sandbox) {
    // The emulator (real TLS Redis behind it) and the sandbox `ibmcloud`; every IBM client reads these variables.
    const { sandboxOptionsFromEnv, startSandbox } = await import('../sandbox')
    const sandbox = await startSandbox({ ...sandboxOptionsFromEnv(env), ...(options.sandboxBackend ? { backend: options.sandboxBackend } : {}) })
    registerSecret(sandbox.env.IBMCLOUD_API_KEY)
    stopSandbox = () => sandbox.close()
    env = { ...env, ...sandbox.env }
  }
  const sandboxMode = config.sandbox || (options.followEnvironmentSandbox === true && Boolean(env.PSE_SANDBOX_URL))
  const { dataDir } = config

  const { settings, profiles, network, wizard, ibm, restrictions, privacy } = serviceSlots({
    dataDir,
    env,
    bus,
    sandbox: config.sandbox,
    sandboxMode,
    apiKeySource: options.apiKeySource
  })

  if (options.longRunning) {
    // No CLI token stays in the data folder: any left by an earlier run goes now (file only, quick).
    const { removeIsolatedCliTokens } = await import('../ibmcloud/cli-runner')
    await removeIsolatedCliTokens(dataDir)
    await settings.get()
  }

  const handlers = {
    // The OS locale is asked of ICU only when app.info is (about 20 ms when LANG is unset).
    ...lazyGroup('app.', async () => appInfoHandlers({ ...config, systemLocale: config.systemLocale ?? systemLocale(config.env ?? process.env) })),
    ...lazyGroup('settings.', async () => settingsHandlers(await settings.get(), bus)),
    ...lazyGroup('ibmcloud.', () => ibm.get()),
    ...lazyGroup('restrictions.', () => restrictions.get()),
    ...lazyGroup('privacy.', () => privacy.get()),
    ...lazyGroup('wizard.', async () => (await wizard.get()).handlers),
    ...lazyGroup('profiles.', async () => {
      const [{ profileHandlers }, p] = await Promise.all([import('../profiles/handlers'), profiles.get()])
      return profileHandlers(p, bus)
    }),
    ...lazyGroup('network.', async () => {
      const [{ networkHandlers }, n] = await Promise.all([import('../network/handlers'), network.get()])
      return networkHandlers(n)
    })
  } as Handlers

  let closing: Promise<void> | undefined
  const warmup = options.longRunning
    ? setTimeout(
        () => void wizard.get().catch((e: unknown) => log.warn(`the setup wizard could not start: ${e instanceof Error ? e.message : String(e)}`)),
        WIZARD_WARMUP_MS
      )
    : undefined
  warmup?.unref()

  let wizardClosed: Promise<void> | undefined
  const stopWork = async (): Promise<void> => {
    clearTimeout(warmup)
    const w = await built(wizard)
    if (w) await (wizardClosed ??= w.close())
  }

  async function close(): Promise<void> {
    await stopWork()
    await (await built(network))?.close()
    // Last tests still queued are written before the app goes.
    await (await built(profiles))?.close()
    // The isolated ibmcloud is logged out (no IAM token stays on disk) before the sandbox stops.
    if (wizard.peek() || ibm.peek()) {
      const [{ endIsolatedCliSession }, s] = await Promise.all([import('../ibmcloud/cli-runner'), settings.get()])
      await endIsolatedCliSession({ dataDir, configuredPath: s.get().ibmcloudCliPath, env })
    }
    await stopSandbox?.()
  }

  return {
    config,
    handlers,
    events: bus,
    call: (name, input, callOptions = {}) =>
      dispatch(handlers, name, input, { signal: callOptions.signal ?? new AbortController().signal }) as Promise<Result<CallOutput<typeof name>>>,
    stopWork,
    close: () => (closing ??= close())
  }
}
