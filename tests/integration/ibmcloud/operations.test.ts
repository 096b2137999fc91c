import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isIP } from 'node:net'
import Redis from 'ioredis'
import { validateApiKey } from '../../../src/main/ibmcloud/account'
import type { IbmCloudClient } from '../../../src/main/ibmcloud/client'
import { addAllowlistEntry, getConnectionInfo, getDeployment, listAllowlist, listRedisVersions, listRegions, removeAllowlistEntry, setAdminPassword } from '../../../src/main/ibmcloud/databases'
import { generatePassword } from '../../../src/main/ibmcloud/password-rules'
import { createOrAdoptInstance, ensurePrivateServiceKey, waitUntilReady } from '../../../src/main/ibmcloud/provisioning'
import { deleteInstance, listRedisInstances, updateServiceEndpoints } from '../../../src/main/ibmcloud/resource-controller'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import type { ProvisionProgress, RedisInstance } from '../../../src/shared/schemas/ibmcloud'
import { clientFor, failureOf, redisRequest, startEmulator } from '../../support/ibmcloud/support'

async function ping(c: { hostname: string; port: number; caPem: string }, username: string, password: string): Promise<string> {
  const redis = new Redis({ host: c.hostname, port: c.port, username, password, tls: { ca: c.caPem, ...(isIP(c.hostname) ? {} : { servername: c.hostname }) }, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3_000 })
  redis.on('error', () => undefined)
  try {
    await redis.connect()
    return await redis.ping()
  } finally {
    redis.disconnect()
  }
}

