import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

const repo = path.resolve(__dirname, '..', '..')

export interface RunningApp {
  url: string
  origin: string
  port: number
  token: string
  home: string
  stderr: () => string
  stop(): Promise<void>
}

/**
 * Starts the built `pse-wizard serve` (what a user runs) in a fresh data folder and waits for
 * its ready line. Needs `npm run build` first (scripts/test.sh does it).
 */
export async function startApp(options: { sandbox?: boolean; env?: NodeJS.ProcessEnv; home?: string; projectDir?: string } = {}): Promise<RunningApp> {
  // projectDir: another copy of the built project (tests/support/project-copy.ts); default this checkout.
  const root = options.projectDir ?? repo
  const cli = path.join(root, 'out', 'main', 'cli.js')
  await fs.access(cli).catch(() => {
    throw new Error('The app is not built: run "npm run build" before the e2e tests.')
  })
  const home = options.home ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'pse-e2e-')))
  const args = [path.join(root, 'bin', 'pse-wizard.js'), 'serve', '--json', ...(options.sandbox ? ['--sandbox'] : [])]
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PSE_WIZARD_HOME: home, LANG: 'en_US.UTF-8', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  const ready = await waitForReady(child, () => err)
  const url = new URL(ready.url)
  return {
    url: ready.url,
    origin: url.origin,
    port: ready.port,
    token: url.searchParams.get('token')!,
    home,
    stderr: () => err,
    stop: () => stopChild(child)
  }
}

function waitForReady(child: ChildProcess, stderr: () => string): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`pse-wizard serve did not become ready in 60 s:\n${stderr()}`))
    }, 60_000)
    const lines = readline.createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      try {
        const ready = JSON.parse(line) as { url: string; port: number }
        clearTimeout(timer)
        resolve(ready)
      } catch {
        /* not the ready line */
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`pse-wizard serve exited with ${code}:\n${stderr()}`))
    })
  })
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}
