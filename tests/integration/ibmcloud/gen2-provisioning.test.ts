import { afterEach, describe, expect, it } from 'vitest'
import { getDeployment } from '../../../src/main/ibmcloud/databases'
import { createOrAdoptInstance } from '../../../src/main/ibmcloud/provisioning'
import { createOrAdoptGen2Instance, waitUntilGen2Ready } from '../../../src/main/ibmcloud/provisioning-gen2'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import type { ProvisionProgress } from '../../../src/shared/schemas/ibmcloud'
import { clientFor, failureOf, gen2Request, redisRequest, startEmulator } from '../../support/ibmcloud/support'

/** Databases for Redis Gen 2 through the real clients against the emulator: create, adopt, wait (Resource Controller only). */
describe('Gen 2 instances: create, adopt, wait', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.close()
    emu = undefined
  })

  const setup = async (options: Parameters<typeof startEmulator>[0] = {}) => {
    emu = await startEmulator({ provisioningMs: 400, ...options })
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    return { client, groupId, emu }
  }
  const fast = (progress: ProvisionProgress[] = []) => ({ pollIntervalMs: 40, maxPollIntervalMs: 40, onProgress: (p: ProvisionProgress) => progress.push(p) })
  const v5Hits = (e: Emulator) => [...e.hits].filter(([id]) => id.startsWith('cdb.')).reduce((n, [, c]) => n + c, 0)

  it('creates with dataservices.redis, waits through last_operation to active, and reads the connection from extensions', async () => {
    const { client, groupId, emu } = await setup()
    const created = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    expect(created.adopted).toBe(false)
    expect(created.instance).toMatchObject({ generation: 'gen2', state: 'provisioning', region: 'eu-de', serviceEndpoints: 'private', version: '8.2' })
    const record = emu.state.findInstance(created.instance.id)!
    expect(record.parameters).toEqual({ dataservices: { redis: { host_flavor: 'bx3d.4x20', members: 2, storage_gb: 10, version: '8.2' } } })

    const progress: ProvisionProgress[] = []
    const { instance, endpoint } = await waitUntilGen2Ready(client, created.instance.id, fast(progress))
    expect(instance.state).toBe('active')
    expect(instance.lastOperation).toEqual({ type: 'create', state: 'succeeded', description: 'Provision completed successfully' })
    const host = `${record.guid}.private.uhp.redis.eu-de.dataservices.appdomain.cloud`
    expect(endpoint).toMatchObject({ hostname: host, port: 6379, database: 0, scheme: 'rediss', vpeHostnames: [host], vpePorts: [{ min: 6379, max: 6379 }] })
    expect(endpoint.cli).toContain(`--sni ${host}`)
    // Both of IBM's progress texts: the API's words, then the CLI's with a percent.
    expect(progress.some((p) => p.phase === 'provisioning' && p.description === 'Provision in progress')).toBe(true)
    expect(progress.some((p) => p.phase === 'provisioning' && p.percent !== undefined && p.percent > 0 && p.percent < 100)).toBe(true)
    expect(progress.at(-1)).toMatchObject({ phase: 'ready', percent: 100 })
    expect(v5Hits(emu)).toBe(0)
  })

  it('a second create with the same name adopts: exactly one instance in the emulator', async () => {
    const { client, groupId, emu } = await setup()
    const first = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    const again = await createOrAdoptGen2Instance(clientFor(emu), gen2Request(groupId))
    const both = await Promise.all([createOrAdoptGen2Instance(client, gen2Request(groupId, 'g2-b')), createOrAdoptGen2Instance(client, gen2Request(groupId, 'g2-b'))])
    expect(again.adopted).toBe(true)
    expect(again.instance.guid).toBe(first.instance.guid)
    expect(both[0].instance.guid).toBe(both[1].instance.guid)
    expect(emu.state.counters.instancesCreated).toBe(2)
    expect([...emu.state.instances.values()].filter((i) => i.name === 'redis-gen2-01')).toHaveLength(1)
  })

  it('adopting recognises Gen 2 from resource_plan_id (the CRN has the Gen 1 form) and never takes the other generation', async () => {
    const { client, groupId, emu } = await setup()
    const g2 = await createOrAdoptGen2Instance(client, gen2Request(groupId, 'shared-name'))
    expect(g2.instance.id).toMatch(/^crn:v1:bluemix:public:databases-for-redis:eu-de:a\/[0-9a-f]+:[0-9a-f-]+::$/)
    const adopted = await createOrAdoptGen2Instance(clientFor(emu), gen2Request(groupId, 'shared-name'))
    expect(adopted).toMatchObject({ adopted: true, instance: { generation: 'gen2', guid: g2.instance.guid } })
    // A Gen 1 create of that name in that region and group is refused, not adopted, and creates nothing.
    const asGen1 = await failureOf(createOrAdoptInstance(client, { ...redisRequest(groupId, 'shared-name'), region: 'eu-de' }))
    expect(asGen1.code).toBe('ibm_conflict')
    expect(asGen1.message).toMatch(/already exists in eu-de .* but it is Gen 2/)
    // And a Gen 2 create where a Gen 1 instance has the name.
    await createOrAdoptInstance(client, { ...redisRequest(groupId, 'gen1-name'), region: 'eu-de' })
    const asGen2 = await failureOf(createOrAdoptGen2Instance(client, gen2Request(groupId, 'gen1-name')))
    expect(asGen2.code).toBe('ibm_conflict')
    expect(asGen2.message).toMatch(/but it is Gen 1/)
    expect(emu.state.counters.instancesCreated).toBe(2)
  })

  it('a create whose answer is lost (created, then 500) adopts instead of sending it twice', async () => {
    const { client, groupId, emu } = await setup({ faults: [{ route: 'rc.instances.create', kind: 'lost_answer' }] })
    const r = await createOrAdoptGen2Instance(client, gen2Request(groupId), { retryDelayMs: 10 })
    expect(r).toMatchObject({ adopted: true, instance: { generation: 'gen2' } })
    expect(emu.state.counters.instancesCreated).toBe(1)
  })

  it('429 and 5xx during the wait are retried and the wait completes', async () => {
    const { client, groupId, emu } = await setup()
    const { instance } = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    emu.faults.add({ route: 'rc.instances.get', kind: 'rate_limited', retryAfterSeconds: 0, times: 3 })
    emu.faults.add({ route: 'rc.instances.get', kind: 'server_error', times: 9, after: 2 })
    const progress: ProvisionProgress[] = []
    const ready = await waitUntilGen2Ready(client, instance.id, fast(progress))
    expect(ready.instance.state).toBe('active')
    expect(emu.faults.pending()).toBe(0)
    expect(progress.some((p) => /still waiting/.test(p.description ?? ''))).toBe(true)
  })

  it('a token that expires mid-wait (401) is replaced and the wait completes', async () => {
    // The server drops tokens after 150 ms while they still claim an hour: the client only learns from the 401.
    const { client, groupId, emu } = await setup({ tokenLifetimeMs: 150, provisioningMs: 700 })
    const { instance } = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    const before = emu.state.counters.tokensIssued
    const ready = await waitUntilGen2Ready(client, instance.id, { pollIntervalMs: 100, maxPollIntervalMs: 100 })
    expect(ready.instance.state).toBe('active')
    expect(emu.state.counters.tokensIssued).toBeGreaterThan(before + 1)
  })

  it('a 401 answered by the Resource Controller in the middle of the wait signs in again', async () => {
    const { client, groupId, emu } = await setup()
    const { instance } = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    emu.faults.add({ route: 'rc.instances.get', kind: 'expired_token', after: 2 })
    const before = emu.state.counters.tokensIssued
    const ready = await waitUntilGen2Ready(client, instance.id, fast())
    expect(ready.instance.state).toBe('active')
    expect(emu.state.counters.tokensIssued).toBe(before + 1)
    expect(emu.faults.pending()).toBe(0)
  })

  it('extensions arriving some reads after active: the wait keeps polling until the connection shows', async () => {
    const { client, groupId, emu } = await setup({ gen2ExtensionsAfterReads: 3, provisioningMs: 200 })
    const { instance } = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    const progress: ProvisionProgress[] = []
    const { endpoint } = await waitUntilGen2Ready(client, instance.id, fast(progress))
    expect(endpoint.port).toBe(6379)
    const waitingForExtensions = progress.filter((p) => p.phase === 'waiting_for_database' && /extensions have not arrived/.test(p.description ?? ''))
    expect(waitingForExtensions.length).toBe(3)
    expect(emu.state.findInstance(instance.id)!.activeReads).toBe(4)
  })

  it('extensions that never arrive end the wait with ibm_timeout at the overall limit, not a hang', async () => {
    const { client, groupId } = await setup({ gen2ExtensionsAfterReads: 1_000_000, provisioningMs: 100 })
    const { instance } = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    const f = await failureOf(waitUntilGen2Ready(client, instance.id, { ...fast(), timeoutMs: 500 }))
    expect(f.code).toBe('ibm_timeout')
  })

  it('invalid parameters are refused by the broker, its words surfaced, nothing created', async () => {
    const { client, groupId, emu } = await setup()
    const flavor = await failureOf(createOrAdoptGen2Instance(client, { ...gen2Request(groupId), hostFlavor: 'bx9.4x16' }))
    expect(flavor.code).toBe('ibm_bad_request')
    expect(flavor.message).toMatch(/The broker for 'Databases for Redis' service returned error, \[400, Bad Request\] invalid host_flavor 'bx9\.4x16'/)
    const version = await failureOf(createOrAdoptGen2Instance(client, { ...gen2Request(groupId), version: '9.0' }))
    expect(version.message).toMatch(/invalid version '9\.0', allowed values: 8\.2/)
    const region = await failureOf(createOrAdoptGen2Instance(client, { ...gen2Request(groupId), region: 'eu-gb' }))
    expect(region.code).toBe('ibm_bad_request')
    expect(region.message).toMatch(/no deployment found for service plan databases-for-redis-gen2-standard at location eu-gb/)
    expect(emu.state.counters.instancesCreated).toBe(0)
  })

  it('UNVERIFIED create shapes: a broker demanding $schema and service_endpoints gets them on the retry after its 400', async () => {
    const { client, groupId, emu } = await setup({ gen2Requires: ['$schema', 'service_endpoints'] })
    const r = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    expect(r.adopted).toBe(false)
    expect(emu.state.findInstance(r.instance.id)!.parameters).toMatchObject({ service_endpoints: 'private', dataservices: { $schema: { version: '1.0.0' } } })
    expect(emu.state.counters.instancesCreated).toBe(1)
  })

  it('provisioning that ends failed is ibm_provisioning_failed with the broker words', async () => {
    const { client, groupId } = await setup({ faults: [{ route: 'rc.instances.create', kind: 'provisioning_failed' }] })
    const { instance } = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    const f = await failureOf(waitUntilGen2Ready(client, instance.id, fast()))
    expect(f.code).toBe('ibm_provisioning_failed')
    expect(f.message).toMatch(/Provision failed/)
  })

  it('a Gen 2 instance has no Cloud Databases v5 deployment: v5 answers 404 (which the client reads as the wrong region)', async () => {
    const { client, groupId } = await setup()
    const { instance } = await createOrAdoptGen2Instance(client, gen2Request(groupId))
    await waitUntilGen2Ready(client, instance.id, fast())
    const f = await failureOf(getDeployment(client, instance.id))
    expect(f.code).toBe('ibm_wrong_region')
    expect(f.detail).toMatch(/HTTP 404/)
  })
})