/** Every operation of the layer, through the real SDK clients, against the emulator with REAL TLS Redis deployments. */
describe('IBM Cloud operations against the emulator (real Redis behind it)', () => {
  let emu: Emulator
  let client: IbmCloudClient
  let groupId: string
  let instance: RedisInstance
  const password = generatePassword(24)

  beforeAll(async () => {
    emu = await startEmulator({ backend: 'real', pageSize: 2, provisioningMs: 800 })
    client = clientFor(emu)
    groupId = (await listResourceGroups(client))[0].id
    const progress: ProvisionProgress[] = []
    const created = await createOrAdoptInstance(client, redisRequest(groupId), { onProgress: (p) => progress.push(p) })
    instance = await waitUntilReady(client, created.instance.id, { pollIntervalMs: 100, onProgress: (p) => progress.push(p) })
    expect(progress.map((p) => p.phase)).toContain('provisioning')
    expect(progress.at(-1)?.phase).toBe('ready')
    expect(progress.some((p) => p.percent !== undefined && p.percent > 0 && p.percent < 100 && /Provisioning redis with version 8\.2 \(\d+%\)/.test(p.description ?? ''))).toBe(true)
  })
  afterAll(async () => {
    await emu?.close()
  })

  it('validates the API key and reads account id and name', async () => {
    const info = await validateApiKey(client)
    expect(info.accountId).toBe(emu.state.account.id)
    expect(info.accountName).toBe('Sandbox Account')
    expect(info.apiKeyName).toBe('pse-wizard-sandbox-key')
  })

  it('lists regions, resource groups (default first) and Redis versions (preferred first)', async () => {
    const regions = await listRegions(client)
    expect(regions.find((r) => r.id === 'jp-tok')?.name).toBe('Tokyo (jp-tok)')
    const groups = await listResourceGroups(client)
    expect(groups[0]).toMatchObject({ name: 'Default', isDefault: true })
    const versions = await listRedisVersions(client, 'jp-tok')
    expect(versions[0]).toEqual({ version: '8.2', status: 'stable', preferred: true })
    expect(versions.map((v) => v.version)).toContain('7.2')
  })

  it('sends per-member sizes as totals for the 2 members, with every seed option', () => {
    const raw = [...emu.state.instances.values()][0]
    expect(raw.parameters).toMatchObject({ 'service-endpoints': 'public-and-private', members_host_flavor: 'multitenant', members_memory_allocation_mb: 2048, members_disk_allocation_mb: 2048, version: '8.2' })
    expect(raw.tags).toEqual(['env:dev'])
  })

  it('lists instances following next_url paging', async () => {
    for (const n of ['extra-1', 'extra-2', 'extra-3']) await createOrAdoptInstance(client, redisRequest(groupId, n))
    const all = await listRedisInstances(client)
    expect(all.map((i) => i.name).sort()).toEqual(['Redis-0101', 'extra-1', 'extra-2', 'extra-3'])
    expect(emu.options.pageSize).toBe(2)
  })

  it('sets the admin password through the users API and follows the task; Redis then accepts it over verified TLS', async () => {
    const { username } = await setAdminPassword(client, instance.id, password, { pollIntervalMs: 50 })
    expect(username).toBe('admin')
    const pub = await getConnectionInfo(client, instance.id, 'public')
    expect(pub.uri).toBe(`rediss://admin:$PASSWORD@${pub.hostname}:${pub.port}/0`)
    expect(pub.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/)
    const redis = new Redis({ host: pub.hostname, port: pub.port, username: 'admin', password, tls: { ca: pub.caPem, servername: pub.hostname }, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    try {
      await redis.connect()
      expect(await redis.ping()).toBe('PONG')
    } finally {
      redis.disconnect()
    }
  })

  it('refuses a password that breaks the rules before sending anything', async () => {
    const before = emu.state.tasks.size
    const f = await failureOf(setAdminPassword(client, instance.id, 'short'))
    expect(f.code).toBe('ibm_password_rejected')
    expect(emu.state.tasks.size).toBe(before)
  })

  it('gives private connection info on its own port with the same CA', async () => {
    const pub = await getConnectionInfo(client, instance.id, 'public')
    const priv = await getConnectionInfo(client, instance.id, 'private')
    expect(priv.port).not.toBe(pub.port)
    expect(priv.caPem).toBe(pub.caPem)
  })

  it('creates a private service key once and reuses it by name; its credentials work on the private endpoint', async () => {
    const first = await ensurePrivateServiceKey(client, instance, 'redis-private-key')
    const again = await ensurePrivateServiceKey(client, instance, 'redis-private-key')
    expect(first.reused).toBe(false)
    expect(again.reused).toBe(true)
    expect(again.keyId).toBe(first.keyId)
    expect(emu.state.counters.keysCreated).toBe(1)
    expect(first.connection.uri).toContain('$PASSWORD')
    expect(first.connection.uri).not.toContain(first.credentials.password)
    const c = first.connection
    const redis = new Redis({ host: c.hostname, port: c.port, username: first.credentials.username, password: first.credentials.password, tls: { ca: c.caPem, ...(isIP(c.hostname) ? {} : { servername: c.hostname }) }, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    try {
      await redis.connect()
      expect(await redis.ping()).toBe('PONG')
    } finally {
      redis.disconnect()
    }
  })

  it('adds, lists and removes allowlist entries', async () => {
    await addAllowlistEntry(client, instance.id, { address: '10.0.0.0/24', description: 'app subnet' }, { pollIntervalMs: 50 })
    expect(await listAllowlist(client, instance.id)).toEqual([{ address: '10.0.0.0/24', description: 'app subnet' }])
    await removeAllowlistEntry(client, instance.id, '10.0.0.0/24', { pollIntervalMs: 50 })
    expect(await listAllowlist(client, instance.id)).toEqual([])
  })

  it('changes the endpoints; the public connection then answers not enabled and its port refuses clients', async () => {
    const pub = await getConnectionInfo(client, instance.id, 'public')
    const priv = await getConnectionInfo(client, instance.id, 'private')
    const updated = await updateServiceEndpoints(client, instance.id, 'private')
    expect(updated.parameters?.['service-endpoints']).toBe('private')
    expect((await getDeployment(client, instance.id)).enable_public_endpoints).toBe(false)
    const f = await failureOf(getConnectionInfo(client, instance.id, 'public'))
    expect(f.code).toBe('ibm_endpoint_not_enabled')
    await expect(ping(pub, 'admin', password)).rejects.toThrow()
    expect(await ping(priv, 'admin', password)).toBe('PONG')
    await updateServiceEndpoints(client, instance.id, 'public-and-private')
    expect(await ping(pub, 'admin', password)).toBe('PONG')
  })

  it('answers 404 from another region with the wrong-region advice', async () => {
    const wrong = instance.id.replace(':jp-tok:', ':us-south:')
    const f = await failureOf(getDeployment(client, wrong))
    expect(f.code).toBe('ibm_wrong_region')
    expect(f.message).toMatch(/us-south/)
  })

  // Last: it removes the shared instance.
  it('delete is refused while service keys exist (CONTAINS_ACTIVE_KEYS), and succeeds with recursive', async () => {
    const f = await failureOf(deleteInstance(client, instance.id))
    expect(f.code).toBe('ibm_refused')
    expect(f.message).toMatch(/CONTAINS_ACTIVE_KEYS/)
    await deleteInstance(client, instance.id, { recursive: true })
    expect(await listRedisInstances(client, { name: 'Redis-0101' })).toEqual([])
  })
})
