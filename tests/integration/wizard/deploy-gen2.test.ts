import { afterEach, describe, expect, it } from 'vitest'
import type { DeployForm, WizardState } from '../../../src/shared/schemas/wizard'
import { useTestKeyring } from '../../support/keyring'
import { startRig, type Rig } from '../../support/wizard/support'

type RigOptions = Parameters<typeof startRig>[1]

/** The wizard's deploy and wait for Gen 2 through the real clients against the emulator (Resource Controller only). */
describe('setup wizard: Gen 2 deploy and wait', () => {
  const keyring = useTestKeyring()
  let rig: Rig | undefined
  afterEach(async () => {
    await rig?.close()
    rig = undefined
  })

  /** Signed in, prerequisites checked for Gen 2 in the region; the options' defaults (Gen 2) with this name. */
  const upToGen2Deploy = async (options: RigOptions = {}, name = 'redis-g2', region = 'jp-tok') => {
    rig = await startRig(keyring(), { backend: 'fake', ...options })
    const job = rig.wizard.job
    await job.account({ source: 'environment' })
    const checked = await job.checkPrerequisites({ generation: 'gen2', region })
    expect(checked.steps.prerequisites.status).toBe('done')
    const options2 = await job.options()
    return { job, options: options2, form: { ...options2.defaults, name } as DeployForm }
  }
  /** Cloud Databases v5 requests so far (the options read Gen 1's regions and versions; a Gen 2 deploy and wait must add none). */
  const v5Hits = (r: Rig) => [...r.sandbox.emulator.hits].filter(([id]) => id.startsWith('cdb.')).reduce((n, [, c]) => n + c, 0)
  const live = (r: Rig) => [...r.sandbox.emulator.state.instances.values()].filter((i) => i.state !== 'removed')

  it('options follow step 2 (Gen 2 in jp-tok): flavors, 8.2, the VPC and one subnet per zone; create + wait through the RC only', async () => {
    const { job, options, form } = await upToGen2Deploy()
    expect(options.generations).toEqual([
      expect.objectContaining({ id: 'gen1', available: true, reasonCode: null }),
      expect.objectContaining({ id: 'gen2', available: true, reasonCode: null })
    ])
    expect(options.gen2HostFlavors).toContain('bx3d.4x20')
    expect(options.gen2HostFlavors).not.toContain('multitenant')
    expect(options.gen2Versions.map((v) => v.version)).toEqual(['8.2'])
    const vpc = options.vpcs.find((v) => v.name === 'sandbox-vpc')!
    expect(vpc.subnets.length).toBeGreaterThan(0)
    expect(vpc.securityGroups.length).toBeGreaterThan(0)
    const zones = new Set(vpc.subnets.map((s) => s.zone))
    expect(form).toMatchObject({ generation: 'gen2', region: 'jp-tok', gen2HostFlavor: 'bx3d.4x20', vpcId: vpc.id, version: '8.2', serviceEndpoints: 'private' })
    expect(form.subnetIds).toHaveLength(zones.size)

    const v5Before = v5Hits(rig!)
    const deployed = await job.deploy({ mode: 'create', form: { ...form, storageGbPerMember: 20 }, confirm: true })
    expect(deployed.steps.deploy.status).toBe('done')
    expect(deployed.instance).toMatchObject({ name: 'redis-g2', generation: 'gen2', adopted: false, serviceEndpoints: 'private' })
    expect(deployed.cli.deploy[0].command).toMatch(/^ibmcloud resource service-instance-create redis-g2 databases-for-redis standard-gen2 jp-tok -g \S+ -p '\{"dataservices":\{"redis":\{"host_flavor":"bx3d.4x20","members":2,"storage_gb":20,"version":"8.2"\}\}\}'$/)
    expect(deployed.cli.wait.map((c) => c.command)).toEqual(["ibmcloud resource service-instance redis-g2 --output json"])
    const record = rig!.sandbox.emulator.state.findInstance(deployed.instance!.id)!
    expect(record.parameters).toEqual({ dataservices: { redis: { host_flavor: 'bx3d.4x20', members: 2, storage_gb: 20, version: '8.2' } } })

    const done = await job.idle()
    expect(done.steps.wait).toMatchObject({ status: 'done', error: null })
    expect(done.instance).toMatchObject({ state: 'active', generation: 'gen2' })
    expect(done.provisioning).toMatchObject({ phase: 'ready', percent: 100 })
    // IBM's own words and a percent were shown on the way.
    expect(rig!.changes.some((s) => s.provisioning?.text === 'Provision in progress')).toBe(true)
    expect(rig!.changes.some((s) => /Provisioning redis with version 8\.2 \(\d+%\)/.test(s.provisioning?.text ?? '') && (s.provisioning?.percent ?? 0) > 0)).toBe(true)
    // The form (with its VPC and subnets) is kept for the steps after.
    expect(done.deploy?.form).toMatchObject({ vpcId: vpc.id, subnetIds: form.subnetIds })
    expect(v5Hits(rig!)).toBe(v5Before)
  })

  it('a region without a VPC, or an unreadable catalog, makes Gen 2 unavailable with its reason — Gen 1 keeps its options', async () => {
    const { job } = await upToGen2Deploy({ vpcs: [{ region: 'jp-tok', name: 'app-vpc' }] })
    const euDe = await job.options('eu-de')
    expect(euDe.generations.find((g) => g.id === 'gen2')).toMatchObject({ available: false, reasonCode: 'gen2NoVpcInRegion', reasonParams: { region: 'eu-de' }, reason: expect.stringMatching(/VPC in eu-de/) })
    expect(euDe.generations.find((g) => g.id === 'gen1')).toMatchObject({ available: true })
    expect(euDe.defaults.generation).toBe('gen1')
    expect(euDe.versions.length).toBeGreaterThan(0)

    rig!.sandbox.emulator.catalog.gen2Regions = ['ca-mon']
    const notOffered = await job.options('jp-tok')
    expect(notOffered.generations.find((g) => g.id === 'gen2')).toMatchObject({ available: false, reasonCode: 'gen2NotInRegion', reasonParams: { region: 'jp-tok', offered: 'ca-mon' } })
    // ca-mon (Gen 2 only) is offered as a region; there Gen 1 is not.
    expect(notOffered.regions.map((r) => r.id)).toContain('ca-mon')
    const caMon = await job.options('ca-mon')
    expect(caMon.generations.find((g) => g.id === 'gen1')).toMatchObject({ available: false, reasonCode: 'gen1NotInRegion' })
    expect(caMon.versions).toEqual([])

    rig!.sandbox.emulator.faults.add({ route: 'catalog.children', kind: 'forbidden', times: Infinity })
    const unreadable = await job.options('jp-tok')
    expect(unreadable.generations.find((g) => g.id === 'gen2')).toMatchObject({ available: false, reasonCode: 'gen2Unreadable' })
    expect(unreadable.generations.find((g) => g.id === 'gen1')).toMatchObject({ available: true })
    expect(unreadable.versions.length).toBeGreaterThan(0)
  })

  it('the same name again adopts the Gen 2 instance; adopt mode takes its generation from resource_plan_id; a Gen 1 create of that name is refused', async () => {
    const { job, form } = await upToGen2Deploy({}, 'shared-name')
    const v5Before = v5Hits(rig!)
    const first = await job.deploy({ mode: 'create', form, confirm: true })
    await job.idle()
    await job.goTo('deploy')
    const again = await job.deploy({ mode: 'create', form, confirm: true })
    expect(again.instance).toMatchObject({ id: first.instance!.id, adopted: true, generation: 'gen2' })
    expect((await job.idle()).steps.wait.status).toBe('done')

    await job.goTo('deploy')
    const adopted = await job.deploy({ mode: 'adopt', instanceId: first.instance!.id })
    expect(adopted.instance).toMatchObject({ adopted: true, generation: 'gen2' })
    expect(adopted.deploy).toEqual({ mode: 'adopt', form: null })
    expect((await job.idle()).steps.wait.status).toBe('done')
    // Adopted with the VPC it is reached from: step 6 finds it in the deploy form and puts the VPE there.
    await job.goTo('deploy')
    const withVpc = await job.deploy({ mode: 'adopt', instanceId: first.instance!.id, vpcId: form.vpcId!, subnetIds: form.subnetIds })
    expect(withVpc.deploy).toMatchObject({ mode: 'adopt', form: { generation: 'gen2', name: 'shared-name', region: 'jp-tok', vpcId: form.vpcId, subnetIds: form.subnetIds } })
    expect(withVpc.cli.deploy.map((c) => c.id)).toEqual(['instances_list'])
    expect((await job.idle()).steps.wait.status).toBe('done')
    expect((await job.createCredentials()).steps.password.status).toBe('done')
    const connected = await job.fetchConnection({ createSecurityGroup: true })
    expect(connected.steps.connection).toMatchObject({ status: 'done', error: null })
    expect(connected.vpe).toMatchObject({ vpcId: form.vpcId, lifecycleState: 'stable' })

    await job.goTo('deploy')
    const asGen1 = await job.deploy({ mode: 'create', form: { ...form, generation: 'gen1', vpcId: null, subnetIds: [], gen2HostFlavor: null }, confirm: true })
    expect(asGen1.steps.deploy).toMatchObject({ status: 'failed', error: { code: 'ibm_conflict', message: expect.stringMatching(/but it is Gen 2/) } })
    expect(rig!.sandbox.emulator.state.counters.instancesCreated).toBe(1)
    expect(v5Hits(rig!)).toBe(v5Before)
  })

  it('a Gen 2 create where a Gen 1 instance has the name is refused and creates nothing', async () => {
    rig = await startRig(keyring(), { backend: 'fake' })
    const job = rig.wizard.job
    await job.account({ source: 'environment' })
    await job.checkPrerequisites()
    const gen1 = { ...(await job.options('jp-tok')).defaults, name: 'taken' }
    expect(gen1.generation).toBe('gen1')
    await job.deploy({ mode: 'create', form: gen1, confirm: true })
    await job.idle()
    await job.goTo('prerequisites')
    await job.checkPrerequisites({ generation: 'gen2', region: 'jp-tok' })
    const g2 = { ...(await job.options('jp-tok')).defaults, name: 'taken' }
    expect(g2.generation).toBe('gen2')
    const refused = await job.deploy({ mode: 'create', form: g2, confirm: true })
    expect(refused.steps.deploy).toMatchObject({ status: 'failed', error: { code: 'ibm_conflict', message: expect.stringMatching(/but it is Gen 1/) } })
    expect(rig.sandbox.emulator.state.counters.instancesCreated).toBe(1)
  })

  it('a create whose answer is lost (made, then 500) adopts it: exactly one instance', async () => {
    const { job, form } = await upToGen2Deploy({ faults: [{ route: 'rc.instances.create', kind: 'lost_answer' }] })
    const state = await job.deploy({ mode: 'create', form, confirm: true })
    expect(state.steps.deploy.status).toBe('done')
    expect(state.instance).toMatchObject({ adopted: true, generation: 'gen2' })
    expect((await job.idle()).steps.wait.status).toBe('done')
    expect(rig!.sandbox.emulator.state.counters.instancesCreated).toBe(1)
    expect(live(rig!)).toHaveLength(1)
  })

  it('401 mid-wait signs in again; 429 and 5xx are sat out with a notice naming the code; late extensions are awaited', async () => {
    const { job, form } = await upToGen2Deploy({ gen2ExtensionsAfterReads: 3, provisioningMs: 800 })
    const emu = rig!.sandbox.emulator
    emu.faults.add({ route: 'rc.instances.get', kind: 'expired_token', after: 1 })
    emu.faults.add({ route: 'rc.instances.get', kind: 'rate_limited', times: 14, retryAfterSeconds: 0, after: 2 })
    emu.faults.add({ route: 'rc.instances.get', kind: 'server_error', times: 2, after: 3 })
    const tokens = emu.state.counters.tokensIssued
    const v5Before = v5Hits(rig!)
    await job.deploy({ mode: 'create', form, confirm: true })
    const state = await job.idle()
    expect(state.steps.wait).toMatchObject({ status: 'done', error: null })
    expect(emu.faults.pending()).toBe(0)
    expect(emu.state.counters.tokensIssued).toBeGreaterThan(tokens)
    const notices = rig!.changes.map((s) => s.provisioning?.noticeCode).filter(Boolean)
    expect(notices).toContain('ibm_rate_limited')
    expect(rig!.changes.some((s) => /extensions have not arrived/.test(s.provisioning?.text ?? ''))).toBe(true)
    expect(state.provisioning?.notice).toBeNull()
    expect(v5Hits(rig!)).toBe(v5Before)
  })

  it('the app closing mid-wait: the Gen 2 wait resumes on the next start on the same instance', async () => {
    const { job, form } = await upToGen2Deploy({ provisioningMs: 2_000 })
    const v5Before = v5Hits(rig!)
    await job.deploy({ mode: 'create', form, confirm: true })
    expect(job.state().steps.wait.status).toBe('running')
    await rig!.wizard.close()
    const again = await rig!.restart()
    const resumed: WizardState = again.job.state()
    expect(resumed.steps.wait.status).toBe('running')
    const state = await again.job.idle()
    expect(state.steps.wait.status).toBe('done')
    expect(state.instance?.generation).toBe('gen2')
    expect(rig!.sandbox.emulator.state.counters.instancesCreated).toBe(1)
    expect(v5Hits(rig!)).toBe(v5Before)
  })
})
