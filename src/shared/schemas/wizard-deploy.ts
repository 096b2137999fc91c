import { z } from 'zod'
import { Gen2HostFlavor, Gen2StorageGb, Generation, RedisInstance, RedisVersion, Region, ResourceGroup, ServiceEndpoints, VpcSummary } from './ibmcloud'

/** The wizard's deploy step: the create form (both generations), its inputs and the options that fill it. */
// ── Step 3: deploy ──────────────────────────────────────────────────────────
/** Host flavors: shared ('multitenant') or isolated sizes. */
export const DeployHostFlavor = z.enum([
  'multitenant',
  'b3c.4x16.encrypted',
  'b3c.8x32.encrypted',
  'm3c.8x64.encrypted',
  'b3c.16x64.encrypted',
  'b3c.32x128.encrypted',
  'm3c.30x240.encrypted'
])

const CRN = z.string().regex(/^crn:v1:[A-Za-z0-9:/._%-]+$/, 'Enter a CRN (crn:v1:…).')

/**
 * Every option of the seed's create screen, sizes per member as the console shows them.
 * The renderer validates each field with this very schema before sending.
 */
export const DeployForm = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter a name.')
      .max(180, 'Use at most 180 characters.')
      .regex(/^[\p{L}\p{N} ._:-]+$/u, 'Use letters, digits, spaces and - . _ : only.'),
    region: z.string().regex(/^[a-z0-9-]{2,32}$/, 'Choose a region.'),
    resourceGroupId: z.string().min(1, 'Choose a resource group.').max(64),
    tags: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(128)
          .regex(/^[\p{L}\p{N} _.:-]+$/u, 'Tags use letters, digits, spaces and _ . : - only.')
      )
      .max(50),
    hostFlavor: DeployHostFlavor,
    /** Per member (Redis has 2 data members). Shared flavor only. */
    memoryMbPerMember: z.number().int().min(1024, 'At least 1 GB per member.').max(1_048_576).multipleOf(256, 'Use steps of 256 MB.'),
    diskMbPerMember: z.number().int().min(1024, 'At least 1 GB per member.').max(4_194_304).multipleOf(1024, 'Use steps of 1 GB.'),
    /** Dedicated cores per member; 0 = shared CPU. Shared flavor only. */
    cpuPerMember: z.number().int().min(0).max(64),
    /** Empty = the preferred version. */
    version: z.union([z.literal(''), z.string().regex(/^\d+(\.\d+)*$/, 'Choose a version.')]),
    /** Null = automatic disk encryption key (default). */
    keyProtectKeyCrn: CRN.nullable(),
    serviceEndpoints: ServiceEndpoints,
    /** Gen 1 (classic, `standard`) or Gen 2 (VPC, `standard-gen2`, private only). */
    generation: Generation.default('gen1'),
    /** Gen 2 flavor (the Gen 1 flavors are `hostFlavor`); null for Gen 1. */
    gen2HostFlavor: Gen2HostFlavor.nullable().default(null),
    /** Gen 2: disk per member in GB (10–4000). */
    storageGbPerMember: Gen2StorageGb.default(10),
    /** The VPC the VPE gateway goes into: required for Gen 2, optional for Gen 1 (a VPC user reaching Gen 1 through a VPE). */
    vpcId: z.string().min(1).max(64).nullable().default(null),
    /** The VPE's subnets (one reserved IP each, one per zone); empty = one per zone of the VPC. */
    subnetIds: z.array(z.string().min(1).max(64)).max(10).default([])
  })
  .strict()
export type DeployForm = z.infer<typeof DeployForm>

/** The problems deployFormProblems finds; the UI words each from `setup.deploy.problem.<code>`. */
export const DeployFormProblemCode = z.enum(['gen2PrivateOnly', 'gen2HostFlavorMissing', 'gen2VpcMissing'])
export type DeployFormProblemCode = z.infer<typeof DeployFormProblemCode>

/** What cannot be chosen together (the form shows these under the fields named, in the UI's language by `code`). */
export function deployFormProblems(form: DeployForm): { path: keyof DeployForm; code: DeployFormProblemCode; message: string }[] {
  if (form.generation !== 'gen2') return []
  const problems: { path: keyof DeployForm; code: DeployFormProblemCode; message: string }[] = []
  if (form.serviceEndpoints !== 'private') problems.push({ path: 'serviceEndpoints', code: 'gen2PrivateOnly', message: 'Gen 2 has private endpoints only.' })
  if (form.gen2HostFlavor === null) problems.push({ path: 'gen2HostFlavor', code: 'gen2HostFlavorMissing', message: 'Choose a host flavor.' })
  if (form.vpcId === null) problems.push({ path: 'vpcId', code: 'gen2VpcMissing', message: 'Choose the VPC the private endpoint goes into.' })
  return problems
}

