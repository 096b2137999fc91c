import { AppFailure } from '../../shared/errors'
import type { AdmittedVpc } from '../../shared/schemas/restrictions'
import type { IbmCloudClient } from '../ibmcloud/client'
import type { RequestOptions } from '../ibmcloud/request'
import { listEndpointGateways, listSubnets, listVpcs, type Vpc } from '../ibmcloud/vpc'
import { RestrictCodes, type InstanceRef } from './plan'

/**
 * The VPCs of a context-based restriction: a `vpc` zone entry admits every subnet of that VPC
 * (what Gen 2 and VPE users connect from). Each one named by the user is looked up in the
 * instance's region, so a typo or another region's VPC is refused before anything changes.
 */
export async function resolveVpcs(client: IbmCloudClient, instance: InstanceRef, refs: string[], options: RequestOptions): Promise<AdmittedVpc[]> {
  if (refs.length === 0) return []
  const known = await listVpcs(client, instance.region, options)
  const unknown = refs.filter((ref) => !known.some((v) => matches(v, ref)))
  if (unknown.length)
    throw new AppFailure({
      code: RestrictCodes.vpcUnknown,
      message: `No VPC ${unknown.map((u) => `"${u}"`).join(', ')} in ${instance.region}, the instance's region. Name one of: ${known.map((v) => v.name).join(', ') || '(none)'}.`,
      params: { vpcs: unknown.join(', '), region: instance.region, known: known.map((v) => v.name).join(', ') }
    })
  const chosen = [...new Map(refs.map((ref) => known.find((v) => matches(v, ref))!).map((v) => [v.crn, v])).values()]
  return Promise.all(chosen.map((v) => admitted(client, instance.region, v, options)))
}

/** The VPCs that have a VPE gateway to the instance: the networks its private clients are in. */
export async function suggestVpcs(client: IbmCloudClient, instance: InstanceRef, options: RequestOptions): Promise<Array<AdmittedVpc & { gateway: string }>> {
  const vpcs = await listVpcs(client, instance.region, options)
  const found = await Promise.all(
    vpcs.map(async (v) => {
      const gateway = (await listEndpointGateways(client, instance.region, v.id, options)).find(
        (g) => g.target.crn === instance.crn && g.lifecycle_state !== 'deleting'
      )
      return gateway ? { ...(await admitted(client, instance.region, v, options)), gateway: gateway.name } : undefined
    })
  )
  return found.filter((v) => v !== undefined)
}

const matches = (v: Vpc, ref: string) => v.crn === ref || v.name === ref || v.id === ref

async function admitted(client: IbmCloudClient, region: string, v: Vpc, options: RequestOptions): Promise<AdmittedVpc> {
  const subnets = await listSubnets(client, region, v.id, options)
  return { crn: v.crn, name: v.name, subnets: subnets.map((s) => s.cidr) }
}
