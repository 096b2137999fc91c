import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateApiKey } from '../../../src/main/ibmcloud/account'
import { createIbmCloudClient, type IbmCloudClient } from '../../../src/main/ibmcloud/client'
import { getConnectionInfo, waitForTask } from '../../../src/main/ibmcloud/databases'
import { createOrAdoptInstance, ensurePrivateServiceKey } from '../../../src/main/ibmcloud/provisioning'
import { getInstance, toRedisInstance } from '../../../src/main/ibmcloud/resource-controller'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import { API_KEY, clientFor, failureOf, fastRetries, startEmulator } from '../../support/ibmcloud/support'

/**
 * The reference bodies (API-FACTS samples, copied verbatim into tests/fixtures/ibm-cloud) are
 * (1) served verbatim to the real clients, which must read them, and (2) compared field by field
 * with what the emulator answers, so the emulator cannot drift from the reference unnoticed.
 */
const FIXTURES = path.join(__dirname, '../../fixtures/ibm-cloud')
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8')
const json = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>

const INSTANCE = json('resource_instance.json')
const CRN = INSTANCE.id as string

/** Serves the sample files byte for byte. */
function verbatimServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    let body = ''
    for await (const c of req) body += c
    const url = new URL(req.url ?? '/', 'http://x')
    const p = url.pathname
    const reply = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(text)
    }
    if (p === '/identity/token') return new URLSearchParams(body).get('apikey') === API_KEY ? reply(200, fixture('iam_token.json')) : reply(400, fixture('iam_error.json'))
    if (p === '/v2/resource_groups') return reply(200, fixture('resource_groups.json'))
    if (p === '/v2/resource_instances' && req.method === 'POST') return JSON.parse(body).name === 'refuse-me' ? reply(400, fixture('rc_error.json')) : reply(201, fixture('resource_instance.json'))
    // The list envelope is not a sample: the rows are.
    if (p === '/v2/resource_instances') return reply(200, `{"rows_count":1,"next_url":null,"resources":[${url.searchParams.get('name') === 'my-redis' ? fixture('resource_instance.json') : ''}]}`)
    if (p.endsWith('/resource_keys')) return reply(200, `{"rows_count":1,"next_url":null,"resources":[${fixture('resource_key_redis.json')}]}`)
    if (p.startsWith('/v2/resource_instances/')) return reply(200, fixture('resource_instance.json'))
    if (p.endsWith('/connections/public')) return reply(200, fixture('cdb_connection_redis.json'))
    if (p.includes('/tasks/')) return reply(200, '{}') // UNVERIFIED completed-task form
    reply(404, '{"errors":"not_found"}')
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      resolve({ url, close: () => new Promise((r) => server.close(() => r())) })
    })
  )
}

describe('clients read the reference bodies served verbatim', () => {
  let server: Awaited<ReturnType<typeof verbatimServer>>
  let client: IbmCloudClient
  beforeAll(async () => {
    server = await verbatimServer()
    const env = {
      IBMCLOUD_IAM_API_ENDPOINT: server.url,
      IBMCLOUD_RESOURCE_CONTROLLER_API_ENDPOINT: server.url,
      IBMCLOUD_RESOURCE_MANAGEMENT_API_ENDPOINT: server.url,
      IBMCLOUD_ACCOUNT_MANAGEMENT_API_ENDPOINT: server.url,
      IBMCLOUD_ICD_API_ENDPOINT: `${server.url}/{region}`
    }
    client = createIbmCloudClient({ apiKey: API_KEY, env, timeoutMs: 3_000, retryPolicy: { ...fastRetries, maxRetries: 0 } })
  })
  afterAll(() => server.close())

  it('iam_token.json: the account id comes from the token', async () => {
    expect((await validateApiKey(client)).accountId).toBe('40ddc34a953a8c02f10987b59085b60e')
  })

  it('iam_error.json: a bad key is ibm_api_key_invalid', async () => {
    const bad = createIbmCloudClient({ apiKey: 'wrongKey_0123456789abcdefghijklmnopqrstu', env: { IBMCLOUD_IAM_API_ENDPOINT: server.url }, timeoutMs: 3_000 })
    const f = await failureOf(validateApiKey(bad))
    expect(f.code).toBe('ibm_api_key_invalid')
    expect(f.detail).toContain('Provided API key could not be found')
  })

  it('resource_groups.json', async () => {
    expect(await listResourceGroups(client)).toEqual([{ id: 'eb922ba0717f47589ca26d202c5cc915', name: 'Default', isDefault: true }])
  })

  it('resource_instance.json (get, and adoption by name)', async () => {
    const i = toRedisInstance(await getInstance(client, CRN))
    expect(i).toMatchObject({ id: CRN, name: 'my-redis', region: 'jp-tok', state: 'provisioning', serviceEndpoints: 'private', version: '8.2', lastOperation: { state: 'in progress', description: 'Started create instance operation' } })
    const adopted = await createOrAdoptInstance(client, { name: 'my-redis', region: 'jp-tok', resourceGroupId: 'eb922ba0717f47589ca26d202c5cc915', serviceEndpoints: 'private' })
    expect(adopted.adopted).toBe(true)
  })

  it('rc_error.json: the broker message reaches the user', async () => {
    const f = await failureOf(createOrAdoptInstance(client, { name: 'refuse-me', region: 'jp-tok', resourceGroupId: 'eb922ba0717f47589ca26d202c5cc915', serviceEndpoints: 'private' }))
    expect(f.message).toContain('Service Broker returned error status code 403')
    expect(f.detail).toContain('RC-ServiceBrokerErrorResponse')
  })

  it('cdb_connection_redis.json: URI with $PASSWORD and the decoded IBM CA', async () => {
    const c = await getConnectionInfo(client, CRN, 'public')
    expect(c).toMatchObject({ hostname: '9f7c2c13-5061-46ca-8153-f7d6c0baba7b.974550db55eb4ec0983f023940bf637f.databases.appdomain.cloud', port: 30348, username: 'admin', database: 0 })
    expect(c.uri).toContain('rediss://admin:$PASSWORD@')
    expect(c.caPem).toMatch(/^-----BEGIN CERTIFICATE-----\nMIIDDzCCAfegAwIBAgIJANEH58y2/)
  })

  it('resource_key_redis.json: a same-name private key is reused; its password never appears in the URI', async () => {
    const k = await ensurePrivateServiceKey(client, { id: CRN, guid: '07d523b1-6eea-4263-bd03-c17edf355e0b' }, 'my-redis-private-key')
    expect(k.reused).toBe(true)
    expect(k.connection.hostname).toContain('.private.databases.appdomain.cloud')
    expect(k.connection.uri).not.toContain(k.credentials.password)
  })

  it('task.json: a running task followed by {} counts as completed', async () => {
    const task = (json('task.json').task ?? {}) as Record<string, unknown>
    await expect(waitForTask(client, 'jp-tok', task, 'setAdminPassword', { pollIntervalMs: 1 })).resolves.toBeUndefined()
  })
})

