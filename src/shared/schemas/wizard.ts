import { z } from 'zod'
import { AppErrorSchema } from '../errors'
import { AccountInfo, ConnectionInfo, EndpointType, Generation, PasswordCheck, PrereqItem, SupportCase, VpcSummary } from './ibmcloud'
import { ProbeResult } from './probe'
import { WizardDeploy, WizardInstance } from './wizard-deploy'

export * from './wizard-deploy'

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
  docsLink: z.string(),
  /** Which generation these items were checked for (Gen 2: VPC items instead of VRF). */
  generation: Generation.default('gen1'),
  /** Gen 2: the region whose VPCs and catalog deployment were checked. */
  region: z.string().nullable().default(null),
  /** The VRF support case the app opened for the user (after they confirmed), with its last status. */
  supportCase: SupportCase.nullable().default(null),
  /** VRF off: the subject the case is opened with (it names this run, so the case is never opened twice). */
  supportCaseSubject: z.string().nullable().default(null)
})
export type WizardPrerequisites = z.infer<typeof WizardPrerequisites>

/** Step 2 (re-)check: which generation (and, for Gen 2, which region) to check for. Empty: as last time, else Gen 1. */
export const CheckPrerequisitesInput = z
  .object({
    generation: Generation.optional(),
    region: z
      .string()
      .regex(/^[a-z0-9-]{2,32}$/)
      .optional()
  })
  .strict()
export type CheckPrerequisitesInput = z.infer<typeof CheckPrerequisitesInput>

/** Step 2, VRF off on a classic account: open the support case with the prepared text; `confirm` = the user read it and agreed. */
export const OpenSupportCaseInput = z.object({ confirm: z.literal(true) }).strict()

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
  /** The code of the hiccup `notice` is about (ibm_server_error…), so the UI words it in its language. */
  noticeCode: z.string().nullable().optional(),
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

/**
 * Step 5 for Gen 2 (no admin user): the user's own service key with the Manager role. Its
 * credentials go to the keychain from the create response (a later read may not show them).
 */
export const CreateCredentialsInput = z
  .object({
    /** Default: "<instance name>-manager". */
    name: z
      .string()
      .trim()
      .min(1)
      .max(180)
      .regex(/^[\p{L}\p{N} ._:-]+$/u)
      .optional()
  })
  .strict()
export type CreateCredentialsInput = z.infer<typeof CreateCredentialsInput>

export const WizardCredentials = z.object({
  /** Resource key CRN. */
  keyId: z.string(),
  keyName: z.string(),
  role: z.enum(['Manager', 'Writer']),
  username: z.string(),
  storedIn: z.enum(['keychain', 'session']),
  /** True when a key of that name existed and its credentials were still in the keychain. */
  reused: z.boolean(),
  createdAt: z.string(),
  /** Host and port as the key's credentials name them (TLS with the system's roots, SNI = host); null when they name none. */
  connection: ConnectionInfo.nullable().default(null)
})
export type WizardCredentials = z.infer<typeof WizardCredentials>

// ── Step 6 for Gen 2 (and Gen 1 from a VPC): the VPE gateway ────────────────
export const ConnectionInput = z
  .object({
    /** The security group that admits TCP 6379 from the client subnets; absent: one the app finds or creates (`createSecurityGroup`). */
    securityGroupId: z.string().min(1).max(64).optional(),
    /** The user agreed that the app creates a security group admitting TCP 6379 from the VPE's subnets. */
    createSecurityGroup: z.boolean().optional(),
    /** Gen 1 with a VPC in the deploy form: also add a VPE gateway (optional; Gen 2 always has one). */
    vpe: z.boolean().optional()
  })
  .strict()
export type ConnectionInput = z.infer<typeof ConnectionInput>

export const WizardVpe = z.object({
  gatewayId: z.string(),
  name: z.string(),
  vpcId: z.string(),
  /** True when a gateway targeting this instance already existed. */
  reused: z.boolean(),
  /** VPC's `lifecycle_state`: pending → stable (or failed). */
  lifecycleState: z.string(),
  ips: z.array(z.object({ address: z.string(), zone: z.string(), subnetId: z.string() })),
  /** The name clients dial (the instance's VPE domain), resolved to the IPs inside the VPC. */
  hostname: z.string(),
  port: z.number().int(),
  securityGroupId: z.string().nullable(),
  createdSecurityGroup: z.boolean(),
  /** The client subnets the security group admits `port` from (the gateway has one IP in the first of each zone). */
  clientSubnets: z.array(z.object({ id: z.string(), cidr: z.string(), zone: z.string() })).default([]),
  /** IBM's reasons when the gateway failed (empty otherwise). */
  reasons: z.string().default(''),
  /** Set while the wait sits out an IBM Cloud hiccup (429, 5xx, network): main's words, and their code for the UI's language. */
  notice: z.string().nullable().default(null),
  noticeCode: z.string().nullable().default(null),
  updatedAt: z.string().nullable().default(null)
})
export type WizardVpe = z.infer<typeof WizardVpe>

// ── Step 7: private service key ─────────────────────────────────────────────
export const ServiceKeyInput = z
  .object({
    /** Default: "<instance name>-private-key" (the seed used redis-private-key). */
    name: z
      .string()
      .trim()
      .min(1)
      .max(180)
      .regex(/^[\p{L}\p{N} ._:-]+$/u)
      .optional(),
    /** Gen 2: the application's key role (default Writer); Gen 1 keys have no role choice. */
    role: z.enum(['Writer', 'Manager']).optional(),
    /** Gen 2: no separate application key (the Manager key of step 5 is used). */
    skip: z.boolean().optional()
  })
  .strict()

export const WizardServiceKey = z.object({
  /** Resource key CRN. */
  id: z.string(),
  name: z.string(),
  reused: z.boolean(),
  /** Gen 2 keys carry a service role; null for Gen 1. */
  role: z.enum(['Manager', 'Writer']).nullable().default(null),
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
    tags: z
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
  /** Gen 2's step 5: the Manager service key (files written before Gen 2 have none). */
  credentials: WizardCredentials.nullable().default(null),
  /** The VPE gateway (Gen 2; Gen 1 reached from a VPC). */
  vpe: WizardVpe.nullable().default(null),
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
