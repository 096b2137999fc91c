import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import type { VpcSummary } from '../../../../src/shared/schemas/ibmcloud'
import { defaultDeployForm, deployFormProblems } from '../../../../src/shared/schemas/wizard'
import {
  DOCUMENTED_GEN2_FLAVORS,
  DOCUMENTED_GEN2_VERSIONS,
  chooseGeneration,
  gen1Option,
  gen2FormDefaults,
  gen2Option,
  onePerZoneIds,
  readGen2
} from '../../../../src/main/wizard/steps/deploy-gen2-options'
import { toGen2CreateRequest } from '../../../../src/main/wizard/steps/deploy'

const subnet = (id: string, zone: string) => ({ id, name: id, zone, cidr: '10.0.0.0/24' })
const vpc = (id: string, subnets: VpcSummary['subnets']): VpcSummary => ({ id, crn: `crn:v1:vpc:${id}`, name: id, region: 'eu-de', subnets, securityGroups: [] })

describe('deploy options for Gen 2', () => {
  it('Gen 2 is available with the catalog region and a VPC with a subnet; otherwise it says why, by code and in words', () => {
    const withSubnet = [vpc('v1', [subnet('s1', 'eu-de-1')])]
    expect(gen2Option('eu-de', { catalogRegions: ['eu-de'], vpcs: withSubnet, unreadable: null })).toMatchObject({ available: true, reasonCode: null, reason: null })
    // The catalog listing nothing: nobody can tell, which does not stop Gen 2.
    expect(gen2Option('eu-de', { catalogRegions: null, vpcs: withSubnet, unreadable: null }).available).toBe(true)
    expect(gen2Option('jp-tok', { catalogRegions: ['eu-de', 'ca-mon'], vpcs: withSubnet, unreadable: null })).toMatchObject({
      available: false,
      reasonCode: 'gen2NotInRegion',
      reasonParams: { region: 'jp-tok', offered: 'eu-de, ca-mon' },
      reason: 'Gen 2 is offered only in eu-de, ca-mon, not in jp-tok. Choose one of those regions, or Gen 1.'
    })
    expect(gen2Option('eu-de', { catalogRegions: null, vpcs: [], unreadable: null }).reasonCode).toBe('gen2NoVpcInRegion')
    expect(gen2Option('eu-de', { catalogRegions: null, vpcs: [vpc('v1', [])], unreadable: null }).reasonCode).toBe('gen2NoSubnetInRegion')
    expect(gen2Option('eu-de', { catalogRegions: null, vpcs: [], unreadable: 'Forbidden.' })).toMatchObject({ reasonCode: 'gen2Unreadable', reasonParams: { detail: 'Forbidden.' } })
    expect(gen1Option('ca-mon', ['eu-de'])).toMatchObject({ available: false, reasonCode: 'gen1NotInRegion' })
    expect(gen1Option('eu-de', ['eu-de']).available).toBe(true)
  })

  it('reading Gen 2 never throws: a 404 catalog is "cannot tell", other failures are recorded', async () => {
    const notFound = new AppFailure({ code: 'ibm_not_found', message: 'Not found.' })
    const forbidden = new AppFailure({ code: 'ibm_forbidden', message: 'No VPC Viewer role.' })
    expect(await readGen2({ regions: () => Promise.reject(notFound), vpcs: async () => [] })).toEqual({ catalogRegions: null, vpcs: [], unreadable: null })
    expect(await readGen2({ regions: async () => [], vpcs: () => Promise.reject(forbidden) })).toEqual({ catalogRegions: null, vpcs: [], unreadable: 'No VPC Viewer role.' })
    expect(await readGen2({ regions: async () => ['eu-de'], vpcs: async () => [] })).toMatchObject({ catalogRegions: ['eu-de'] })
  })

  it('the generation checked in step 2 is the default when it can be deployed, else the one that can', () => {
    const g1 = gen1Option('eu-de', ['eu-de'])
    const g2no = gen2Option('eu-de', { catalogRegions: null, vpcs: [], unreadable: null })
    const g2ok = gen2Option('eu-de', { catalogRegions: null, vpcs: [vpc('v', [subnet('s', 'eu-de-1')])], unreadable: null })
    expect(chooseGeneration('gen2', [g1, g2ok])).toBe('gen2')
    expect(chooseGeneration('gen2', [g1, g2no])).toBe('gen1')
    expect(chooseGeneration('gen1', [gen1Option('ca-mon', ['eu-de']), g2ok])).toBe('gen2')
  })

  it('Gen 2 defaults: first flavor, first VPC with a subnet, one subnet per zone, 8.2, private; the form’s own choices kept when offered', () => {
    const vpcs = [vpc('empty', []), vpc('app', [subnet('a1', 'eu-de-1'), subnet('a2', 'eu-de-1'), subnet('b1', 'eu-de-2')])]
    const d = gen2FormDefaults(defaultDeployForm({ serviceEndpoints: 'public' }), [...DOCUMENTED_GEN2_FLAVORS], vpcs, DOCUMENTED_GEN2_VERSIONS)
    expect(d).toEqual({ generation: 'gen2', gen2HostFlavor: 'bx3d.4x20', vpcId: 'app', subnetIds: ['a1', 'b1'], version: '8.2', serviceEndpoints: 'private' })
    const kept = gen2FormDefaults(defaultDeployForm({ gen2HostFlavor: 'bxf.8x32', vpcId: 'app', subnetIds: ['a2'] }), [...DOCUMENTED_GEN2_FLAVORS], vpcs, DOCUMENTED_GEN2_VERSIONS)
    expect(kept).toMatchObject({ gen2HostFlavor: 'bxf.8x32', vpcId: 'app', subnetIds: ['a2'] })
    expect(onePerZoneIds([subnet('x', 'z1'), subnet('y', 'z1')])).toEqual(['x'])
    expect(DOCUMENTED_GEN2_FLAVORS).not.toContain('multitenant')
  })

  it('a Gen 2 form becomes the Gen 2 create request (no Gen 1 sizes, no endpoint choice); its problems carry catalogue codes', () => {
    const form = defaultDeployForm({ generation: 'gen2', region: 'eu-de', resourceGroupId: 'rg', gen2HostFlavor: 'bx3d.8x40', storageGbPerMember: 40, version: '8.2', vpcId: 'v', keyProtectKeyCrn: 'crn:v1:bluemix:public:kms:eu-de:a/1:k:key:2' })
    expect(toGen2CreateRequest(form)).toEqual({ name: 'Redis-0101', region: 'eu-de', resourceGroupId: 'rg', tags: [], hostFlavor: 'bx3d.8x40', storageGbPerMember: 40, version: '8.2', keyProtectKeyCrn: 'crn:v1:bluemix:public:kms:eu-de:a/1:k:key:2' })
    expect(deployFormProblems({ ...form, gen2HostFlavor: null, vpcId: null, serviceEndpoints: 'public' }).map((p) => [p.path, p.code])).toEqual([
      ['serviceEndpoints', 'gen2PrivateOnly'],
      ['gen2HostFlavor', 'gen2HostFlavorMissing'],
      ['vpcId', 'gen2VpcMissing']
    ])
  })
})
