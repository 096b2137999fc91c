import { randomUUID } from 'node:crypto'
import { HttpError } from './http'
import type { Emulator } from './server'
import { instanceBody, now, type EmulatorState, type InstanceRecord } from './state'

/**
 * Databases for Redis Gen 2 in the emulated Resource Controller (docs/ibm-cloud-gen2-and-restrictions-facts.md
 * §1.4–1.6): the create parameters the broker accepts, `last_operation` while provisioning, and the
 * `extensions` an active instance carries. Gen 2 has no Cloud Databases v5 API.
 */

export const GEN2_PLAN = 'databases-for-redis-gen2-standard'
/** `target_crn` names the deployment `…standard-gen2:<region>` (facts §1.1). */
const GEN2_DEPLOYMENT = 'databases-for-redis-standard-gen2'

/** TF's Gen 2 flavors plus the docs' examples ("values depend on location", facts §1.4); `multitenant` is not one. */
export const GEN2_HOST_FLAVORS: Record<string, { cpu: number; memoryGb: number }> = {
  'bx3d.4x20': { cpu: 4, memoryGb: 20 },
  'bx3d.8x40': { cpu: 8, memoryGb: 40 },
  'bx3d.16x80': { cpu: 16, memoryGb: 80 },
  'bx3d.32x160': { cpu: 32, memoryGb: 160 },
  'bx3d.48x240': { cpu: 48, memoryGb: 240 },
  'bxf.4x16': { cpu: 4, memoryGb: 16 },
  'bxf.8x32': { cpu: 8, memoryGb: 32 },
  'bxf.16x64': { cpu: 16, memoryGb: 64 },
  'bxf.32x128': { cpu: 32, memoryGb: 128 },
  'bxf.48x192': { cpu: 48, memoryGb: 192 },
  'bx2.4x16': { cpu: 4, memoryGb: 16 },
  'bx2.8x32': { cpu: 8, memoryGb: 32 }
}
/** Only 8.2 is documented for Redis Gen 2 (9.0 only for Valkey: UNVERIFIED, so refused here). */
export const GEN2_VERSIONS = ['8.2']
/** Keys of the Gen 1 broker that the Gen 2 broker refuses (the PG Gen 2 broker rejects unsupported keys). */
const GEN1_ONLY = ['members_host_flavor', 'members_memory_allocation_mb', 'members_disk_allocation_mb', 'members_cpu_allocation_count', 'disk_encryption_key_crn', 'backup_id']

/** The UNVERIFIED keys a stricter broker may demand (emulator option `gen2Requires`; facts §1.4, §7.1). */
export type Gen2Required = '$schema' | 'service_endpoints'

/** A broker refusal as the Resource Controller relays it for Gen 2 (the PG Gen 2 text, facts §1.4). */
export const gen2Broker = (reason: string) =>
  new HttpError(400, `The broker for 'Databases for Redis' service returned error, [400, Bad Request] ${reason}`, 'rc', 'RC-ServiceBrokerErrorResponse')

