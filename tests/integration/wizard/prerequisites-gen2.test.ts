import { afterEach, describe, expect, it } from 'vitest'
import { useTestKeyring } from '../../support/keyring'
import { startRig, type Rig } from '../../support/wizard/support'

/** The wizard's prerequisites step for Gen 2 (generation + region in the re-check input), against the emulator. */
describe('setup wizard: Gen 2 prerequisites', () => {
  const keyring = useTestKeyring()
  let rig: Rig | undefined
  afterEach(async () => {
    await rig?.close()
    rig = undefined
  })

  it('no VPC in the region blocks the step naming the fix; once a VPC with a subnet exists, a plain re-check (as last time) passes — VRF off does not matter', async () => {
    rig = await startRig(keyring(), { backend: 'fake', account: { vrfEnabled: false, serviceEndpointEnabled: false }, vpcs: [] })
    const job = rig.wizard.job
    await job.account({ source: 'environment' })

    const blocked = await job.checkPrerequisites({ generation: 'gen2', region: 'us-south' })
    expect(blocked.steps.prerequisites.status).toBe('blocked')
    expect(blocked.steps.prerequisites.error).toMatchObject({
      code: 'wizard_vpc_missing',
      message: expect.stringMatching(/^Gen 2 is reached only from a VPC in us-south, and there is none\./),
      detail: 'ibmcloud target -r us-south && ibmcloud is vpc-create redis-vpc'
    })
    expect(blocked.prerequisites).toMatchObject({ generation: 'gen2', region: 'us-south', supportCaseText: null })
    expect(blocked.prerequisites?.items.map((i) => [i.id, i.ok])).toEqual([
      ['api_key', true],
      ['account', true],
      ['gen2_catalog', true],
      ['vpc', false],
      ['subnet', false],
      ['iam_roles', null]
    ])

    const vpc = rig.sandbox.emulator.vpc.addVpc({ region: 'us-south', name: 'app-vpc', zones: 0 })
    const noSubnet = await job.checkPrerequisites({})
    expect(noSubnet.prerequisites).toMatchObject({ generation: 'gen2', region: 'us-south' })
    expect(noSubnet.steps.prerequisites.error).toMatchObject({ code: 'wizard_vpc_missing', detail: expect.stringContaining('ibmcloud is subnet-create app-vpc-subnet-1 app-vpc --zone us-south-1') })

    rig.sandbox.emulator.vpc.subnets.push({ id: 'r006-subnet-1', name: 'app-subnet', cidr: '10.250.0.0/24', zone: 'us-south-1', vpcId: vpc.id, nextHost: 4 })
    const ok = await job.checkPrerequisites({})
    expect(ok.steps.prerequisites).toMatchObject({ status: 'done', error: null })
    expect(ok.prerequisites?.items.find((i) => i.id === 'subnet')).toMatchObject({ ok: true, detail: 'app-vpc: app-subnet (us-south-1, 10.250.0.0/24)' })
    // The unknown IAM roles do not stop the wizard, and say so.
    expect(ok.prerequisites?.ok).toBe(false)
    expect(ok.prerequisites?.items.find((i) => i.id === 'iam_roles')?.ok).toBe(null)
  })

  it('a region without a Gen 2 deployment blocks; Gen 2 without any region is refused; Gen 1 is still the default', async () => {
    rig = await startRig(keyring(), { backend: 'fake', gen2Regions: ['ca-mon'] })
    const job = rig.wizard.job
    await job.account({ source: 'environment' })
    const gen1 = await job.checkPrerequisites()
    expect(gen1.prerequisites).toMatchObject({ generation: 'gen1', region: null })
    expect(gen1.prerequisites?.items.map((i) => i.id)).toContain('vrf')

    const noRegion = await job.checkPrerequisites({ generation: 'gen2' }).catch((e: { code: string; message: string }) => e)
    expect(noRegion).toMatchObject({ code: 'not_ready', message: expect.stringMatching(/Choose the region for Gen 2 first/) })

    const notOffered = await job.checkPrerequisites({ generation: 'gen2', region: 'jp-tok' })
    expect(notOffered.steps.prerequisites).toMatchObject({ status: 'blocked', error: { code: 'wizard_gen2_not_offered', message: expect.stringMatching(/only in ca-mon, not in jp-tok/) } })
  })
})
