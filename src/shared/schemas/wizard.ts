import { z } from 'zod'
import { AppErrorSchema } from '../errors'
import { AccountInfo, ConnectionInfo, EndpointType, PasswordCheck, PrereqItem, RedisInstance, RedisVersion, Region, ResourceGroup, ServiceEndpoints } from './ibmcloud'
import { ProbeResult } from './probe'

/**
 * The setup wizard's contract: the state main keeps (and persists) for the nine steps of
 * DESIGN.md, and the inputs of the wizard calls. The renderer only renders the state it is
 * given; every change arrives as a `wizard.changed` event. Never a secret in here: the API key
 * and the passwords live in the keychain; connection strings keep IBM's `$PASSWORD` placeholder.
 */

export const WizardStepId = z.enum(['account', 'prerequisites', 'deploy', 'wait', 'password', 'connection', 'serviceKey', 'test', 'save'])
export type WizardStepId = z.infer<typeof WizardStepId>
export const wizardSteps = WizardStepId.options

/**
 * pending: not reached; ready: the user can act on it; running: main is working on it;
 * done; failed: `error` says why and what to do; blocked: needs something outside the app
 * (VRF off: a support case) — re-check later.
 */
export const StepStatus = z.enum(['pending', 'ready', 'running', 'done', 'failed', 'blocked'])
export type StepStatus = z.infer<typeof StepStatus>

export const StepState = z.object({
  status: StepStatus,
  error: AppErrorSchema.nullable(),
  /** ISO time of the last change of this step. */
  updatedAt: z.string().nullable()
})
export type StepState = z.infer<typeof StepState>

/** One copyable `ibmcloud` command, as the seed article types them. */
export const CliCommand = z.object({
  /** What it does, one short English line (the UI may translate by `id`). */
  label: z.string(),
  id: z.string(),
  command: z.string()
})
export type CliCommand = z.infer<typeof CliCommand>

// ── Step 1: account ─────────────────────────────────────────────────────────
/** 'keychain': a key entered here (kept in the keychain); 'environment': IBMCLOUD_API_KEY; 'session': the user's `ibmcloud` login. */
export const AccountSource = z.enum(['keychain', 'environment', 'session'])
export type AccountSource = z.infer<typeof AccountSource>

export const WizardAccount = z.object({
  source: AccountSource,
  info: AccountInfo
})
export type WizardAccount = z.infer<typeof WizardAccount>

export const AccountInput = z.discriminatedUnion('source', [
  /** A new key: validated with IAM, then kept in the keychain. Never echoed back. */
  z.object({ source: z.literal('apiKey'), apiKey: z.string().trim().min(1).max(300) }).strict(),
  /** The key already in the keychain (from an earlier run). */
  z.object({ source: z.literal('keychain') }).strict(),
  /** IBMCLOUD_API_KEY from the environment of main. */
  z.object({ source: z.literal('environment') }).strict(),
  /** The user's own `ibmcloud` CLI login. */
  z.object({ source: z.literal('session') }).strict()
])
export type AccountInput = z.infer<typeof AccountInput>

/** Which key sources are available right now (the Account step shows these choices). */
export const AccountChoices = z.object({
  keychain: z.boolean(),
  environment: z.boolean(),
  session: z.boolean()
})

// ── Step 2: prerequisites ───────────────────────────────────────────────────
export const WizardPrerequisites = z.object({
  checkedAt: z.string(),
  ok: z.boolean(),
  items: z.array(PrereqItem),
  /** VRF off: the support-case text to copy (empty otherwise). */
  supportCaseText: z.string().nullable(),
  /** IBM docs for VRF and service endpoints. */
  docsLink: z.string()
})
export type WizardPrerequisites = z.infer<typeof WizardPrerequisites>

