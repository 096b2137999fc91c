import { isAppFailure } from '../../../shared/errors'
import type { Generation, RedisVersion, VpcSummary } from '../../../shared/schemas/ibmcloud'
import type { DeployForm, WizardOptions } from '../../../shared/schemas/wizard'
import { wizardMessages } from '../messages'

type GenerationOption = WizardOptions['generations'][number]

/**
 * Gen 2 host flavors as Terraform documents them (docs/ibm-cloud-gen2-and-restrictions-facts.md §1.4):
 * the Global Catalog's deployment entries, as the facts describe them, carry no flavor list, so this
 * documented list is what the form offers ("values depend on location" is UNVERIFIED per region;
 * a flavor the region lacks comes back as the broker's 400, which the wizard shows).
 */
export const DOCUMENTED_GEN2_FLAVORS = [
  'bx3d.4x20',
  'bx3d.8x40',
  'bx3d.16x80',
  'bx3d.32x160',
  'bx3d.48x240',
  'bxf.4x16',
  'bxf.8x32',
  'bxf.16x64',
  'bxf.32x128',
  'bxf.48x192'
] as const

/** Only 8.2 is documented for Redis Gen 2 (facts §1.3); 9.0 is UNVERIFIED and not offered. */
export const DOCUMENTED_GEN2_VERSIONS: RedisVersion[] = [{ version: '8.2', status: 'stable', preferred: true }]

/** What main could read for Gen 2 in the region: the catalog's Gen 2 regions (null = cannot tell) and the VPCs, or why not. */
export interface Gen2Reading {
  catalogRegions: string[] | null
  vpcs: VpcSummary[]
  /** IBM's words when the catalog or the VPCs could not be read (Gen 1 stays offered). */
  unreadable: string | null
}

/** Reads the catalog and the VPCs; a failure of either is recorded, never thrown, so Gen 1 still gets its options. */
export async function readGen2(read: { regions: () => Promise<string[]>; vpcs: () => Promise<VpcSummary[]> }): Promise<Gen2Reading> {
  const [regions, vpcs] = await Promise.allSettled([read.regions(), read.vpcs()])
  const why = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (isAppFailure(r.reason) ? r.reason.message : String(r.reason)) : null)
  // The catalog answering 404 or listing nothing: nobody can tell (facts §1.2), which does not stop Gen 2.
  const notFound = regions.status === 'rejected' && isAppFailure(regions.reason) && regions.reason.code === 'ibm_not_found'
  const catalogRegions = regions.status === 'fulfilled' && regions.value.length > 0 ? regions.value : null
  const unreadable = [notFound ? null : why(regions), why(vpcs)].filter(Boolean).join(' ') || null
  return { catalogRegions, vpcs: vpcs.status === 'fulfilled' ? vpcs.value : [], unreadable }
}

const available = (id: Generation): GenerationOption => ({ id, available: true, reason: null, reasonCode: null, reasonParams: {} })
/** Not available, said by a wizard message (its English in `reason`, its id and facts for the UI's language). */
function unavailable<K extends NonNullable<GenerationOption['reasonCode']>>(id: Generation, code: K, facts: Parameters<(typeof wizardMessages)[K]>[0]): GenerationOption {
  const say = wizardMessages[code] as (p: typeof facts) => string
  return { id, available: false, reason: say(facts), reasonCode: code, reasonParams: { ...facts } }
}

/** Gen 1: a Cloud Databases region. */
export function gen1Option(region: string, gen1Regions: readonly string[]): GenerationOption {
  return gen1Regions.includes(region) ? available('gen1') : unavailable('gen1', 'gen1NotInRegion', { region })
}

/** Gen 2: the region has the catalog's Gen 2 deployment (or the catalog cannot tell) and a VPC with a subnet. */
export function gen2Option(region: string, g2: Gen2Reading): GenerationOption {
  if (g2.catalogRegions && !g2.catalogRegions.includes(region)) return unavailable('gen2', 'gen2NotInRegion', { region, offered: g2.catalogRegions.join(', ') })
  if (g2.unreadable) return unavailable('gen2', 'gen2Unreadable', { region, detail: g2.unreadable })
  if (g2.vpcs.length === 0) return unavailable('gen2', 'gen2NoVpcInRegion', { region })
  if (!g2.vpcs.some((v) => v.subnets.length > 0)) return unavailable('gen2', 'gen2NoSubnetInRegion', { region })
  return available('gen2')
}

/** The wanted generation when it can be deployed, else the other one when that can, else the wanted one. */
export function chooseGeneration(wanted: Generation, generations: readonly GenerationOption[]): Generation {
  if (generations.find((g) => g.id === wanted)?.available) return wanted
  return generations.find((g) => g.available)?.id ?? wanted
}

/** One subnet per zone, in the order given (the VPE takes one reserved IP per zone). */
export function onePerZoneIds(subnets: readonly { id: string; zone: string }[]): string[] {
  const seen = new Set<string>()
  return subnets.filter((s) => !seen.has(s.zone) && Boolean(seen.add(s.zone))).map((s) => s.id)
}

/**
 * The Gen 2 fields of the form's defaults: the form's own choices when they are still offered,
 * else the first flavor, the first VPC with a subnet and one of its subnets per zone, version 8.2,
 * private endpoints (the only kind Gen 2 has).
 */
export function gen2FormDefaults(form: DeployForm, flavors: readonly string[], vpcs: readonly VpcSummary[], versions: readonly RedisVersion[]): Partial<DeployForm> {
  const vpc = vpcs.find((v) => v.id === form.vpcId && v.subnets.length > 0) ?? vpcs.find((v) => v.subnets.length > 0) ?? null
  const kept = vpc && vpc.id === form.vpcId ? form.subnetIds.filter((id) => vpc.subnets.some((s) => s.id === id)) : []
  const version = versions.some((v) => v.version === form.version) ? form.version : ((versions.find((v) => v.preferred) ?? versions[0])?.version ?? '')
  return {
    generation: 'gen2',
    gen2HostFlavor: form.gen2HostFlavor && flavors.includes(form.gen2HostFlavor) ? form.gen2HostFlavor : (flavors[0] ?? null),
    vpcId: vpc?.id ?? null,
    subnetIds: kept.length > 0 ? kept : vpc ? onePerZoneIds(vpc.subnets) : [],
    version,
    serviceEndpoints: 'private'
  }
}
