import { afterEach, describe, expect, it } from 'vitest'
import { createOrAdoptInstance } from '../../../src/main/ibmcloud/provisioning'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import { clientFor, redisRequest, startEmulator } from '../../support/ibmcloud/support'

/** The worst bug this app could have is a second, paid instance. */
describe('create instance never makes a duplicate', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.close()
    emu = undefined
  })

  const setup = async (options: Parameters<typeof startEmulator>[0] = {}) => {
    emu = await startEmulator(options)
    const client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    return { client, groupId, emu }
  }

  it('a repeated call adopts the instance made by the first', async () => {
    const { client, groupId, emu } = await setup()
    const first = await createOrAdoptInstance(client, redisRequest(groupId))
    const second = await createOrAdoptInstance(client, redisRequest(groupId))
    expect(first.adopted).toBe(false)
    expect(second.adopted).toBe(true)
    expect(second.instance.guid).toBe(first.instance.guid)
    expect(emu.state.counters.instancesCreated).toBe(1)
  })

  it('a second client (another app run) adopts it too', async () => {
    const { client, groupId, emu } = await setup()
    await createOrAdoptInstance(client, redisRequest(groupId))
    const other = await createOrAdoptInstance(clientFor(emu), redisRequest(groupId))
    expect(other.adopted).toBe(true)
    expect(emu.state.counters.instancesCreated).toBe(1)
  })

  it('concurrent calls (double click) make one instance', async () => {
    const { client, groupId, emu } = await setup()
    const results = await Promise.all([createOrAdoptInstance(client, redisRequest(groupId)), createOrAdoptInstance(client, redisRequest(groupId))])
    expect(results[0].instance.guid).toBe(results[1].instance.guid)
    expect(emu.state.counters.instancesCreated).toBe(1)
  })

  it('a create whose answer is lost (created, then 500) is not sent twice', async () => {
    const { client, groupId, emu } = await setup({ faults: [{ route: 'rc.instances.create', kind: 'lost_answer' }] })
    const r = await createOrAdoptInstance(client, redisRequest(groupId), { retryDelayMs: 10 })
    expect(r.adopted).toBe(true)
    expect(emu.state.counters.instancesCreated).toBe(1)
  })

  it('a create whose connection drops before the server acts is retried and creates exactly one', async () => {
    const { client, groupId, emu } = await setup({ faults: [{ route: 'rc.instances.create', kind: 'reset' }] })
    const r = await createOrAdoptInstance(client, redisRequest(groupId), { retryDelayMs: 10 })
    expect(r.adopted).toBe(false)
    expect(emu.state.counters.instancesCreated).toBe(1)
  })

  it('the same name in another region or resource group is a different instance', async () => {
    const { client, groupId, emu } = await setup()
    const otherGroup = emu.state.resourceGroups[1].id
    await createOrAdoptInstance(client, redisRequest(groupId))
    const elsewhere = await createOrAdoptInstance(client, { ...redisRequest(groupId), region: 'us-south' })
    const otherRg = await createOrAdoptInstance(client, redisRequest(otherGroup))
    expect(elsewhere.adopted).toBe(false)
    expect(otherRg.adopted).toBe(false)
    expect(emu.state.counters.instancesCreated).toBe(3)
  })

  it('adoption still works with a page size of 1', async () => {
    const { client, groupId, emu } = await setup({ pageSize: 1 })
    for (const n of ['a-1', 'a-2', 'a-3']) await createOrAdoptInstance(client, redisRequest(groupId, n))
    const again = await createOrAdoptInstance(client, redisRequest(groupId, 'a-3'))
    expect(again.adopted).toBe(true)
    expect(emu.state.counters.instancesCreated).toBe(3)
  })
})