// ── Step 3: deploy ──────────────────────────────────────────────────────────
/** Host flavors: shared ('multitenant') or isolated sizes. */
export const DeployHostFlavor = z.enum(['multitenant', 'b3c.4x16.encrypted', 'b3c.8x32.encrypted', 'm3c.8x64.encrypted', 'b3c.16x64.encrypted', 'b3c.32x128.encrypted', 'm3c.30x240.encrypted'])

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
    tags: z.array(z.string().trim().min(1).max(128).regex(/^[\p{L}\p{N} _.:-]+$/u, 'Tags use letters, digits, spaces and _ . : - only.')).max(50),
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
    serviceEndpoints: ServiceEndpoints
  })
  .strict()
export type DeployForm = z.infer<typeof DeployForm>

/** The seed's choices: Redis-0101, Tokyo, 1 GB RAM and disk per member, shared CPU, both endpoints. */
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
  serviceEndpoints: 'public-and-private',
  ...overrides
})

export const DeployInput = z.discriminatedUnion('mode', [
  /** `confirm: true` = the user saw the summary and agreed to create a (billed) instance. */
  z.object({ mode: z.literal('create'), form: DeployForm, confirm: z.literal(true) }).strict(),
  z.object({ mode: z.literal('adopt'), instanceId: z.string().min(1).max(512) }).strict()
])
export type DeployInput = z.infer<typeof DeployInput>

export const WizardDeploy = z.object({
  mode: z.enum(['create', 'adopt']),
  /** The form as submitted (create mode). */
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
  adopted: z.boolean()
})
export type WizardInstance = z.infer<typeof WizardInstance>

// ── Step 4: wait ────────────────────────────────────────────────────────────
export const WizardProvisioning = z.object({
  /** 0–100, or null when the service has given no number yet. */
  percent: z.number().min(0).max(100).nullable(),
  /** The service's own words, e.g. "Provisioning redis with version 8.2 (40%)". */
  text: z.string().nullable(),
  /** Resource Controller state: provisioning, active, failed… */
  state: z.string().nullable(),
  phase: z.enum(['creating', 'provisioning', 'waiting_for_database', 'ready', 'failed', 'stopped']),
  /** Set while the wait sits out an IBM Cloud hiccup (429, 5xx, network): what happened, and that it keeps waiting. */
  notice: z.string().nullable(),
  /** When the wait began (ISO); elapsed = now − startedAt. Survives restarts. */
  startedAt: z.string(),
  updatedAt: z.string()
})
export type WizardProvisioning = z.infer<typeof WizardProvisioning>

// ── Step 5: admin password ──────────────────────────────────────────────────
export const PasswordInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('generate') }).strict(),
  z.object({ mode: z.literal('enter'), password: z.string().min(1).max(200) }).strict()
])
export type PasswordInput = z.infer<typeof PasswordInput>

export const WizardPassword = z.object({
  username: z.string(),
  generated: z.boolean(),
  /** Where the password is kept. */
  storedIn: z.enum(['keychain', 'session']),
  setAt: z.string()
})

// ── Step 7: private service key ─────────────────────────────────────────────
export const ServiceKeyInput = z
  .object({
    /** Default: "<instance name>-private-key" (the seed used redis-private-key). */
    name: z.string().trim().min(1).max(180).regex(/^[\p{L}\p{N} ._:-]+$/u).optional()
  })
  .strict()

export const WizardServiceKey = z.object({
  /** Resource key CRN. */
  id: z.string(),
  name: z.string(),
  reused: z.boolean(),
  /** Its connection (private hosts, generated user); the password stays in the keychain. */
  connection: ConnectionInfo
})

// ── Step 8: test ────────────────────────────────────────────────────────────
export const TestInput = z
  .object({
    /** Default: every enabled endpoint. */
    endpoints: z.array(EndpointType).min(1).max(2).optional()
  })
  .strict()

/** Another way to reach a private endpoint when this computer cannot. */
export const PrivatePathOption = z.object({
  kind: z.enum(['bastion', 'pod', 'vpn']),
  /** True when PSE Wizard can run the test that way itself. */
  available: z.boolean(),
  label: z.string(),
  detail: z.string()
})
export type PrivatePathOption = z.infer<typeof PrivatePathOption>

