import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { probe, PROBE_PHASES, SCRATCH_PREFIX, type ProbeOptions, type ProbeTarget } from '../../../src/main/redis/probe'
import type { RunningRedis } from '../../../src/main/sandbox/tls-redis'
import { useRedisHarness, type HarnessUser } from '../../support/redis'
import { ProbeResult } from '../../../src/shared/schemas/probe'
import { renderNote } from '../../../src/shared/i18n/probe-notes/render'
import { cliTranslator } from '../../support/cli/translator'

const harness = useRedisHarness()

function target(server: { port: number }, overrides: Partial<ProbeTarget> & { user?: HarnessUser | null } = {}): ProbeTarget {
  const h = harness()
  const user = overrides.user === undefined ? h.users.app : overrides.user
  return {
    host: 'localhost',
    port: server.port,
    db: 0,
    username: user?.username ?? null,
    password: user?.password ?? null,
    tls: { enabled: true, caPem: h.ca.cert, servername: null, verifyServerCert: true },
    timeouts: { connectMs: 2000, commandMs: 2000 },
    ...overrides
  }
}

async function adminClient(server: RunningRedis): Promise<Redis> {
  const h = harness()
  const client = new Redis({
    host: '127.0.0.1',
    port: server.port,
    username: 'app',
    password: h.users.app.password,
    tls: server.tls ? { ca: h.ca.cert, servername: 'localhost' } : undefined,
    protocol: 2,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null
  })
  await client.connect()
  return client
}

const words = { en: cliTranslator('en'), ja: cliTranslator('ja') }

/** Every phase the probe ran carries notes the schema accepts and both catalogues word (not the bare code). */
function expectWorded(result: ProbeResult, extraPhases = 0) {
  expect(ProbeResult.parse(result).phases).toEqual(result.phases)
  for (const phase of result.phases.slice(extraPhases)) {
    expect(phase.notes?.length, phase.name).toBeGreaterThan(0)
    for (const note of phase.notes!) {
      expect(renderNote(words.en, note), note.code).not.toBe(note.code)
      expect(renderNote(words.ja, note), note.code).toMatch(/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/)
    }
  }
}

async function expectCode(t: ProbeTarget, code: string, options: ProbeOptions = {}) {
  const result = await probe(t, options)
  expect(result.ok, JSON.stringify(result, null, 1)).toBe(false)
  expect(result.code).toBe(code)
  expect(result.message.length).toBeGreaterThan(20)
  const failed = result.phases.filter((p) => !p.ok)
  expect(failed).toHaveLength(1)
  expect(result.phases.map((p) => p.name)).toEqual([...(options.extraPhases ?? []).map((p) => p.name), ...PROBE_PHASES])
  expect(JSON.stringify(result)).not.toContain(t.password ?? '\u0000never')
  expectWorded(result, options.extraPhases?.length ?? 0)
  return result
}

describe('probe: passing tests', () => {
  it('runs all seven phases against the TLS server, leaves no key and no connection behind', async () => {
    const h = harness()
    const seen: string[] = []
    const result = await probe(target(h.tls), { onPhase: (p) => seen.push(p.name) })
    expect(result.ok, JSON.stringify(result, null, 1)).toBe(true)
    expect(result.code).toBeNull()
    expectWorded(result)
    expect(result.phases.map((p) => [p.name, p.ok, Boolean(p.skipped)])).toEqual(PROBE_PHASES.map((n) => [n, true, false]))
    expect(seen).toEqual([...PROBE_PHASES])
    expect(result.dns.classification).toBe('loopback')
    expect(result.tls).toMatchObject({ verified: true, hostnameVerified: true, subject: 'CN=localhost', issuer: 'CN=PSE Harness CA' })
    expect(result.tls!.protocol).toMatch(/^TLSv1\.[23]$/)
    expect(result.tls!.subjectAltNames).toContain('DNS:localhost')
    expect(result.ping!.samples).toHaveLength(5)
    expect(result.write).toEqual({ allowed: true, readOnly: false })
    expect(result.server).toEqual({ version: expect.stringMatching(/^\d+\.\d+/), role: 'master', mode: 'standalone', protocol: 3 })
    expect(JSON.stringify(result)).not.toContain(h.users.app.password)

    const admin = await adminClient(h.tls)
    try {
      expect(await admin.keys(`${SCRATCH_PREFIX}*`)).toEqual([])
      await expect.poll(async () => ((await admin.client('LIST')) as string).trim().split('\n').length).toBe(1)
    } finally {
      admin.disconnect()
    }
  })

  it('reports a read-only user as read-only, not as a failure', async () => {
    const h = harness()
    const result = await probe(target(h.tls, { user: h.users.reader }))
    expect(result.ok, JSON.stringify(result, null, 1)).toBe(true)
    expect(result.write).toEqual({ allowed: false, readOnly: true })
    expect(result.phases.find((p) => p.name === 'write')!.detail).toMatch(/read-only user/)
    expect(result.message).toMatch(/read-only/)
  })

  it('works in plain text when the profile says so, and selects the database', async () => {
    const h = harness()
    const result = await probe(target(h.plain, { db: 3, tls: { enabled: false, caPem: null, servername: null, verifyServerCert: true } }))
    expect(result.ok, JSON.stringify(result, null, 1)).toBe(true)
    expect(result.tls).toBeNull()
    expect(result.phases.find((p) => p.name === 'tls')!.skipped).toBe(true)
  })

  it('connects through connectTo while verifying the profile host name, and shows extra phases first', async () => {
    const h = harness()
    const result = await probe(
      target(h.tls, { host: 'redis.example.internal', port: 6380, tls: { enabled: true, caPem: h.ca.cert, servername: 'localhost', verifyServerCert: true } }),
      {
        resolve: async () => ['10.1.2.3'],
        connectTo: { host: '127.0.0.1', port: h.tls.port },
        extraPhases: [{ name: 'ssh_connect', ok: true, ms: 12 }]
      }
    )
    expect(result.ok, JSON.stringify(result, null, 1)).toBe(true)
    expect(result.phases[0]).toEqual({ name: 'ssh_connect', ok: true, ms: 12, detail: '' })
    expect(result.dns).toMatchObject({ addresses: ['10.1.2.3'], classification: 'private' })
    expect(result.target.connectedTo).toBe(`127.0.0.1:${h.tls.port}`)
  })

  it('insecure profiles connect to a bad certificate but say it is not verified', async () => {
    const h = harness()
    const result = await probe(target(h.wrongHost, { tls: { enabled: true, caPem: h.otherCa.cert, servername: null, verifyServerCert: false } }))
    expect(result.ok).toBe(true)
    expect(result.tls).toMatchObject({ verified: false, hostnameVerified: false })
    expect(result.message).toMatch(/NOT verified/)
  })
})

