import type {
  AccountInfo,
  ConnectionInfo,
  CreateGen2InstanceRequest,
  CreateInstanceRequest,
  EndpointType,
  Generation,
  PasswordCheck,
  PrereqReport,
  ProvisionProgress,
  Region,
  RedisInstance,
  RedisVersion,
  ResourceGroup,
  VpcSummary
} from '../../shared/schemas/ibmcloud'
import type { ProbeResult } from '../../shared/schemas/probe'
import type { Gen2Key, Gen2Role } from '../ibmcloud/gen2-keys'
import type { AccountInput, AccountSource, PrivatePathOption } from '../../shared/schemas/wizard'

/** The support case the wizard opens when VRF is off: exactly what the user confirmed. */
export interface SupportCaseRequest {
  subject: string
  description: string
  /** This run's mark in the subject: how an earlier case of the run is found again. */
  marker: string
}

export interface SupportCaseRead {
  number: string
  status: string
  createdAt: string | null
}

/** What the prerequisites are checked for: Gen 1, or Gen 2 in a region. */
export type PrereqTarget = { generation: 'gen1' } | { generation: 'gen2'; region: string }

/**
 * What the wizard job needs from the rest of the app, as one port: the IBM Cloud layer, the
 * probe, the profile store and the keychain. `wizard-services.ts` wires the real modules (the IBM part, `ibm-services.ts`, on first use); unit
 * tests pass fakes. Every method that talks to a network takes the job's AbortSignal.
 */
export interface WizardServices {
  readonly sandbox: boolean

  /** Which key sources exist now (keychain entry, IBMCLOUD_API_KEY, a CLI session). */
  accountChoices(): Promise<{ keychain: boolean; environment: boolean; session: boolean }>
  /** Validates the key with IAM (a new key is stored in the keychain only once it works). */
  signIn(input: AccountInput, signal: AbortSignal): Promise<{ source: AccountSource; info: AccountInfo }>
  /** After a restart: sign in again from the saved source (no key typed). */
  restoreSession(source: AccountSource, signal: AbortSignal): Promise<void>
  /** Gen 1 without a target; Gen 2: the region's VPC, subnets, Gen 2 deployment and IAM roles. */
  checkPrerequisites(signal: AbortSignal, target?: PrereqTarget): Promise<PrereqReport>
  /** VRF off: the run's support case, found by `marker` (part of the subject) or opened once through Case Management. */
  openSupportCase(request: SupportCaseRequest, signal: AbortSignal): Promise<SupportCaseRead & { adopted: boolean }>
  /** A support case's status as Case Management reports it now. */
  readSupportCase(caseNumber: string, signal: AbortSignal): Promise<SupportCaseRead>

  listRegions(signal: AbortSignal): Promise<Region[]>
  listResourceGroups(signal: AbortSignal): Promise<ResourceGroup[]>
  listVersions(region: string, signal: AbortSignal): Promise<RedisVersion[]>
  listInstances(signal: AbortSignal): Promise<RedisInstance[]>
  getInstance(id: string, signal: AbortSignal): Promise<RedisInstance>

  /** Idempotent: finds the instance by name/region/group before any POST. */
  createOrAdopt(
    req: CreateInstanceRequest,
    signal: AbortSignal,
    onProgress: (p: ProvisionProgress) => void
  ): Promise<{ instance: RedisInstance; adopted: boolean }>
  /** Polls until active and the deployment answers; safe to call again after a restart. */
  waitUntilReady(instanceId: string, signal: AbortSignal, onProgress: (p: ProvisionProgress) => void): Promise<RedisInstance>
  deleteInstance(instanceId: string, signal: AbortSignal): Promise<void>

  /** Gen 2: the regions where the Global Catalog lists a Gen 2 deployment (empty: it lists none, so nobody can tell). */
  listGen2Regions(signal: AbortSignal): Promise<string[]>
  /** The region's VPCs with their subnets and security groups. */
  listVpcSummaries(region: string, signal: AbortSignal): Promise<VpcSummary[]>
  /** Gen 2 create, as duplicate-safe as Gen 1's; an instance of that name of the other generation is refused (ibm_conflict). */
  createOrAdoptGen2(
    req: CreateGen2InstanceRequest,
    signal: AbortSignal,
    onProgress: (p: ProvisionProgress) => void
  ): Promise<{ instance: RedisInstance; adopted: boolean }>
  /** Gen 2 wait: the Resource Controller only, until active and its extensions carry the connection. */
  waitUntilGen2Ready(instanceId: string, signal: AbortSignal, onProgress: (p: ProvisionProgress) => void): Promise<RedisInstance>

  checkPassword(password: string): PasswordCheck
  generatePassword(): string
  setAdminPassword(crn: string, password: string, signal: AbortSignal): Promise<{ username: string }>
  connectionInfo(crn: string, endpoint: EndpointType, signal: AbortSignal): Promise<ConnectionInfo>
  ensurePrivateServiceKey(
    instance: { id: string; guid: string },
    name: string,
    signal: AbortSignal
  ): Promise<{ keyId: string; name: string; reused: boolean; connection: ConnectionInfo; credentials: { username: string; password: string } }>

