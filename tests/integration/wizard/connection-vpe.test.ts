import { afterEach, describe, expect, it } from 'vitest'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import { createOrAdoptGen2Instance, waitUntilGen2Ready } from '../../../src/main/ibmcloud/provisioning-gen2'
import * as m from '../../../src/main/wizard/machine'
import { WizardStateStore } from '../../../src/main/wizard/state-store'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import type { FaultSpec } from '../../../src/main/sandbox/emulator/faults'
import { defaultDeployForm, type WizardState } from '../../../src/shared/schemas/wizard'
import { useTestKeyring } from '../../support/keyring'
import { clientFor, gen2Request } from '../../support/ibmcloud/support'
import { startRig, upToDeploy, type Rig } from '../../support/wizard/support'

const REGION = 'eu-de'

/** A real Gen 2 instance in the emulator, and the wizard's state at step 6 for it (the Gen 2 deploy and key steps are other parts). */
async function gen2AtConnection(rig: Rig, form: { subnetIds?: string[] } = {}): Promise<{ state: WizardState; vpcId: string; port: number }> {
  const emu = rig.sandbox.emulator
  const client = clientFor(emu, { apiKey: rig.env.IBMCLOUD_API_KEY })
  const groupId = (await listResourceGroups(client))[0].id
  const { instance } = await createOrAdoptGen2Instance(client, gen2Request(groupId, 'Redis-Gen2-01'))
  const { endpoint } = await waitUntilGen2Ready(client, instance.id, { pollIntervalMs: 100, maxPollIntervalMs: 100 })
  const vpcId = emu.vpc.vpcs.find((v) => v.region === REGION)!.id
  const s = m.initialState({ sandbox: true })
  const done = { status: 'done' as const, error: null, updatedAt: s.createdAt }
  const state: WizardState = {
    ...s,
    current: 'connection',
    steps: { ...s.steps, account: done, prerequisites: done, deploy: done, wait: done, password: done, connection: { ...done, status: 'ready' } },
    account: { source: 'environment', info: { accountId: emu.state.account.id, accountName: 'Sandbox' } },
    deploy: {
      mode: 'create',
      form: defaultDeployForm({ name: instance.name, region: REGION, generation: 'gen2', gen2HostFlavor: 'bx3d.4x20', vpcId, subnetIds: form.subnetIds ?? [], resourceGroupId: groupId })
    },
    instance: { id: instance.id, guid: instance.guid, name: instance.name, region: REGION, resourceGroupId: groupId, serviceEndpoints: 'private', state: 'active', adopted: false, generation: 'gen2' }
  }
  await new WizardStateStore(rig.dataDir).save(state)
  // The port the extensions show (6379 at IBM; the sandbox's real deployment listens on a loopback port).
  return { state, vpcId, port: endpoint.port }
}

const gatewaysOf = (emu: Emulator, crn: string) => emu.vpc.gateways.filter((g) => g.targetCrn === crn && g.state !== 'deleting')

