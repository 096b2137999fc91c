import { randomUUID } from 'node:crypto'
import type { RouteTable } from './router'
import { HttpError, makeJwt, parseJson } from './http'
import { GEN2_PLAN, anyInstanceBody, createGen2Instance, gen2Broker } from './gen2-instances'
import { anyKeyBody, createGen2Key } from './gen2-keys'
import { CDB_REGIONS, REDIS_VERSIONS, hex, keyBody, now, resourceGroupBody, endpointEnabled, type InstanceRecord, type KeyRecord } from './state'

const PLAN = 'databases-for-redis-standard'
const NAME_RULE = /^[\p{L}\p{N} ._:-]{1,180}$/u
const ISOLATED = ['b3c.4x16.encrypted', 'b3c.8x32.encrypted', 'm3c.8x64.encrypted', 'b3c.16x64.encrypted', 'b3c.32x128.encrypted', 'm3c.30x240.encrypted']

const broker = (status: number, message: string) =>
  new HttpError(status, `Service Broker returned error status code ${status}: ${message}`, 'rc', 'RC-ServiceBrokerErrorResponse')

/** IAM token + API key details, Account Management, Resource Manager and Resource Controller. */
export const platformRoutes: RouteTable = [
  {
    id: 'iam.token',
    method: 'POST',
    path: ['identity', 'token'],
    auth: 'none',
    family: 'iam',
    async handle({ emu, body }) {
      const form = new URLSearchParams(body)
      const grant = form.get('grant_type')
      let apiKey: string | undefined
      if (grant === 'urn:ibm:params:oauth:grant-type:apikey') apiKey = form.get('apikey') ?? undefined
      else if (grant === 'refresh_token') apiKey = emu.state.refreshTokens.get(form.get('refresh_token') ?? '')
      else throw new HttpError(400, 'Unsupported grant_type', 'iam', 'BXNIM0109E')
      if (!apiKey || !emu.state.apiKeys.has(apiKey)) {
        if (grant === 'refresh_token') throw new HttpError(400, 'The refresh token is invalid or expired', 'iam', 'BXNIM0408E')
        throw new HttpError(400, 'Provided API key could not be found', 'iam', 'BXNIM0415E')
      }
      const iat = Math.floor(Date.now() / 1000)
      const { account } = emu.state
      const access = makeJwt({
        iam_id: account.iamId,
        id: account.iamId,
        realmid: 'IBMid',
        sub: account.ownerEmail,
        sub_type: 'Id',
        email: account.ownerEmail,
        account: { valid: true, bss: account.id, frozen: true },
        iat,
        exp: iat + 3600,
        iss: 'https://iam.cloud.ibm.com/identity',
        grant_type: grant,
        scope: 'ibm openid',
        client_id: 'default',
        jti: hex(8)
      })
      const refresh = hex(40)
      emu.state.tokens.set(access, { expiresMs: Date.now() + emu.options.tokenLifetimeMs, accountId: account.id })
      emu.state.refreshTokens.set(refresh, apiKey)
      emu.state.counters.tokensIssued++
      return {
        status: 200,
        body: { access_token: access, refresh_token: refresh, token_type: 'Bearer', expires_in: 3600, expiration: iat + 3600, scope: 'ibm openid' }
      }
    }
  },
  {
    id: 'iam.apikey_details',
    method: 'GET',
    path: ['v1', 'apikeys', 'details'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, req }) {
      const key = emu.state.apiKeys.get(String(req.headers['iam-apikey'] ?? ''))
      if (!key) throw new HttpError(404, 'API key not found', 'rc', 'not_found')
      const { account } = emu.state
      return {
        status: 200,
        body: {
          id: key.id,
          entity_tag: '1-' + hex(8),
          crn: `crn:v1:bluemix:public:iam-identity::a/${account.id}::apikey:${key.id}`,
          locked: false,
          disabled: false,
          created_at: '2026-01-01T00:00+0000',
          created_by: account.iamId,
          modified_at: '2026-01-01T00:00+0000',
          name: key.name,
          description: 'Sandbox API key',
          iam_id: account.iamId,
          account_id: account.id
        }
      }
    }
  },
  {
    id: 'accounts.get',
    method: 'GET',
    path: ['v4', 'accounts', ':id'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, params }) {
      const { account } = emu.state
      if (params.id !== account.id) throw new HttpError(404, 'Account not found', 'rc', 'not_found')
      return {
        status: 200,
        body: {
          name: account.name,
          id: account.id,
          owner: account.ownerEmail,
          owner_userid: account.ownerEmail,
          owner_iamid: account.iamId,
          type: 'PAYG',
          status: 'ACTIVE',
          linked_softlayer_account: '1008967',
          team_directory_enabled: false,
          traits: { eu_supported: false, poc: false, hippa: false }
        }
      }
    }
  },
  {
    id: 'rm.groups.list',
    method: 'GET',
    path: ['v2', 'resource_groups'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, query }) {
      let groups = emu.state.resourceGroups
      if (query.get('name')) groups = groups.filter((g) => g.name === query.get('name'))
      if (query.get('default') === 'true') groups = groups.filter((g) => g.isDefault)
      return { status: 200, body: { resources: groups.map((g) => resourceGroupBody(emu.state, g)) } }
    }
  },
  {
    id: 'rc.instances.list',
    method: 'GET',
    path: ['v2', 'resource_instances'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, query }) {
      const states = query.get('state') ? [query.get('state')] : ['active', 'provisioning']
      const all = [...emu.state.instances.values()].filter(
        (i) =>
          states.includes(i.state) &&
          (!query.get('name') || i.name === query.get('name')) &&
          (!query.get('guid') || i.guid === query.get('guid')) &&
          (!query.get('resource_group_id') || i.resourceGroupId === query.get('resource_group_id')) &&
          (!query.get('resource_id') || query.get('resource_id') === 'databases-for-redis') &&
          (!query.get('resource_plan_id') || query.get('resource_plan_id') === (i.generation === 'gen2' ? GEN2_PLAN : PLAN))
      )
      return {
        status: 200,
        body: page(query, all, emu.options.pageSize, '/v2/resource_instances', (i) => anyInstanceBody(emu.state, i, emu.options))
      }
    }
  },
  {
    id: 'rc.instances.create',
    method: 'POST',
    path: ['v2', 'resource_instances'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, body }) {
      const b = parseJson(body, 'rc')
      const name = b.name
      if (typeof name !== 'string' || !NAME_RULE.test(name))
        throw new HttpError(400, 'Invalid name: up to 180 characters; letters, digits, spaces and - . _ : only', 'rc', 'RC-BadRequest')
      if (b.resource_plan_id === GEN2_PLAN) {
        const g = emu.state.resourceGroups.find((x) => x.id === b.resource_group)
        if (!g) throw new HttpError(400, `Resource group "${String(b.resource_group)}" not found in this account`, 'rc', 'RC-BadRequest')
        return { status: emu.options.createStatus, body: anyInstanceBody(emu.state, createGen2Instance(emu, b, name, g), emu.options) }
      }
      if (typeof b.target !== 'string' || !CDB_REGIONS.includes(b.target))
        throw new HttpError(400, `Invalid target "${String(b.target)}": not a region where databases-for-redis is offered`, 'rc', 'RC-BadRequest')
      if (b.resource_plan_id !== PLAN) throw new HttpError(400, `Unknown resource_plan_id "${String(b.resource_plan_id)}"`, 'rc', 'RC-BadRequest')
      const group = emu.state.resourceGroups.find((g) => g.id === b.resource_group)
      if (!group) throw new HttpError(400, `Resource group "${String(b.resource_group)}" not found in this account`, 'rc', 'RC-BadRequest')
      const parameters = { ...((b.parameters as Record<string, unknown>) ?? {}) }
      const se = parameters['service-endpoints'] ?? parameters.service_endpoints
      if (se === undefined) throw broker(400, '"service-endpoints" is required: one of public, private, public-and-private')
      if (se !== 'public' && se !== 'private' && se !== 'public-and-private') throw broker(400, `invalid service-endpoints "${String(se)}"`)
      const flavor = parameters.members_host_flavor ?? 'multitenant'
      if (flavor !== 'multitenant' && !ISOLATED.includes(String(flavor))) throw broker(400, `invalid members_host_flavor "${String(flavor)}"`)
      if (flavor !== 'multitenant' && (parameters.members_memory_allocation_mb !== undefined || parameters.members_cpu_allocation_count !== undefined)) {
        throw broker(400, 'members_memory_allocation_mb and members_cpu_allocation_count cannot be set with an isolated host flavor')
      }
      const memory = num(parameters.members_memory_allocation_mb)
      if (memory !== undefined && (memory < 2048 || memory % 256 !== 0))
        throw broker(400, 'members_memory_allocation_mb must be at least 2048 (total for 2 members) in steps of 256')
      const disk = num(parameters.members_disk_allocation_mb)
      if (disk !== undefined && disk < 2048) throw broker(400, 'members_disk_allocation_mb must be at least 2048 (total for 2 members)')
      const preferred = REDIS_VERSIONS.find((v) => v.is_preferred)!.version
      const version = parameters.version === undefined ? preferred : String(parameters.version)
      if (!REDIS_VERSIONS.some((v) => v.version === version))
        throw broker(400, `version ${version} is not available; use one of ${REDIS_VERSIONS.map((v) => v.version).join(', ')}`)
      const kp = parameters.disk_encryption_key_crn
      if (kp !== undefined && (typeof kp !== 'string' || !/^crn:v1:.+:key:.+$/.test(kp)))
        throw broker(400, 'disk_encryption_key_crn must be a Key Protect key CRN')

      const guid = randomUUID()
      const at = now()
      const record: InstanceRecord = {
        guid,
        crn: emu.state.instanceCrn(b.target, guid),
        name,
        region: b.target,
        resourceGroupId: group.id,
        tags: Array.isArray(b.tags) ? (b.tags as string[]) : [],
        parameters,
        createdAt: at,
        updatedAt: at,
        createdMs: Date.now(),
        state: 'provisioning',
        willFail: emu.faults.takeProvisioningFailure(),
        version,
        deployment: { users: new Map(), allowlist: [], tasks: [] }
      }
      emu.state.instances.set(guid, record)
      emu.state.counters.instancesCreated++
      emu.scheduleProvisioning(record)
      return { status: emu.options.createStatus, body: anyInstanceBody(emu.state, record, emu.options) }
    }
  },
  {
    id: 'rc.instances.get',
    method: 'GET',
    path: ['v2', 'resource_instances', ':id'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, params }) {
      return { status: 200, body: anyInstanceBody(emu.state, findInstance(emu, params.id), emu.options) }
    }
  },
  {
    id: 'rc.instances.update',
    method: 'PATCH',
    path: ['v2', 'resource_instances', ':id'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, params, body }) {
      const i = findInstance(emu, params.id)
      const b = parseJson(body, 'rc')
      const p = (b.parameters as Record<string, unknown> | undefined) ?? {}
      const se = p['service-endpoints'] ?? p.service_endpoints
      if (se !== undefined && i.generation === 'gen2') throw gen2Broker(`unsupported parameter 'service-endpoints': Gen 2 deployments are private only`)
      if (se !== undefined) {
        if (se !== 'public' && se !== 'private' && se !== 'public-and-private') throw broker(400, `invalid service-endpoints "${String(se)}"`)
        if (i.state !== 'active') throw broker(409, 'the deployment is not active yet')
        i.parameters = { ...i.parameters, 'service-endpoints': se }
        delete i.parameters.service_endpoints
        await i.deployment.backend?.setEndpoints({ public: se !== 'private', private: se !== 'public' })
      }
      if (typeof b.name === 'string' && NAME_RULE.test(b.name)) i.name = b.name
      i.updatedAt = now()
      return { status: 200, body: anyInstanceBody(emu.state, i, emu.options) }
    }
  },
  {
    id: 'rc.instances.delete',
    method: 'DELETE',
    path: ['v2', 'resource_instances', ':id'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, params, query }) {
      const i = findInstance(emu, params.id)
      const keys = [...emu.state.keys.values()].filter((k) => k.instanceGuid === i.guid)
      if (keys.length > 0 && query.get('recursive') !== 'true') {
        throw new HttpError(
          422,
          'Service Broker returned error status code 409: [409, Conflict] CONTAINS_ACTIVE_KEYS: Remove all keys before de-provisioning the instance',
          'rc',
          'RC-ServiceBrokerErrorResponse'
        )
      }
      for (const k of keys) emu.state.keys.delete(k.guid)
      await emu.removeInstance(i)
      return { status: 202 }
    }
  },
  {
    id: 'rc.keys.list',
    method: 'GET',
    path: ['v2', 'resource_instances', ':id', 'resource_keys'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, params, query }) {
      const i = findInstance(emu, params.id)
      const keys = [...emu.state.keys.values()].filter((k) => k.instanceGuid === i.guid)
      return { status: 200, body: page(query, keys, emu.options.pageSize, `/v2/resource_instances/${i.guid}/resource_keys`, (k) => anyKeyBody(emu, k, i)) }
    }
  },
  {
    id: 'rc.keys.list',
    method: 'GET',
    path: ['v2', 'resource_keys'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, query }) {
      const keys = [...emu.state.keys.values()].filter((k) => !query.get('name') || k.name === query.get('name'))
      return {
        status: 200,
        body: page(query, keys, emu.options.pageSize, '/v2/resource_keys', (k) => anyKeyBody(emu, k, emu.state.instances.get(k.instanceGuid)!))
      }
    }
  },
  {
    id: 'rc.keys.get',
    method: 'GET',
    path: ['v2', 'resource_keys', ':id'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, params }) {
      const k = [...emu.state.keys.values()].find((x) => x.guid === params.id || x.crn === params.id)
      if (!k) throw new HttpError(404, `Resource key ${params.id} not found`, 'rc', 'RC-ResourceKeyNotFound')
      return { status: 200, body: anyKeyBody(emu, k, emu.state.instances.get(k.instanceGuid)!) }
    }
  },
  {
    id: 'rc.keys.delete',
    method: 'DELETE',
    path: ['v2', 'resource_keys', ':id'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, params }) {
      const k = [...emu.state.keys.values()].find((x) => x.guid === params.id || x.crn === params.id)
      if (!k) throw new HttpError(404, `Resource key ${params.id} not found`, 'rc', 'RC-ResourceKeyNotFound')
      // Deleting the key deletes its user (facts §1.7): its password stops working.
      await emu.state.instances.get(k.instanceGuid)?.deployment.backend?.setUser(k.username, hex(32))
      emu.state.keys.delete(k.guid)
      return { status: 204 }
    }
  },
  {
    id: 'rc.keys.create',
    method: 'POST',
    path: ['v2', 'resource_keys'],
    auth: 'bearer',
    family: 'rc',
    async handle({ emu, body }) {
      const b = parseJson(body, 'rc')
      if (typeof b.name !== 'string' || !NAME_RULE.test(b.name)) throw new HttpError(400, 'Invalid key name', 'rc', 'RC-BadRequest')
      if (typeof b.source !== 'string') throw new HttpError(400, '"source" is required', 'rc', 'RC-BadRequest')
      const i = emu.state.findInstance(b.source)
      if (!i || i.state === 'removed') throw new HttpError(400, `Source ${b.source} not found`, 'rc', 'RC-BadRequest')
      if (i.generation === 'gen2') return createGen2Key(emu, i, b, b.name)
      if (i.state !== 'active' || !i.deployment.backend) throw broker(400, 'the deployment is not active yet; try again when provisioning has finished')
      const p = { ...((b.parameters as Record<string, unknown>) ?? {}) }
      const asked = p['service-endpoints'] ?? p.service_endpoints
      // "if the deployment has only private endpoints, all new credentials are private"
      const endpoint: 'public' | 'private' = asked === 'private' || !endpointEnabled(i, 'public') ? 'private' : 'public'
      if (!endpointEnabled(i, endpoint)) throw broker(400, `the ${endpoint} endpoint is not enabled on this deployment`)
      const roleName = typeof b.role === 'string' ? (b.role.split(':').pop() ?? 'Manager') : 'Manager'
      const guid = randomUUID()
      const key: KeyRecord = {
        guid,
        crn: i.crn.replace(/::$/, `:resource-key:${guid}`),
        name: b.name,
        instanceGuid: i.guid,
        role: roleName,
        parameters: { ...p, 'service-endpoints': endpoint },
        username: `ibm_cloud_${randomUUID().replace(/-/g, '_')}`,
        password: hex(32),
        createdAt: now(),
        endpoint
      }
      await i.deployment.backend.setUser(key.username, key.password)
      emu.state.keys.set(guid, key)
      emu.state.counters.keysCreated++
      return { status: 201, body: keyBody(emu.state, key, i) }
    }
  }
]

function findInstance(emu: Parameters<RouteTable[number]['handle']>[0]['emu'], id: string): InstanceRecord {
  const i = emu.state.findInstance(id)
  if (!i || i.state === 'removed') throw new HttpError(404, `Instance ${id} not found`, 'rc', 'RC-ResourceInstanceNotFound')
  return i
}

const num = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v))

/** RC paging: `limit` (default pageSize, max 100), opaque `start`, `next_url` or null. */
function page<T>(query: URLSearchParams, items: T[], pageSize: number, path: string, render: (t: T) => unknown) {
  const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? pageSize) || pageSize))
  const start = query.get('start')
  const offset = start ? Number(Buffer.from(start, 'base64url').toString('utf8').replace('offset:', '')) || 0 : 0
  const slice = items.slice(offset, offset + limit)
  const next = offset + limit < items.length ? `${path}?start=${Buffer.from(`offset:${offset + limit}`).toString('base64url')}&limit=${limit}` : null
  return { rows_count: slice.length, next_url: next, resources: slice.map(render) }
}
