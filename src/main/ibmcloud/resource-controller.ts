import { z } from 'zod'
import type { IbmRole } from './operations'
import { generationOfPlan, type RedisInstance, type ServiceEndpoints } from '../../shared/schemas/ibmcloud'
import { ResourceInstanceBody, ResourceInstanceList, ResourceKeyBody, ResourceKeyList } from './api-shapes'
import type { IbmCloudClient } from './client'
import type { RequestOptions } from './request'

export const REDIS_RESOURCE_ID = 'databases-for-redis'
export const REDIS_PLAN_ID = 'databases-for-redis-standard'
const MAX_PAGES = 100

const ROLE_VIEW: IbmRole = 'viewerRedis'
const ROLE_CREATE: IbmRole = 'editorRedis'
const ROLE_EDIT: IbmRole = 'editorInstance'
const ROLE_KEYS: IbmRole = 'keysInstance'

/** `start` token from a `next_url` such as `/v2/resource_instances?start=abc&limit=2`. */
export function startTokenOf(nextUrl: string | null | undefined): string | undefined {
  if (!nextUrl) return undefined
  try {
    return new URL(nextUrl, 'https://x.invalid').searchParams.get('start') ?? undefined
  } catch {
    return undefined
  }
}

/** Redis instances visible to the key, following `next_url` paging. Optional filters by name, group, region. */
export async function listRedisInstances(
  client: IbmCloudClient,
  filter: { name?: string; resourceGroupId?: string; region?: string; state?: string } = {},
  options: RequestOptions = {}
): Promise<ResourceInstanceBody[]> {
  const out: ResourceInstanceBody[] = []
  let start: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await client.requester.run(
      { op: 'listInstances', role: ROLE_VIEW },
      ResourceInstanceList,
      () =>
        client.resourceController.listResourceInstances({
          resourceId: REDIS_RESOURCE_ID,
          ...(filter.name ? { name: filter.name } : {}),
          ...(filter.resourceGroupId ? { resourceGroupId: filter.resourceGroupId } : {}),
          ...(filter.state ? { state: filter.state } : {}),
          ...(start ? { start } : {})
        }),
      options
    )
    out.push(...body.resources)
    const next = startTokenOf(body.next_url)
    if (!next || next === start) break
    start = next
  }
  return filter.region ? out.filter((i) => i.region_id === filter.region) : out
}

export function getInstance(client: IbmCloudClient, id: string, options: RequestOptions = {}): Promise<ResourceInstanceBody> {
  return client.requester.run({ op: 'readInstance', role: ROLE_VIEW }, ResourceInstanceBody, () => client.resourceController.getResourceInstance({ id }), options)
}

/** POST /v2/resource_instances. Not retried on its own: see provisioning.ts for the duplicate-safe create. */
export function postInstance(
  client: IbmCloudClient,
  body: { name: string; target: string; resourceGroup: string; tags: string[]; parameters: Record<string, unknown>; planId?: string },
  options: RequestOptions = {}
): Promise<ResourceInstanceBody> {
  return client.requester.run(
    { op: 'createInstance', role: ROLE_CREATE },
    ResourceInstanceBody,
    () =>
      client.resourceController.createResourceInstance({
        name: body.name,
        target: body.target,
        resourceGroup: body.resourceGroup,
        resourcePlanId: body.planId ?? REDIS_PLAN_ID,
        tags: body.tags,
        parameters: body.parameters as never
      }),
    { ...options, idempotent: false }
  )
}

/** PATCH the instance's `service-endpoints` (public, private or both). */
export function updateServiceEndpoints(client: IbmCloudClient, id: string, endpoints: ServiceEndpoints, options: RequestOptions = {}): Promise<ResourceInstanceBody> {
  return client.requester.run(
    { op: 'changeEndpoints', role: ROLE_EDIT },
    ResourceInstanceBody,
    () => client.resourceController.updateResourceInstance({ id, parameters: { 'service-endpoints': endpoints } }),
    { ...options, idempotent: true }
  )
}

export async function listKeysForInstance(client: IbmCloudClient, instanceGuid: string, options: RequestOptions = {}): Promise<ResourceKeyBody[]> {
  const out: ResourceKeyBody[] = []
  let start: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await client.requester.run(
      { op: 'listServiceKeys', role: ROLE_KEYS },
      ResourceKeyList,
      () => client.resourceController.listResourceKeysForInstance({ id: instanceGuid, ...(start ? { start } : {}) }),
      options
    )
    out.push(...body.resources)
    const next = startTokenOf(body.next_url)
    if (!next || next === start) break
    start = next
  }
  return out
}

export function postServiceKey(client: IbmCloudClient, body: { name: string; source: string; role: string; endpoints: 'public' | 'private' }, options: RequestOptions = {}): Promise<ResourceKeyBody> {
  return client.requester.run(
    { op: 'createServiceKey', role: ROLE_KEYS },
    ResourceKeyBody,
    () => client.resourceController.createResourceKey({ name: body.name, source: body.source, role: body.role, parameters: { 'service-endpoints': body.endpoints } as never }),
    { ...options, idempotent: false }
  )
}

/** `service-endpoints` as the broker echoes it (hyphen; the underscore spelling is accepted too). */
export function endpointsOf(parameters: Record<string, unknown> | null | undefined): ServiceEndpoints | undefined {
  const raw = parameters?.['service-endpoints'] ?? parameters?.service_endpoints
  return raw === 'public' || raw === 'private' || raw === 'public-and-private' ? raw : undefined
}

/** Gen 2 sizes live in `parameters.dataservices.redis` (facts §1.4); its version may also sit at the top. */
const gen2Version = (p: Record<string, unknown> | null | undefined): unknown => {
  const ds = p?.dataservices as { redis?: { version?: unknown } } | undefined
  return ds?.redis?.version ?? p?.version
}

export function toRedisInstance(i: ResourceInstanceBody): RedisInstance {
  const generation = generationOfPlan(i.resource_plan_id)
  const version = generation === 'gen2' ? gen2Version(i.parameters) : i.parameters?.version
  // Gen 2 is private only, whatever the parameters echo.
  const se = generation === 'gen2' ? 'private' : endpointsOf(i.parameters)
  return {
    id: i.id,
    guid: i.guid,
    name: i.name,
    region: i.region_id,
    resourceGroupId: i.resource_group_id,
    state: i.state,
    generation,
    ...(se ? { serviceEndpoints: se } : {}),
    ...(typeof version === 'string' || typeof version === 'number' ? { version: String(version) } : {}),
    ...(i.last_operation
      ? {
          lastOperation: {
            ...(i.last_operation.type ? { type: i.last_operation.type } : {}),
            ...(i.last_operation.state ? { state: i.last_operation.state } : {}),
            ...(i.last_operation.description ? { description: i.last_operation.description } : {})
          }
        }
      : {}),
    ...(i.created_at ? { createdAt: i.created_at } : {})
  }
}

/** DELETE /v2/resource_instances/{id}; `recursive` also deletes its service keys (else RC refuses with CONTAINS_ACTIVE_KEYS). */
export async function deleteInstance(client: IbmCloudClient, id: string, options: RequestOptions & { recursive?: boolean } = {}): Promise<void> {
  await client.requester.run(
    { op: 'deleteInstance', role: 'adminOrEditorInstance' },
    z.unknown(),
    () => client.resourceController.deleteResourceInstance({ id, ...(options.recursive ? { recursive: true } : {}) }),
    { ...options, idempotent: true }
  )
}
