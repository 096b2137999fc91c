import { z } from 'zod'

/** Which networks a Redis deployment listens on (the broker's `service-endpoints` parameter). */
export const ServiceEndpoints = z.enum(['public', 'private', 'public-and-private'])
export type ServiceEndpoints = z.infer<typeof ServiceEndpoints>

/**
 * Databases for Redis generation: Gen 1 (plan `standard`, classic, Cloud Databases v5 API, admin
 * user) or Gen 2 (plan `standard-gen2`, VPC, private only, Resource Controller only, users are
 * service keys). Told apart by `resource_plan_id` only, never by the CRN (same form for both).
 */
export const Generation = z.enum(['gen1', 'gen2'])
export type Generation = z.infer<typeof Generation>
export const GEN1_PLAN_ID = 'databases-for-redis-standard'
export const GEN2_PLAN_ID = 'databases-for-redis-gen2-standard'
/** Terraform's `isGen2Plan()`: `-gen2` at the end of, or inside, the plan name or id. */
export const generationOfPlan = (planIdOrName: string | null | undefined): Generation => (/-gen2($|-)/i.test(planIdOrName ?? '') ? 'gen2' : 'gen1')

export const EndpointType = z.enum(['public', 'private'])
export type EndpointType = z.infer<typeof EndpointType>

export const AccountInfo = z.object({
  accountId: z.string(),
  /** From Account Management; absent when the key may not read it. */
  accountName: z.string().optional(),
  iamId: z.string().optional(),
  email: z.string().optional(),
  /** The API key's own name in IAM, when readable. */
  apiKeyName: z.string().optional()
})
export type AccountInfo = z.infer<typeof AccountInfo>

export const ApiKeySource = z.enum(['keychain', 'environment', 'session', 'none'])

export const AccountStatus = z.object({
  /** Where the key in use comes from; 'session' = the user's own `ibmcloud` login. */
  source: ApiKeySource,
  account: AccountInfo.optional(),
  sandbox: z.boolean()
})
export type AccountStatus = z.infer<typeof AccountStatus>

export const Region = z.object({ id: z.string(), name: z.string() })
export type Region = z.infer<typeof Region>

export const ResourceGroup = z.object({ id: z.string(), name: z.string(), isDefault: z.boolean() })
export type ResourceGroup = z.infer<typeof ResourceGroup>

export const RedisVersion = z.object({ version: z.string(), status: z.string(), preferred: z.boolean() })
export type RedisVersion = z.infer<typeof RedisVersion>

export const RedisInstance = z.object({
  /** The CRN (RC `id`). */
  id: z.string(),
  guid: z.string(),
  name: z.string(),
  region: z.string(),
  resourceGroupId: z.string(),
  state: z.string(),
  /** From `resource_plan_id` (see generationOfPlan). */
  generation: Generation,
  serviceEndpoints: ServiceEndpoints.optional(),
  version: z.string().optional(),
  lastOperation: z.object({ type: z.string().optional(), state: z.string().optional(), description: z.string().optional() }).optional(),
  createdAt: z.string().optional()
})
export type RedisInstance = z.infer<typeof RedisInstance>

export const HostFlavor = z.enum([
  'multitenant',
  'b3c.4x16.encrypted',
  'b3c.8x32.encrypted',
  'm3c.8x64.encrypted',
  'b3c.16x64.encrypted',
  'b3c.32x128.encrypted',
  'm3c.30x240.encrypted'
])
export type HostFlavor = z.infer<typeof HostFlavor>
/**
 * Gen 2 host flavors (no `multitenant`; memory and CPU come with the flavor). The offered list is
 * per region and comes from the catalog; this is the shape a flavor id must have.
 */
export const Gen2HostFlavor = z.string().regex(/^[a-z][a-z0-9]*\.\d+x\d+(\.[a-z0-9]+)?$/, 'Choose a host flavor.')
/** Per member, GB (the broker's `storage_gb`). */
export const Gen2StorageGb = z.number().int().min(10, 'At least 10 GB per member.').max(4000, 'At most 4000 GB per member.')

/** Gen 2 create: `parameters.dataservices.redis {host_flavor, members: 2, storage_gb, version}`, private only. */
export const CreateGen2InstanceRequest = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(180)
      .regex(/^[\p{L}\p{N} ._:-]+$/u),
    region: z.string().regex(/^[a-z0-9-]{2,32}$/),
    resourceGroupId: z.string().min(1).max(64),
    tags: z
      .array(
        z
          .string()
          .min(1)
          .max(128)
          .regex(/^[\p{L}\p{N} _.:-]+$/u)
      )
      .max(50)
      .default([]),
    hostFlavor: Gen2HostFlavor,
    storageGbPerMember: Gen2StorageGb,
    version: z
      .string()
      .regex(/^\d+(\.\d+)*$/)
      .optional(),
    keyProtectKeyCrn: z
      .string()
      .regex(/^crn:v1:[a-z0-9:/._%-]+$/i)
      .optional()
  })
  .strict()
export type CreateGen2InstanceRequest = z.input<typeof CreateGen2InstanceRequest>

const CRN = z.string().regex(/^crn:v1:[a-z0-9:/._%-]+$/i, 'must be a CRN (crn:v1:…)')

/** Name rule of the Resource Controller: ≤180 chars, letters, digits, space and - . _ : */
export const InstanceName = z
  .string()
  .trim()
  .min(1)
  .max(180)
  .regex(/^[\p{L}\p{N} ._:-]+$/u, 'use letters, digits, spaces and - . _ : only')