/** Step 6 with the VPE gateway, through the real clients against the emulator's VPC API. */
describe('setup wizard step 6: the VPE gateway', () => {
  const keyring = useTestKeyring()
  let rig: Rig | undefined
  afterEach(async () => {
    await rig?.close()
    rig = undefined
  })

  const start = (o: { faults?: FaultSpec[]; tokenLifetimeMs?: number; gatewayMs?: number } = {}) =>
    startRig(keyring(), { gatewayMs: 500, vpcs: [{ region: REGION, name: 'app-vpc' }, { region: 'jp-tok', name: 'tok-vpc' }], ...o })

  it('Gen 2: the domain from the extensions, a security group created on consent, one gateway per zone pending → stable', async () => {
    rig = await start()
    const { state, vpcId, port } = await gen2AtConnection(rig)
    const wizard = await rig.restart()
    const after = await wizard.handlers['wizard.fetchConnection']({ createSecurityGroup: true }, { signal: new AbortController().signal })
    expect(after.steps.connection).toMatchObject({ status: 'done', error: null })
    const host = after.connections.private!.hostname
    expect(host).toBe(`${state.instance!.guid}.private.uhp.redis.${REGION}.dataservices.appdomain.cloud`)
    expect(after.connections.private).toMatchObject({ port, servername: host, caPem: '', username: '' })
    expect(after.vpe).toMatchObject({ vpcId, name: 'redis-gen2-01-vpe', reused: false, createdSecurityGroup: true, lifecycleState: 'stable', hostname: host, port })
    expect(after.vpe!.ips.map((ip) => ip.zone)).toEqual(['eu-de-1', 'eu-de-2', 'eu-de-3'])
    expect(after.vpe!.ips.every((ip) => /^10\.\d+\.\d+\.\d+$/.test(ip.address) && ip.address !== '0.0.0.0')).toBe(true)
    const states = rig.changes.map((c) => c.vpe?.lifecycleState).filter((x, i, xs) => x && x !== xs[i - 1])
    expect(states).toEqual(['pending', 'stable'])
    const emu = rig.sandbox.emulator
    const [gateway] = gatewaysOf(emu, state.instance!.id)
    const group = emu.vpc.securityGroups.find((g) => g.id === after.vpe!.securityGroupId)!
    expect(gateway.securityGroupIds).toEqual([group.id])
    expect(group.name).toBe('redis-gen2-01-vpe-sg')
    expect(group.rules.map((r) => [r.direction, r.protocol, r.port_min, r.port_max, r.remote.cidr_block])).toEqual(
      emu.vpc.subnets.filter((s) => s.vpcId === vpcId).map((s) => ['inbound', 'tcp', port, port, s.cidr])
    )
    expect(after.cli.connection.map((c) => c.id)).toEqual(['gen2_connection', 'vpe_sg_create', 'vpe_sg_rule', 'vpe_sg_rule', 'vpe_sg_rule', 'vpe_create', 'vpe_show'])
  })

  it('reuses a gateway that already targets the instance; without a security group choice a new one is refused and nothing is created', async () => {
    rig = await start()
    const { state, vpcId, port } = await gen2AtConnection(rig, {})
    const wizard = await rig.restart()
    const refused = await wizard.job.fetchConnection({})
    expect(refused.steps.connection.error).toMatchObject({ code: 'wizard_vpe_security_group_needed', params: { say: 'vpeSecurityGroupNeeded' } })
    expect(refused.connections.private?.port).toBe(port)
    expect(refused.steps.connection.error?.params?.port).toBe(port)
    const emu = rig.sandbox.emulator
    expect(emu.vpc.gateways).toHaveLength(0)
    expect(emu.vpc.securityGroups.filter((g) => g.vpcId === vpcId)).toHaveLength(1)
    // Someone made the gateway meanwhile (the console): it is found by its target and reused, no group asked.
    const token = await clientFor(emu, { apiKey: rig.env.IBMCLOUD_API_KEY }).auth.accessToken()
    const subnet = emu.vpc.subnets.find((s) => s.vpcId === vpcId)!
    const made = await fetch(`${emu.url}/vpc/${REGION}/v1/endpoint_gateways?version=2026-03-24&generation=2`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'console-vpe', target: { crn: state.instance!.id, resource_type: 'provider_cloud_service' }, vpc: { id: vpcId }, ips: [{ subnet: { id: subnet.id } }] })
    })
    expect(made.status).toBe(201)
    const reused = await wizard.job.fetchConnection({})
    expect(reused.steps.connection.status).toBe('done')
    expect(reused.vpe).toMatchObject({ name: 'console-vpe', reused: true, createdSecurityGroup: false, lifecycleState: 'stable' })
    expect(reused.vpe!.ips).toEqual([{ address: expect.stringMatching(/^10\./), zone: subnet.zone, subnetId: subnet.id }])
    expect(gatewaysOf(emu, state.instance!.id)).toHaveLength(1)
  })

  it('a gateway that ends failed fails the step clearly; the retry deletes it and ends with exactly one gateway', async () => {
    rig = await start({ faults: [{ route: 'vpc.gateways.create', kind: 'vpe_failed' }] })
    const { state } = await gen2AtConnection(rig)
    const wizard = await rig.restart()
    const failed = await wizard.job.fetchConnection({ createSecurityGroup: true })
    expect(failed.steps.connection.error).toMatchObject({ code: 'ibm_vpe_failed', params: { say: 'vpeFailed' } })
    expect(failed.steps.connection.error?.message).toMatch(/failed state.*internal error.*deletes the failed gateway/)
    expect(failed.vpe).toMatchObject({ lifecycleState: 'failed' })
    const emu = rig.sandbox.emulator
    const first = emu.vpc.gateways[0].id
    const retried = await wizard.job.fetchConnection({ createSecurityGroup: true })
    expect(retried.steps.connection.status).toBe('done')
    expect(retried.vpe).toMatchObject({ lifecycleState: 'stable', createdSecurityGroup: false })
    expect(retried.vpe!.gatewayId).not.toBe(first)
    expect(gatewaysOf(emu, state.instance!.id).map((g) => g.id)).toEqual([retried.vpe!.gatewayId])
    // The group made on the first try was found again, not made twice.
    expect(emu.vpc.securityGroups.filter((g) => g.name === 'redis-gen2-01-vpe-sg')).toHaveLength(1)
  })

  it('429, 5xx and an expired token while waiting for the gateway are absorbed', async () => {
    // The token outlives one retry run (backoff 0.5 s, 1 s) but not the gateway's wait.
    rig = await start({
      gatewayMs: 4_000,
      tokenLifetimeMs: 2_500,
      faults: [
        { route: 'vpc.gateways.get', kind: 'rate_limited', retryAfterSeconds: 0, after: 1 },
        { route: 'vpc.gateways.get', kind: 'server_error', after: 2, times: 2 }
      ]
    })
    await gen2AtConnection(rig)
    const before = rig.sandbox.emulator.state.counters.tokensIssued
    const wizard = await rig.restart()
    const after = await wizard.job.fetchConnection({ createSecurityGroup: true })
    expect(after.steps.connection).toMatchObject({ status: 'done', error: null })
    expect(after.vpe?.lifecycleState).toBe('stable')
    expect(rig.sandbox.emulator.faults.pending()).toBe(0)
    expect(rig.sandbox.emulator.state.counters.tokensIssued).toBeGreaterThan(before)
  })

  it('a restart mid-wait finds the gateway by its target: exactly one gateway', async () => {
    rig = await start()
    const { state } = await gen2AtConnection(rig)
    const first = await rig.restart()
    const running = first.job.fetchConnection({ createSecurityGroup: true })
    const emu = rig.sandbox.emulator
    await expect.poll(() => emu.vpc.gateways.length, { interval: 20, timeout: 5_000 }).toBe(1)
    await first.close()
    await running.catch(() => undefined)
    expect(emu.vpc.gateways[0].state).toBe('pending')
    const saved = await new WizardStateStore(rig.dataDir).load()
    expect(saved?.steps.connection.status).toBe('running')
    const again = await rig.restart()
    expect(again.job.state().steps.connection.status).toBe('ready')
    const after = await again.job.fetchConnection({ createSecurityGroup: true })
    expect(after.steps.connection.status).toBe('done')
    expect(gatewaysOf(emu, state.instance!.id)).toHaveLength(1)
    expect(after.vpe).toMatchObject({ gatewayId: emu.vpc.gateways[0].id, lifecycleState: 'stable' })
  })

  it('Gen 1 from a VPC: the endpoints first, then a gateway to the private endpoint on its port, on request', async () => {
    rig = await start()
    const vpcId = rig.sandbox.emulator.vpc.vpcs.find((v) => v.region === 'jp-tok')!.id
    const job = rig.wizard.job
    const form = await upToDeploy(rig)
    await job.deploy({ mode: 'create', form: { ...form, serviceEndpoints: 'public-and-private', vpcId }, confirm: true })
    expect((await job.idle()).steps.wait.status).toBe('done')
    await job.setPassword({ mode: 'generate' })
    const plain = await job.fetchConnection({})
    expect(plain.vpe).toBeNull()
    expect(rig.sandbox.emulator.vpc.gateways).toHaveLength(0)
    const priv = plain.connections.private!
    expect(priv.endpoint).toBe('private')
    const after = await job.fetchConnection({ vpe: true, createSecurityGroup: true })
    expect(after.steps.connection.status).toBe('done')
    expect(after.vpe).toMatchObject({ vpcId, port: priv.port, hostname: priv.hostname, lifecycleState: 'stable' })
    const group = rig.sandbox.emulator.vpc.securityGroups.find((g) => g.id === after.vpe!.securityGroupId)!
    expect(group.rules.every((r) => r.port_min === priv.port && r.port_max === priv.port)).toBe(true)
    expect(after.connections.public?.caPem).toMatch(/BEGIN CERTIFICATE/)
  })
})
