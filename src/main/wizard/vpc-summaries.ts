import type { VpcSummary } from '../../shared/schemas/ibmcloud'
import type { IbmCloudClient } from '../ibmcloud/client'
import type { RequestOptions } from '../ibmcloud/request'
import { listSecurityGroups, listSubnets, listVpcs } from '../ibmcloud/vpc'

/** The region's VPCs with their subnets and security groups: what the deploy form offers for Gen 2 (and the VPE after it). */
export async function listVpcSummaries(client: IbmCloudClient, region: string, options: RequestOptions = {}): Promise<VpcSummary[]> {
  const vpcs = await listVpcs(client, region, options)
  return Promise.all(
    vpcs.map(async (v): Promise<VpcSummary> => {
      const [subnets, groups] = await Promise.all([listSubnets(client, region, v.id, options), listSecurityGroups(client, region, v.id, options)])
      return {
        id: v.id,
        crn: v.crn,
        name: v.name,
        region,
        subnets: subnets.map((s) => ({ id: s.id, name: s.name, zone: s.zone, cidr: s.cidr })),
        securityGroups: groups.map((g) => ({ id: g.id, name: g.name }))
      }
    })
  )
}
