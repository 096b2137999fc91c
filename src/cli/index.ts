import { runCli } from './main'
import { Exit } from './command'
import { redact } from '../main/core'

/**
 * zod compiles each object schema's parser (`new Function`) on its first parse: worth it for the
 * thousands of values a long-running server parses, a cost for the few a command parses and then
 * exits. The checks and results are the same either way. zod reads this shared config (what
 * `z.config({ jitless: true })` sets) when each schema is built, so it is set before any command
 * module, and zod with it, loads; `serve` and `sandbox` keep the compiled parsers.
 */
function parseWithoutCompiling(command: string | undefined): void {
  if (command === 'serve' || command === 'sandbox') return
  const shared = globalThis as { __zod_globalConfig?: { jitless?: boolean } }
  shared.__zod_globalConfig = { ...shared.__zod_globalConfig, jitless: true }
}

/** Entry of the `pse-wizard` binary (built to out/main/cli.js). */
async function main(): Promise<void> {
  parseWithoutCompiling(process.argv[2])
  const controller = new AbortController()
  let interrupts = 0
  const onSignal = (): void => {
    interrupts += 1
    if (interrupts > 1) process.exit(130)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const code = await runCli(process.argv.slice(2), {
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      env: process.env,
      signal: controller.signal
    })
    process.exitCode = code
  } catch (e) {
    process.stderr.write(`pse-wizard: ${redact(e instanceof Error ? e.message : String(e))}\n`)
    process.exitCode = Exit.failure
  }
}

void main()
