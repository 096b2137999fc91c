import { spawn } from 'node:child_process'
import path from 'node:path'
import { round } from '../lib/stats'
import type { TlsTarget } from '../lib/tls-target'

/**
 * Item 4b: "test all" over 100 saved profiles against the local TLS Redis, through the profiles
 * service (keychain read, probe, last-test record per profile), at the app's default concurrency
 * (4) and at 1 and 16 for comparison. Each run is a fresh Node process: peak RSS is its own.
 */
export const TEST_ALL_PROFILES = 100
export const CONCURRENCIES = [1, 4, 16] as const

export interface TestAllFigure {
  concurrency: number
  profiles: number
  ok: number
  wallMs: number
  /** The probes' own time (sum of totalMs); the rest of the wall time × concurrency is the service around them. */
  probeMsSum: number
  /** Process RSS with the profiles saved, before the run; peak RSS of the whole process; peak JS heap during the run. */
  rssBeforeMiB: number
  peakRssMiB: number
  peakHeapMiB: number
}

function runChild(input: object): Promise<TestAllFigure & { firstFailure: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'test-all-child.ts')], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PSE_LOG_LEVEL: 'warn' }
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      if (code !== 0) return reject(new Error(`test-all child exited with ${code}: ${err}`))
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!))
      } catch {
        reject(new Error(`test-all child printed no result: ${out.slice(0, 300)} ${err}`))
      }
    })
    child.stdin.end(JSON.stringify(input))
  })
}

export async function measureTestAll(target: TlsTarget): Promise<TestAllFigure[]> {
  const figures: TestAllFigure[] = []
  for (const concurrency of CONCURRENCIES) {
    const r = await runChild({
      host: target.redis.host,
      port: target.redis.port,
      caPem: target.caPem,
      username: target.user.username,
      password: target.user.password,
      profiles: TEST_ALL_PROFILES,
      concurrency
    })
    if (r.ok !== r.profiles) throw new Error(`test all: ${r.profiles - r.ok} of ${r.profiles} tests failed (first: ${r.firstFailure})`)
    const { firstFailure: _ignored, ...figure } = r
    figures.push({ ...figure, concurrency, wallMs: round(figure.wallMs), probeMsSum: round(figure.probeMsSum) })
  }
  return figures
}
