import { AppFailure, TransportCodes, isAppFailure } from '../../shared/errors'
import { GEN2_PLAN_ID, type AccountInfo, type PrereqItem, type PrereqReport } from '../../shared/schemas/ibmcloud'
import type { IbmCloudClient } from './client'
import { IbmCodes } from './errors'
import { checkKeyItems } from './prerequisites'
import { listGen2Deployments } from './prerequisites-gen2-catalog'
import { listOf, say, toItem, type Gen2Item } from './prerequisites-gen2-text'
import { listSubnets, listVpcs, type Subnet, type Vpc } from './vpc'

/** Console pages where each missing item is created or granted. */
export const GEN2_LINKS = {
  vpc: 'https://cloud.ibm.com/infrastructure/provision/vpc',
  subnet: 'https://cloud.ibm.com/infrastructure/network/subnets',
  iam: 'https://cloud.ibm.com/iam/users',
  catalog: 'https://cloud.ibm.com/catalog/services/databases-for-redis'
}
/** The names the fix commands suggest (VPC names: lower-case letters, digits, hyphens). */
export const SUGGESTED_VPC = 'redis-vpc'
/** VPCs whose subnets are listed at most (each is one more request). */
const MAX_VPCS = 20

/** `ibmcloud is …` works on the targeted region: each fix command targets it first. */
export const vpcCreateCommand = (region: string, name = SUGGESTED_VPC) => `ibmcloud target -r ${region} && ibmcloud is vpc-create ${name}`
export const subnetCreateCommand = (region: string, vpc: string) =>
  `ibmcloud target -r ${region} && ibmcloud is subnet-create ${vpc}-subnet-1 ${vpc} --zone ${region}-1 --ipv4-address-count 256`

export interface Gen2PrereqDeps {
  /** Validates the API key (undefined when none is set). */
  validate?: () => Promise<AccountInfo>
  /** The signed-in client (undefined when no key is set). */
  client?: IbmCloudClient
  region: string
  sandbox?: boolean
  signal?: AbortSignal
}

const reason = (e: unknown) => (isAppFailure(e) ? e.message : ((e as Error)?.message ?? String(e)))
const rethrowCancel = (e: unknown) => {
  if (isAppFailure(e) && e.code === 'cancelled') throw e
}

/**
 * The Gen 2 prerequisites of a region, each ok / missing (with the fix: the `ibmcloud is …`
 * command and the console page) / unknown (with the reason): the API key and account, the
 * region's Gen 2 deployment in the Global Catalog, a VPC in the region, a subnet in it, and the
 * IAM roles the steps need (only what the APIs show; the rest is said to be unknown). VRF is not
 * asked: VPC accounts have it (docs/ibm-cloud-gen2-and-restrictions-facts.md §2).
 */
export async function checkGen2Prerequisites(deps: Gen2PrereqDeps): Promise<PrereqReport> {
  const { items, account } = await checkKeyItems(deps.validate)
  if (!account || !deps.client) {
    const unchecked = (['gen2_catalog', 'vpc', 'subnet', 'iam_roles'] as const).map((id) => toItem({ id, ok: null, detail: say('needsKey') }))
    return report([...items, ...unchecked], deps)
  }
  const options = { signal: deps.signal }
  const [catalog, network] = await Promise.all([catalogItem(deps.client, deps.region, options), networkItems(deps.client, deps.region, options)])
  return report(
    [...items, catalog, ...network.items, iamItem(network.vpcAccess)].map((i) => ('label' in i ? i : toItem(i))),
    deps
  )
}

const report = (items: PrereqItem[], deps: Gen2PrereqDeps): PrereqReport => ({ ok: items.every((i) => i.ok === true), items, sandbox: deps.sandbox === true })

async function catalogItem(client: IbmCloudClient, region: string, options: { signal?: AbortSignal }): Promise<Gen2Item> {
  const id = 'gen2_catalog'
  try {
    const deployments = await listGen2Deployments(client, options)
    const here = deployments.find((d) => d.region === region)
    if (here) return { id, ok: true, detail: say('catalog.offered', { region, deployment: here.name }) }
    if (deployments.length)
      return {
        id,
        ok: false,
        detail: say('catalog.elsewhere', { region, regions: listOf(deployments.map((d) => d.region).sort(), 12) }),
        advice: say('catalog.elsewhereAdvice', { region }),
        link: GEN2_LINKS.catalog
      }
    return unlisted(region)
  } catch (e) {
    rethrowCancel(e)
    // UNVERIFIED: the catalog id of the Gen 2 plan. A 404 means "not listed", not "not offered".
    if (isAppFailure(e) && e.code === IbmCodes.notFound) return unlisted(region)
    return { id, ok: null, detail: say('catalog.unreadable', { reason: reason(e) }), advice: say('catalog.unreadableAdvice') }
  }
}

