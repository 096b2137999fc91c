import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDelayProxy, type DelayProxy } from '../../../bench/lib/delay-proxy'
import { probe, SCRATCH_PREFIX, type ProbeTarget } from '../../../src/main/redis/probe'
import { startRedisServer, type RunningRedis } from '../../../src/main/sandbox/tls-redis'

/**
 * The probe pipelines HELLO, PING and the write/INFO checks: these tests pin the flights it uses
 * and what pipelining must not change (a failure is still its phase's, no scratch key is left
 * behind, the RESP2 fallback still works). Plain text, so that each flight is one round trip.
 */
const users = {
  app: { name: 'app', password: 'app-pipeline-pw' },
  // May write but not PING: the pipelined SET runs before the probe reads the refused PING.
  writer: { name: 'writer', password: 'writer-pipeline-pw', rules: '~* &* +@all -ping' }
}

let server: RunningRedis
let noHello: RunningRedis
let admin: Redis
let proxy: DelayProxy

beforeAll(async () => {
  ;[server, noHello] = await Promise.all([
    startRedisServer({ users: [users.app, users.writer], defaultUser: 'off' }),
    // Stands in for Redis < 6: no HELLO, classic requirepass. A short password: the error that
    // echoes HELLO's arguments is cut at 80 characters, which would hide a long one.
    startRedisServer({ defaultUser: { password: 'Lq7' }, extraConfig: ['rename-command HELLO ""'] })
  ])
  admin = new Redis({
    host: '127.0.0.1',
    port: server.port,
    username: 'app',
    password: users.app.password,
    protocol: 2,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null
  })
  await admin.connect()
  proxy = await startDelayProxy({ host: '127.0.0.1', port: server.port }, 0)
})

afterAll(async () => {
  admin?.disconnect()
  await proxy?.close()
  await Promise.allSettled([server?.stop(), noHello?.stop()])
})

function target(port: number, user: { name: string; password: string } | null, db = 0): ProbeTarget {
  return {
    host: '127.0.0.1',
    port,
    db,
    username: user?.name ?? null,
    password: user?.password ?? null,
    tls: { enabled: false, caPem: null, servername: null, verifyServerCert: true },
    timeouts: { connectMs: 2000, commandMs: 2000 }
  }
}

async function scratchKeys(): Promise<string[]> {
  const found: string[] = []
  for (const db of [0, 3]) {
    await admin.select(db)
    found.push(...(await admin.keys(`${SCRATCH_PREFIX}*`)))
  }
  await admin.select(0)
  return found
}

describe('probe: round trips', () => {
  it.each([
    [1, 2],
    [3, 4]
  ])('%i PING sample(s): TCP + one flight per sample, every phase reported', async (samples, total) => {
    proxy.reset()
    const result = await probe(target(proxy.port, users.app, 3), { pingSamples: samples })
    await proxy.idle()
    expect(result.ok, JSON.stringify(result, null, 1)).toBe(true)
    expect(result.ping!.samples).toHaveLength(samples)
    expect(result.write).toEqual({ allowed: true, readOnly: false })
    expect(result.server).toMatchObject({ role: 'master', protocol: 3 })
    expect(proxy.counts()).toMatchObject({ connections: 1, totalRoundTrips: total })
    expect(result.phases.find((p) => p.name === 'auth')!.detail).toMatch(/pipelined/)
    expect(await scratchKeys()).toEqual([])
  })
})

describe('probe: pipelining keeps each failure in its phase', () => {
  it('a user who may write but not PING: acl_denied in the PING phase, no scratch key left', async () => {
    const result = await probe(target(server.port, users.writer), { pingSamples: 1 })
    expect(result.code).toBe('acl_denied')
    expect(result.phases.filter((p) => !p.ok).map((p) => p.name)).toEqual(['ping'])
    expect(await scratchKeys()).toEqual([])
  })

  it('a database that does not exist: unexpected_reply in the AUTH phase, nothing written to database 0', async () => {
    const result = await probe(target(server.port, users.app, 99), { pingSamples: 1 })
    expect(result.code).toBe('unexpected_reply')
    expect(result.phases.filter((p) => !p.ok).map((p) => p.name)).toEqual(['auth'])
    expect(result.phases.find((p) => p.name === 'auth')!.detail).toMatch(/SELECT 99/)
    expect(await scratchKeys()).toEqual([])
  })
})

describe('probe: server without HELLO (RESP2 fallback)', () => {
  it.each([1, 3])('authenticates with AUTH, runs every phase with %i sample(s), never shows the password', async (samples) => {
    const t = { ...target(noHello.port, null), password: 'Lq7' }
    const result = await probe(t, { pingSamples: samples })
    expect(result.ok, JSON.stringify(result, null, 1)).toBe(true)
    expect(result.server).toMatchObject({ protocol: 2, role: 'master' })
    expect(result.ping!.samples).toHaveLength(samples)
    expect(result.write).toEqual({ allowed: true, readOnly: false })
    expect(result.phases.find((p) => p.name === 'auth')!.detail).toMatch(/HELLO refused/)
    expect(JSON.stringify(result)).not.toContain('Lq7')
  })

  it('a wrong password is auth_failed', async () => {
    const result = await probe({ ...target(noHello.port, null), password: 'not-it' }, { pingSamples: 1 })
    expect(result.code).toBe('auth_failed')
  })
})
