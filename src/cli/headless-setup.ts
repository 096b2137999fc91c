import { z } from 'zod'
import { AppFailure, type AppError } from '../shared/errors'
import type { CallInput, CallName, CallOutput } from '../shared/contract'
import { RestrictInput, RestrictionMechanism } from '../shared/schemas/restrictions'
import { Gen2StorageGb, Generation } from '../shared/schemas/ibmcloud'
import { DeployForm, ServiceKeyInput, defaultDeployForm, wizardSteps, type WizardOptions, type WizardState, type WizardStepId } from '../shared/schemas/wizard'
import { checkGenerationFields, gen2ConnectionInput, gen2FormFields } from './headless-gen2'

type WizardCallName = Extract<CallName, `wizard.${string}`>

/** The wizard as a front end drives it: its `wizard.*` contract calls, a failure thrown as an AppFailure. */
export interface HeadlessWizard {
  call<N extends WizardCallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>
}

/** The `--config` file of `pse-wizard setup`: what the Deploy form asks, in one JSON object. */
export const HeadlessConfig = z
  .object({
    name: DeployForm.shape.name,
    region: DeployForm.shape.region,
    /** Resource group name or id; default: the account's default group. */
    resourceGroup: z.string().trim().min(1).max(64).optional(),
    /** Gen 1 (classic, default) or Gen 2 (VPC, private only). */
    generation: Generation.default('gen1'),
    /** Gen 2: the VPC (id or name); default: the region's first VPC with a subnet. */
    vpc: z.string().trim().min(1).max(64).optional(),
    /** Gen 2: the VPE's subnets of that VPC (ids or names); default: one per zone. */
    subnets: z.array(z.string().trim().min(1).max(64)).min(1).max(10).optional(),
    /** Gen 2: the VPE's security group (id or name in that VPC); default: one the app creates admitting TCP 6379 from the VPE's subnets. */
    securityGroup: z.string().trim().min(1).max(64).optional(),
    options: z
      .object({
        tags: DeployForm.shape.tags.optional(),
        /** Gen 1: one of DeployHostFlavor; Gen 2: a Gen 2 flavor offered in the region (default: the first). */
        hostFlavor: z.string().trim().min(1).max(64).optional(),
        /** Gen 2: GB per member, 10–4000 (default 10). */
        storageGbPerMember: Gen2StorageGb.optional(),
        memoryMbPerMember: DeployForm.shape.memoryMbPerMember.optional(),
        diskMbPerMember: DeployForm.shape.diskMbPerMember.optional(),
        cpuPerMember: DeployForm.shape.cpuPerMember.optional(),
        version: DeployForm.shape.version.optional(),
        keyProtectKeyCrn: DeployForm.shape.keyProtectKeyCrn.optional(),
        serviceEndpoints: DeployForm.shape.serviceEndpoints.optional()
      })
      .strict()
      .default({}),
    serviceKeyName: ServiceKeyInput.shape.name,
    /** Once the private profile passes: admit only these networks and VPCs (`pse-wizard restrict`'s --allow and --vpc). */
    restrict: z
      .object({ allow: RestrictInput.shape.addresses, vpcs: RestrictInput.shape.vpcs, mechanism: RestrictionMechanism.default('cbr') })
      .strict()
      .refine((r) => r.allow.length + r.vpcs.length > 0, { message: 'name at least one network in "allow" or one VPC in "vpcs"', path: ['allow'] })
      .optional(),
    /** Profile tags (default: ibmcloud and the region). */
    profileTags: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(40)
          .regex(/^[^\s,]+$/)
      )
      .max(20)
      .optional()
  })
  .strict()
  .superRefine(checkGenerationFields)
export type HeadlessConfig = z.infer<typeof HeadlessConfig>

/** One progress line: what changed. */
export interface ProgressLine {
  step: WizardStepId
  index: number
  status: string
  percent?: number | null
  text?: string | null
  /** Set when `text` is a hiccup notice (429, 5xx, network): its code, so the line is worded in the user's language. */
  noticeCode?: string
  elapsedMs?: number
  error?: AppError
}

export interface HeadlessResult {
  ok: boolean
  state: WizardState
  error?: AppError
}

const QUIET = new Set(['pending', 'ready'])

/**
 * The lines a new state deserves against the previous one: each step that started, finished,
 * failed or was blocked, and every change of the provisioning progress. Nothing when only
 * bookkeeping changed.
 */
export function progressLines(state: WizardState, prev?: WizardState): ProgressLine[] {
  const lines: ProgressLine[] = []
  for (const [i, step] of wizardSteps.entries()) {
    const s = state.steps[step]
    const before = prev?.steps[step]
    const waitMoved =
      step === 'wait' &&
      s.status === 'running' &&
      !!state.provisioning &&
      (prev?.provisioning?.percent !== state.provisioning.percent ||
        prev?.provisioning?.text !== state.provisioning.text ||
        prev?.provisioning?.notice !== state.provisioning.notice)
    if (before && before.status === s.status && before.error?.code === s.error?.code && !waitMoved) continue
    if (QUIET.has(s.status) && !(before?.status === 'running' && s.status === 'ready')) continue
    const line: ProgressLine = { step, index: i + 1, status: s.status === 'ready' ? 'stopped' : s.status }
    if (step === 'wait' && state.provisioning) {
      line.percent = state.provisioning.percent
      line.text = state.provisioning.notice ?? state.provisioning.text
      if (state.provisioning.notice && state.provisioning.noticeCode) line.noticeCode = state.provisioning.noticeCode
      line.elapsedMs = Math.max(0, Date.now() - Date.parse(state.provisioning.startedAt))
    }
    if (s.error) line.error = s.error
    lines.push(line)
  }
  return lines
}

