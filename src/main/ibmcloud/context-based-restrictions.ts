import ContextBasedRestrictionsV1 from '@ibm-cloud/platform-services/context-based-restrictions/v1'
import type { IbmRole } from './operations'
import { z } from 'zod'
import { AppFailure } from '../../shared/errors'
import { DEFAULT_TIMEOUT_MS, MAX_RESPONSE_BYTES, type IbmCloudClient } from './client'
import type { RequestOptions } from './request'

/**
 * Context-based restrictions (docs/ibm-cloud-gen2-and-restrictions-facts.md §3) through the
 * official SDK: a network zone with the user's networks, and a rule that admits only that zone
 * to one Databases for Redis instance's data plane. Replacing a zone or rule sends the ETag of
 * the version read (If-Match), so a change made meanwhile elsewhere is never overwritten.
 */
export const CbrCodes = {
  changedMeanwhile: 'ibm_cbr_changed_meanwhile',
  zoneNameTaken: 'ibm_cbr_zone_name_taken'
} as const

export const DATA_PLANE = 'crn:v1:bluemix:public:context-based-restrictions::::api-type:data-plane'
export const REDIS_SERVICE = 'databases-for-redis'
const ROLE_ZONES: IbmRole = 'editorCbr'
const ROLE_RULES: IbmRole = 'administratorRedis'

const AddressBody = z.looseObject({ type: z.string().max(40), value: z.string().max(500).optional() })
export const ZoneBody = z.looseObject({
  id: z.string().min(1).max(200),
  crn: z.string().max(500),
  name: z.string().max(200),
  account_id: z.string().max(200),
  description: z.string().max(2000).default(''),
  addresses: z.array(AddressBody).max(2000),
  excluded: z.array(AddressBody).max(2000).default([])
})
const ZoneSummaryBody = z.looseObject({ id: z.string().min(1).max(200), name: z.string().max(200) })
const ZoneList = z.looseObject({ count: z.number().int(), zones: z.array(ZoneSummaryBody).max(10_000) })
const Attribute = z.looseObject({ name: z.string().max(100), value: z.string().max(500), operator: z.string().max(40).optional() })
export const RuleBody = z.looseObject({
  id: z.string().min(1).max(200),
  crn: z.string().max(500),
  description: z.string().max(2000).default(''),
  contexts: z.array(z.looseObject({ attributes: z.array(Attribute).max(20) })).max(100),
  resources: z.array(z.looseObject({ attributes: z.array(Attribute).max(20) })).max(100),
  operations: z.looseObject({ api_types: z.array(z.looseObject({ api_type_id: z.string().max(200) })).max(20) }).optional(),
  enforcement_mode: z.string().max(20).default('enabled')
})
const RuleList = z.looseObject({ count: z.number().int(), rules: z.array(RuleBody).max(10_000) })

export type Zone = z.output<typeof ZoneBody>
export type Rule = z.output<typeof RuleBody>
export interface ZoneAddress {
  type: 'ipAddress' | 'ipRange' | 'subnet' | 'vpc'
  value: string
}

/** A body and the ETag that came with it (the If-Match of a later replace). */
const withEtag = <S extends z.ZodType>(body: S) => z.object({ body, etag: z.string().min(1).max(200) })

const clients = new WeakMap<IbmCloudClient, ContextBasedRestrictionsV1>()

export function cbrClient(client: IbmCloudClient): ContextBasedRestrictionsV1 {
  let cbr = clients.get(client)
  if (!cbr) {
    cbr = new ContextBasedRestrictionsV1({
      authenticator: client.auth,
      serviceUrl: client.endpoints.contextBasedRestrictions,
      timeout: DEFAULT_TIMEOUT_MS,
      maxContentLength: MAX_RESPONSE_BYTES
    })
    clients.set(client, cbr)
  }
  return cbr
}

type SdkResponse = { result: unknown; status: number; headers?: Record<string, unknown> }
const tagged = async (response: Promise<SdkResponse>) => {
  const r = await response
  const etag = r.headers?.etag ?? r.headers?.ETag
  return { result: { body: r.result, etag: typeof etag === 'string' ? etag : '' }, status: r.status }
}

