import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import readline from 'node:readline'
import { ProfileStore } from '../../src/main/profiles/store'
import { runRedisCli } from '../lib/redis-cli'
import { ratio, summarize, type Summary } from '../lib/stats'
import type { TlsTarget } from '../lib/tls-target'
import { traceModules, type ModuleTrace } from './cli-modules'
import { profileAt } from './profile-store'

/**
 * Item 6 (issue 10): whole `pse-wizard` processes against a bare `node -e 0`, side by side in
 * one run (each round runs every command once, so load on the machine hits all of them alike):
 * `--version`, `profiles list` with 10 profiles, `test --url … --json` against the TLS Redis,
 * redis-cli doing the same work, and `serve` until it prints its ready line.
 */
const RUNS = 7

export interface CliProcessResult {
  runs: number
  nodeBare: Summary
  version: Summary
  profilesList: Summary
  testUrl: Summary
  redisCli: Summary
  serveReady: Summary
  ratios: { version: number; profilesList: number; testUrl: number; redisCli: number; serveReady: number }
  goals: { testUrlWithin2_5x: boolean; versionWithin1_5x: boolean; profilesListWithin1_5x: boolean }
  /**
   * NODE_EXTRA_CA_CERTS is set here: Node 20 then parses that bundle in every process before any
   * script runs (Node 22 waits for the first TLS use), so the bare node above pays it too. Then
   * also a bare node without it, side by side, to show what that costs.
   */
  extraCaCerts: { file: string; nodeBareWithout: Summary } | null
  /** What `--version` and `profiles list` load (one traced run each). */
  modules: ModuleTrace[]
  /** The same commands of an earlier build ($PSE_BENCH_BASELINE: its out/main/cli.js), in the same rounds. */
  baseline?: { cli: string; version: Summary; profilesList: Summary; testUrl: Summary; serveReady: Summary; ratios: Record<Command, number> }
}

type Command = 'version' | 'profilesList' | 'testUrl' | 'serveReady'

interface Run {
  wallMs: number
  code: number | null
  stdout: string
  stderr: string
}

function timed(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.once('error', reject)
    child.once('close', (code) => resolve({ wallMs: performance.now() - started, code, stdout, stderr }))
  })
}

/** Launch → the `{"url"…}` line of `serve --json`; then the server is stopped. */
function serveReady(cli: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [cli, 'serve', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)))
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    let readyMs: number | undefined
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (readyMs === undefined && line.startsWith('{')) {
        readyMs = performance.now() - started
        child.kill('SIGTERM')
      }
    })
    child.once('error', reject)
    child.once('close', () => {
      clearTimeout(timer)
      if (readyMs === undefined) reject(new Error(`serve never became ready: ${err}`))
      else resolve(readyMs)
    })
  })
}

const expect = (run: Run, what: string, ok: (r: Run) => boolean): number => {
  if (!ok(run)) throw new Error(`${what} did not do its work (exit ${run.code}): ${(run.stderr || run.stdout).slice(0, 500)}`)
  return run.wallMs
}

/** One run of each pse-wizard command of `cli`, checked to have done its work. */
async function commandsOnce(cli: string, env: NodeJS.ProcessEnv, target: TlsTarget): Promise<Record<Command, number>> {
  const url = `rediss://${target.user.username}@127.0.0.1:${target.redis.port}/0`
  const testEnv = { ...env, REDIS_PASSWORD: target.user.password }
  return {
    version: expect(await timed([cli, '--version'], env), 'pse-wizard --version', (r) => r.code === 0 && /^\d+\.\d+\.\d+/.test(r.stdout)),
    profilesList: expect(
      await timed([cli, 'profiles', 'list'], env),
      'pse-wizard profiles list',
      (r) => r.code === 0 && r.stdout.trim().split('\n').length === 10
    ),
    testUrl: expect(
      await timed([cli, 'test', '--url', url, '--ca', target.caFile, '--json'], testEnv),
      'pse-wizard test --url',
      (r) => r.code === 0 && JSON.parse(r.stdout).ok === true
    ),
    serveReady: await serveReady(cli, env)
  }
}

