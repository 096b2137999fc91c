import type { RouteContext, RouteTable } from './router'
import { HttpError, parseJson } from './http'
import { hex } from './state'
import { enforce } from './enforcement'
import { newTask } from './tasks'

/**
 * Context-based restrictions under /cbr/v1 (CONTEXT_BASED_RESTRICTIONS_URL = <emulator>/cbr):
 * zones and rules with ETags, If-Match on replace (412 when stale), 409 on a duplicate zone name,
 * and Cloud Databases' own refusals (no report-only mode, data plane only). Facts §3.
 */
export interface Address {
  type: string
  value?: string
}

export interface ZoneRecord {
  id: string
  name: string
  accountId: string
  description: string
  addresses: Address[]
  excluded: Address[]
  revision: number
  createdAt: string
  modifiedAt: string
}

export interface RuleRecord {
  id: string
  description: string
  contexts: Array<{ attributes: Array<{ name: string; value: string }> }>
  resources: Array<{ attributes: Array<{ name: string; value: string; operator?: string }> }>
  operations: { api_types: Array<{ api_type_id: string }> }
  enforcementMode: string
  revision: number
  createdAt: string
  modifiedAt: string
}

export class CbrState {
  readonly zones: ZoneRecord[] = []
  readonly rules: RuleRecord[] = []
}

const DATA_PLANE = 'crn:v1:bluemix:public:context-based-restrictions::::api-type:data-plane'
const ADDRESS_TYPES = new Set(['ipAddress', 'ipRange', 'subnet', 'vpc', 'serviceRef'])

// The CBR error body is UNVERIFIED; this is the platform's usual {code, message, status_code, trace}.
const cbrError = (status: number, code: string, message: string) => new HttpError(status, message, 'cbr', code)
const etagOf = (r: { id: string; revision: number }) => `"${r.revision}-${r.id.slice(0, 12)}"`
const base = (ctx: RouteContext) => `${ctx.emu.url}/cbr/v1`
const crn = (ctx: RouteContext, kind: 'zone' | 'rule', id: string) =>
  `crn:v1:bluemix:public:context-based-restrictions:global:a/${ctx.emu.state.account.id}::${kind}:${id}`

function zoneBody(ctx: RouteContext, z: ZoneRecord) {
  return {
    id: z.id,
    crn: crn(ctx, 'zone', z.id),
    address_count: z.addresses.length,
    excluded_count: z.excluded.length,
    name: z.name,
    account_id: z.accountId,
    description: z.description,
    addresses: z.addresses,
    excluded: z.excluded,
    href: `${base(ctx)}/zones/${z.id}`,
    created_at: z.createdAt,
    created_by_id: ctx.emu.state.account.iamId,
    last_modified_at: z.modifiedAt,
    last_modified_by_id: ctx.emu.state.account.iamId
  }
}

function ruleBody(ctx: RouteContext, r: RuleRecord) {
  return {
    id: r.id,
    crn: crn(ctx, 'rule', r.id),
    description: r.description,
    contexts: r.contexts,
    resources: r.resources,
    operations: r.operations,
    enforcement_mode: r.enforcementMode,
    href: `${base(ctx)}/rules/${r.id}`,
    created_at: r.createdAt,
    created_by_id: ctx.emu.state.account.iamId,
    last_modified_at: r.modifiedAt,
    last_modified_by_id: ctx.emu.state.account.iamId
  }
}

function readZone(ctx: RouteContext, current?: ZoneRecord): Pick<ZoneRecord, 'name' | 'accountId' | 'description' | 'addresses' | 'excluded'> {
  const b = parseJson(ctx.body, 'cbr') as { name?: unknown; account_id?: unknown; description?: unknown; addresses?: unknown; excluded?: unknown }
  if (typeof b.name !== 'string' || !/^[a-zA-Z0-9 \-_]{1,128}$/.test(b.name))
    throw cbrError(400, 'bad_request', 'name must be 1 to 128 letters, digits, spaces, - or _.')
  if (b.account_id !== ctx.emu.state.account.id) throw cbrError(400, 'bad_request', 'account_id must be the id of this account.')
  const addresses = readAddresses(b.addresses, 'addresses')
  if (addresses.length === 0) throw cbrError(400, 'bad_request', 'A zone needs at least one address.')
  const excluded = readAddresses(b.excluded ?? [], 'excluded')
  if (excluded.some((a) => a.type === 'vpc' || a.type === 'serviceRef'))
    throw cbrError(400, 'bad_request', 'Only ipAddress, ipRange and subnet can be excluded.')
  const taken = ctx.emu.cbr.zones.some((z) => z.name === b.name && z.id !== current?.id)
  if (taken) throw cbrError(409, 'zone_name_conflict', `A zone named "${b.name}" already exists.`)
  return { name: b.name, accountId: b.account_id, description: typeof b.description === 'string' ? b.description : '', addresses, excluded }
}