/**
 * The seed's choices (Redis-0101, Tokyo, 1 GB RAM and disk per member, shared CPU) with today's IBM
 * default for endpoints: private only (the console's default since 16 Sep 2024). The renderer
 * preselects the region's preferred version from the options' version list.
 */
export const defaultDeployForm = (overrides: Partial<DeployForm> = {}): DeployForm => ({
  name: 'Redis-0101',
  region: 'jp-tok',
  resourceGroupId: '',
  tags: [],
  hostFlavor: 'multitenant',
  memoryMbPerMember: 1024,
  diskMbPerMember: 1024,
  cpuPerMember: 0,
  version: '',
  keyProtectKeyCrn: null,
  serviceEndpoints: 'private',
  generation: 'gen1',
  gen2HostFlavor: null,
  storageGbPerMember: 10,
  vpcId: null,
  subnetIds: [],
  ...overrides
})

export const DeployInput = z.discriminatedUnion('mode', [
  /** `confirm: true` = the user saw the summary and agreed to create a (billed) instance. */
  z
    .object({ mode: z.literal('create'), form: DeployForm, confirm: z.literal(true) })
    .strict()
    .superRefine(({ form }, ctx) => {
      for (const p of deployFormProblems(form)) ctx.addIssue({ code: 'custom', path: ['form', p.path], message: p.message })
    }),
  z
    .object({
      mode: z.literal('adopt'),
      instanceId: z.string().min(1).max(512),
      /** The VPC (and VPE subnets; empty = one per zone) the adopted instance is reached from: needed by a Gen 2 instance's VPE in step 6. */
      vpcId: z.string().min(1).max(64).optional(),
      subnetIds: z.array(z.string().min(1).max(64)).max(10).optional()
    })
    .strict()
])
export type DeployInput = z.infer<typeof DeployInput>

export const WizardDeploy = z.object({
  mode: z.enum(['create', 'adopt']),
  /** The form as submitted (create mode); adopt mode with a VPC: the instance's identity and that VPC (what step 6 reads). */
  form: DeployForm.nullable()
})

/** The instance the wizard works on (created or adopted). Ids and CRNs only. */
export const WizardInstance = z.object({
  /** CRN. */
  id: z.string(),
  guid: z.string(),
  name: z.string(),
  region: z.string(),
  resourceGroupId: z.string(),
  serviceEndpoints: ServiceEndpoints.nullable(),
  state: z.string(),
  /** True when the wizard found it rather than created it. */
  adopted: z.boolean(),
  /** From `resource_plan_id`; decides every later step. */
  generation: Generation.default('gen1')
})
export type WizardInstance = z.infer<typeof WizardInstance>

// ── Options for the deploy form ─────────────────────────────────────────────
/**
 * Why a generation cannot be deployed in the region: Gen 1 not a Cloud Databases region; Gen 2 not
 * in the catalog's Gen 2 deployments, no VPC, no subnet, or the catalog / VPCs could not be read.
 */
export const GenerationReasonCode = z.enum(['gen1NotInRegion', 'gen2NotInRegion', 'gen2NoVpcInRegion', 'gen2NoSubnetInRegion', 'gen2Unreadable'])
export type GenerationReasonCode = z.infer<typeof GenerationReasonCode>

export const OptionsInput = z
  .object({
    /** Versions and existing instances are per region; default: the form's default region. */
    region: z
      .string()
      .regex(/^[a-z0-9-]{2,32}$/)
      .optional()
  })
  .strict()

export const WizardOptions = z.object({
  regions: z.array(Region),
  resourceGroups: z.array(ResourceGroup),
  versions: z.array(RedisVersion),
  hostFlavors: z.array(DeployHostFlavor),
  /** Which generations this account can deploy in the region, each with a one-line reason when not. */
  generations: z.array(
    z.object({
      id: Generation,
      available: z.boolean(),
      reason: z.string().nullable(),
      /** The reason as a wizard message id (the UI words it from `wizardSay.<code>` and `reasonParams`); `reason` keeps main's English. */
      reasonCode: GenerationReasonCode.nullable().default(null),
      /** Facts the reason names (the region, the regions that do offer Gen 2). */
      reasonParams: z.record(z.string(), z.string()).default({})
    })
  ),
  /** Gen 2 flavors offered in the region (from the catalog). */
  gen2HostFlavors: z.array(Gen2HostFlavor),
  /** Gen 2 versions offered in the region. */
  gen2Versions: z.array(RedisVersion),
  /** The region's VPCs (for Gen 2 and for a VPE to Gen 1). */
  vpcs: z.array(VpcSummary),
  /** Existing Redis instances the user may adopt instead of creating one. */
  instances: z.array(RedisInstance),
  /** The form's starting values (the seed's choices, the default resource group). */
  defaults: DeployForm
})
export type WizardOptions = z.infer<typeof WizardOptions>
