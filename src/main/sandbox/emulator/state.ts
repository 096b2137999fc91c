import { randomBytes, randomUUID } from 'node:crypto'
import type { DeploymentBackend } from './redis-backend'

/** The emulated account and everything in it. Shapes follow API-FACTS and samples/ field by field. */

export interface AccountState {
  id: string
  name: string
  ownerEmail: string
  iamId: string
  vrfEnabled: boolean
  serviceEndpointEnabled: boolean
}

export interface CliState {
  /** Whether `cloud-databases` shows in `plugin list` before anyone installs it. */
  pluginInstalled: boolean
  pluginVersion: string
  /** A newer version makes `plugin list` show "Update Available". */
  latestPluginVersion: string
  cliVersion: string
}

export interface ApiKeyRecord {
  key: string
  name: string
  id: string
}

export interface TaskRecord {
  id: string
  description: string
  resourceType: string
  deploymentId: string
  createdAt: string
  doneAt: number
  fail: boolean
  onComplete?: () => Promise<void>
  applied: boolean
}

export interface DeploymentRecord {
  users: Map<string, string>
  allowlist: Array<{ address: string; description: string }>
  backend?: DeploymentBackend
  tasks: TaskRecord[]
}

export interface InstanceRecord {
  guid: string
  crn: string
  name: string
  region: string
  resourceGroupId: string
  tags: string[]
  parameters: Record<string, unknown>
  createdAt: string
  updatedAt: string
  createdMs: number
  state: 'provisioning' | 'active' | 'failed' | 'removed'
  willFail: boolean
  version: string
  deployment: DeploymentRecord
  /** Plan `databases-for-redis-gen2-standard`: Resource Controller only, no v5 deployment (gen2-instances.ts). */
  generation?: 'gen1' | 'gen2'
  /** Gen 2: reads of the instance since it became active (extensions may arrive late). */
  activeReads?: number
}

export interface KeyRecord {
  guid: string
  crn: string
  name: string
  instanceGuid: string
  role: string
  parameters: Record<string, unknown>
  username: string
  password: string
  createdAt: string
  endpoint: 'public' | 'private'
}

export const REDIS_VERSIONS = [
  {
    version: '7.2',
    status: 'deprecated',
    is_preferred: false,
    transitions: [{ application: 'redis', method: 'in-place', skip_backup_supported: true, from_version: '7.2', to_version: '8.2' }]
  },
  { version: '8.2', status: 'stable', is_preferred: true, transitions: [] }
]

export const CDB_REGIONS = ['us-south', 'us-east', 'ca-tor', 'br-sao', 'eu-de', 'eu-gb', 'eu-es', 'jp-tok', 'jp-osa', 'au-syd']

export const hex = (bytes: number) => randomBytes(bytes).toString('hex')
export const now = () => new Date().toISOString()

export class EmulatorState {
  readonly account: AccountState
  readonly cli: CliState
  readonly apiKeys = new Map<string, ApiKeyRecord>()
  readonly tokens = new Map<string, { expiresMs: number; accountId: string }>()
  readonly refreshTokens = new Map<string, string>()
  readonly resourceGroups: Array<{ id: string; name: string; isDefault: boolean; createdAt: string }>
  readonly instances = new Map<string, InstanceRecord>()
  readonly keys = new Map<string, KeyRecord>()
  readonly tasks = new Map<string, TaskRecord>()
  /** Counters the tests read: how many POSTs really created something. */
  readonly counters = { instancesCreated: 0, keysCreated: 0, tokensIssued: 0 }

  constructor(init: { account?: Partial<AccountState>; cli?: Partial<CliState>; apiKeys?: string[] } = {}) {
    this.account = {
      id: hex(16),
      name: 'Sandbox Account',
      ownerEmail: 'sandbox.user@example.com',
      iamId: 'IBMid-270SANDBOX',
      vrfEnabled: true,
      serviceEndpointEnabled: true,
      ...init.account
    }
    this.cli = { pluginInstalled: true, pluginVersion: '0.19.2', latestPluginVersion: '0.19.2', cliVersion: '2.36.0', ...init.cli }
    for (const key of init.apiKeys ?? []) this.addApiKey(key)
    const at = '2024-03-10T22:26:06.850Z'
    this.resourceGroups = [
      { id: hex(16), name: 'Default', isDefault: true, createdAt: at },
      { id: hex(16), name: 'redis-sandbox', isDefault: false, createdAt: at }
    ]
  }