/** The CBR failures the steps handle themselves; everything else is the layer's usual failure. */
function cbrFailure(e: unknown, what: 'zone' | 'rule', name: string): unknown {
  // The layer's AppFailure keeps the SDK error (and its HTTP status) as its cause.
  const failed = e as { status?: number; cause?: { status?: number } } | undefined
  const status = failed?.status ?? failed?.cause?.status
  if (status === 412)
    return new AppFailure({
      code: CbrCodes.changedMeanwhile,
      message: `The ${what} "${name}" was changed by someone else while PSE Wizard was updating it. Review it again, then apply.`,
      params: { what, name }
    })
  if (status === 409 && what === 'zone')
    return new AppFailure({
      code: CbrCodes.zoneNameTaken,
      message: `A network zone named "${name}" already exists in this account. Choose another name, or reuse that zone.`,
      params: { name }
    })
  return e
}

export async function findZone(client: IbmCloudClient, accountId: string, name: string, options: RequestOptions = {}) {
  const list = await client.requester.run(
    { op: 'listZones', role: ROLE_ZONES },
    ZoneList,
    () => cbrClient(client).listZones({ accountId, name }),
    options
  )
  const summary = list.zones.find((z) => z.name === name)
  return summary ? getZone(client, summary.id, options) : undefined
}

export async function getZone(client: IbmCloudClient, zoneId: string, options: RequestOptions = {}) {
  return client.requester.run(
    { op: 'readZone', role: ROLE_ZONES },
    withEtag(ZoneBody),
    () => tagged(cbrClient(client).getZone({ zoneId })),
    options
  )
}

/** The zone named `name` holding exactly `addresses`: created, or replaced (If-Match) when its addresses differ. */
export async function ensureZone(
  client: IbmCloudClient,
  request: { accountId: string; name: string; description: string; addresses: ZoneAddress[] },
  options: RequestOptions = {}
): Promise<{ zone: Zone; etag: string; changed: boolean }> {
  const existing = await findZone(client, request.accountId, request.name, options)
  const same = (zone: Zone) => sameSet(zone.addresses.map(addressKey), request.addresses.map(addressKey))
  if (existing && same(existing.body)) return { zone: existing.body, etag: existing.etag, changed: false }
  const op = existing ? 'replaceZone' : 'createZone'
  try {
    const send = existing
      ? () => tagged(cbrClient(client).replaceZone({ zoneId: existing.body.id, ifMatch: existing.etag, ...zoneParams(request) }))
      : () => tagged(cbrClient(client).createZone(zoneParams(request)))
    const done = await client.requester.run({ op, role: ROLE_ZONES }, withEtag(ZoneBody), send, { ...options, idempotent: Boolean(existing) })
    return { zone: done.body, etag: done.etag, changed: true }
  } catch (e) {
    throw cbrFailure(e, 'zone', request.name)
  }
}

const zoneParams = (r: { accountId: string; name: string; description: string; addresses: ZoneAddress[] }) => ({
  accountId: r.accountId,
  name: r.name,
  description: r.description,
  addresses: r.addresses
})

/** Rules that name this instance (by GUID) of Databases for Redis. */
export async function rulesForInstance(client: IbmCloudClient, accountId: string, instanceGuid: string, options: RequestOptions = {}): Promise<Rule[]> {
  const list = await client.requester.run(
    { op: 'listRules', role: ROLE_RULES },
    RuleList,
    () => cbrClient(client).listRules({ accountId, serviceName: REDIS_SERVICE, serviceInstance: instanceGuid }),
    options
  )
  return list.rules.filter((r) => r.resources.some((res) => attribute(res.attributes, 'serviceInstance') === instanceGuid))
}

export interface RuleRequest {
  accountId: string
  instanceGuid: string
  zoneId: string
  description: string
  /** 'enabled' (enforced) or 'disabled'; Cloud Databases has no report-only mode. */
  enforcementMode: 'enabled' | 'disabled'
}

