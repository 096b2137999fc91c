import { spawn } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../..')
const CLI = path.join(ROOT, 'src/cli/index.ts')

export interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  lines: Array<Record<string, unknown>>
  stderr: string
}

/**
 * `pse-wizard setup --json` from source; `onLine` sees each progress line as it comes, and the
 * process is killed with SIGKILL on the first line `killWhen` accepts (a crash mid-step).
 */
export function runSetup(
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine?: (line: Record<string, unknown>) => void,
  killWhen?: (line: Record<string, unknown>) => boolean
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'setup', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: Array<Record<string, unknown>> = []
    let buffer = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const text = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        if (!text.trim()) continue
        const line = JSON.parse(text) as Record<string, unknown>
        lines.push(line)
        onLine?.(line)
        if (killWhen?.(line)) child.kill('SIGKILL')
      }
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, lines, stderr }))
  })
}

/**
 * The environment of a `pse-wizard` process run against `sandboxEnv` (a sandbox's variables):
 * a throwaway HOME and data folder under `dir`, its own keychain service, fast polling.
 */
export function sandboxCliEnv(dir: string, sandboxEnv: NodeJS.ProcessEnv, keychainService: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    ...(process.env.DBUS_SESSION_BUS_ADDRESS ? { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS } : {}),
    ...sandboxEnv,
    PSE_WIZARD_HOME: path.join(dir, 'home'),
    PSE_WIZARD_KEYCHAIN_SERVICE: keychainService,
    PSE_WIZARD_POLL_MS: '100',
    PSE_LOG_LEVEL: 'warn'
  }
}
