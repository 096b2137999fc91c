import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const repo = path.resolve(__dirname, '..', '..')

/**
 * A new user's home: an empty folder, no `.config` in it. `env` is the environment of a process
 * run as that user: HOME points there and nothing names another data folder.
 */
export interface FreshHome {
  home: string
  /** Where the CLI and browser mode keep their data for this user (not created yet). */
  dataDir: string
  env: NodeJS.ProcessEnv
  remove(): Promise<void>
}

export async function freshHome(extraEnv: NodeJS.ProcessEnv = {}): Promise<FreshHome> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-newuser-'))
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, LANG: 'en_US.UTF-8', ...extraEnv }
  // An empty value is "not set" for the app (resolveDataDir), and survives merging into spawn envs.
  env.PSE_WIZARD_HOME = ''
  env.XDG_CONFIG_HOME = ''
  return { home, dataDir: path.join(home, '.config', 'pse-wizard'), env, remove: () => fs.rm(home, { recursive: true, force: true }) }
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built `node bin/pse-wizard.js ARGS` (what a user types), stdin closed, with a timeout. */
export function runBuiltCli(args: string[], env: NodeJS.ProcessEnv, options: { cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  const cwd = options.cwd ?? repo
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(cwd, 'bin', 'pse-wizard.js'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.once('error', reject)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}