/** Every option of the seed's create screen. Sizes are per member, as the console shows them. */
export const CreateInstanceRequest = z
  .object({
    name: InstanceName,
    region: z.string().regex(/^[a-z0-9-]{2,32}$/),
    resourceGroupId: z.string().min(1).max(64),
    tags: z
      .array(
        z
          .string()
          .min(1)
          .max(128)
          .regex(/^[\p{L}\p{N} _.:-]+$/u)
      )
      .max(50)
      .default([]),
    hostFlavor: HostFlavor.default('multitenant'),
    /** Per member; Redis has 2 data members, the broker wants the total. Multitenant only. */
    memoryMbPerMember: z.number().int().min(1024).max(1_048_576).multipleOf(128).optional(),
    diskMbPerMember: z.number().int().min(1024).max(4_194_304).multipleOf(1024).optional(),
    /** Dedicated cores per member; 0 or absent = shared CPU. Multitenant only. */
    cpuPerMember: z.number().int().min(0).max(64).optional(),
    version: z
      .string()
      .regex(/^\d+(\.\d+)*$/)
      .optional(),
    keyProtectKeyCrn: CRN.optional(),
    serviceEndpoints: ServiceEndpoints
  })
  .strict()
export type CreateInstanceRequest = z.input<typeof CreateInstanceRequest>
export type CreateInstanceSpec = z.output<typeof CreateInstanceRequest>

export const ProvisionPhase = z.enum(['creating', 'adopted', 'provisioning', 'waiting_for_database', 'ready', 'failed'])
export const ProvisionProgress = z.object({
  phase: ProvisionPhase,
  instanceId: z.string().optional(),
  state: z.string().optional(),
  /** The service's own words, e.g. "Provisioning redis with version 8.2 (40%)". */
  description: z.string().optional(),
  /** Set when this poll failed transiently (IBM's 5xx, 429, the network): the failure's code; `description` is then main's English, not IBM's words. */
  hiccup: z.string().optional(),
  percent: z.number().min(0).max(100).optional(),
  elapsedMs: z.number().nonnegative()
})
export type ProvisionProgress = z.infer<typeof ProvisionProgress>

export const PasswordCheck = z.object({ ok: z.boolean(), problems: z.array(z.string()) })
export type PasswordCheck = z.infer<typeof PasswordCheck>

/** Connection details without any password: the URI keeps IBM's `$PASSWORD` placeholder. */
export const ConnectionInfo = z.object({
  endpoint: EndpointType,
  hostname: z.string(),
  port: z.number().int(),
  username: z.string(),
  database: z.number().int(),
  uri: z.string(),
  caName: z.string().optional(),
  /** The service's CA (Gen 1, self-signed); empty: publicly trusted, verified with the system's roots (Gen 2). */
  caPem: z.string(),
  /** SNI and the name the certificate must match when it differs from `hostname` (Gen 2: the VPE domain, also when dialling an IP). */
  servername: z.string().optional(),
  cliCommand: z.string().optional()
})
export type ConnectionInfo = z.infer<typeof ConnectionInfo>

export const AllowlistEntry = z.object({
  address: z.string().regex(/^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/, 'IPv4 address or CIDR'),
  description: z.string().max(256).default('')
})
export type AllowlistEntry = z.infer<typeof AllowlistEntry>

/** A text of the message catalogue (its dotted key) with its parameters. */
export const MessageRef = z.object({ key: z.string().max(120), params: z.record(z.string(), z.string().max(4000)) })
export type MessageRef = z.infer<typeof MessageRef>

/** Gen 1 items first; `vpc`, `subnet`, `gen2_catalog`, `iam_roles` are the Gen 2 prerequisites (VRF is not asked of VPC users). */
export const PrereqId = z.enum(['api_key', 'account', 'cli', 'cli_login', 'plugin', 'vrf', 'service_endpoint', 'vpc', 'subnet', 'gen2_catalog', 'iam_roles'])
export const PrereqItem = z.object({
  id: PrereqId,
  /** null = could not be checked (an earlier item failed). */
  ok: z.boolean().nullable(),
  label: z.string(),
  detail: z.string().optional(),
  advice: z.string().optional(),
  /** A command the user can copy to fix it. */
  command: z.string().optional(),
  link: z.string().optional(),
  /** The detail and advice as catalogue texts (src/shared/i18n), so the UI shows them in its language; `detail`/`advice` are their English. */
  text: z.object({ detail: MessageRef.optional(), advice: MessageRef.optional() }).optional()
})
export type PrereqItem = z.infer<typeof PrereqItem>
export const PrereqReport = z.object({ ok: z.boolean(), items: z.array(PrereqItem), sandbox: z.boolean() })
export type PrereqReport = z.infer<typeof PrereqReport>

// ── VPC (Gen 2, and Gen 1 reached from a VPC) ───────────────────────────────
export const VpcSubnet = z.object({ id: z.string(), name: z.string(), zone: z.string(), cidr: z.string() })
export type VpcSubnet = z.infer<typeof VpcSubnet>
export const VpcSecurityGroup = z.object({ id: z.string(), name: z.string() })
export type VpcSecurityGroup = z.infer<typeof VpcSecurityGroup>
/** A VPC of the chosen region with what the VPE step needs of it. */
export const VpcSummary = z.object({
  id: z.string(),
  crn: z.string(),
  name: z.string(),
  region: z.string(),
  subnets: z.array(VpcSubnet),
  securityGroups: z.array(VpcSecurityGroup)
})
export type VpcSummary = z.infer<typeof VpcSummary>

/** One IBM Cloud support case opened by the app (VRF for a classic account), as Case Management reports it. */
export const SupportCase = z.object({
  number: z.string(),
  /** Case Management's own word: new, in_progress, waiting_on_client, resolved, closed… */
  status: z.string(),
  openedAt: z.string(),
  checkedAt: z.string()
})
export type SupportCase = z.infer<typeof SupportCase>