  addApiKey(key: string, name = 'pse-wizard-sandbox-key'): ApiKeyRecord {
    const record = { key, name, id: `ApiKey-${randomUUID()}` }
    this.apiKeys.set(key, record)
    return record
  }

  instanceCrn(region: string, guid: string): string {
    return `crn:v1:bluemix:public:databases-for-redis:${region}:a/${this.account.id}:${guid}::`
  }

  groupCrn(groupId: string): string {
    return `crn:v1:bluemix:public:resource-controller::a/${this.account.id}::resource-group:${groupId}`
  }

  findInstance(idOrCrn: string): InstanceRecord | undefined {
    const direct = this.instances.get(idOrCrn)
    if (direct) return direct
    for (const i of this.instances.values()) if (i.crn === idOrCrn) return i
    return undefined
  }
}

// ── Body builders: exactly the field sets of samples/*.json ─────────────────

export function resourceGroupBody(state: EmulatorState, g: EmulatorState['resourceGroups'][number]) {
  return {
    id: g.id,
    crn: state.groupCrn(g.id),
    account_id: state.account.id,
    name: g.name,
    state: 'ACTIVE',
    default: g.isDefault,
    quota_id: 'a3d7b8d01e261c24677937c29ab33f3c',
    quota_url: '/v2/quota_definitions/a3d7b8d01e261c24677937c29ab33f3c',
    payment_methods_url: null,
    resource_linkages: [],
    teams_url: null,
    created_at: g.createdAt,
    updated_at: g.createdAt
  }
}

export function lastOperation(i: InstanceRecord, provisioningMs: number) {
  if (i.state === 'active') {
    return {
      type: 'create',
      state: 'succeeded',
      async: false,
      description: `Provisioning redis with version ${i.version} (100%)`,
      cancelable: false,
      poll: false
    }
  }
  if (i.state === 'failed') {
    return {
      type: 'create',
      state: 'failed',
      async: false,
      description: 'Provisioning failed: the Cloud Databases service could not read the disk encryption key (sandbox fault)',
      cancelable: false,
      poll: false
    }
  }
  const elapsed = Date.now() - i.createdMs
  if (elapsed < Math.min(500, provisioningMs / 4)) {
    return { type: 'create', state: 'in progress', async: true, description: 'Started create instance operation', cancelable: false, poll: true }
  }
  const percent = Math.min(99, Math.floor((elapsed / Math.max(1, provisioningMs)) * 100))
  return {
    type: 'create',
    state: 'in progress',
    async: true,
    description: `Provisioning redis with version ${i.version} (${percent}%)`,
    cancelable: false,
    poll: true
  }
}

export function instanceBody(state: EmulatorState, i: InstanceRecord, provisioningMs: number) {
  const groupCrn = state.groupCrn(i.resourceGroupId)
  return {
    id: i.crn,
    guid: i.guid,
    url: `/v2/resource_instances/${i.guid}`,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    deleted_at: null,
    created_by: state.account.iamId,
    updated_by: '',
    deleted_by: '',
    scheduled_reclaim_at: null,
    restored_at: null,
    scheduled_reclaim_by: '',
    restored_by: '',
    name: i.name,
    region_id: i.region,
    account_id: state.account.id,
    reseller_channel_id: '',
    resource_plan_id: 'databases-for-redis-standard',
    resource_group_id: i.resourceGroupId,
    resource_group_crn: groupCrn,
    target_crn: `crn:v1:bluemix:public:globalcatalog::::deployment:databases-for-redis-standard%3A${i.region}`,
    parameters: i.parameters,
    allow_cleanup: false,
    crn: i.crn,
    state: i.state,
    type: 'service_instance',
    sub_type: 'Public',
    resource_id: 'databases-for-redis',
    dashboard_url: `https://cloud.ibm.com/services/databases-for-redis/${encodeURIComponent(i.crn).replace(/%3A/g, ':')}`,
    last_operation: lastOperation(i, provisioningMs),
    resource_aliases_url: `/v2/resource_instances/${i.guid}/resource_aliases`,
    resource_bindings_url: `/v2/resource_instances/${i.guid}/resource_bindings`,
    resource_keys_url: `/v2/resource_instances/${i.guid}/resource_keys`,
    plan_history: [{ resource_plan_id: 'databases-for-redis-standard', start_date: i.createdAt, requestor_id: state.account.iamId }],
    migrated: false,
    controlled_by: '',
    locked: false,
    onetime_credentials: false
  }
}

