import { performance } from 'node:perf_hooks'
import { probe, type ProbeTarget } from '../../src/main/redis/probe'
import { startDelayProxy, type DelayProxy, type ProxyCounts } from '../lib/delay-proxy'
import { runRedisCli } from '../lib/redis-cli'
import { ratio, round, summarize, type Summary } from '../lib/stats'
import type { TlsTarget } from '../lib/tls-target'

/**
 * Item 1: the connection test against the physical limit. A proxy adds ONE_WAY_MS each way in
 * front of the real TLS redis-server; the probe (one PING sample), redis-cli doing the same work,
 * and the default probe take turns through it, so every ratio is measured side by side.
 */
export const ONE_WAY_MS = 20
const RUNS = 5

export interface RoundTrips {
  tcp: number
  /** After the TCP handshake: TLS, commands. */
  afterHandshake: number
  total: number
  connections: number
  /** Bytes each client flight sent / got back, first run (shows what each round trip carried). */
  flights: Array<{ up: number; down: number; answered: boolean }>
}

export interface ContenderResult {
  wallMs: Summary
  roundTrips: RoundTrips
  /** Physical floor for the round trips it used: round trips × 2 × one-way delay. */
  floorMs: number
  /** Probe only: time of each phase in the median run (the TLS phase also carries TCP's round trip, see README). */
  phases?: Array<{ name: string; ms: number; roundTrips: number }>
}

export interface ProbeVsLimitResult {
  oneWayDelayMs: number
  roundTripMs: number
  runs: number
  /** The minimum for what the probe checks: TCP 1 + TLS 1.3 1 + one pipelined flight (HELLO/AUTH, PING, SET/GET/DEL, INFO). */
  minimumRoundTrips: { probeOneSample: number; probeDefault: number }
  probeOneSample: ContenderResult
  probeDefault: ContenderResult & { pingSamples: number }
  redisCli: ContenderResult & { commands: string[] }
  /** probe (1 PING sample) median wall time / redis-cli median wall time. */
  ratioToRedisCli: number
  goals: { roundTripsAtMinimum: boolean; withinTenPercentOfRedisCli: boolean }
}

function roundTripsOf(c: ProxyCounts): RoundTrips {
  return { tcp: c.tcpHandshakes, afterHandshake: c.roundTrips, total: c.totalRoundTrips, connections: c.connections, flights: c.traces.flatMap((t) => t.flights) }
}

function sameTrips(all: ProxyCounts[], label: string): RoundTrips {
  const first = roundTripsOf(all[0])
  const totals = new Set(all.map((c) => c.totalRoundTrips))
  if (totals.size > 1) throw new Error(`${label}: round trips varied between runs (${[...totals].join(', ')}); the count is not trustworthy`)
  return first
}

export async function measureProbeVsLimit(target: TlsTarget): Promise<ProbeVsLimitResult> {
  const proxy = await startDelayProxy({ host: target.redis.host, port: target.redis.port }, ONE_WAY_MS)
  const rtt = 2 * ONE_WAY_MS
  try {
    const probeTarget: ProbeTarget = {
      host: '127.0.0.1',
      port: proxy.port,
      db: 0,
      username: target.user.username,
      password: target.user.password,
      tls: { enabled: true, caPem: target.caPem, servername: null, verifyServerCert: true },
      timeouts: { connectMs: 5_000, commandMs: 5_000 }
    }
    /** pingSamples undefined: the probe exactly as the app runs it. */
    const runProbe = async (pingSamples?: number) => {
      proxy.reset()
      const started = performance.now()
      const result = await probe(probeTarget, pingSamples === undefined ? {} : { pingSamples })
      const wall = performance.now() - started
      if (!result.ok) throw new Error(`the probe failed through the proxy: ${result.code} ${result.message}`)
      await proxy.idle()
      return { wall, counts: proxy.counts(), phases: result.phases, samples: result.ping?.samples.length ?? 0 }
    }
    const runCli = async () => {
      proxy.reset()
      const r = await runRedisCli({ host: '127.0.0.1', port: proxy.port, caFile: target.caFile, username: target.user.username, password: target.user.password })
      if (r.exitCode !== 0 || !r.output.includes('PONG') || !r.output.includes('redis_version')) throw new Error(`redis-cli did not do the work (exit ${r.exitCode}): ${r.output.slice(0, 300)}`)
      await proxy.idle()
      return { wall: r.wallMs, counts: proxy.counts() }
    }

    // One warm-up each (module loading, JIT, page cache for redis-cli), then alternate.
    await runProbe(1)
    await runCli()
    await runProbe()
    const one: Awaited<ReturnType<typeof runProbe>>[] = []
    const def: Awaited<ReturnType<typeof runProbe>>[] = []
    const cli: Awaited<ReturnType<typeof runCli>>[] = []
    for (let i = 0; i < RUNS; i++) {
      one.push(await runProbe(1))
      cli.push(await runCli())
      def.push(await runProbe())
    }

    const contender = (runs: { wall: number; counts: ProxyCounts; phases?: Awaited<ReturnType<typeof runProbe>>['phases'] }[], label: string): ContenderResult => {
      const wallMs = summarize(runs.map((r) => r.wall))
      const roundTrips = sameTrips(
        runs.map((r) => r.counts),
        label
      )
      const median = [...runs].sort((a, b) => a.wall - b.wall)[Math.floor(runs.length / 2)]
      return {
        wallMs,
        roundTrips,
        floorMs: roundTrips.total * rtt,
        ...(median.phases ? { phases: median.phases.map((p) => ({ name: p.name, ms: p.ms, roundTrips: round(p.ms / rtt, 1) })) } : {})
      }
    }
    const probeOneSample = contender(one, 'probe (1 PING sample)')
    const defaultSamples = def[0].samples
    const probeDefault = { ...contender(def, 'probe (default)'), pingSamples: defaultSamples }
    const redisCli = { ...contender(cli, 'redis-cli'), commands: ['AUTH (on connect)', 'COMMAND DOCS (redis-cli, for its hints)', 'PING', 'SET', 'GET', 'DEL', 'INFO'] }
    // Each PING sample after the first needs a round trip of its own (latency is measured per trip).
    const minimumRoundTrips = { probeOneSample: 3, probeDefault: 3 + (defaultSamples - 1) }
    const ratioToRedisCli = ratio(probeOneSample.wallMs.median, redisCli.wallMs.median)
    return {
      oneWayDelayMs: ONE_WAY_MS,
      roundTripMs: rtt,
      runs: RUNS,
      minimumRoundTrips,
      probeOneSample,
      probeDefault,
      redisCli,
      ratioToRedisCli,
      goals: {
        roundTripsAtMinimum: probeOneSample.roundTrips.total <= minimumRoundTrips.probeOneSample && probeDefault.roundTrips.total <= minimumRoundTrips.probeDefault,
        withinTenPercentOfRedisCli: ratioToRedisCli <= 1.1
      }
    }
  } finally {
    await proxy.close()
  }
}

export type { DelayProxy }
