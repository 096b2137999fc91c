import { afterEach, describe, expect, it } from 'vitest'
import { validateApiKey } from '../../../src/main/ibmcloud/account'
import { getConnectionInfo, setAdminPassword } from '../../../src/main/ibmcloud/databases'
import { createOrAdoptInstance, waitUntilReady } from '../../../src/main/ibmcloud/provisioning'
import { getInstance, listRedisInstances } from '../../../src/main/ibmcloud/resource-controller'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import type { ProvisionProgress } from '../../../src/shared/schemas/ibmcloud'
import { clientFor, failureOf, redisRequest, startEmulator } from '../../support/ibmcloud/support'

/** Each injected fault, through the real clients: recovered where IBM's behaviour allows, else a typed error with advice. */
describe('IBM Cloud faults', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.close()
    emu = undefined
  })

  it('a bad API key is ibm_api_key_invalid with advice (IAM 400 BXNIM0415E)', async () => {
    emu = await startEmulator()
    const f = await failureOf(validateApiKey(clientFor(emu, { apiKey: 'notTheRightKey_0123456789abcdefghijklmnop' })))
    expect(f.code).toBe('ibm_api_key_invalid')
    expect(f.message).toMatch(/API key/)
    expect(f.detail).toMatch(/BXNIM0415E/)
  })

  it('a 401 (expired token) fetches a fresh token and continues', async () => {
    emu = await startEmulator({ faults: [{ route: 'rm.groups.list', kind: 'expired_token' }] })
    const client = clientFor(emu)
    await validateApiKey(client)
    const before = emu.state.counters.tokensIssued
    expect((await listResourceGroups(client)).length).toBeGreaterThan(0)
    expect(emu.state.counters.tokensIssued).toBe(before + 1)
  })

  it('a token that expires in the middle of a provisioning wait is refreshed and the wait completes', async () => {
    // The server drops tokens after 150 ms while they still claim an hour: the client only learns from the 401.
    emu = await startEmulator({ tokenLifetimeMs: 150, provisioningMs: 900 })
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const { instance } = await createOrAdoptInstance(client, redisRequest(groupId))
    const ready = await waitUntilReady(client, instance.id, { pollIntervalMs: 200, maxPollIntervalMs: 200 })
    expect(ready.state).toBe('active')
    expect(emu.state.counters.tokensIssued).toBeGreaterThan(2)
  })

  it('a repeated 401 is not refreshed forever: ibm_unauthorized', async () => {
    emu = await startEmulator({ faults: [{ route: 'rm.groups.list', kind: 'expired_token', times: 5 }] })
    const f = await failureOf(listResourceGroups(clientFor(emu)))
    expect(f.code).toBe('ibm_unauthorized')
  })

  it('403 names the IAM role that is missing', async () => {
    emu = await startEmulator({ faults: [{ route: 'rc.instances.list', kind: 'forbidden' }] })
    const f = await failureOf(listRedisInstances(clientFor(emu)))
    expect(f.code).toBe('ibm_forbidden')
    expect(f.message).toMatch(/Viewer platform role/)
  })

  it('404 on an instance is ibm_not_found', async () => {
    emu = await startEmulator()
    const f = await failureOf(getInstance(clientFor(emu), '00000000-0000-0000-0000-000000000000'))
    expect(f.code).toBe('ibm_not_found')
  })

  it('409 and 422 broker refusals quote the broker', async () => {
    emu = await startEmulator({ faults: [{ route: 'rc.instances.create', kind: 'refused' }] })
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const f = await failureOf(createOrAdoptInstance(client, redisRequest(groupId)))
    expect(f.code).toBe('ibm_refused')
    expect(f.message).toMatch(/Service Broker returned error status code 422/)
    await emu.close()
    emu = await startEmulator({ faults: [{ route: 'rc.instances.create', kind: 'conflict' }] })
    const c2 = clientFor(emu)
    const f2 = await failureOf(createOrAdoptInstance(c2, redisRequest((await listResourceGroups(c2))[0].id)))
    expect(f2.code).toBe('ibm_conflict')
  })

  it('a real broker validation error (isolated flavor with RAM) comes back as a bad request with the broker text', async () => {
    emu = await startEmulator()
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const f = await failureOf(createOrAdoptInstance(client, { ...redisRequest(groupId), version: '6.2' }))
    expect(f.code).toBe('ibm_bad_request')
    expect(f.message).toMatch(/version 6\.2 is not available/)
  })

  it('429 honours Retry-After and then succeeds', async () => {
    emu = await startEmulator({ faults: [{ route: 'rm.groups.list', kind: 'rate_limited', retryAfterSeconds: 1 }] })
    const started = Date.now()
    expect((await listResourceGroups(clientFor(emu))).length).toBeGreaterThan(0)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  it('429 that never ends gives ibm_rate_limited with retryAfter', async () => {
    emu = await startEmulator({ faults: [{ route: 'rm.groups.list', kind: 'rate_limited', retryAfterSeconds: 0, times: Infinity }] })
    const f = await failureOf(listResourceGroups(clientFor(emu)))
    expect(f.code).toBe('ibm_rate_limited')
    expect(f.retryAfter).toBe(0)
  })

  it('5xx is retried with backoff, a bounded number of times', async () => {
    emu = await startEmulator({ faults: [{ route: 'rm.groups.list', kind: 'server_error', times: 2 }] })
    expect((await listResourceGroups(clientFor(emu))).length).toBeGreaterThan(0)
    await emu.close()
    emu = await startEmulator({ faults: [{ route: 'rm.groups.list', kind: 'server_error', times: Infinity }] })
    const f = await failureOf(listResourceGroups(clientFor(emu)))
    expect(f.code).toBe('ibm_server_error')
    expect(emu.faults.pending()).toBe(1) // Infinity counts as one; the route was hit 4 times (1 + 3 retries)
  })

  it('a malformed body is retried, then reported as ibm_malformed_response', async () => {
    emu = await startEmulator({ faults: [{ route: 'rc.instances.list', kind: 'malformed' }] })
    expect(await listRedisInstances(clientFor(emu))).toEqual([])
    await emu.close()
    emu = await startEmulator({ faults: [{ route: 'rc.instances.list', kind: 'malformed', times: Infinity }] })
    const f = await failureOf(listRedisInstances(clientFor(emu)))
    expect(f.code).toBe('ibm_malformed_response')
  })

  it('a dropped connection is retried', async () => {
    emu = await startEmulator({ faults: [{ route: 'rm.groups.list', kind: 'reset' }] })
    expect((await listResourceGroups(clientFor(emu))).length).toBeGreaterThan(0)
  })

  it('a slow answer beyond the timeout is ibm_timeout', async () => {
    emu = await startEmulator({ faults: [{ route: 'rm.groups.list', kind: 'slow', delayMs: 1_500, times: Infinity }] })
    const client = clientFor(emu, { timeoutMs: 300, retryPolicy: { maxRetries: 1, maxRateLimitRetries: 0, baseDelayMs: 5, maxDelayMs: 5, maxRetryAfterSeconds: 1 } })
    await validateApiKey(client)
    const f = await failureOf(listResourceGroups(client))
    expect(f.code).toBe('ibm_timeout')
  })

  it('network down is ibm_unreachable', async () => {
    emu = await startEmulator()
    const client = clientFor(emu)
    await emu.close()
    emu = undefined
    const f = await failureOf(validateApiKey(client))
    expect(f.code).toBe('ibm_unreachable')
  })

  it('provisioning that ends failed reports the broker words and ibm_provisioning_failed', async () => {
    emu = await startEmulator({ faults: [{ route: 'rc.instances.create', kind: 'provisioning_failed' }], provisioningMs: 300 })
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const { instance } = await createOrAdoptInstance(client, redisRequest(groupId))
    const progress: ProvisionProgress[] = []
    const f = await failureOf(waitUntilReady(client, instance.id, { pollIntervalMs: 100, onProgress: (p) => progress.push(p) }))
    expect(f.code).toBe('ibm_provisioning_failed')
    expect(f.message).toMatch(/disk encryption key/)
    expect(progress.at(-1)?.phase).toBe('failed')
  })

  it('a long wait outlives a run of 5xx answers longer than one request retries', async () => {
    emu = await startEmulator({ provisioningMs: 300 })
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const { instance } = await createOrAdoptInstance(client, redisRequest(groupId))
    emu.faults.add({ route: 'rc.instances.get', kind: 'server_error', times: 9 })
    const progress: ProvisionProgress[] = []
    const ready = await waitUntilReady(client, instance.id, { pollIntervalMs: 30, maxPollIntervalMs: 30, onProgress: (p) => progress.push(p) })
    expect(ready.state).toBe('active')
    expect(progress.some((p) => /still waiting/.test(p.description ?? ''))).toBe(true)
  })

  it('a wait can be cancelled', async () => {
    emu = await startEmulator({ provisioningMs: 60_000 })
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const { instance } = await createOrAdoptInstance(client, redisRequest(groupId))
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 200)
    const f = await failureOf(waitUntilReady(client, instance.id, { pollIntervalMs: 50, signal: ac.signal }))
    expect(f.code).toBe('cancelled')
  })

  it('the admin password task: a task that comes back as {} when completed is accepted', async () => {
    emu = await startEmulator({ emptyCompletedTask: true, provisioningMs: 100, taskMs: 50 })
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const { instance } = await createOrAdoptInstance(client, redisRequest(groupId))
    await waitUntilReady(client, instance.id, { pollIntervalMs: 50 })
    await expect(setAdminPassword(client, instance.id, 'Abcdefghijk12345xyz', { pollIntervalMs: 60 })).resolves.toEqual({ username: 'admin' })
    expect((await getConnectionInfo(client, instance.id, 'public')).username).toBe('admin')
  })

  it('a create answered 202 (instead of 201) is accepted', async () => {
    emu = await startEmulator({ createStatus: 202 })
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const r = await createOrAdoptInstance(client, redisRequest(groupId))
    expect(r.instance.state).toBe('provisioning')
  })
})
