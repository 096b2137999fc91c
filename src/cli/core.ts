import { createCore, resolveDataDir, type Core, type CoreOptions } from '../main/core'
import type { CallInput, CallName, CallOutput } from '../shared/contract'
import { AppFailure } from '../shared/errors'
import type { CliIO } from './command'

/** The app's core as a command uses it: contract calls that throw their failure, cancelled by Ctrl-C. */
export interface CliCore {
  readonly core: Core
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>
  close(): Promise<void>
}

/**
 * Opens the core for one command: the data folder from PSE_WIZARD_HOME (else the platform's),
 * every call through dispatch() exactly as the desktop and browser mode make it.
 */
export async function openCore(io: CliIO, options: CoreOptions & { sandbox?: boolean } = {}): Promise<CliCore> {
  const { sandbox, ...coreOptions } = options
  // The command line is neither window nor browser; app.info is not one of its calls.
  const core = await createCore({ dataDir: resolveDataDir(io.env), transport: 'browser', sandbox: sandbox === true, env: io.env }, coreOptions)
  return {
    core,
    async call(name, input) {
      const result = await core.call(name, input, { signal: io.signal })
      if (!result.ok) throw new AppFailure(result.error)
      return result.value
    },
    close: () => core.close()
  }
}

/** Runs `work` with an open core and closes it afterwards, whatever happened. */
export async function withCore<T>(io: CliIO, options: CoreOptions & { sandbox?: boolean }, work: (core: CliCore) => Promise<T>): Promise<T> {
  const core = await openCore(io, options)
  try {
    return await work(core)
  } finally {
    await core.close()
  }
}
