import { AppFailure } from '../../shared/errors'
import { CreateGen2InstanceRequest, GEN2_PLAN_ID, type RedisInstance } from '../../shared/schemas/ibmcloud'
import { log } from '../logging/log'
import type { ResourceInstanceBody } from './api-shapes'
import type { IbmCloudClient } from './client'
import { IbmCodes } from './errors'
import { gen2EndpointOf, type Gen2Endpoint } from './gen2-extensions'
import { gen2Parameters } from './gen2-parameters'
import { createOrAdoptWith, expectGeneration, pacer, pollInstanceUntil, type ProvisionOptions, type WaitOptions } from './provisioning'
import { postInstance, toRedisInstance } from './resource-controller'

/**
 * The broker's `parameters` for a Gen 2 create, the shape Terraform's `buildGen2Parameters` sends
 * (tests/fixtures/ibm-cloud/gen2_resource_instance_create_request.json): no endpoint key, no `$schema`.
 */
export function gen2ProvisioningParameters(input: CreateGen2InstanceRequest): Record<string, unknown> {
  return gen2Parameters(CreateGen2InstanceRequest.parse(input))
}

/**
 * The UNVERIFIED parts of the create (facts §1.4, §7.1), answered by the broker's refusal: a 400
 * naming `$schema` gets `dataservices.$schema.version = "1.0.0"`, one naming the endpoints gets
 * top-level `service_endpoints: "private"`. Undefined when the refusal is about something else
 * (or the parameters already carry the fix), so nothing is sent twice for the same reason.
 */
export function adjustGen2Parameters(params: Record<string, unknown>, refusal: string): Record<string, unknown> | undefined {
  const ds = params.dataservices as Record<string, unknown>
  if (/\$schema/i.test(refusal) && ds.$schema === undefined) return { ...params, dataservices: { $schema: { version: '1.0.0' }, ...ds } }
  if (/service[_-]endpoints?/i.test(refusal) && params.service_endpoints === undefined) return { ...params, service_endpoints: 'private' }
  return undefined
}

/** POST with the Gen 2 plan; a 400 that names an UNVERIFIED key is answered once per key (a 400 created nothing). */
async function postGen2(client: IbmCloudClient, req: ReturnType<typeof CreateGen2InstanceRequest.parse>, signal?: AbortSignal): Promise<ResourceInstanceBody> {
  let parameters = gen2ProvisioningParameters(req)
  for (;;) {
    try {
      return await postInstance(client, { name: req.name, target: req.region, resourceGroup: req.resourceGroupId, tags: req.tags, parameters, planId: GEN2_PLAN_ID }, { signal })
    } catch (e) {
      const failure = e as AppFailure
      const next = failure.code === IbmCodes.badRequest ? adjustGen2Parameters(parameters, failure.message) : undefined
      if (!next) throw e
      log.info('the Gen 2 broker asked for another parameter shape; sending the create again with it')
      parameters = next
    }
  }
}

/**
 * Creates a Databases for Redis Gen 2 instance (plan `databases-for-redis-gen2-standard`, private
 * only), or adopts the one with this name in this region and resource group — with the same
 * duplicate-safety as Gen 1 (createOrAdoptWith). An instance of that name that is Gen 1 (told by
 * its `resource_plan_id`, never its CRN) is refused with ibm_conflict rather than adopted.
 */
export async function createOrAdoptGen2Instance(
  client: IbmCloudClient,
  input: CreateGen2InstanceRequest,
  options: ProvisionOptions = {}
): Promise<{ instance: RedisInstance; adopted: boolean }> {
  const req = CreateGen2InstanceRequest.parse(input)
  return expectGeneration(await createOrAdoptWith(client, req, (signal) => postGen2(client, req, signal), options), 'gen2')
}

/**
 * Waits for a Gen 2 instance through the Resource Controller only (no Cloud Databases v5, no
 * tasks: Gen 2 has neither), with `last_operation` progress, until it is `active` and its
 * `extensions.dataservices.connection` has arrived. Same retries as Gen 1 (401 signs in again,
 * 429 / 5xx keep waiting until the timeout); safe to call again after a restart.
 */
export async function waitUntilGen2Ready(client: IbmCloudClient, instanceId: string, options: WaitOptions = {}): Promise<{ instance: RedisInstance; endpoint: Gen2Endpoint }> {
  const pace = pacer(options)
  const body = await pollInstanceUntil(client, instanceId, pace, {
    signal: options.signal,
    isReady: (i) => gen2EndpointOf(i) !== undefined,
    whileActive: 'Waiting for the connection details (the instance is active; its extensions have not arrived yet)'
  })
  const instance = toRedisInstance(body)
  if (instance.generation !== 'gen2') {
    throw new AppFailure({ code: IbmCodes.conflict, message: `"${instance.name}" is a Gen 1 instance (plan ${body.resource_plan_id ?? 'standard'}); wait for it as Gen 1.` })
  }
  pace.report({ phase: 'ready', instanceId: body.id, state: 'active', percent: 100 })
  return { instance, endpoint: gen2EndpointOf(body)! }
}