/** One rule for this instance admitting exactly this zone to the data plane: created, or replaced (If-Match). */
export async function ensureRedisRule(client: IbmCloudClient, request: RuleRequest, options: RequestOptions = {}): Promise<{ rule: Rule; changed: boolean }> {
  const params = ruleParams(request)
  const [existing] = await rulesForInstance(client, request.accountId, request.instanceGuid, options)
  if (existing && ruleMatches(existing, request)) return { rule: existing, changed: false }
  try {
    if (!existing) {
      const created = await client.requester.run(
        { op: 'createRule', role: ROLE_RULES },
        RuleBody,
        () => cbrClient(client).createRule(params),
        { ...options, idempotent: false }
      )
      return { rule: created, changed: true }
    }
    const current = await client.requester.run(
      { op: 'readRule', role: ROLE_RULES },
      withEtag(RuleBody),
      () => tagged(cbrClient(client).getRule({ ruleId: existing.id })),
      options
    )
    const replaced = await client.requester.run(
      { op: 'replaceRule', role: ROLE_RULES },
      RuleBody,
      () => cbrClient(client).replaceRule({ ruleId: existing.id, ifMatch: current.etag, ...params }),
      options
    )
    return { rule: replaced, changed: true }
  } catch (e) {
    throw cbrFailure(e, 'rule', request.description)
  }
}

function ruleParams(r: RuleRequest) {
  return {
    description: r.description,
    contexts: [{ attributes: [{ name: 'networkZoneId', value: r.zoneId }] }],
    resources: [
      {
        attributes: [
          { name: 'accountId', value: r.accountId },
          { name: 'serviceName', value: REDIS_SERVICE },
          { name: 'serviceInstance', value: r.instanceGuid }
        ]
      }
    ],
    operations: { api_types: [{ api_type_id: DATA_PLANE }] },
    enforcementMode: r.enforcementMode
  }
}

/** The zones a rule admits (any context naming a networkZoneId). */
export const ruleZoneIds = (rule: Rule): string[] => rule.contexts.flatMap((c) => c.attributes.filter((a) => a.name === 'networkZoneId').map((a) => a.value))

function ruleMatches(rule: Rule, r: RuleRequest): boolean {
  return (
    rule.enforcement_mode === r.enforcementMode &&
    sameSet(ruleZoneIds(rule), [r.zoneId]) &&
    (rule.operations?.api_types ?? []).some((t) => t.api_type_id === DATA_PLANE) &&
    rule.contexts.every((c) => !c.attributes.some((a) => a.name === 'endpointType'))
  )
}

const attribute = (attributes: Array<{ name: string; value: string }>, name: string) => attributes.find((a) => a.name === name)?.value
const addressKey = (a: { type: string; value?: string }) => `${a.type}=${a.value ?? ''}`
const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set(a).size === new Set([...a, ...b]).size

/** Deletes a rule (its instances' enforcement changes when their task completes). */
export async function deleteRule(client: IbmCloudClient, ruleId: string, options: RequestOptions = {}): Promise<void> {
  await client.requester.run({ op: 'deleteRule', role: ROLE_RULES }, z.unknown(), () => cbrClient(client).deleteRule({ ruleId }), {
    ...options,
    idempotent: true
  })
}

/** Deletes a network zone no rule names any more. */
export async function deleteZone(client: IbmCloudClient, zoneId: string, options: RequestOptions = {}): Promise<void> {
  await client.requester.run({ op: 'deleteZone', role: ROLE_ZONES }, z.unknown(), () => cbrClient(client).deleteZone({ zoneId }), {
    ...options,
    idempotent: true
  })
}

/** Puts a rule back exactly as it was read (contexts, resources, operations, enforcement), with If-Match. */
export async function restoreRule(client: IbmCloudClient, previous: Rule, options: RequestOptions = {}): Promise<void> {
  const current = await client.requester.run(
    { op: 'readRule', role: ROLE_RULES },
    withEtag(RuleBody),
    () => tagged(cbrClient(client).getRule({ ruleId: previous.id })),
    options
  )
  await client.requester.run(
    { op: 'restoreRule', role: ROLE_RULES },
    RuleBody,
    () =>
      cbrClient(client).replaceRule({
        ruleId: previous.id,
        ifMatch: current.etag,
        description: previous.description,
        contexts: previous.contexts as ContextBasedRestrictionsV1.RuleContext[],
        resources: previous.resources as ContextBasedRestrictionsV1.Resource[],
        ...(previous.operations ? { operations: previous.operations as ContextBasedRestrictionsV1.NewRuleOperations } : {}),
        enforcementMode: previous.enforcement_mode
      }),
    options
  )
}