function readAddresses(value: unknown, field: string): Address[] {
  if (!Array.isArray(value) || value.length > 2000) throw cbrError(400, 'bad_request', `${field} must be a list of at most 2000 addresses.`)
  return value.map((a: { type?: unknown; value?: unknown }) => {
    if (typeof a?.type !== 'string' || !ADDRESS_TYPES.has(a.type) || (a.type !== 'serviceRef' && typeof a.value !== 'string'))
      throw cbrError(400, 'bad_request', `${field}: each address needs a known type and a value.`)
    return { type: a.type, value: String(a.value) }
  })
}

function readRule(ctx: RouteContext): Omit<RuleRecord, 'id' | 'revision' | 'createdAt' | 'modifiedAt'> {
  const b = parseJson(ctx.body, 'cbr') as { description?: unknown; contexts?: unknown; resources?: unknown; operations?: unknown; enforcement_mode?: unknown }
  const resources = Array.isArray(b.resources) ? (b.resources as RuleRecord['resources']) : []
  const contexts = Array.isArray(b.contexts) ? (b.contexts as RuleRecord['contexts']) : []
  const operations = (b.operations ?? { api_types: [] }) as RuleRecord['operations']
  const mode = b.enforcement_mode === undefined ? 'enabled' : String(b.enforcement_mode)
  if (!resources.length || !contexts.length) throw cbrError(400, 'bad_request', 'A rule needs contexts and resources.')
  for (const c of contexts)
    for (const a of c.attributes ?? [])
      if (a.name === 'networkZoneId' && !ctx.emu.cbr.zones.some((z) => z.id === a.value)) throw cbrError(400, 'bad_request', `Zone ${a.value} does not exist.`)
  if (!['enabled', 'disabled', 'report'].includes(mode)) throw cbrError(400, 'bad_request', 'enforcement_mode must be enabled, disabled or report.')
  const redis = resources.some((r) => r.attributes?.some((a) => a.name === 'serviceName' && a.value === 'databases-for-redis'))
  if (redis && mode === 'report') throw cbrError(400, 'bad_request', 'Report-only mode is not available for Cloud Databases.')
  if (redis && !(operations.api_types?.length === 1 && operations.api_types[0].api_type_id === DATA_PLANE))
    throw cbrError(400, 'bad_request', 'Cloud Databases rules must name the data plane API type only.')
  return { description: typeof b.description === 'string' ? b.description : '', contexts, resources, operations, enforcementMode: mode }
}

function ifMatch(ctx: RouteContext, record: { id: string; revision: number }): void {
  const header = ctx.req.headers['if-match']
  if (!header) throw cbrError(428, 'precondition_required', 'If-Match is required to replace this resource.')
  if (header !== etagOf(record)) throw cbrError(412, 'precondition_failed', 'The resource was modified since it was read (If-Match does not match).')
}

const withEtag = (status: number, body: unknown, record: { id: string; revision: number }) => ({ status, body, headers: { ETag: etagOf(record) } })
const now = () => new Date().toISOString()
const findZone = (ctx: RouteContext) => {
  const z = ctx.emu.cbr.zones.find((x) => x.id === ctx.params.id)
  if (!z) throw cbrError(404, 'not_found', 'Zone not found.')
  return z
}
const findRule = (ctx: RouteContext) => {
  const r = ctx.emu.cbr.rules.find((x) => x.id === ctx.params.id)
  if (!r) throw cbrError(404, 'not_found', 'Rule not found.')
  return r
}
/**
 * Rule changes reach Cloud Databases as a task on each instance they name ("Recent Tasks"):
 * enforcement changes when the task completes, not at once. Facts §3.
 */
function queueEnforcement(ctx: RouteContext, rules: RuleRecord[]): void {
  const guids = new Set(rules.filter((r) => attr(r, 'serviceName') === 'databases-for-redis').map((r) => attr(r, 'serviceInstance')))
  for (const guid of guids) {
    const instance = guid ? ctx.emu.state.instances.get(guid) : undefined
    if (instance?.state === 'active') newTask(ctx.emu, instance, 'Applying context-based restrictions', 'instance', async () => enforce(ctx.emu, instance))
  }
}

const attr = (r: RuleRecord, name: string) => r.resources.flatMap((res) => res.attributes).find((a) => a.name === name)?.value

