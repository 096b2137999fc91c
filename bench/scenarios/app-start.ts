import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import readline from 'node:readline'
import zlib from 'node:zlib'
import type { Browser } from 'playwright-core'
import { launchBrowser } from '../../tests/support/browser'
import type { AppBuild } from '../lib/app-build'
import { round, summarize, type Summary } from '../lib/stats'

/**
 * Item 3: from launching browser mode (`pse-wizard serve`) to the shell being interactive in
 * Chromium: the page's main heading and navigation are on screen and its links work. Chromium is
 * already running (a user's browser is); each run has a fresh server process, data folder and
 * browser context (empty cache). Also the renderer's JS and CSS sizes, raw and gzip.
 */
const RUNS = 7

export interface AssetSizes {
  files: number
  raw: number
  gzip: number
}

export interface AppStartResult {
  build: Omit<AppBuild, 'dir'>
  runs: number
  /** Launch → the server's ready line. */
  serverReadyMs: Summary
  /** Launch → shell interactive (the figure the goal is about). */
  interactiveMs: Summary
  /** In the page: navigation start → shell interactive (Chromium's clock). */
  pageMs: Summary
  sizes: { js: AssetSizes; css: AssetSizes; other: AssetSizes }
  goals: { interactiveUnderOneSecond: boolean }
}

function sizesOf(rendererDir: string): AppStartResult['sizes'] {
  const sizes = { js: { files: 0, raw: 0, gzip: 0 }, css: { files: 0, raw: 0, gzip: 0 }, other: { files: 0, raw: 0, gzip: 0 } }
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        walk(file)
        continue
      }
      const data = fs.readFileSync(file)
      const bucket = /\.m?js$/.test(entry.name) ? sizes.js : entry.name.endsWith('.css') ? sizes.css : sizes.other
      bucket.files++
      bucket.raw += data.length
      bucket.gzip += zlib.gzipSync(data).length
    }
  }
  walk(path.join(rendererDir, 'assets'))
  return sizes
}

function startServe(cli: string, home: string): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(process.execPath, [cli, 'serve', '--json'], {
    env: { ...process.env, PSE_WIZARD_HOME: home, LANG: 'en_US.UTF-8', PSE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)))
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve not ready in 30 s: ${err}`)), 30_000)
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const { url } = JSON.parse(line) as { url: string }
        clearTimeout(timer)
        resolve(url)
      } catch {
        /* not the ready line */
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code}: ${err}`))
    })
  })
  return { child, ready }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => (clearTimeout(force), resolve()))
    child.kill('SIGTERM')
  })
}

async function oneRun(browser: Browser, cli: string): Promise<{ server: number; interactive: number; page: number }> {
  const home = await fsp.mkdtemp(path.join(os.tmpdir(), 'pse-bench-app-'))
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 } })
  // Only loopback: anything else is refused (and would be a bug worth seeing).
  await context.route('**/*', (route) => (['127.0.0.1', 'localhost', '[::1]'].includes(new URL(route.request().url()).hostname) ? route.continue() : route.abort()))
  const page = await context.newPage()
  const started = performance.now()
  const { child, ready } = startServe(cli, home)
  try {
    const url = await ready
    const serverAt = performance.now()
    await page.goto(url, { waitUntil: 'commit' })
    const nav = page.getByRole('navigation', { name: 'Main navigation' })
    await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible', timeout: 30_000 })
    await nav.getByRole('link').first().waitFor({ state: 'visible', timeout: 30_000 })
    const interactiveAt = performance.now()
    const pageMs = (await page.evaluate('performance.now()')) as number
    return { server: serverAt - started, interactive: interactiveAt - started, page: pageMs }
  } finally {
    await context.close()
    await stop(child)
    await fsp.rm(home, { recursive: true, force: true })
  }
}

export async function measureAppStart(build: AppBuild): Promise<AppStartResult> {
  const cli = path.join(build.dir, 'main', 'cli.js')
  const browser = await launchBrowser()
  try {
    await oneRun(browser, cli) // warm-up: the OS file cache, Chromium's first context
    const runs: Awaited<ReturnType<typeof oneRun>>[] = []
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser, cli))
    const interactiveMs = summarize(runs.map((r) => r.interactive))
    const { dir: _dir, ...buildInfo } = build
    return {
      build: buildInfo,
      runs: RUNS,
      serverReadyMs: summarize(runs.map((r) => r.server)),
      interactiveMs,
      pageMs: summarize(runs.map((r) => round(r.page))),
      sizes: sizesOf(path.join(build.dir, 'renderer')),
      goals: { interactiveUnderOneSecond: interactiveMs.median < 1000 }
    }
  } finally {
    await browser.close()
  }
}
