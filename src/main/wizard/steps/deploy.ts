import { AppFailure } from '../../../shared/errors'
import type { CreateGen2InstanceRequest, CreateInstanceRequest, RedisInstance } from '../../../shared/schemas/ibmcloud'
import { DeployForm, defaultDeployForm, type DeployInput, type WizardInstance, type WizardOptions, type WizardState } from '../../../shared/schemas/wizard'
import * as m from '../machine'
import { WizardCodes } from '../codes'
import { wizardSay } from '../messages'
import { DOCUMENTED_GEN2_FLAVORS, DOCUMENTED_GEN2_VERSIONS, chooseGeneration, gen1Option, gen2FormDefaults, gen2Option, readGen2 } from './deploy-gen2-options'
import { defineStep, requireReady, type StepContext } from './step'

type DeployChoice = NonNullable<WizardState['deploy']>

/**
 * Step 3: create the instance (or find the one a retry already created) or adopt an existing
 * one. Its CRN is saved before any waiting; the wait then runs on with this step's lease.
 */
export const deployStep = defineStep<DeployInput, { input: DeployInput; deploy: DeployChoice }>({
  id: 'deploy',
  accept: (input) => ({ input, deploy: input.mode === 'create' ? { mode: 'create', form: input.form } : { mode: 'adopt', form: null } }),
  prepare(ctx, { input, deploy }) {
    requireReady(ctx.state().steps.prerequisites.status === 'done', wizardSay.checkPrerequisitesFirst())
    const before = ctx.state().instance
    return { work: (signal) => deployInstance(ctx, input, deploy, before, signal), startPatch: { deploy } }
  },
  handsOffToWait: (after) => after.steps.deploy.status === 'done' && after.steps.wait.status !== 'done'
})

async function deployInstance(
  ctx: StepContext,
  input: DeployInput,
  deploy: DeployChoice,
  before: WizardInstance | null,
  signal: AbortSignal
): Promise<WizardState> {
  let instance: WizardInstance
  if (input.mode === 'create') {
    const { instance: got, adopted } =
      input.form.generation === 'gen2'
        ? await ctx.services.createOrAdoptGen2(toGen2CreateRequest(input.form), signal, () => undefined)
        : await ctx.services.createOrAdopt(toCreateRequest(input.form), signal, () => undefined)
    instance = toWizardInstance(got, adopted)
  } else {
    instance = toWizardInstance(await ctx.services.getInstance(input.instanceId, signal), true)
    if (input.vpcId) deploy = { mode: 'adopt', form: adoptedForm(instance, input.vpcId, input.subnetIds ?? []) }
  }
  let next = ctx.state()
  if (before && before.id !== instance.id) next = m.invalidateAfter(next, 'deploy')
  // The CRN is saved here, before any waiting: a restart resumes on this very instance.
  return m.completeStep(next, 'deploy', { deploy, instance })
}