describe('probe: every failure code, for real', () => {
  it('dns_not_found', async () => {
    const h = harness()
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
    await expectCode(target(h.tls, { host: 'nothing.example.invalid' }), 'dns_not_found', { resolve: async () => Promise.reject(notFound) })
  })

  it('private_endpoint_unreachable (166.9.x.x answer, routed to a loopback blackhole)', async () => {
    const h = harness()
    const r = await expectCode(
      target(h.tls, { host: 'x.private.databases.appdomain.cloud', timeouts: { connectMs: 800, commandMs: 800 } }),
      'private_endpoint_unreachable',
      {
        resolve: async () => ['166.9.16.209'],
        connectTo: { host: h.blackhole.host, port: h.blackhole.port }
      }
    )
    expect(r.dns.classification).toBe('ibm_service_endpoint')
    expect(r.message).toMatch(/VPN|bastion|pod/)
  })

  it('tcp_refused', async () => {
    const h = harness()
    await expectCode(target(h.closed), 'tcp_refused')
  })

  it('tcp_timeout', async () => {
    const h = harness()
    await expectCode(target({ port: h.blackhole.port }, { host: '127.0.0.1', timeouts: { connectMs: 800, commandMs: 800 } }), 'tcp_timeout')
  })

  it('tls_untrusted_ca', async () => {
    const h = harness()
    const r = await expectCode(target(h.tls, { tls: { enabled: true, caPem: h.otherCa.cert, servername: null, verifyServerCert: true } }), 'tls_untrusted_ca')
    expect(r.tls!.verified).toBe(false)
  })

  it('tls_untrusted_ca with the system store (no CA in the profile)', async () => {
    const h = harness()
    await expectCode(target(h.tls, { tls: { enabled: true, caPem: null, servername: null, verifyServerCert: true } }), 'tls_untrusted_ca')
  })

  it('tls_hostname_mismatch', async () => {
    const h = harness()
    const r = await expectCode(target(h.wrongHost), 'tls_hostname_mismatch')
    expect(r.message).toContain('wrong.example')
  })

  it('tls_expired', async () => {
    const h = harness()
    await expectCode(target(h.expired), 'tls_expired')
  })

  it('tls_not_offered (TLS client, plain-text server)', async () => {
    const h = harness()
    await expectCode(target(h.plain), 'tls_not_offered')
  })

  it('tls_required (plain client, TLS server)', async () => {
    const h = harness()
    await expectCode(target(h.tls, { tls: { enabled: false, caPem: null, servername: null, verifyServerCert: true } }), 'tls_required')
  })

  it('auth_failed', async () => {
    const h = harness()
    await expectCode(target(h.tls, { user: { username: 'app', password: 'not-the-password' } }), 'auth_failed')
  })

  it('auth_required', async () => {
    const h = harness()
    await expectCode(target(h.tls, { user: null }), 'auth_required')
  })

  it('acl_denied', async () => {
    const h = harness()
    const r = await expectCode(target(h.tls, { user: h.users.noping }), 'acl_denied')
    expect(r.phases.find((p) => !p.ok)!.name).toBe('ping')
  })

  it('timeout (a port that accepts and never answers)', async () => {
    const h = harness()
    const r = await expectCode(target(h.silent, { timeouts: { connectMs: 1500, commandMs: 800 } }), 'timeout')
    expect(r.phases.find((p) => !p.ok)!.name).toBe('tls')
    await expectCode(
      target(h.silent, { tls: { enabled: false, caPem: null, servername: null, verifyServerCert: true }, timeouts: { connectMs: 800, commandMs: 800 } }),
      'timeout'
    )
  })

  it('is cancellable', async () => {
    const h = harness()
    const controller = new AbortController()
    const pending = probe(target(h.silent, { timeouts: { connectMs: 30_000, commandMs: 30_000 } }), { signal: controller.signal })
    setTimeout(() => controller.abort(), 100)
    const result = await pending
    expect(result.code).toBe('cancelled')
    expect(result.totalMs).toBeLessThan(10_000)
  })
})

describe('probe: several addresses', () => {
  it('moves on from a refusing address to the next one the name resolved to', async () => {
    const h = harness()
    const result = await probe(target(h.tls, { host: 'localhost' }), { resolve: async () => ['127.0.0.2', '127.0.0.1'] })
    expect(result.ok, JSON.stringify(result, null, 1)).toBe(true)
    expect(result.phases.find((p) => p.name === 'tcp')!.detail).toMatch(/Connected to 127\.0\.0\.1:\d+ \(after 127\.0\.0\.2 \(ECONNREFUSED\)\)/)
    expect(result.dns.addresses).toEqual(['127.0.0.2', '127.0.0.1'])
  })
})