export const WizardTests = z.object({
  public: ProbeResult.nullable(),
  private: ProbeResult.nullable(),
  /**
   * Set when the private test failed because this computer is outside IBM's private network
   * (`private_endpoint_unreachable` / `dns_not_found`): a plain explanation and other paths.
   * The save step is then allowed; after `wizard.save`, test the private profile along a
   * bastion or pod with `network.testPath({ profileId: saved.privateProfileId, networkPath })`.
   */
  privateUnreachable: z
    .object({
      code: z.string(),
      message: z.string(),
      options: z.array(PrivatePathOption)
    })
    .nullable()
})
export type WizardTests = z.infer<typeof WizardTests>

// ── Step 9: save ────────────────────────────────────────────────────────────
export const SaveInput = z
  .object({
    /** Profile names; defaults "<instance> (public)" / "<instance> (private)". */
    publicName: z.string().trim().min(1).max(100).optional(),
    privateName: z.string().trim().min(1).max(100).optional(),
    tags: z.array(z.string().trim().min(1).max(40).regex(/^[^\s,]+$/)).max(20).optional()
  })
  .strict()

export const WizardSaved = z.object({
  publicProfileId: z.string().nullable(),
  privateProfileId: z.string().nullable(),
  savedAt: z.string()
})

// ── The whole state ─────────────────────────────────────────────────────────
export const WizardState = z.object({
  /** Schema version of the persisted file. */
  version: z.literal(1),
  /** Random id of this wizard run (changes on reset). */
  runId: z.string(),
  sandbox: z.boolean(),
  current: WizardStepId,
  steps: z.object({
    account: StepState,
    prerequisites: StepState,
    deploy: StepState,
    wait: StepState,
    password: StepState,
    connection: StepState,
    serviceKey: StepState,
    test: StepState,
    save: StepState
  }),
  /** True while main runs something for the wizard (the UI disables Next/Back). */
  busy: z.boolean(),
  account: WizardAccount.nullable(),
  prerequisites: WizardPrerequisites.nullable(),
  deploy: WizardDeploy.nullable(),
  instance: WizardInstance.nullable(),
  provisioning: WizardProvisioning.nullable(),
  password: WizardPassword.nullable(),
  connections: z.object({ public: ConnectionInfo.nullable(), private: ConnectionInfo.nullable() }),
  serviceKey: WizardServiceKey.nullable(),
  tests: WizardTests,
  saved: WizardSaved.nullable(),
  /** The `ibmcloud` commands equivalent to each step, filled with this run's names. */
  cli: z.object({
    account: z.array(CliCommand),
    prerequisites: z.array(CliCommand),
    deploy: z.array(CliCommand),
    wait: z.array(CliCommand),
    password: z.array(CliCommand),
    connection: z.array(CliCommand),
    serviceKey: z.array(CliCommand),
    test: z.array(CliCommand),
    save: z.array(CliCommand)
  }),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type WizardState = z.infer<typeof WizardState>

// ── Options for the deploy form ─────────────────────────────────────────────
export const OptionsInput = z
  .object({
    /** Versions and existing instances are per region; default: the form's default region. */
    region: z.string().regex(/^[a-z0-9-]{2,32}$/).optional()
  })
  .strict()

export const WizardOptions = z.object({
  regions: z.array(Region),
  resourceGroups: z.array(ResourceGroup),
  versions: z.array(RedisVersion),
  hostFlavors: z.array(DeployHostFlavor),
  /** Existing Redis instances the user may adopt instead of creating one. */
  instances: z.array(RedisInstance),
  /** The form's starting values (the seed's choices, the default resource group). */
  defaults: DeployForm
})
export type WizardOptions = z.infer<typeof WizardOptions>

export const GoToInput = z.object({ step: WizardStepId }).strict()
export const DeleteInstanceInput = z
  .object({
    instanceId: z.string().min(1).max(512),
    /** Must equal the instance name exactly: deleting is permanent. */
    typedName: z.string().max(180)
  })
  .strict()

export const CheckPasswordInput = z.object({ password: z.string().max(200) }).strict()
export { PasswordCheck }
