import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

const repo = path.resolve(__dirname, '..', '..')

export interface RunningApp {
  /** The first link serve printed: it works once (use newLink() for every further browser context). */
  url: string
  origin: string
  port: number
  /** Asks serve for a new one-time link (a newline on its stdin) and resolves with it. */
  newLink(): Promise<string>
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
    stdio: ['pipe', 'pipe', 'pipe']
  })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  // Writing a link request to a serve that already exited must not crash the test run.
  child.stdin!.on('error', () => undefined)
  const links: Array<(url: string) => void> = []
  const ready = await waitForReady(
    child,
    () => err,
    (url) => links.shift()?.(url)
  )
  const url = new URL(ready.url)
  return {
    url: ready.url,
    origin: url.origin,
    port: ready.port,
    newLink: () =>
      new Promise<string>((resolve) => {
        links.push(resolve)
        child.stdin!.write('\n')
      }),
    home,
    stderr: () => err,
    stop: () => stopChild(child)
  }
}

/** Resolves with serve's ready line; every later {"url"} line (a new link) goes to `onLink`. */
function waitForReady(child: ChildProcess, stderr: () => string, onLink: (url: string) => void): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`pse-wizard serve did not become ready in 60 s:\n${stderr()}`))
    }, 60_000)
    const lines = readline.createInterface({ input: child.stdout! })
    let isReady = false
    lines.on('line', (line) => {
      try {
        const ready = JSON.parse(line) as { url: string; port: number }
        if (isReady) return onLink(ready.url)
        isReady = true
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

/**
 * Signs a program (not a browser) in the way a browser is: it opens a new one-time link and
 * keeps the session cookie that link is traded for. Returns the headers for API calls.
 */
export async function sessionHeaders(app: RunningApp): Promise<Record<string, string>> {
  const link = await fetch(await app.newLink(), { redirect: 'manual', signal: AbortSignal.timeout(10_000) })
  const cookie = (link.headers.get('set-cookie') ?? '').split(';')[0]
  if (!cookie) throw new Error(`The link gave no session cookie (HTTP ${link.status}).`)
  return { Cookie: cookie, Origin: app.origin }
}