  /** Gen 2: the instance's active service key of that name; its credentials only when IBM shows them again. */
  findGen2Key(instance: { guid: string }, name: string, signal: AbortSignal): Promise<Gen2Key | undefined>
  /** Gen 2: creates a service key with a role (duplicate-safe); the credentials come from the create's answer. */
  createGen2Key(instance: { id: string; guid: string }, name: string, role: Gen2Role, signal: AbortSignal): Promise<Gen2Key>

  /**
   * Runs the connection probe against one endpoint (directly from this computer). A failed
   * private endpoint comes with the network diagnosis: why it is unreachable from here.
   */
  probe(
    target: { connection: ConnectionInfo; username: string; password: string },
    signal: AbortSignal
  ): Promise<ProbeResult & { diagnosis?: { message: string } | null }>
  /** Other ways to test a private endpoint from here (bastion, pod), when the network module offers them. */
  privatePathOptions(): PrivatePathOption[]

  /** Gen 2's connection details and the VPE gateway (Gen 2; Gen 1 reached from a VPC). */
  readonly vpc: WizardVpcServices

  /** Creates a connection profile (secrets in the keychain); returns its id. */
  saveProfile(profile: WizardProfileDraft): Promise<{ id: string }>

  /** Secrets the wizard keeps between steps and restarts (keychain, or memory for this session). */
  readonly secrets: {
    get(name: string): Promise<string | undefined>
    set(name: string, value: string): Promise<'keychain' | 'session'>
    delete(name: string): Promise<void>
  }
}

/** The part of the port that talks to IBM Cloud (and the probe): loaded on first use, see wizard-services.ts. */
export type WizardCloudServices = Omit<WizardServices, 'sandbox' | 'checkPassword' | 'generatePassword' | 'privatePathOptions' | 'saveProfile' | 'secrets'>

export interface WizardProfileDraft {
  name: string
  tags: string[]
  connection: ConnectionInfo
  username: string
  password: string
  crn: string
  region: string
  generation: Generation
  /** The resource key whose user the profile signs in as (null: the admin user). */
  keyId: string | null
}

/** A subnet of the deploy form's VPC, as the VPE step needs it. */
export interface VpeSubnet {
  id: string
  name: string
  cidr: string
  zone: string
}

/** A VPE gateway as the step reads it: its state, its reserved IPs (0.0.0.0 until bound) and IBM's reasons. */
export interface VpeGateway {
  id: string
  name: string
  lifecycleState: string
  /** IBM's `lifecycle_reasons`, joined (empty when none). */
  reasons: string
  ips: Array<{ address: string; subnetId: string | null }>
  securityGroupIds: string[]
}

export interface VpeGatewayRequest {
  name: string
  vpcId: string
  targetCrn: string
  /** One subnet per zone: one reserved IP in each. */
  subnets: VpeSubnet[]
  securityGroupIds: string[]
  resourceGroupId?: string
}

/**
 * The VPC side of step 6 (src/main/wizard/vpc-services.ts wires the real VPC client). A failed
 * poll is retried by the client first; what still fails reaches the step, which sits it out.
 */
export interface WizardVpcServices {
  /** Gen 2: the connection details in the instance's `extensions` (placeholders, never credentials). */
  gen2Connection(crn: string, signal: AbortSignal): Promise<ConnectionInfo>
  subnets(region: string, vpcId: string, signal: AbortSignal): Promise<VpeSubnet[]>
  securityGroups(region: string, vpcId: string, signal: AbortSignal): Promise<Array<{ id: string; name: string }>>
  /** A group admitting TCP `port` from each CIDR: one of the VPC that already does, else created. */
  ensureSecurityGroup(
    region: string,
    request: { vpcId: string; name: string; port: number; clientCidrs: string[]; resourceGroupId?: string },
    signal: AbortSignal
  ): Promise<{ id: string; name: string; created: boolean }>
  /** The VPC's gateway targeting this CRN (a failed one too), if any. */
  findGateway(region: string, vpcId: string, targetCrn: string, signal: AbortSignal): Promise<VpeGateway | undefined>
  /** Creates the gateway; a lost answer adopts the one it made (`created: false`). */
  createGateway(region: string, request: VpeGatewayRequest, signal: AbortSignal): Promise<{ gateway: VpeGateway; created: boolean }>
  /** Deletes a (failed) gateway and waits until the VPC no longer lists it. */
  deleteGateway(region: string, gateway: { id: string; vpcId: string }, signal: AbortSignal): Promise<void>
  /** Polls until stable with every IP bound; `failed` is ibm_vpe_failed. */
  waitForGateway(region: string, id: string, signal: AbortSignal, onProgress: (g: VpeGateway) => void): Promise<VpeGateway>
  /** Pause after an IBM hiccup the client's retries did not absorb (default 5 s). */
  readonly hiccupDelayMs?: number
}