/** `target` is a region (docs) or the Gen 2 deployment's CRN (Terraform); both are accepted. */
export function gen2Region(target: unknown): string | undefined {
  if (typeof target !== 'string') return undefined
  const m = /^crn:v1:bluemix:public:globalcatalog::::deployment:databases-for-redis-standard-gen2(?:%3A|:)([a-z0-9-]+)$/i.exec(target)
  return m ? m[1] : /^[a-z]{2}-[a-z]{2,8}$/.test(target) ? target : undefined
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/**
 * Checks `parameters` of a Gen 2 create and returns the version to provision. Throws the broker's
 * 400 naming the first wrong value. UNVERIFIED points accepted both ways: top-level
 * `service_endpoints` only as "private", `dataservices.$schema.version` only as "1.0.0", and
 * `version` inside `dataservices.redis` or at the top of `parameters`.
 */
export function validateGen2Parameters(parameters: unknown, requires: readonly Gen2Required[] = []): { version: string } {
  const p = isObject(parameters) ? parameters : {}
  if (requires.includes('service_endpoints') && p.service_endpoints === undefined) throw gen2Broker("missing parameter 'service_endpoints', allowed values: private")
  const gen1 = GEN1_ONLY.find((k) => k in p) ?? ('service-endpoints' in p ? 'service-endpoints' : undefined)
  if (gen1) throw gen2Broker(`unsupported parameter '${gen1}': Gen 2 deployments are sized with dataservices.redis {host_flavor, members, storage_gb}`)
  if (p.service_endpoints !== undefined && p.service_endpoints !== 'private')
    throw gen2Broker(`invalid service_endpoints '${String(p.service_endpoints)}', allowed values: private`)
  const ds = p.dataservices
  if (!isObject(ds) || !isObject(ds.redis)) throw gen2Broker("missing parameter 'dataservices.redis'")
  const schema = ds.$schema
  if (requires.includes('$schema') && schema === undefined) throw gen2Broker("missing parameter 'dataservices.$schema.version', must be 1.0.0")
  if (schema !== undefined && (!isObject(schema) || schema.version !== '1.0.0')) throw gen2Broker("invalid dataservices.$schema.version, allowed values: 1.0.0")
  const r = ds.redis
  const flavor = r.host_flavor
  if (flavor === undefined) throw gen2Broker("missing parameter 'host_flavor'")
  if (flavor === 'multitenant') throw gen2Broker("invalid host_flavor 'multitenant': shared (multitenant) hosts are not supported on Gen 2")
  if (typeof flavor !== 'string' || !GEN2_HOST_FLAVORS[flavor])
    throw gen2Broker(`invalid host_flavor '${String(flavor)}', allowed values: ${Object.keys(GEN2_HOST_FLAVORS).join(', ')}`)
  if (r.members !== undefined && r.members !== 2) throw gen2Broker(`invalid members '${String(r.members)}', allowed values: 2`)
  const storage = r.storage_gb
  if (storage === undefined) throw gen2Broker("missing parameter 'storage_gb'")
  if (typeof storage !== 'number' || !Number.isInteger(storage) || storage < 10 || storage > 4000)
    throw gen2Broker(`invalid storage_gb '${String(storage)}', allowed values: 10 to 4000 (GB per member)`)
  const raw = r.version ?? p.version
  const version = raw === undefined ? GEN2_VERSIONS[0] : String(raw)
  if (!GEN2_VERSIONS.includes(version)) throw gen2Broker(`invalid version '${version}', allowed values: ${GEN2_VERSIONS.join(', ')}`)
  const enc = ds.encryption
  if (enc !== undefined) {
    if (!isObject(enc)) throw gen2Broker('invalid encryption')
    if (enc.backup !== undefined) throw gen2Broker("unsupported parameter 'encryption.backup': backup encryption keys are not supported on Gen 2")
    if (enc.disk !== undefined && (typeof enc.disk !== 'string' || !/^crn:v1:.+:key:.+$/.test(enc.disk)))
      throw gen2Broker('invalid encryption.disk: must be a Key Protect key CRN')
  }
  return { version }
}

function gen2LastOperation(i: InstanceRecord, provisioningMs: number) {
  const base = { type: 'create', async: true, cancelable: true, poll: true }
  if (i.state === 'active') return { ...base, state: 'succeeded', description: 'Provision completed successfully' }
  if (i.state === 'failed') return { ...base, state: 'failed', cancelable: false, description: 'Provision failed: the deployment could not be created (sandbox fault)' }
  // The API's words first ("Provision in progress", no percent), then the CLI's ("… (40%)"): clients must read both.
  const elapsed = Date.now() - i.createdMs
  if (elapsed < provisioningMs / 4) return { ...base, state: 'in progress', description: 'Provision in progress' }
  const percent = Math.min(99, Math.floor((elapsed / Math.max(1, provisioningMs)) * 100))
  return { ...base, state: 'in progress', description: `Provisioning redis with version ${i.version} (${percent}%)` }
}

/** The hostname IBM shows for Gen 2 (pattern UNVERIFIED for Redis; clients read it, never construct it). */
export const gen2Hostname = (i: InstanceRecord) => `${i.guid}.private.uhp.redis.${i.region}.dataservices.appdomain.cloud`

/**
 * The port clients dial: IBM's 6379, or in the sandbox the real loopback port of the deployment's
 * SNI front (the sandbox cannot own 6379). The VPE's `ports` stay 6379, as IBM shows them.
 */
export const gen2Port = (i: InstanceRecord): number => i.deployment.backend?.privateEndpoint.port ?? 6379

/** `extensions` of an active Gen 2 instance, the layout of gen2_resource_instance_redis.json. */
export function gen2Extensions(i: InstanceRecord) {
  const host = gen2Hostname(i)
  const port = gen2Port(i)
  const redis = ((i.parameters.dataservices as Record<string, unknown>).redis ?? {}) as Record<string, unknown>
  const flavor = GEN2_HOST_FLAVORS[String(redis.host_flavor)]
  const cli = `-h ${host} -p ${port} --user $USERNAME -a $PASSWORD --tls --sni ${host}`
  return {
    dataservices: {
      $schema: { version: '1.0.0' },
      connection: {
        cli: { arguments: [cli], bin: 'redis-cli', composed: [`redis-cli ${cli}`], environment: {}, type: 'cli' },
        rediss: {
          authentication: { method: 'direct', password: '$PASSWORD', username: '$USERNAME' },
          composed: [`rediss://$USERNAME:$PASSWORD@${host}:${port}/0`],
          database: 0,
          hosts: [{ hostname: host, port }],
          path: '/0',
          port,
          query_options: {},
          scheme: 'rediss',
          type: 'uri'
        }
      },
      redis: { cpu_count: flavor?.cpu, host_flavor: redis.host_flavor, members: 2, memory_gb: flavor?.memoryGb, storage_gb: redis.storage_gb, version: i.version }
    },
    virtual_private_endpoints: {
      dns_domain: host,
      dns_hosts: ['', '*'],
      endpoints: ['1', '2', '3'].map((z, n) => ({ ip_address: `10.51.${217 + 2 * n}.${34 + n}`, zone: `${i.region}-${z}` })),
      origin_type: 'vpc',
      ports: [{ port_max: 6379, port_min: 6379 }]
    }
  }
}

/**
 * The RC body of a Gen 2 instance: the Gen 1 envelope with the Gen 2 plan, deployment, no
 * dashboard and Gen 2 `last_operation`; `extensions` once active — and, with
 * `extensionsAfterReads` N, only from the (N+1)-th read after it became active (they may arrive late).
 */
export function gen2InstanceBody(state: EmulatorState, i: InstanceRecord, provisioningMs: number, extensionsAfterReads: number) {
  const body: Record<string, unknown> = {
    ...instanceBody(state, i, provisioningMs),
    resource_plan_id: GEN2_PLAN,
    target_crn: `crn:v1:bluemix:public:globalcatalog::::deployment:${GEN2_DEPLOYMENT}%3A${i.region}`,
    dashboard_url: null,
    last_operation: gen2LastOperation(i, provisioningMs),
    plan_history: [{ resource_plan_id: GEN2_PLAN, start_date: i.createdAt, requestor_id: state.account.iamId }]
  }
  if (i.state === 'active') {
    i.activeReads = (i.activeReads ?? 0) + 1
    if (i.activeReads > extensionsAfterReads) body.extensions = gen2Extensions(i)
  }
  return body
}

/** Either generation's RC body. */
export function anyInstanceBody(state: EmulatorState, i: InstanceRecord, options: { provisioningMs: number; gen2ExtensionsAfterReads: number; gen2KeyCredentials?: 'once' | 'always' }) {
  return i.generation === 'gen2'
    ? // Whether a key's credentials can be read again after its create (facts §1.7: Gen 2 shows them once).
      { ...gen2InstanceBody(state, i, options.provisioningMs, options.gen2ExtensionsAfterReads), onetime_credentials: options.gen2KeyCredentials !== 'always' }
    : instanceBody(state, i, options.provisioningMs)
}

/** POST /v2/resource_instances with the Gen 2 plan: validated as the broker does, then provisioning through RC only. */
export function createGen2Instance(emu: Emulator, b: Record<string, unknown>, name: string, group: { id: string }): InstanceRecord {
  const region = gen2Region(b.target)
  if (!region || !emu.catalog.gen2Regions.includes(region))
    throw new HttpError(
      400,
      `Invalid target "${String(b.target)}": no deployment found for service plan ${GEN2_PLAN} at location ${String(region ?? b.target)}. Valid location(s) are: ${emu.catalog.gen2Regions.join(', ')}`,
      'rc',
      'RC-BadRequest'
    )
  const parameters = { ...((b.parameters as Record<string, unknown>) ?? {}) }
  const { version } = validateGen2Parameters(parameters, emu.options.gen2Requires)
  const guid = randomUUID()
  const at = now()
  const record: InstanceRecord = {
    guid,
    crn: emu.state.instanceCrn(region, guid),
    name,
    region,
    resourceGroupId: group.id,
    tags: Array.isArray(b.tags) ? (b.tags as string[]) : [],
    parameters,
    createdAt: at,
    updatedAt: at,
    createdMs: Date.now(),
    state: 'provisioning',
    willFail: emu.faults.takeProvisioningFailure(),
    version,
    deployment: { users: new Map(), allowlist: [], tasks: [] },
    generation: 'gen2'
  }
  emu.state.instances.set(guid, record)
  emu.state.counters.instancesCreated++
  emu.scheduleProvisioning(record)
  return record
}