/** Recursive key structure: objects by sorted keys, arrays by their first element. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : []
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, shape((v as Record<string, unknown>)[k])]))
  return v === null ? 'null' : typeof v
}

describe('the emulator answers with the reference shapes', () => {
  let emu: Emulator
  let token: string
  const get = async (p: string, init: RequestInit = {}) => {
    const res = await fetch(emu.url + p, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } })
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> }
  }
  beforeAll(async () => {
    emu = await startEmulator({ provisioningMs: 100, taskMs: 10_000 })
    token = ((await (await fetch(`${emu.url}/identity/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: API_KEY }) })).json()) as { access_token: string }).access_token
  })
  afterAll(() => emu.close())

  it('iam_token.json and iam_error.json', async () => {
    const ok = await fetch(`${emu.url}/identity/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: API_KEY }) })
    expect(shape(await ok.json())).toEqual(shape(json('iam_token.json')))
    const bad = await fetch(`${emu.url}/identity/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: 'nope' }) })
    expect(bad.status).toBe(400)
    const badBody = (await bad.json()) as Record<string, unknown>
    expect(shape(badBody)).toEqual(shape(json('iam_error.json')))
  })

  it('resource_groups.json', async () => {
    expect(shape((await get('/v2/resource_groups')).body)).toEqual(shape(json('resource_groups.json')))
  })

  it('resource_instance.json (create with the sample parameters → identical field set), rc_error.json', async () => {
    const group = emu.state.resourceGroups[0].id
    const created = await get('/v2/resource_instances', { method: 'POST', body: JSON.stringify({ name: 'my-redis', target: 'jp-tok', resource_group: group, resource_plan_id: 'databases-for-redis-standard', parameters: INSTANCE.parameters }) })
    expect(created.status).toBe(201)
    expect(shape(created.body)).toEqual(shape(INSTANCE))
    const refused = await get('/v2/resource_instances', { method: 'POST', body: JSON.stringify({ name: 'x', target: 'jp-tok', resource_group: group, resource_plan_id: 'databases-for-redis-standard', parameters: {} }) })
    expect(refused.status).toBe(400)
    expect(shape(refused.body)).toEqual(shape(json('rc_error.json')))
  })

  it('resource_key_redis.json, cdb_connection_redis.json and task.json', async () => {
    const client = clientFor(emu)
    const inst = [...emu.state.instances.values()][0]
    await new Promise((r) => setTimeout(r, 300))
    expect(inst.state).toBe('active')
    const key = await get('/v2/resource_keys', { method: 'POST', body: JSON.stringify({ name: 'my-redis-private-key', source: inst.guid, role: 'Manager', parameters: { 'service-endpoints': 'private' } }) })
    expect(key.status).toBe(201)
    expect(shape(key.body)).toEqual(shape(json('resource_key_redis.json')))
    const crn = encodeURIComponent(inst.crn)
    const conn = await get(`/cdb/jp-tok/v5/ibm/deployments/${crn}/users/database/admin/connections/private`)
    expect(shape(conn.body)).toEqual(shape(json('cdb_connection_redis.json')))
    const task = await get(`/cdb/jp-tok/v5/ibm/deployments/${crn}/users/database/admin`, { method: 'PATCH', body: JSON.stringify({ user: { password: 'Abcdefghijk12345' } }) })
    expect(task.status).toBe(202)
    expect(shape(task.body)).toEqual(shape(json('task.json')))
    expect(client).toBeDefined()
  })
})
