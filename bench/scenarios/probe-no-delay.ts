import { performance } from 'node:perf_hooks'
import Redis from 'ioredis'
import { probe, type ProbeTarget } from '../../src/main/redis/probe'
import { ratio, summarize, type Summary } from '../lib/stats'
import type { TlsTarget } from '../lib/tls-target'

/**
 * Item 2: the probe with no added delay, against a bare ioredis connect + PING (TLS, AUTH, same
 * CA), 50 times each, taking turns so all see the same machine load.
 */
const RUNS = 50
const WARM_UP = 3

export interface ProbeNoDelayResult {
  runs: number
  /** Default probe (5 PING samples, write check, INFO). */
  probe: Summary
  /** The probe with one PING sample (closer to the work ioredis does). */
  probeOneSample: Summary
  /** new Redis() → connect → PING → disconnect, with ioredis defaults (ready check on) and RESP pinned. */
  ioredis: Summary & { protocol: number }
  /** probe median / ioredis median, and the same for p95. */
  ratioMedian: number
  ratioP95: number
}

export async function measureProbeNoDelay(target: TlsTarget): Promise<ProbeNoDelayResult> {
  const { host, port } = target.redis
  const probeTarget: ProbeTarget = {
    host,
    port,
    db: 0,
    username: target.user.username,
    password: target.user.password,
    tls: { enabled: true, caPem: target.caPem, servername: null, verifyServerCert: true },
    timeouts: { connectMs: 5_000, commandMs: 5_000 }
  }
  const protocol = 3
  const runProbe = async (pingSamples?: number) => {
    const started = performance.now()
    const result = await probe(probeTarget, pingSamples === undefined ? {} : { pingSamples })
    const ms = performance.now() - started
    if (!result.ok) throw new Error(`probe failed: ${result.code} ${result.message}`)
    return ms
  }
  const runIoredis = async () => {
    const started = performance.now()
    const client = new Redis({
      host,
      port,
      username: target.user.username,
      password: target.user.password,
      tls: { ca: target.caPem },
      protocol,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: 5_000
    })
    try {
      await client.connect()
      const pong = await client.ping()
      if (pong !== 'PONG') throw new Error(`ioredis PING answered ${pong}`)
    } finally {
      client.disconnect()
    }
    return performance.now() - started
  }

  for (let i = 0; i < WARM_UP; i++) {
    await runProbe()
    await runProbe(1)
    await runIoredis()
  }
  const probeTimes: number[] = []
  const oneSampleTimes: number[] = []
  const ioredisTimes: number[] = []
  for (let i = 0; i < RUNS; i++) {
    probeTimes.push(await runProbe())
    oneSampleTimes.push(await runProbe(1))
    ioredisTimes.push(await runIoredis())
  }
  const p = summarize(probeTimes)
  const io = summarize(ioredisTimes)
  return {
    runs: RUNS,
    probe: p,
    probeOneSample: summarize(oneSampleTimes),
    ioredis: { ...io, protocol },
    ratioMedian: ratio(p.median, io.median),
    ratioP95: ratio(p.p95, io.p95)
  }
}
