import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IbmCloudClient } from '../../../src/main/ibmcloud/client'
import { ensureRedisRule, ensureZone } from '../../../src/main/ibmcloud/context-based-restrictions'
import { getConnectionInfo, listAllowlist, setAdminPassword, setAllowlist } from '../../../src/main/ibmcloud/databases'
import { generatePassword } from '../../../src/main/ibmcloud/password-rules'
import { createOrAdoptInstance, waitUntilReady } from '../../../src/main/ibmcloud/provisioning'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import { probe } from '../../../src/main/redis/probe'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import type { ConnectionInfo, RedisInstance } from '../../../src/shared/schemas/ibmcloud'
import { clientFor, redisRequest, startEmulator } from '../../support/ibmcloud/support'

/**
 * The emulator enforces restrictions on its real Redis: a CBR rule or a Gen 1 allowlist admits
 * only the sources it names, once its task has completed. Everything stays on loopback: the zone
 * contents decide whether this test (connecting from 127.0.0.1) is admitted.
 */
describe('restrictions enforced on the real Redis behind the emulator', () => {
  let emu: Emulator
  let client: IbmCloudClient
  let instance: RedisInstance
  let endpoint: ConnectionInfo
  const password = generatePassword(24)

  beforeAll(async () => {
    emu = await startEmulator({ backend: 'real', provisioningMs: 300, taskMs: 150 })
    client = clientFor(emu)
    const groupId = (await listResourceGroups(client))[0].id
    const created = await createOrAdoptInstance(client, redisRequest(groupId))
    instance = await waitUntilReady(client, created.instance.id, { pollIntervalMs: 100 })
    await setAdminPassword(client, instance.id, password, { pollIntervalMs: 50 })
    endpoint = await getConnectionInfo(client, instance.id, 'private')
  })
  afterAll(async () => {
    await emu?.close()
  })

  const test = () =>
    probe({
      host: endpoint.hostname,
      port: endpoint.port,
      db: 0,
      username: 'admin',
      password,
      tls: { enabled: true, caPem: endpoint.caPem, servername: null, verifyServerCert: true },
      timeouts: { connectMs: 2_000, commandMs: 2_000 }
    })

  /** Whether a TCP connection from this loopback source stays open (the restriction closes it at once). */
  const admitsFrom = (localAddress: string) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: endpoint.port, localAddress })
      const done = (admitted: boolean) => {
        socket.destroy()
        resolve(admitted)
      }
      socket.once('connect', () => setTimeout(() => done(!socket.destroyed && socket.readyState === 'open'), 150))
      socket.once('close', () => done(false))
      socket.once('error', () => done(false))
    })

  const waitForTasks = async () => {
    const pending = () => [...emu.state.tasks.values()].some((t) => !t.applied)
    for (let i = 0; i < 100 && pending(); i++) await new Promise((r) => setTimeout(r, 30))
    expect(pending()).toBe(false)
  }

  it('admits anyone before any restriction', async () => {
    expect((await test()).ok).toBe(true)
    expect(await admitsFrom('127.0.0.2')).toBe(true)
  })

  it('a CBR rule whose zone holds only other networks locks this computer out once its task completes; its own address lets it back in', async () => {
    const accountId = emu.state.account.id
    const guid = instance.guid
    const elsewhere = await ensureZone(client, { accountId, name: 'elsewhere', description: '', addresses: [{ type: 'subnet', value: '10.0.0.0/24' }] })
    await ensureRedisRule(client, { accountId, instanceGuid: guid, zoneId: elsewhere.zone.id, description: 'only 10.0.0.0/24', enforcementMode: 'enabled' })
    expect((await test()).ok).toBe(true) // queued as a task: not in force yet
    await waitForTasks()
    const locked = await test()
    expect(locked.ok).toBe(false)
    expect(['tls_not_offered', 'unexpected_reply', 'tcp_refused']).toContain(locked.code)

    const here = await ensureZone(client, {
      accountId,
      name: 'elsewhere',
      description: '',
      addresses: [
        { type: 'subnet', value: '10.0.0.0/24' },
        { type: 'ipAddress', value: '127.0.0.1' }
      ]
    })
    expect(here.changed).toBe(true)
    await waitForTasks()
    expect((await test()).ok).toBe(true)
    expect(await admitsFrom('127.0.0.1')).toBe(true)
    expect(await admitsFrom('127.0.0.2')).toBe(false)

    await ensureRedisRule(client, { accountId, instanceGuid: guid, zoneId: here.zone.id, description: 'off', enforcementMode: 'disabled' })
    await waitForTasks()
    expect(await admitsFrom('127.0.0.2')).toBe(true)
  })

  it('a Gen 1 allowlist admits only its entries; an empty list admits anyone again', async () => {
    await setAllowlist(client, instance.id, [{ address: '10.1.1.1', description: 'app server' }], { pollIntervalMs: 50 })
    expect(await listAllowlist(client, instance.id)).toEqual([{ address: '10.1.1.1', description: 'app server' }])
    expect((await test()).ok).toBe(false)
    await setAllowlist(client, instance.id, [{ address: '127.0.0.0/30', description: 'this computer' }], { pollIntervalMs: 50 })
    expect((await test()).ok).toBe(true)
    expect(await admitsFrom('127.0.0.2')).toBe(true)
    expect(await admitsFrom('127.0.0.9')).toBe(false)
    await setAllowlist(client, instance.id, [], { pollIntervalMs: 50 })
    expect(await admitsFrom('127.0.0.9')).toBe(true)
  })
})
