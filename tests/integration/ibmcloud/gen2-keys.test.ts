import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createGen2Key, findGen2Key, listGen2Keys } from '../../../src/main/ibmcloud/gen2-keys'
import { createOrAdoptGen2Instance, waitUntilGen2Ready } from '../../../src/main/ibmcloud/provisioning-gen2'
import { getInstance } from '../../../src/main/ibmcloud/resource-controller'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import { fakeRedisBackend, type DeploymentBackend, type Gen2KeyRole } from '../../../src/main/sandbox/emulator/redis-backend'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import { API_KEY, clientFor, failureOf, gen2Request, startEmulator } from '../../support/ibmcloud/support'

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/ibm-cloud/gen2_resource_key_redis.json'), 'utf8')) as Record<
  string,
  unknown
> & {
  credentials: Record<string, unknown> & { connection: Record<string, Record<string, unknown>> }
}
const keysOf = (o: unknown) => Object.keys(o as object).sort()

/** Gen 2 service keys through the real clients against the emulated Resource Controller (facts §1.7). */
describe('Gen 2 service keys: roles, credentials shown once, duplicate-safe create', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.close()
    emu = undefined
  })

  /** An active Gen 2 instance; its deployment records the users the keys make (main has no Gen 2 Redis behind it yet). */
  const setup = async (options: Parameters<typeof startEmulator>[0] = {}) => {
    emu = await startEmulator({ provisioningMs: 100, ...options })
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const { instance } = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    await waitUntilGen2Ready(client, instance.id, { pollIntervalMs: 30, maxPollIntervalMs: 30 })
    const users: Array<{ name: string; password: string; role?: Gen2KeyRole }> = []
    const record = emu.state.findInstance(instance.id)!
    const base: DeploymentBackend = record.deployment.backend ?? (await fakeRedisBackend(record.guid))
    record.deployment.backend = {
      ...base,
      publicEndpoint: base.publicEndpoint,
      privateEndpoint: base.privateEndpoint,
      caPem: base.caPem,
      setUser: async (name, password, role) => {
        users.push({ name, password, role })
        await base.setUser(name, password, role)
      }
    }
    return { client, instance, record, users, emu }
  }

  /** A raw call with a token, for bodies the client never sends. */
  const raw = async (e: Emulator, method: string, p: string, body?: unknown) => {
    const token = await fetch(`${e.url}/identity/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: API_KEY })
    })
    const { access_token } = (await token.json()) as { access_token: string }
    const res = await fetch(`${e.url}${p}`, {
      method,
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {})
    })
    return { status: res.status, body: (await res.json().catch(() => undefined)) as Record<string, unknown> }
  }

  it('a Manager key: credentials in the create’s answer (the sample’s layout), a Redis user with the role, later reads redacted', async () => {
    const { client, instance, record, users, emu } = await setup()
    const key = await createGen2Key(client, { instance, name: 'redis-gen2-01-manager', role: 'Manager' })
    const host = `${record.guid}.private.uhp.redis.eu-de.dataservices.appdomain.cloud`
    expect(key).toMatchObject({ name: 'redis-gen2-01-manager', role: 'Manager', created: true, credentials: { hostname: host, port: 6379, database: 0 } })
    expect(key.credentials?.username).toMatch(/^ibmcloud_[0-9a-f]{32}$/)
    expect(key.credentials?.cli).toContain(`--tls --sni ${host}`)
    expect(users).toEqual([{ name: key.credentials!.username, password: key.credentials!.password, role: 'Manager' }])

    // Field for field the sample's body and credentials.
    const stored = [...emu.state.keys.values()][0]
    const { body } = await raw(emu, 'GET', `/v2/resource_keys/${stored.guid}`)
    expect(keysOf(body)).toEqual(keysOf(fixture))
    expect(body).toMatchObject({ role: 'crn:v1:bluemix:public:iam::::serviceRole:Manager', onetime_credentials: true, credentials: { REDACTED: 'REDACTED' } })
    const { gen2Credentials } = await import('../../../src/main/sandbox/emulator/gen2-keys')
    const shown = gen2Credentials(stored, record)
    expect(keysOf(shown)).toEqual(keysOf(fixture.credentials))
    expect(keysOf(shown.connection.rediss)).toEqual(keysOf(fixture.credentials.connection.rediss))
    expect(keysOf(shown.connection.cli)).toEqual(keysOf(fixture.credentials.connection.cli))

    // One-time view: listing and finding show no credentials any more.
    expect(await listGen2Keys(client, instance.guid)).toEqual([{ id: key.id, guid: key.guid, name: key.name, role: 'Manager' }])
    expect((await findGen2Key(client, instance.guid, 'redis-gen2-01-manager'))?.credentials).toBeUndefined()
    expect((await getInstance(client, instance.id)).onetime_credentials).toBe(true)
  })

  it('a Writer key by name, by role CRN and by parameters.role_crn; other roles and endpoint parameters refused in RC’s style', async () => {
    const { client, instance, users, emu } = await setup()
    const writer = await createGen2Key(client, { instance, name: 'app-writer', role: 'Writer' })
    expect(writer.role).toBe('Writer')
    const byCrn = await raw(emu, 'POST', '/v2/resource_keys', {
      name: 'by-crn',
      source: instance.guid,
      role: 'crn:v1:bluemix:public:iam::::serviceRole:Writer'
    })
    expect(byCrn).toMatchObject({
      status: 201,
      body: { role: 'crn:v1:bluemix:public:iam::::serviceRole:Writer', credentials: { username: expect.stringMatching(/^ibmcloud_/) } }
    })
    const byParam = await raw(emu, 'POST', '/v2/resource_keys', {
      name: 'by-param',
      source: instance.id,
      parameters: { role_crn: 'crn:v1:bluemix:public:iam::::serviceRole:Writer' }
    })
    expect(byParam.body.role).toBe('crn:v1:bluemix:public:iam::::serviceRole:Writer')
    expect(users.map((u) => u.role)).toEqual(['Writer', 'Writer', 'Writer'])

    const reader = await raw(emu, 'POST', '/v2/resource_keys', { name: 'r', source: instance.guid, role: 'Reader' })
    expect(reader.status).toBe(400)
    expect(reader.body).toMatchObject({ error_code: 'RC-BadRequest', status_code: 400, message: expect.stringMatching(/allowed roles are Manager and Writer/) })
    const endpoints = await raw(emu, 'POST', '/v2/resource_keys', {
      name: 'e',
      source: instance.guid,
      role: 'Manager',
      parameters: { 'service-endpoints': 'private' }
    })
    expect(endpoints).toMatchObject({ status: 400, body: { error_code: 'RC-BadRequest', message: expect.stringMatching(/private only/) } })
    expect(emu.state.counters.keysCreated).toBe(3)
  })

  it('UNVERIFIED other case (gen2KeyCredentials: always): reads show the credentials again and the instance says onetime_credentials false', async () => {
    const { client, instance } = await setup({ gen2KeyCredentials: 'always' })
    const key = await createGen2Key(client, { instance, name: 'm', role: 'Manager' })
    expect((await findGen2Key(client, instance.guid, 'm'))?.credentials).toEqual(key.credentials)
    expect((await getInstance(client, instance.id)).onetime_credentials).toBe(false)
  })

  it('429 on the create is retried (it created nothing): one key, with its credentials', async () => {
    const { client, instance, emu } = await setup()
    emu.faults.add({ route: 'rc.keys.create', kind: 'rate_limited', retryAfterSeconds: 0, times: 2 })
    const key = await createGen2Key(client, { instance, name: 'm', role: 'Manager' }, { retryDelayMs: 5 })
    expect(key.credentials?.password).toBeTruthy()
    expect(emu.state.counters.keysCreated).toBe(1)
    expect(emu.faults.pending()).toBe(0)
  })

  it('a 5xx that created nothing: looked for by name, then sent again — one key, with its credentials', async () => {
    const { client, instance, emu } = await setup()
    emu.faults.add({ route: 'rc.keys.create', kind: 'server_error', times: 1 })
    const key = await createGen2Key(client, { instance, name: 'm', role: 'Manager' }, { retryDelayMs: 5 })
    expect(key.credentials?.password).toBeTruthy()
    expect(emu.state.counters.keysCreated).toBe(1)
    expect(emu.hits.get('rc.keys.create')).toBe(2)
  })

  it('a 5xx after the key was made (lost answer): found by name and never made twice; its credentials are gone (one-time view)', async () => {
    const { client, instance, emu } = await setup()
    emu.faults.add({ route: 'rc.keys.create', kind: 'lost_answer', times: 1 })
    const key = await createGen2Key(client, { instance, name: 'm', role: 'Manager' }, { retryDelayMs: 5 })
    expect(key).toMatchObject({ name: 'm', role: 'Manager' })
    expect(key.credentials).toBeUndefined()
    expect(emu.state.counters.keysCreated).toBe(1)
    expect(emu.hits.get('rc.keys.create')).toBe(1)
  })

  it('a 401 on the create (token revoked mid-way) signs in again and creates one key', async () => {
    const { client, instance, emu } = await setup()
    emu.faults.add({ route: 'rc.keys.create', kind: 'expired_token', times: 1 })
    const before = emu.state.counters.tokensIssued
    const key = await createGen2Key(client, { instance, name: 'm', role: 'Writer' })
    expect(key.credentials?.username).toMatch(/^ibmcloud_/)
    expect(emu.state.counters.tokensIssued).toBe(before + 1)
    expect(emu.state.counters.keysCreated).toBe(1)
  })

  it('a key for an instance still provisioning is refused (400), and 403 is a typed failure', async () => {
    emu = await startEmulator({ provisioningMs: 60_000 })
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const { instance } = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    expect((await failureOf(createGen2Key(client, { instance, name: 'm', role: 'Manager' }))).code).toBe('ibm_bad_request')
    emu.faults.add({ route: 'rc.keys.create', kind: 'forbidden' })
    const denied = await failureOf(createGen2Key(client, { instance, name: 'm', role: 'Manager' }))
    expect(denied.code).toBe('ibm_forbidden')
    expect(denied.message).toMatch(/Operator, Editor or Administrator/)
    expect(emu.state.counters.keysCreated).toBe(0)
  })
})