/** What the Deploy form offers: regions, groups, versions, flavours, instances to adopt, both generations' choices, and its defaults. */
export async function deployOptions(ctx: StepContext, region: string | undefined, signal: AbortSignal): Promise<WizardOptions> {
  requireReady(ctx.state().steps.account.status === 'done', wizardSay.signInFirst())
  await ctx.ensureSession(signal)
  const s = ctx.services
  const state = ctx.state()
  const form = startingForm(state)
  const wanted = region ?? form.region
  const [regions, resourceGroups, instances, gen2] = await Promise.all([
    s.listRegions(signal),
    s.listResourceGroups(signal),
    s.listInstances(signal),
    readGen2({ regions: () => s.listGen2Regions(signal), vpcs: () => s.listVpcSummaries(wanted, signal) })
  ])
  const gen1Ids = regions.map((r) => r.id)
  // A region only Gen 2 offers has no Gen 1 version list to read.
  const versions = gen1Ids.includes(wanted) ? await s.listVersions(wanted, signal) : []
  const generations = [gen1Option(wanted, gen1Ids), gen2Option(wanted, gen2)]
  const generation = chooseGeneration(state.prerequisites?.generation ?? form.generation, generations)
  const allRegions = [...regions, ...(gen2.catalogRegions ?? []).filter((id) => !gen1Ids.includes(id)).map((id) => ({ id, name: id }))]
  const group = resourceGroups.find((g) => g.id === form.resourceGroupId) ?? resourceGroups.find((g) => g.isDefault) ?? resourceGroups[0]
  const defaultRegion = allRegions.some((r) => r.id === wanted) ? wanted : (allRegions[0]?.id ?? wanted)
  const gen2HostFlavors = [...DOCUMENTED_GEN2_FLAVORS]
  const base: DeployForm = { ...form, region: defaultRegion, resourceGroupId: group?.id ?? '' }
  const defaults = generation === 'gen2' ? { ...base, ...gen2FormDefaults(base, gen2HostFlavors, gen2.vpcs, DOCUMENTED_GEN2_VERSIONS) } : { ...base, generation }
  return {
    regions: allRegions,
    resourceGroups,
    versions,
    hostFlavors: [...DeployForm.shape.hostFlavor.options],
    generations,
    gen2HostFlavors,
    gen2Versions: DOCUMENTED_GEN2_VERSIONS,
    vpcs: gen2.vpcs,
    instances: instances.filter((i) => i.state === 'active' || i.state === 'provisioning' || i.state === 'inactive'),
    defaults
  }
}

/** An adopted instance's identity with the VPC it is reached from (step 6 puts the VPE there); its sizes stay IBM's. */
function adoptedForm(i: WizardInstance, vpcId: string, subnetIds: string[]): DeployForm {
  return defaultDeployForm({ name: i.name, region: i.region, resourceGroupId: i.resourceGroupId, generation: i.generation, vpcId, subnetIds, serviceEndpoints: i.serviceEndpoints ?? 'private' })
}

/** The last form submitted, else the seed's; moved to Gen 2 in step 2's region when step 2 was last checked for Gen 2. */
function startingForm(state: WizardState): DeployForm {
  const form = state.deploy?.form ?? defaultDeployForm()
  const checked = state.prerequisites
  if (checked?.generation !== 'gen2' || !checked.region || form.generation === 'gen2') return form
  return { ...form, generation: 'gen2', region: checked.region }
}

/** The Gen 2 create request of a Gen 2 form: flavor, storage per member, version, Key Protect key; private only (no endpoint choice). */
export function toGen2CreateRequest(form: DeployForm): CreateGen2InstanceRequest {
  if (!form.gen2HostFlavor) throw new AppFailure({ code: WizardCodes.notReady, ...wizardSay.gen2HostFlavorFirst() })
  return {
    name: form.name,
    region: form.region,
    resourceGroupId: form.resourceGroupId,
    tags: form.tags,
    hostFlavor: form.gen2HostFlavor,
    storageGbPerMember: form.storageGbPerMember,
    ...(form.version ? { version: form.version } : {}),
    ...(form.keyProtectKeyCrn ? { keyProtectKeyCrn: form.keyProtectKeyCrn } : {})
  }
}

export function toCreateRequest(form: DeployForm): CreateInstanceRequest {
  const shared = form.hostFlavor === 'multitenant'
  return {
    name: form.name,
    region: form.region,
    resourceGroupId: form.resourceGroupId,
    tags: form.tags,
    hostFlavor: form.hostFlavor,
    ...(shared ? { memoryMbPerMember: form.memoryMbPerMember, cpuPerMember: form.cpuPerMember } : {}),
    diskMbPerMember: form.diskMbPerMember,
    ...(form.version ? { version: form.version } : {}),
    ...(form.keyProtectKeyCrn ? { keyProtectKeyCrn: form.keyProtectKeyCrn } : {}),
    serviceEndpoints: form.serviceEndpoints
  }
}

export function toWizardInstance(i: RedisInstance, adopted: boolean): WizardInstance {
  return {
    id: i.id,
    guid: i.guid,
    name: i.name,
    region: i.region,
    resourceGroupId: i.resourceGroupId,
    serviceEndpoints: i.serviceEndpoints ?? null,
    state: i.state,
    adopted,
    generation: i.generation
  }
}
