import { describe, expect, it } from 'vitest'
import { defaultDeployForm, type WizardOptions } from '../../../../../src/shared/schemas/wizard'
import { refreshDraft, switchGeneration, withVpc } from '../../../../../src/renderer/src/pages/setup/deploy-defaults'
import { checkDraft, toDraft } from '../../../../../src/renderer/src/pages/setup/deploy-form'

const subnet = (id: string, zone: string) => ({ id, name: id, zone, cidr: '10.0.0.0/24' })
const vpcs = [
  { id: 'v-empty', crn: 'crn:v1:a', name: 'empty', region: 'eu-de', subnets: [], securityGroups: [] },
  { id: 'v-app', crn: 'crn:v1:b', name: 'app', region: 'eu-de', subnets: [subnet('a1', 'eu-de-1'), subnet('a2', 'eu-de-1'), subnet('b1', 'eu-de-2')], securityGroups: [] }
]
const options = (o: Partial<WizardOptions> = {}): WizardOptions => ({
  regions: [{ id: 'eu-de', name: 'Frankfurt (eu-de)' }],
  resourceGroups: [],
  versions: [{ version: '7.2', status: 'stable', preferred: true }],
  hostFlavors: ['multitenant'],
  generations: [],
  gen2HostFlavors: ['bx3d.4x20', 'bxf.4x16'],
  gen2Versions: [{ version: '8.2', status: 'stable', preferred: true }],
  vpcs,
  instances: [],
  defaults: defaultDeployForm({ region: 'eu-de', resourceGroupId: 'rg1' }),
  ...o
})

describe('the deploy draft across generations', () => {
  it('switching to Gen 2 takes the first flavor, the first VPC with a subnet (one per zone), 8.2 and private; back to Gen 1 drops them', () => {
    const gen1 = { ...toDraft(options().defaults), serviceEndpoints: 'public-and-private' as const, version: '7.2' }
    const gen2 = switchGeneration(gen1, 'gen2', options())
    expect(gen2).toMatchObject({ generation: 'gen2', gen2HostFlavor: 'bx3d.4x20', vpcId: 'v-app', subnetIds: ['a1', 'b1'], version: '8.2', serviceEndpoints: 'private' })
    expect(checkDraft(gen2).form).toMatchObject({ generation: 'gen2', vpcId: 'v-app' })
    const back = switchGeneration(gen2, 'gen1', options())
    expect(back).toMatchObject({ generation: 'gen1', gen2HostFlavor: null, vpcId: null, subnetIds: [], version: '7.2' })
  })

  it('a region change keeps what the region still offers and re-defaults the rest', () => {
    const gen2 = { ...switchGeneration(toDraft(options().defaults), 'gen2', options()), gen2HostFlavor: 'bxf.4x16', subnetIds: ['a2'] }
    expect(refreshDraft(gen2, options())).toMatchObject({ gen2HostFlavor: 'bxf.4x16', vpcId: 'v-app', subnetIds: ['a2'] })
    const elsewhere = refreshDraft(gen2, options({ gen2HostFlavors: ['bx3d.8x40'], vpcs: [] }))
    expect(elsewhere).toMatchObject({ gen2HostFlavor: 'bx3d.8x40', vpcId: null, subnetIds: [] })
    expect(withVpc(gen2, vpcs, 'v-empty')).toMatchObject({ vpcId: 'v-empty', subnetIds: [] })
  })

  it('problems are catalogue keys: the schema’s rules per field, then what Gen 2 refuses together (never English sentences)', () => {
    const gen2 = switchGeneration(toDraft(options().defaults), 'gen2', options())
    expect(checkDraft({ ...gen2, storageGbPerMember: '5' }).problems).toEqual({ storageGbPerMember: 'deployGen2.invalid.storageGbPerMember' })
    expect(checkDraft({ ...gen2, name: '' }).problems).toEqual({ name: 'setup.deploy.invalid.name' })
    expect(checkDraft({ ...gen2, vpcId: null, gen2HostFlavor: null, serviceEndpoints: 'public' })).toEqual({
      problems: { vpcId: 'deployGen2.problem.gen2VpcMissing', gen2HostFlavor: 'deployGen2.problem.gen2HostFlavorMissing', serviceEndpoints: 'deployGen2.problem.gen2PrivateOnly' }
    })
  })
})
