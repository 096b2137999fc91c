import { randomUUID } from 'node:crypto'
import { HttpError } from './http'
import { gen2Extensions } from './gen2-instances'
import type { Gen2KeyRole } from './redis-backend'
import type { Emulator } from './server'
import { hex, keyBody, now, type InstanceRecord, type KeyRecord } from './state'

/**
 * Resource keys of a Databases for Redis Gen 2 instance (facts §1.7): each key is a Redis user
 * with the service role Manager or Writer, named by `role` (a name or a role CRN) or by
 * `parameters.role_crn`. The credentials show in the POST's answer only: later reads answer
 * `{"REDACTED":"REDACTED"}` (the instance's `onetime_credentials: true`), unless the emulator
 * option `gen2KeyCredentials: 'always'` plays the UNVERIFIED other case.
 */

const ROLE_CRN = /^crn:v1:bluemix:public:iam::::serviceRole:([A-Za-z]+)$/
export const GEN2_ROLES: readonly Gen2KeyRole[] = ['Manager', 'Writer']

/** RC's refusal of a key request (the RC error body, 400). */
const badRequest = (message: string) => new HttpError(400, message, 'rc', 'RC-BadRequest')

/** The role a Gen 2 key request names: `role` first, then `parameters.role_crn`; Manager when neither. */
export function gen2KeyRole(body: Record<string, unknown>): Gen2KeyRole {
  const params = (body.parameters ?? {}) as Record<string, unknown>
  const asked = body.role ?? params.role_crn
  if (asked === undefined) return 'Manager'
  const name = typeof asked === 'string' ? (ROLE_CRN.exec(asked)?.[1] ?? asked) : ''
  const role = GEN2_ROLES.find((r) => r === name)
  if (!role)
    throw badRequest(
      `Invalid role "${String(asked)}" for a Databases for Redis Gen 2 key: allowed roles are Manager and Writer (crn:v1:bluemix:public:iam::::serviceRole:Manager or :Writer)`
    )
  return role
}

/** POST /v2/resource_keys for a Gen 2 instance: the key, its Redis user (Manager or Writer), and the one answer that shows its credentials. */
export async function createGen2Key(emu: Emulator, i: InstanceRecord, body: Record<string, unknown>, name: string) {
  const params = { ...((body.parameters as Record<string, unknown>) ?? {}) }
  if ('service-endpoints' in params || 'service_endpoints' in params)
    throw badRequest("Invalid parameter 'service-endpoints': Databases for Redis Gen 2 deployments are private only and their keys take no endpoint choice")
  if (i.state !== 'active') throw badRequest('The instance is not active yet; create the key when provisioning has finished')
  const role = gen2KeyRole(body)
  delete params.role_crn
  const guid = randomUUID()
  const key: KeyRecord = {
    guid,
    crn: i.crn.replace(/::$/, `:resource-key:${guid}`),
    name,
    instanceGuid: i.guid,
    role,
    parameters: params,
    username: `ibmcloud_${hex(16)}`,
    password: hex(16),
    createdAt: now(),
    endpoint: 'private'
  }
  await i.deployment.backend?.setUser(key.username, key.password, role)
  emu.state.keys.set(guid, key)
  emu.state.counters.keysCreated++
  return { status: 201, body: gen2KeyBody(emu, key, i, true) }
}

/** The endpoint a Gen 2 key names: host and port as the instance's extensions show them. */
const gen2KeyEndpoint = (i: InstanceRecord): { hostname: string; port: number } => gen2Extensions(i).dataservices.connection.rediss.hosts[0]

/** `credentials` in the layout of gen2_resource_key_redis.json. */
export function gen2Credentials(k: KeyRecord, i: InstanceRecord) {
  const { hostname, port } = gen2KeyEndpoint(i)
  const args = `-h ${hostname} -p ${port} --tls --sni ${hostname}`
  return {
    username: k.username,
    password: k.password,
    connection: {
      cli: {
        type: 'cli',
        bin: 'redis-cli',
        composed: [`redis-cli -h ${hostname} -p ${port} --user ${k.username} -a ${k.password} --tls --sni ${hostname}`],
        arguments: [args],
        environment: {}
      },
      rediss: {
        type: 'uri',
        scheme: 'rediss',
        composed: [`rediss://${k.username}:${k.password}@${hostname}:${port}/0`],
        hosts: [{ hostname, port }],
        path: '/0',
        database: 0,
        query_options: {},
        authentication: { method: 'direct', username: k.username, password: k.password }
      }
    }
  }
}

/** Whether reads after the create show a Gen 2 key's credentials (the UNVERIFIED case) or not (the documented one-time view). */
export const gen2CredentialsShownAgain = (emu: Emulator) => emu.options.gen2KeyCredentials === 'always'

/** A Gen 2 key's RC body; `created`: the POST's own answer, the only one with the credentials (one-time view). */
export function gen2KeyBody(emu: Emulator, k: KeyRecord, i: InstanceRecord, created: boolean) {
  const roleCrn = `crn:v1:bluemix:public:iam::::serviceRole:${k.role}`
  const { state } = emu
  return {
    id: k.crn,
    guid: k.guid,
    url: `/v2/resource_keys/${k.guid}`,
    created_at: k.createdAt,
    updated_at: k.createdAt,
    deleted_at: null,
    created_by: state.account.iamId,
    updated_by: '',
    deleted_by: '',
    source_crn: i.crn,
    name: k.name,
    crn: k.crn,
    state: 'active',
    account_id: state.account.id,
    resource_group_id: i.resourceGroupId,
    resource_id: 'databases-for-redis',
    role: roleCrn,
    onetime_credentials: !gen2CredentialsShownAgain(emu),
    iam_compatible: true,
    migrated: false,
    resource_instance_url: `/v2/resource_instances/${i.guid}`,
    credentials: created || gen2CredentialsShownAgain(emu) ? gen2Credentials(k, i) : { REDACTED: 'REDACTED' }
  }
}

/** Either generation's key body as a read (GET, list) shows it. */
export const anyKeyBody = (emu: Emulator, k: KeyRecord, i: InstanceRecord) =>
  i.generation === 'gen2' ? gen2KeyBody(emu, k, i, false) : keyBody(emu.state, k, i)