export function serviceEndpointsOf(i: InstanceRecord): 'public' | 'private' | 'public-and-private' {
  const v = i.parameters['service-endpoints'] ?? i.parameters.service_endpoints
  return v === 'private' || v === 'public-and-private' ? v : 'public'
}

export const endpointEnabled = (i: InstanceRecord, type: 'public' | 'private') => {
  const se = serviceEndpointsOf(i)
  return se === 'public-and-private' || se === type
}

/** `connection.rediss` + `connection.cli` (cdb_connection_redis.json / resource_key_redis.json). */
export function connectionBody(i: InstanceRecord, type: 'public' | 'private', username: string, password: string, withAuthority: boolean) {
  const backend = i.deployment.backend!
  const ep = type === 'public' ? backend.publicEndpoint : backend.privateEndpoint
  const certName = i.guid.replace(/^(.{8})/, 'ca000000').slice(0, 36)
  const uri = `rediss://${username}:${password}@${ep.hostname}:${ep.port}/0`
  const certificate = {
    ...(withAuthority ? { certificate_authority: 'self_signed' } : {}),
    certificate_base64: Buffer.from(backend.caPem).toString('base64'),
    name: certName
  }
  return {
    rediss: {
      composed: [uri],
      type: 'uri',
      scheme: 'rediss',
      hosts: [{ hostname: ep.hostname, port: ep.port }],
      path: '/0',
      query_options: {},
      authentication: { method: 'direct', username, password },
      certificate,
      database: 0
    },
    cli: {
      composed: [`REDIS_CERTFILE=${certName} redli -u ${uri}`],
      type: 'cli',
      environment: { REDIS_CERTFILE: certName },
      bin: 'redli',
      arguments: [['-u', uri]],
      certificate
    }
  }
}

export function keyBody(state: EmulatorState, k: KeyRecord, i: InstanceRecord) {
  const region = i.region
  const roleCrn = `crn:v1:bluemix:public:iam::::serviceRole:${k.role}`
  return {
    id: k.crn,
    guid: k.guid,
    url: `/v2/resource_keys/${k.guid}`,
    created_at: k.createdAt,
    updated_at: k.createdAt,
    deleted_at: null,
    created_by: state.account.iamId,
    updated_by: state.account.iamId,
    deleted_by: '',
    source_crn: i.crn,
    role: roleCrn,
    name: k.name,
    parameters: { ...k.parameters, role_crn: roleCrn },
    crn: k.crn,
    state: 'active',
    account_id: state.account.id,
    resource_group_id: i.resourceGroupId,
    resource_id: 'databases-for-redis',
    onetime_credentials: false,
    credentials: {
      connection: connectionBody(i, k.endpoint, k.username, k.password, true),
      instance_administration_api: { deployment_id: i.crn, instance_id: i.crn, root: `https://api.${region}.databases.cloud.ibm.com/v5/ibm` },
      apikey: hex(22),
      iam_apikey_description: `Auto-generated for key ${k.guid}`,
      iam_apikey_name: k.name,
      iam_role_crn: roleCrn,
      iam_serviceid_crn: `crn:v1:bluemix:public:iam-identity::a/${state.account.id}::serviceid:ServiceId-${randomUUID()}`
    },
    iam_compatible: true,
    migrated: false,
    resource_instance_url: `/v2/resource_instances/${i.guid}`,
    resource_alias_url: null
  }
}

export function taskBody(t: TaskRecord) {
  const done = Date.now() >= t.doneAt
  const status = done ? (t.fail ? 'failed' : 'completed') : 'running'
  return {
    id: t.id,
    resource_type: t.resourceType,
    description: t.description,
    status,
    deployment_id: t.deploymentId,
    progress_percent: done ? 100 : 5,
    created_at: t.createdAt
  }
}

export function deploymentBody(i: InstanceRecord) {
  const se = serviceEndpointsOf(i)
  const platformOptions: Record<string, unknown> = {}
  if (typeof i.parameters.disk_encryption_key_crn === 'string') platformOptions.disk_encryption_key_crn = i.parameters.disk_encryption_key_crn
  return {
    deployment: {
      id: i.crn,
      name: i.crn,
      type: 'redis',
      platform: 'classic',
      platform_options: platformOptions,
      version: i.version,
      admin_usernames: { database: 'admin' },
      enable_public_endpoints: se !== 'private',
      enable_private_endpoints: se !== 'public'
    }
  }
}
