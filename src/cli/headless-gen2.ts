import { z } from 'zod'
import { AppFailure } from '../shared/errors'
import { Gen2HostFlavor } from '../shared/schemas/ibmcloud'
import { DeployHostFlavor, type ConnectionInput, type DeployForm, type WizardOptions, type WizardState } from '../shared/schemas/wizard'

/** A config that names something the account does not have (a VPC, a subnet, a flavor): `pse-wizard setup` exits 2 with it. */
export const CONFIG_INVALID = 'wizard_config_invalid'

/** The `--config` fields that differ per generation, as the config file gives them. */
export interface GenerationFields {
  generation: 'gen1' | 'gen2'
  vpc?: string | undefined
  subnets?: string[] | undefined
  securityGroup?: string | undefined
  options: {
    hostFlavor?: string | undefined
    memoryMbPerMember?: number | undefined
    diskMbPerMember?: number | undefined
    cpuPerMember?: number | undefined
    storageGbPerMember?: number | undefined
    serviceEndpoints?: string | undefined
  }
}

const GEN1_ONLY = ['memoryMbPerMember', 'diskMbPerMember', 'cpuPerMember'] as const

/** What the config file alone shows to be wrong for its generation (checked before anything is asked of IBM Cloud). */
export function checkGenerationFields(c: GenerationFields, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  const flavor = c.options.hostFlavor
  if (c.generation === 'gen2') {
    for (const f of GEN1_ONLY)
      if (c.options[f] !== undefined) issue(['options', f], `a Gen 1 setting; Gen 2 is sized by options.hostFlavor and options.storageGbPerMember`)
    if (c.options.serviceEndpoints !== undefined && c.options.serviceEndpoints !== 'private') issue(['options', 'serviceEndpoints'], 'Gen 2 has private endpoints only')
    if (flavor === 'multitenant') issue(['options', 'hostFlavor'], 'Gen 2 has no shared (multitenant) hosts; choose a Gen 2 flavor such as bx3d.4x20')
    else if (flavor !== undefined && !Gen2HostFlavor.safeParse(flavor).success) issue(['options', 'hostFlavor'], 'not a host flavor (e.g. bx3d.4x20)')
    return
  }
  if (flavor !== undefined && !DeployHostFlavor.safeParse(flavor).success)
    issue(['options', 'hostFlavor'], `not a Gen 1 host flavor (one of: ${DeployHostFlavor.options.join(', ')}); Gen 2 flavors need "generation": "gen2"`)
  if (c.options.storageGbPerMember !== undefined) issue(['options', 'storageGbPerMember'], 'a Gen 2 setting; for Gen 1 use options.diskMbPerMember')
  if (c.vpc !== undefined) issue(['vpc'], 'a Gen 2 setting; add "generation": "gen2"')
  if (c.subnets !== undefined) issue(['subnets'], 'a Gen 2 setting; add "generation": "gen2"')
  if (c.securityGroup !== undefined) issue(['securityGroup'], 'a Gen 2 setting; add "generation": "gen2"')
}

const invalid = (message: string) => new AppFailure({ code: CONFIG_INVALID, message })
const list = (names: string[]) => (names.length ? names.join(', ') : '(none)')

/**
 * The Gen 2 fields of the form from the config, resolved against what `wizard.options` offers in
 * the region: the VPC and subnets by id or name (default: the first VPC with a subnet, one subnet
 * per zone), the flavor and version among those offered (default: the first, the preferred).
 */
export function gen2FormFields(c: GenerationFields & { region: string; options: { version?: string | undefined } }, opts: WizardOptions): Partial<DeployForm> {
  const gen2 = opts.generations.find((g) => g.id === 'gen2')
  if (gen2 && !gen2.available) throw new AppFailure({ code: 'wizard_gen2_unavailable', message: gen2.reason ?? `Gen 2 cannot be deployed in ${c.region}.` })
  const vpc = c.vpc ? opts.vpcs.find((v) => v.id === c.vpc || v.name === c.vpc) : opts.vpcs.find((v) => v.id === opts.defaults.vpcId)
  if (!vpc) {
    throw invalid(
      c.vpc
        ? `vpc: no VPC "${c.vpc}" in ${c.region}. Use one of: ${list(opts.vpcs.map((v) => v.name))}.`
        : `vpc: no VPC with a subnet in ${c.region}; create one (ibmcloud is vpc-create …) or name one with "vpc".`
    )
  }
  const subnetIds = (c.subnets ?? []).map((s) => {
    const found = vpc.subnets.find((x) => x.id === s || x.name === s)
    if (!found) throw invalid(`subnets: no subnet "${s}" in the VPC ${vpc.name}. Use one of: ${list(vpc.subnets.map((x) => `${x.name} (${x.zone})`))}.`)
    return found.id
  })
  if (subnetIds.length === 0 && vpc.subnets.length === 0) throw invalid(`vpc: the VPC ${vpc.name} has no subnet; create one, or name another VPC.`)
  const zones = new Set<string>()
  const onePerZone = vpc.subnets.filter((s) => !zones.has(s.zone) && Boolean(zones.add(s.zone))).map((s) => s.id)
  const flavor = c.options.hostFlavor ?? opts.gen2HostFlavors[0]
  if (!flavor || !opts.gen2HostFlavors.includes(flavor)) throw invalid(`options.hostFlavor: "${flavor ?? ''}" is not offered for Gen 2 in ${c.region}. Use one of: ${list(opts.gen2HostFlavors)}.`)
  const preferred = (opts.gen2Versions.find((v) => v.preferred) ?? opts.gen2Versions[0])?.version ?? ''
  const version = c.options.version || preferred
  if (version && opts.gen2Versions.length > 0 && !opts.gen2Versions.some((v) => v.version === version))
    throw invalid(`options.version: ${version} is not offered for Gen 2. Use one of: ${list(opts.gen2Versions.map((v) => v.version))}.`)
  return {
    generation: 'gen2',
    gen2HostFlavor: flavor,
    ...(c.options.storageGbPerMember !== undefined ? { storageGbPerMember: c.options.storageGbPerMember } : {}),
    version,
    vpcId: vpc.id,
    subnetIds: subnetIds.length ? subnetIds : onePerZone,
    serviceEndpoints: 'private'
  }
}

/**
 * Step 6's input for Gen 2: the config's security group (id or name, in the deploy form's VPC,
 * looked up through `wizard.options`), else consent to a new one admitting TCP 6379 from the
 * VPE's subnets — running the command with this config is that consent (its usage says so).
 */
export async function gen2ConnectionInput(
  wizard: { call(name: 'wizard.options', input: { region: string }): Promise<WizardOptions> },
  c: { region: string; securityGroup?: string | undefined },
  state: WizardState
): Promise<ConnectionInput> {
  if (!c.securityGroup) return { createSecurityGroup: true }
  const vpcId = state.deploy?.form?.vpcId
  const vpc = (await wizard.call('wizard.options', { region: c.region })).vpcs.find((v) => v.id === vpcId)
  const group = vpc?.securityGroups.find((g) => g.id === c.securityGroup || g.name === c.securityGroup)
  if (!group) throw invalid(`securityGroup: no security group "${c.securityGroup}" in the VPC ${vpc?.name ?? vpcId ?? '(none)'}. Use one of: ${list(vpc?.securityGroups.map((g) => g.name) ?? [])}.`)
  return { securityGroupId: group.id }
}