export async function measureCliProcess(cli: string, target: TlsTarget): Promise<CliProcessResult> {
  const baselineCli = process.env.PSE_BENCH_BASELINE || undefined
  const before = { version: [] as number[], profilesList: [] as number[], testUrl: [] as number[], serveReady: [] as number[] }
  const home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-bench-cli-'))
  try {
    await new ProfileStore(home).mutate(() => ({ profiles: Array.from({ length: 10 }, (_, i) => profileAt(i, target.caPem)), value: null }))
    const env = { ...process.env, PSE_WIZARD_HOME: home, PSE_WIZARD_KEYCHAIN_SERVICE: 'pse-wizard-bench', LANG: 'en_US.UTF-8', PSE_LOG_LEVEL: 'warn' }
    const samples = {
      nodeBare: [] as number[],
      version: [] as number[],
      profilesList: [] as number[],
      testUrl: [] as number[],
      redisCli: [] as number[],
      serveReady: [] as number[]
    }
    const extraCa = process.env.NODE_EXTRA_CA_CERTS
    const withoutExtraCa: number[] = []
    const envWithoutExtraCa = { ...env, NODE_EXTRA_CA_CERTS: undefined }
    for (let i = 0; i < RUNS + 1; i++) {
      const round = {
        nodeBare: expect(await timed(['-e', '0'], env), 'node -e 0', (r) => r.code === 0),
        ...(await commandsOnce(cli, env, target)),
        redisCli: await (async () => {
          const r = await runRedisCli({ host: '127.0.0.1', port: target.redis.port, caFile: target.caFile, ...target.user })
          if (r.exitCode !== 0 || !r.output.includes('redis_version')) throw new Error(`redis-cli failed: ${r.output.slice(0, 500)}`)
          return r.wallMs
        })()
      }
      const baselineRound = baselineCli ? await commandsOnce(baselineCli, env, target) : undefined
      const bareWithout = extraCa ? expect(await timed(['-e', '0'], envWithoutExtraCa), 'node -e 0', (r) => r.code === 0) : undefined
      // The first round warms the page cache (a user's second command finds the files there too).
      if (i === 0) continue
      if (bareWithout !== undefined) withoutExtraCa.push(bareWithout)
      if (baselineRound) for (const [k, v] of Object.entries(baselineRound)) before[k as Command].push(v)
      for (const [k, v] of Object.entries(round)) samples[k as keyof typeof samples].push(v)
    }
    const s = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])) as Record<keyof typeof samples, Summary>
    const toNode = (x: Summary) => ratio(x.median, s.nodeBare.median)
    const ratios = {
      version: toNode(s.version),
      profilesList: toNode(s.profilesList),
      testUrl: toNode(s.testUrl),
      redisCli: toNode(s.redisCli),
      serveReady: toNode(s.serveReady)
    }
    return {
      runs: RUNS,
      ...s,
      ratios,
      goals: { testUrlWithin2_5x: ratios.testUrl <= 2.5, versionWithin1_5x: ratios.version <= 1.5, profilesListWithin1_5x: ratios.profilesList <= 1.5 },
      extraCaCerts: extraCa ? { file: extraCa, nodeBareWithout: summarize(withoutExtraCa) } : null,
      modules: [traceModules(cli, ['--version'], env), traceModules(cli, ['profiles', 'list'], env)],
      ...(baselineCli ? { baseline: baselineSummary(baselineCli, before, s.nodeBare) } : {})
    }
  } finally {
    await fs.rm(home, { recursive: true, force: true })
  }
}

function baselineSummary(cli: string, samples: Record<Command, number[]>, nodeBare: Summary): NonNullable<CliProcessResult['baseline']> {
  const s = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])) as Record<Command, Summary>
  const ratios = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, ratio(v.median, nodeBare.median)])) as Record<Command, number>
  return { cli, ...s, ratios }
}