export const cbrRoutes: RouteTable = [
  {
    id: 'cbr.zones.create',
    method: 'POST',
    path: ['cbr', 'v1', 'zones'],
    auth: 'bearer',
    family: 'cbr',
    async handle(ctx) {
      const z: ZoneRecord = { id: hex(16), ...readZone(ctx), revision: 1, createdAt: now(), modifiedAt: now() }
      ctx.emu.cbr.zones.push(z)
      return withEtag(201, zoneBody(ctx, z), z)
    }
  },
  {
    id: 'cbr.zones.list',
    method: 'GET',
    path: ['cbr', 'v1', 'zones'],
    auth: 'bearer',
    family: 'cbr',
    async handle(ctx) {
      if (ctx.query.get('account_id') !== ctx.emu.state.account.id) throw cbrError(400, 'bad_request', 'account_id is required.')
      const name = ctx.query.get('name')
      const zones = ctx.emu.cbr.zones.filter((z) => !name || z.name === name)
      const summary = (z: ZoneRecord) => ({
        id: z.id,
        crn: crn(ctx, 'zone', z.id),
        name: z.name,
        description: z.description,
        addresses_preview: z.addresses.slice(0, 3),
        address_count: z.addresses.length,
        excluded_count: z.excluded.length,
        href: `${base(ctx)}/zones/${z.id}`,
        last_modified_at: z.modifiedAt,
        last_modified_by_id: ctx.emu.state.account.iamId
      })
      return { status: 200, body: { count: zones.length, zones: zones.map(summary) } }
    }
  },
  {
    id: 'cbr.zones.get',
    method: 'GET',
    path: ['cbr', 'v1', 'zones', ':id'],
    auth: 'bearer',
    family: 'cbr',
    async handle(ctx) {
      const z = findZone(ctx)
      return withEtag(200, zoneBody(ctx, z), z)
    }
  },
  {
    id: 'cbr.zones.replace',
    method: 'PUT',
    path: ['cbr', 'v1', 'zones', ':id'],
    auth: 'bearer',
    family: 'cbr',
    async handle(ctx) {
      const z = findZone(ctx)
      ifMatch(ctx, z)
      Object.assign(z, readZone(ctx, z), { revision: z.revision + 1, modifiedAt: now() })
      queueEnforcement(
        ctx,
        ctx.emu.cbr.rules.filter((r) => r.contexts.some((c) => c.attributes.some((a) => a.name === 'networkZoneId' && a.value === z.id)))
      )
      return withEtag(200, zoneBody(ctx, z), z)
    }
  },
  {
    id: 'cbr.rules.create',
    method: 'POST',
    path: ['cbr', 'v1', 'rules'],
    auth: 'bearer',
    family: 'cbr',
    async handle(ctx) {
      const r: RuleRecord = { id: hex(16), ...readRule(ctx), revision: 1, createdAt: now(), modifiedAt: now() }
      ctx.emu.cbr.rules.push(r)
      queueEnforcement(ctx, [r])
      return withEtag(201, ruleBody(ctx, r), r)
    }
  },
  {
    id: 'cbr.rules.list',
    method: 'GET',
    path: ['cbr', 'v1', 'rules'],
    auth: 'bearer',
    family: 'cbr',
    async handle(ctx) {
      if (ctx.query.get('account_id') !== ctx.emu.state.account.id) throw cbrError(400, 'bad_request', 'account_id is required.')
      const service = ctx.query.get('service_name')
      const instance = ctx.query.get('service_instance')
      const rules = ctx.emu.cbr.rules.filter((r) => (!service || attr(r, 'serviceName') === service) && (!instance || attr(r, 'serviceInstance') === instance))
      return { status: 200, body: { count: rules.length, rules: rules.map((r) => ruleBody(ctx, r)) } }
    }
  },
  {
    id: 'cbr.rules.get',
    method: 'GET',
    path: ['cbr', 'v1', 'rules', ':id'],
    auth: 'bearer',
    family: 'cbr',
    async handle(ctx) {
      const r = findRule(ctx)
      return withEtag(200, ruleBody(ctx, r), r)
    }
  },
  {
    id: 'cbr.rules.replace',
    method: 'PUT',
    path: ['cbr', 'v1', 'rules', ':id'],
    auth: 'bearer',
    family: 'cbr',
    async handle(ctx) {
      const r = findRule(ctx)
      ifMatch(ctx, r)
      const before = { ...r }
      Object.assign(r, readRule(ctx), { revision: r.revision + 1, modifiedAt: now() })
      queueEnforcement(ctx, [before, r])
      return withEtag(200, ruleBody(ctx, r), r)
    }
  },
  {
    id: 'cbr.rules.delete',
    method: 'DELETE',
    path: ['cbr', 'v1', 'rules', ':id'],
    auth: 'bearer',
    family: 'cbr',
    async handle(ctx) {
      const r = findRule(ctx)
      ctx.emu.cbr.rules.splice(ctx.emu.cbr.rules.indexOf(r), 1)
      queueEnforcement(ctx, [r])
      return { status: 204, body: undefined }
    }
  },
  {
    id: 'cbr.zones.delete',
    method: 'DELETE',
    path: ['cbr', 'v1', 'zones', ':id'],
    auth: 'bearer',
    family: 'cbr',
    async handle(ctx) {
      const z = findZone(ctx)
      // IBM refuses to delete a zone that a rule still names.
      if (ctx.emu.cbr.rules.some((r) => r.contexts.some((c) => c.attributes.some((a) => a.name === 'networkZoneId' && a.value === z.id))))
        throw cbrError(409, 'zone_in_use', 'The network zone is referenced by a rule; delete or change the rule first.')
      ctx.emu.cbr.zones.splice(ctx.emu.cbr.zones.indexOf(z), 1)
      return { status: 204, body: undefined }
    }
  }
]
