import { runCli } from './main'
import { Exit } from './command'
import { redact } from '../main/core'

/** Entry of the `pse-wizard` binary (built to out/main/cli.js). */
async function main(): Promise<void> {
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
