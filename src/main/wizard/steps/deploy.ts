import type { CreateInstanceRequest, RedisInstance } from '../../../shared/schemas/ibmcloud'
import { DeployForm, defaultDeployForm, type DeployInput, type WizardInstance, type WizardOptions, type WizardState } from '../../../shared/schemas/wizard'
import * as m from '../machine'
import { wizardSay } from '../messages'
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
    const { instance: got, adopted } = await ctx.services.createOrAdopt(toCreateRequest(input.form), signal, () => undefined)
    instance = toWizardInstance(got, adopted)
  } else {
    instance = toWizardInstance(await ctx.services.getInstance(input.instanceId, signal), true)
  }
  let next = ctx.state()
  if (before && before.id !== instance.id) next = m.invalidateAfter(next, 'deploy')
  // The CRN is saved here, before any waiting: a restart resumes on this very instance.
  return m.completeStep(next, 'deploy', { deploy, instance })
}

/** What the Deploy form offers: regions, groups, versions, flavours, instances to adopt, and its defaults. */
export async function deployOptions(ctx: StepContext, region: string | undefined, signal: AbortSignal): Promise<WizardOptions> {
  requireReady(ctx.state().steps.account.status === 'done', wizardSay.signInFirst())
  await ctx.ensureSession(signal)
  const s = ctx.services
  const form = ctx.state().deploy?.form ?? defaultDeployForm()
  const wanted = region ?? form.region
  const [regions, resourceGroups, versions, instances] = await Promise.all([
    s.listRegions(signal),
    s.listResourceGroups(signal),
    s.listVersions(wanted, signal),
    s.listInstances(signal)
  ])
  const group = resourceGroups.find((g) => g.id === form.resourceGroupId) ?? resourceGroups.find((g) => g.isDefault) ?? resourceGroups[0]
  const regionOk = regions.some((r) => r.id === form.region)
  return {
    regions,
    resourceGroups,
    versions,
    hostFlavors: [...DeployForm.shape.hostFlavor.options],
    // Gen 2 options (catalog flavors, VPCs) are not offered yet: Gen 1 only.
    generations: [
      { id: 'gen1', available: true, reason: null },
      { id: 'gen2', available: false, reason: 'Gen 2 deployment is not available in this version of PSE Wizard yet.' }
    ],
    gen2HostFlavors: [],
    gen2Versions: [],
    vpcs: [],
    instances: instances.filter((i) => i.state === 'active' || i.state === 'provisioning' || i.state === 'inactive'),
    defaults: { ...form, region: regionOk ? form.region : (regions[0]?.id ?? form.region), resourceGroupId: group?.id ?? '' }
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