const failure = (state: WizardState, step: WizardStepId): HeadlessResult => ({
  ok: false,
  state,
  error: state.steps[step].error ?? { code: 'wizard_step_failed', message: `The ${step} step did not finish.` }
})

/** The Deploy form from the config: Gen 1 as the config says, Gen 2 with its VPC, subnets and flavor resolved against the options. */
function headlessForm(config: HeadlessConfig, opts: WizardOptions, resourceGroupId: string): DeployForm {
  const { hostFlavor, storageGbPerMember, ...rest } = config.options
  void storageGbPerMember
  const base = { ...defaultDeployForm(), ...rest, name: config.name, region: config.region, resourceGroupId }
  if (config.generation === 'gen2') return DeployForm.parse({ ...base, ...gen2FormFields(config, opts) })
  return DeployForm.parse({ ...base, generation: 'gen1', ...(hostFlavor ? { hostFlavor } : {}) })
}

/**
 * Runs the wizard to the end without questions, through its contract calls: every step that is not done yet, in
 * order, with the config's choices. Run it again after a failure or a kill: done steps are
 * skipped, the instance is found again by its saved CRN (or by name), nothing is duplicated.
 */
export async function runHeadless(
  wizard: HeadlessWizard,
  config: HeadlessConfig,
  options: { useEnvironmentKey: boolean; useCliSession?: boolean; adminPassword?: string }
): Promise<HeadlessResult> {
  // A wait resumed at start must end before anything else runs.
  await wizard.call('wizard.idle', {})
  let state = await wizard.call('wizard.account', { source: options.useCliSession ? 'session' : options.useEnvironmentKey ? 'environment' : 'keychain' })
  if (state.steps.account.status !== 'done') return failure(state, 'account')

  // Checked for the config's generation (Gen 2: in its region); a check for another one is done again.
  const checkFor = config.generation === 'gen2' ? { generation: 'gen2' as const, region: config.region } : { generation: 'gen1' as const }
  const checkedFor = state.prerequisites ? { generation: state.prerequisites.generation, region: state.prerequisites.region } : null
  const sameCheck = checkedFor?.generation === checkFor.generation && (checkFor.generation === 'gen1' || checkedFor?.region === config.region)
  if (state.steps.prerequisites.status !== 'done' || !sameCheck) {
    state = await wizard.call('wizard.checkPrerequisites', checkFor)
    if (state.steps.prerequisites.status !== 'done') return failure(state, 'prerequisites')
  }

  const sameInstance = state.instance && state.instance.name === config.name && state.instance.region === config.region
  if (!sameInstance || state.steps.deploy.status !== 'done') {
    const opts = await wizard.call('wizard.options', { region: config.region })
    const group = config.resourceGroup
      ? opts.resourceGroups.find((g) => g.id === config.resourceGroup || g.name === config.resourceGroup)
      : opts.resourceGroups.find((g) => g.isDefault)
    if (!group) {
      throw new AppFailure({
        code: 'wizard_resource_group_not_found',
        message: `No resource group "${config.resourceGroup ?? '(default)'}" in this account. Use one of: ${opts.resourceGroups.map((g) => g.name).join(', ')}.`
      })
    }
    const form = headlessForm(config, opts, group.id)
    state = await wizard.call('wizard.deploy', { mode: 'create', form, confirm: true })
    if (state.steps.deploy.status !== 'done') return failure(state, 'deploy')
  }

  if (state.steps.wait.status !== 'done') {
    await wizard.call('wizard.resume', {})
    state = await wizard.call('wizard.idle', {})
    if (state.steps.wait.status !== 'done') return failure(state, 'wait')
  }

  // Gen 2 (told by the instance's plan): step 5 is its Manager key, step 6 its VPE gateway.
  const gen2 = state.instance?.generation === 'gen2'
  if (state.steps.password.status !== 'done') {
    state = gen2
      ? await wizard.call('wizard.createCredentials', {})
      : await wizard.call('wizard.setPassword', options.adminPassword ? { mode: 'enter', password: options.adminPassword } : { mode: 'generate' })
    if (state.steps.password.status !== 'done') return failure(state, 'password')
  }
  if (state.steps.connection.status !== 'done') {
    state = await wizard.call('wizard.fetchConnection', gen2 ? await gen2ConnectionInput(wizard, config, state) : {})
    if (state.steps.connection.status !== 'done') return failure(state, 'connection')
  }
  if (state.steps.serviceKey.status !== 'done') {
    state = await wizard.call('wizard.createServiceKey', { name: config.serviceKeyName })
    if (state.steps.serviceKey.status !== 'done') return failure(state, 'serviceKey')
  }

  // Always tested again: exit 0 means "the private profile works now".
  state = await wizard.call('wizard.test', {})
  if (!state.tests.private?.ok) return failure(state, 'test')

  if (state.steps.save.status !== 'done' || !state.saved?.privateProfileId) {
    state = await wizard.call('wizard.save', config.profileTags ? { tags: config.profileTags } : {})
    if (state.steps.save.status !== 'done') return failure(state, 'save')
  }
  return { ok: true, state }
}
