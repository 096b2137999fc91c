import { spawn } from 'node:child_process'
import path from 'node:path'
import { round } from '../lib/stats'
import type { TlsTarget } from '../lib/tls-target'

/**
 * Item 4b (issue 10): "test all" over 100 and 1,000 saved profiles against the local TLS Redis,
 * through the profiles service (keychain read, probe, last-test record), at concurrency 8, once
 * with the last tests recorded and once with recording turned off (the same probes, nothing
 * written): the ratio of their wall times is the cost of recording. Goal: at most 1.25x for
 * 1,000 profiles. Each run is a fresh Node process (its peak RSS is its own); the two variants
 * alternate, ROUNDS times each, and the median of each is compared, so a burst of load on the
 * machine does not land on one variant only.
 */
export const TEST_ALL_SIZES = [100, 1_000] as const
export const TEST_ALL_CONCURRENCY = 8
export const TEST_ALL_ROUNDS = 3
export const RECORDING_GOAL = 1.25

export interface TestAllFigure {
  concurrency: number
  profiles: number
  /** Last tests written (true) or recording turned off (false, the baseline). */
  recording: boolean
  /** Runs of this variant; the figures below are of the median-wall-time run. */
  rounds: number
  ok: number
  /** Profiles whose last test is in the file afterwards (0 with recording off). */
  recorded: number
  wallMs: number
  /** Every run's wall time, in run order. */
  wallMsRuns: number[]
  /** The probes' own time (sum of totalMs); the rest of the wall time × concurrency is the service around them. */
  probeMsSum: number
  /** Process RSS with the profiles saved, before the run; peak RSS of the whole process; peak JS heap during the run. */
  rssBeforeMiB: number
  peakRssMiB: number
  peakHeapMiB: number
  /** With recording: its median wall time / the baseline's, measured in the same bench run. Null for the baseline. */
  ratioToNoRecording: number | null
}

type ChildFigure = Omit<TestAllFigure, 'recording' | 'rounds' | 'wallMsRuns' | 'ratioToNoRecording' | 'concurrency'> & { firstFailure: string | null }

function runChild(input: object): Promise<ChildFigure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'test-all-child.ts')], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PSE_LOG_LEVEL: 'warn' }
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)))
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000)
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

function median(runs: ChildFigure[]): ChildFigure {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]
}

export async function measureTestAll(target: TlsTarget): Promise<TestAllFigure[]> {
  const figures: TestAllFigure[] = []
  for (const profiles of TEST_ALL_SIZES) {
    const runs: Record<'on' | 'off', ChildFigure[]> = { on: [], off: [] }
    for (let pass = 0; pass < TEST_ALL_ROUNDS; pass++) {
      // off, on, on, off, off, on…: neither variant always goes first.
      const order: Array<'on' | 'off'> = pass % 2 === 0 ? ['off', 'on'] : ['on', 'off']
      for (const variant of order) {
        const r = await runChild({
          host: target.redis.host,
          port: target.redis.port,
          caPem: target.caPem,
          username: target.user.username,
          password: target.user.password,
          profiles,
          concurrency: TEST_ALL_CONCURRENCY,
          record: variant === 'on'
        })
        if (r.ok !== r.profiles) throw new Error(`test all: ${r.profiles - r.ok} of ${r.profiles} tests failed (first: ${r.firstFailure})`)
        const expected = variant === 'on' ? r.profiles : 0
        if (r.recorded !== expected) throw new Error(`test all (recording ${variant}): ${r.recorded} last tests in the file, expected ${expected}`)
        runs[variant].push(r)
      }
    }
    const off = median(runs.off)
    const on = median(runs.on)
    const figure = (r: ChildFigure, recording: boolean): TestAllFigure => {
      const { firstFailure: _ignored, ...rest } = r
      return {
        ...rest,
        concurrency: TEST_ALL_CONCURRENCY,
        recording,
        rounds: TEST_ALL_ROUNDS,
        wallMs: round(r.wallMs),
        wallMsRuns: runs[recording ? 'on' : 'off'].map((x) => round(x.wallMs)),
        probeMsSum: round(r.probeMsSum),
        ratioToNoRecording: recording ? round(on.wallMs / off.wallMs, 3) : null
      }
    }
    figures.push(figure(off, false), figure(on, true))
  }
  return figures
}
