import type { Generation, RedisVersion, VpcSummary } from '../../../../shared/schemas/ibmcloud'
import type { WizardOptions } from '../../../../shared/schemas/wizard'
import { toDraft, type DeployDraft } from './deploy-form'

/** The version IBM Cloud marks preferred in this region's list, else the first offered, else '' (IBM picks). */
export function preferredVersion(versions: readonly RedisVersion[]): string {
  return (versions.find((v) => v.preferred) ?? versions[0])?.version ?? ''
}

/** The versions the draft's generation offers. */
const versionsFor = (draft: DeployDraft, options: WizardOptions) => (draft.generation === 'gen2' ? options.gen2Versions : options.versions)

/** The form's starting values: main's defaults with the region's preferred version chosen, not left blank. */
export function initialDraft(options: WizardOptions): DeployDraft {
  const draft = toDraft(options.defaults)
  return keepOfferedVersion(draft, versionsFor(draft, options))
}

/** After the region (and so the version list) changes: a version the region does not offer gives way to its preferred one. */
export function keepOfferedVersion(draft: DeployDraft, versions: readonly RedisVersion[]): DeployDraft {
  if (draft.version !== '' && versions.some((v) => v.version === draft.version)) return draft
  return { ...draft, version: preferredVersion(versions) }
}

/** One subnet per zone, in the order given (the VPE takes one reserved IP per zone). */
export function onePerZone(subnets: VpcSummary['subnets']): string[] {
  const seen = new Set<string>()
  return subnets.filter((s) => !seen.has(s.zone) && Boolean(seen.add(s.zone))).map((s) => s.id)
}

/** The draft on a VPC: its subnets one per zone (none when the VPC is unknown). */
export function withVpc(draft: DeployDraft, vpcs: readonly VpcSummary[], vpcId: string | null): DeployDraft {
  const vpc = vpcs.find((v) => v.id === vpcId)
  return { ...draft, vpcId: vpc?.id ?? null, subnetIds: vpc ? onePerZone(vpc.subnets) : [] }
}

/**
 * After the options (re)load: the version and, for Gen 2, the flavor, VPC and subnets kept when
 * the region still offers them, else the region's defaults (first flavor, first VPC with a subnet).
 */
export function refreshDraft(draft: DeployDraft, options: WizardOptions): DeployDraft {
  const versioned = keepOfferedVersion(draft, versionsFor(draft, options))
  if (draft.generation !== 'gen2') return versioned
  const flavor = draft.gen2HostFlavor && options.gen2HostFlavors.includes(draft.gen2HostFlavor) ? draft.gen2HostFlavor : (options.gen2HostFlavors[0] ?? null)
  const kept = options.vpcs.find((v) => v.id === draft.vpcId)
  if (kept) return { ...versioned, gen2HostFlavor: flavor, subnetIds: draft.subnetIds.filter((id) => kept.subnets.some((s) => s.id === id)) }
  const first = options.vpcs.find((v) => v.subnets.length > 0) ?? null
  return withVpc({ ...versioned, gen2HostFlavor: flavor }, options.vpcs, first?.id ?? null)
}

/** The draft moved to the other generation: Gen 2 takes its flavor, VPC and subnets and private endpoints; Gen 1 drops them. */
export function switchGeneration(draft: DeployDraft, generation: Generation, options: WizardOptions): DeployDraft {
  if (generation === 'gen2') return refreshDraft({ ...draft, generation, serviceEndpoints: 'private', version: '' }, options)
  return keepOfferedVersion({ ...draft, generation, gen2HostFlavor: null, vpcId: null, subnetIds: [], version: '' }, options.versions)
}