const unlisted = (region: string): Gen2Item => ({
  id: 'gen2_catalog',
  ok: null,
  detail: say('catalog.unlisted', { region, plan: GEN2_PLAN_ID }),
  advice: say('catalog.unlistedAdvice', { region }),
  link: GEN2_LINKS.catalog
})

/** What listing the VPCs showed about the key's VPC access. */
type VpcAccess = 'confirmed' | 'forbidden' | 'unknown'

async function networkItems(client: IbmCloudClient, region: string, options: { signal?: AbortSignal }): Promise<{ items: Gen2Item[]; vpcAccess: VpcAccess }> {
  let vpcs: Vpc[]
  try {
    vpcs = await listVpcs(client, region, options)
  } catch (e) {
    rethrowCancel(e)
    const vpcAccess = isAppFailure(e) && e.code === IbmCodes.forbidden ? 'forbidden' : 'unknown'
    return {
      vpcAccess,
      items: [
        { id: 'vpc', ok: null, detail: say('vpc.unreadable', { region, reason: reason(e) }), advice: say('vpc.unreadableAdvice') },
        { id: 'subnet', ok: null, detail: say('subnet.notChecked') }
      ]
    }
  }
  if (vpcs.length === 0) {
    const vpc: Gen2Item = {
      id: 'vpc',
      ok: false,
      detail: say('vpc.none', { region }),
      advice: say('vpc.noneAdvice', { region }),
      command: vpcCreateCommand(region),
      link: GEN2_LINKS.vpc
    }
    const subnet: Gen2Item = {
      id: 'subnet',
      ok: false,
      detail: say('subnet.needsVpc'),
      advice: say('subnet.needsVpcAdvice'),
      command: subnetCreateCommand(region, SUGGESTED_VPC),
      link: GEN2_LINKS.subnet
    }
    return { vpcAccess: 'confirmed', items: [vpc, subnet] }
  }
  const vpcItem: Gen2Item = { id: 'vpc', ok: true, detail: say('vpc.found', { region, names: listOf(vpcs.map((v) => v.name)) }) }
  return { vpcAccess: 'confirmed', items: [vpcItem, await subnetItem(client, region, vpcs, options)] }
}

async function subnetItem(client: IbmCloudClient, region: string, vpcs: Vpc[], options: { signal?: AbortSignal }): Promise<Gen2Item> {
  const id = 'subnet'
  for (const vpc of vpcs.slice(0, MAX_VPCS)) {
    let subnets: Subnet[]
    try {
      subnets = await listSubnets(client, region, vpc.id, options)
    } catch (e) {
      rethrowCancel(e)
      return { id, ok: null, detail: say('subnet.unreadable', { vpc: vpc.name, reason: reason(e) }), advice: say('vpc.unreadableAdvice') }
    }
    if (subnets.length)
      return {
        id,
        ok: true,
        detail: say('subnet.found', {
          vpc: vpc.name,
          subnets: listOf(
            subnets.map((s) => `${s.name} (${s.zone}, ${s.cidr})`),
            3
          )
        })
      }
  }
  const first = vpcs[0].name
  return {
    id,
    ok: false,
    detail: say('subnet.none', { region, vpcs: listOf(vpcs.map((v) => v.name)) }),
    advice: say('subnet.noneAdvice', { vpc: first }),
    command: subnetCreateCommand(region, first),
    link: GEN2_LINKS.subnet
  }
}

/** Only VPC Viewer shows in an answer; the other roles show when a step is refused, so they stay unknown: never a silent pass. */
function iamItem(vpcAccess: VpcAccess): Gen2Item {
  const id = 'iam_roles'
  if (vpcAccess === 'forbidden') return { id, ok: false, detail: say('iam.vpcViewerMissing'), advice: say('iam.missingAdvice'), link: GEN2_LINKS.iam }
  return {
    id,
    ok: null,
    detail: say(vpcAccess === 'confirmed' ? 'iam.vpcViewerConfirmed' : 'iam.vpcViewerUnknown'),
    advice: say('iam.needed'),
    link: GEN2_LINKS.iam
  }
}

/** The region a Gen 2 check needs (the schema leaves it optional: the wizard may take it from its last check). */
export function requireGen2Region(region: string | undefined): string {
  if (!region)
    throw new AppFailure({
      code: TransportCodes.invalidInput,
      message: 'Choose the region to check Gen 2 for: its VPC, subnets and Gen 2 deployment are checked there.'
    })
  return region
}
