import { AppFailure } from '../../shared/errors'
import { CreateInstanceRequest, type ConnectionInfo, type Generation, type ProvisionProgress, type RedisInstance } from '../../shared/schemas/ibmcloud'
import { log } from '../logging/log'
import { registerSecret } from '../logging/redact'
import type { ResourceInstanceBody, ResourceKeyBody } from './api-shapes'
import type { IbmCloudClient } from './client'
import { connectionInfoFrom, getDeployment } from './databases'
import { IbmCodes, classify } from './errors'
import { endpointsOf, getInstance, listKeysForInstance, listRedisInstances, postInstance, postServiceKey, toRedisInstance } from './resource-controller'
import { sleep } from './request'

/** Redis on Cloud Databases (Gen 1) always has two data members; the broker takes totals. */
export const REDIS_MEMBERS = 2

/** States of an instance that count as "it exists": adopt it rather than create a second, paid one. */
const LIVE_STATES = new Set(['active', 'provisioning', 'pre_provisioning', 'inactive'])

/** The broker's `parameters` for a create request (API-FACTS d.1). */
export function provisioningParameters(input: CreateInstanceRequest): Record<string, unknown> {
  const req = CreateInstanceRequest.parse(input)
  const params: Record<string, unknown> = { 'service-endpoints': req.serviceEndpoints, members_host_flavor: req.hostFlavor }
  // Isolated flavors fix CPU and RAM: sending them is an error.
  if (req.hostFlavor === 'multitenant') {
    if (req.memoryMbPerMember !== undefined) params.members_memory_allocation_mb = req.memoryMbPerMember * REDIS_MEMBERS
    if (req.cpuPerMember) params.members_cpu_allocation_count = req.cpuPerMember * REDIS_MEMBERS
  }
  if (req.diskMbPerMember !== undefined) params.members_disk_allocation_mb = req.diskMbPerMember * REDIS_MEMBERS
  if (req.version) params.version = req.version
  if (req.keyProtectKeyCrn) params.disk_encryption_key_crn = req.keyProtectKeyCrn
  return params
}

export interface ProvisionOptions {
  signal?: AbortSignal
  onProgress?: (p: ProvisionProgress) => void
  /** Attempts at the POST when it fails in a way that may or may not have created the instance. */
  maxCreateAttempts?: number
  /** Base of the spaced checks (×1, ×2, ×4) for the instance after such a failure (default 1 s). */
  retryDelayMs?: number
}

// One create at a time per name/region/group in this process, so a double click cannot race.
const inFlight = new Map<string, Promise<{ instance: RedisInstance; adopted: boolean }>>()

/** Where an instance is looked for before any create: the same name, region and resource group adopts. */
export interface InstanceIdentity {
  name: string
  region: string
  resourceGroupId: string
}

/**
 * Creates the instance, or adopts the one that already has this name in this region and
 * resource group. A repeated call, a retry after a lost answer, or a double click never makes a
 * second (paid) instance: before every POST we look for it by name, and a POST that fails with a
 * network error or 5xx is followed by another look before anything is sent again.
 */
export async function createOrAdoptInstance(client: IbmCloudClient, input: CreateInstanceRequest, options: ProvisionOptions = {}): Promise<{ instance: RedisInstance; adopted: boolean }> {
  const req = CreateInstanceRequest.parse(input)
  const post = (signal?: AbortSignal) =>
    postInstance(client, { name: req.name, target: req.region, resourceGroup: req.resourceGroupId, tags: req.tags, parameters: provisioningParameters(req) }, { signal })
  return expectGeneration(await createOrAdoptWith(client, req, post, options), 'gen1')
}

/** An adopted instance of the other generation is not silently used: its name is taken. */
export function expectGeneration<T extends { instance: RedisInstance; adopted: boolean }>(result: T, generation: Generation): T {
  const found = result.instance
  if (found.generation === generation) return result
  const label = (g: Generation) => (g === 'gen2' ? 'Gen 2 (plan standard-gen2)' : 'Gen 1 (plan standard)')
  throw new AppFailure({
    code: IbmCodes.conflict,
    message: `An instance named "${found.name}" already exists in ${found.region} in this resource group, but it is ${label(found.generation)}. Adopt it as ${label(found.generation)}, or choose another name for the ${label(generation)} instance.`,
    detail: `instance=${found.guid}; generation=${found.generation}`
  })
}

/** The duplicate-safe create of either generation: `post` sends the POST (it may be called again only after a look found nothing). */
export function createOrAdoptWith(
  client: IbmCloudClient,
  id: InstanceIdentity,
  post: (signal?: AbortSignal) => Promise<ResourceInstanceBody>,
  options: ProvisionOptions = {}
): Promise<{ instance: RedisInstance; adopted: boolean }> {
  const key = `${id.region}\u0000${id.resourceGroupId}\u0000${id.name}`
  const running = inFlight.get(key)
  if (running) return running
  const run = doCreateOrAdopt(client, id, post, options).finally(() => inFlight.delete(key))
  inFlight.set(key, run)
  return run
}

async function doCreateOrAdopt(client: IbmCloudClient, req: InstanceIdentity, post: (signal?: AbortSignal) => Promise<ResourceInstanceBody>, options: ProvisionOptions) {
  const started = Date.now()
  const findExisting = async (): Promise<ResourceInstanceBody | undefined> => {
    const found = await listRedisInstances(client, { name: req.name, resourceGroupId: req.resourceGroupId, region: req.region }, { signal: options.signal })
    return found.find((i) => i.name === req.name && LIVE_STATES.has(i.state))
  }
  const adopt = (i: ResourceInstanceBody) => {
    log.info(`adopting existing Redis instance "${i.name}" (${i.guid}) instead of creating a duplicate`)
    options.onProgress?.({ phase: 'adopted', instanceId: i.id, state: i.state, ...lastOpText(i), elapsedMs: Date.now() - started })
    return { instance: toRedisInstance(i), adopted: true }
  }

  const attempts = options.maxCreateAttempts ?? 3
  for (let attempt = 1; ; attempt++) {
    const existing = await findExisting()
    if (existing) return adopt(existing)
    options.onProgress?.({ phase: 'creating', elapsedMs: Date.now() - started })
    try {
      const created = await post(options.signal)
      options.onProgress?.({ phase: 'provisioning', instanceId: created.id, state: created.state, ...lastOpText(created), elapsedMs: Date.now() - started })
      return { instance: toRedisInstance(created), adopted: false }
    } catch (e) {
      const kind = classify((e as { cause?: unknown }).cause ?? e)
      const uncertain = kind === 'server' || kind === 'network' || kind === 'timeout' || kind === 'malformed'
      if (!uncertain || attempt >= attempts) throw e
      // The POST may have been carried out even though its answer was lost. Look for the
      // instance a few times, spaced out (the list can lag a moment), before sending it again.
      log.warn(`create request failed (${kind}); checking whether the instance was created before trying again`)
      const base = options.retryDelayMs ?? 1_000
      for (const factor of [1, 2, 4]) {
        await sleep(base * factor, options.signal)
        const appeared = await findExisting()
        if (appeared) return adopt(appeared)
      }
    }
  }
}

const TRANSIENT = new Set<string>([IbmCodes.serverError, IbmCodes.unreachable, IbmCodes.timeout, IbmCodes.rateLimited, IbmCodes.malformed])

export interface WaitOptions {
  signal?: AbortSignal
  onProgress?: (p: ProvisionProgress) => void
  /** First poll interval; grows ×1.5 up to maxPollIntervalMs. Real provisioning takes 10–30 min. */
  pollIntervalMs?: number
  maxPollIntervalMs?: number
  /** Give up after this long (default 90 min). */
  timeoutMs?: number
}

/** Percent from the broker's words, e.g. "Provisioning redis with version 8.2 (40%)". */
export function percentFrom(description: string | null | undefined): number | undefined {
  const m = /\((\d{1,3})\s*%\)/.exec(description ?? '')
  if (!m) return undefined
  const n = Number(m[1])
  return n >= 0 && n <= 100 ? n : undefined
}

export const lastOpText = (i: ResourceInstanceBody): { description?: string; percent?: number } => {
  const description = i.last_operation?.description ?? undefined
  const percent = percentFrom(description)
  return { ...(description ? { description } : {}), ...(percent !== undefined ? { percent } : {}) }
}

/** The pace of a long wait: spaced polls (×1.5 up to the maximum), progress with elapsed time, the overall timeout. */
export function pacer(options: WaitOptions) {
  const started = Date.now()
  const timeout = options.timeoutMs ?? 90 * 60_000
  const maxInterval = options.maxPollIntervalMs ?? 30_000
  let interval = options.pollIntervalMs ?? 5_000
  return {
    report: (p: Omit<ProvisionProgress, 'elapsedMs'>) => options.onProgress?.({ ...p, elapsedMs: Date.now() - started }),
    restart: () => void (interval = options.pollIntervalMs ?? 5_000),
    pause: async () => {
      if (Date.now() - started > timeout) {
        throw new AppFailure({ code: IbmCodes.timeout, message: 'The instance is taking much longer than usual. It keeps provisioning in IBM Cloud: check it in the console, and resume here later.' })
      }
      await sleep(interval, options.signal)
      interval = Math.min(maxInterval, Math.round(interval * 1.5))
    }
  }
}
export type Pacer = ReturnType<typeof pacer>

/**
 * Polls the instance in the Resource Controller until `active` and `isReady` (reporting
 * `last_operation` words and percent; `whileActive` says what is still awaited). A 401 signs in
 * again, 429 and 5xx keep polling until the overall timeout; `failed` (or removal) ends with
 * ibm_provisioning_failed quoting the broker.
 */
export async function pollInstanceUntil(
  client: IbmCloudClient,
  instanceId: string,
  pace: Pacer,
  options: { signal?: AbortSignal; isReady?: (i: ResourceInstanceBody) => boolean; whileActive?: string } = {}
): Promise<ResourceInstanceBody> {
  for (;;) {
    let instance: ResourceInstanceBody
    try {
      instance = await getInstance(client, instanceId, { signal: options.signal })
    } catch (e) {
      // A long wait outlives network blips and IBM hiccups: keep polling until the overall timeout.
      if (!TRANSIENT.has((e as AppFailure).code)) throw e
      const hiccup = (e as AppFailure).code
      pace.report({ phase: 'provisioning', instanceId, description: `Could not reach IBM Cloud (${hiccup}); still waiting`, hiccup })
      await pace.pause()
      continue
    }
    const text = lastOpText(instance)
    if (instance.state === 'active') {
      const ready = options.isReady?.(instance) ?? true
      pace.report({ phase: 'waiting_for_database', instanceId: instance.id, state: instance.state, ...text, ...(ready || !options.whileActive ? {} : { description: options.whileActive }), percent: 100 })
      if (ready) return instance
    } else if (instance.state === 'failed' || instance.state === 'removed' || instance.state === 'pending_removal' || instance.last_operation?.state === 'failed') {
      pace.report({ phase: 'failed', instanceId: instance.id, state: instance.state, ...text })
      throw new AppFailure({
        code: IbmCodes.provisioningFailed,
        message: `IBM Cloud could not provision the instance${text.description ? `: "${text.description}"` : ''}. Check the Key Protect authorization and quotas, delete the failed instance in the console, then try again.`,
        detail: `state=${instance.state}; last_operation=${instance.last_operation?.state ?? '?'}`
      })
    } else pace.report({ phase: 'provisioning', instanceId: instance.id, state: instance.state, ...text })
    await pace.pause()
  }
}

/**
 * Polls the instance with backoff until `active` (reporting `last_operation` words and percent),
 * then until the Cloud Databases deployment answers, as Terraform does. `failed` (or removal)
 * ends with ibm_provisioning_failed quoting the broker. Safe to call again after a restart.
 */
export async function waitUntilReady(client: IbmCloudClient, instanceId: string, options: WaitOptions = {}): Promise<RedisInstance> {
  const pace = pacer(options)
  const instance = await pollInstanceUntil(client, instanceId, pace, { signal: options.signal })
  pace.restart()
  for (;;) {
    try {
      await getDeployment(client, instance.crn, { signal: options.signal })
      pace.report({ phase: 'ready', instanceId: instance.id, state: 'active', percent: 100 })
      return toRedisInstance(instance)
    } catch (e) {
      // Right after `active` the deployment can answer 404 or 5xx for a while: keep waiting.
      const code = (e as AppFailure).code
      if (code !== IbmCodes.wrongRegion && code !== IbmCodes.notFound && !TRANSIENT.has(code)) throw e
      pace.report({ phase: 'waiting_for_database', instanceId: instance.id, state: 'active', description: 'Waiting for the database to answer', percent: 100 })
      await pace.pause()
    }
  }
}

export interface ServiceKeyResult {
  keyId: string
  name: string
  reused: boolean
  connection: ConnectionInfo
  /** The key's generated username and password: store in the keychain, never send to the UI. */
  credentials: { username: string; password: string }
}

/**
 * A service key with `service-endpoints: private` (its connection strings name private hosts).
 * An existing key with the same name is reused; one with the same name that is not private is
 * refused rather than silently used.
 */
export async function ensurePrivateServiceKey(client: IbmCloudClient, instance: { id: string; guid: string }, name: string, options: { signal?: AbortSignal; role?: string } = {}): Promise<ServiceKeyResult> {
  const existing = (await listKeysForInstance(client, instance.guid, { signal: options.signal })).find((k) => k.name === name && (k.state ?? 'active') === 'active')
  if (existing) {
    if (endpointsOf(existing.parameters) !== 'private' && !isPrivateKey(existing)) {
      throw new AppFailure({ code: IbmCodes.conflict, message: `A service key named "${name}" already exists but gives public connection strings. Choose another name for the private key.` })
    }
    return keyResult(existing, true)
  }
  const created = await postServiceKey(client, { name, source: instance.id, role: options.role ?? 'Manager', endpoints: 'private' }, { signal: options.signal })
  return keyResult(created, false)
}

const isPrivateKey = (k: ResourceKeyBody) => !!k.credentials?.connection?.rediss?.hosts[0]?.hostname.includes('.private.')

function keyResult(key: ResourceKeyBody, reused: boolean): ServiceKeyResult {
  const rediss = key.credentials?.connection?.rediss
  if (!rediss) {
    throw new AppFailure({ code: IbmCodes.forbidden, message: `The service key "${key.name}" has no Redis credentials visible to you (IBM Cloud shows them only to holders of the key's role). Ask for the Manager service role on the instance.` })
  }
  const password = rediss.authentication.password ?? ''
  registerSecret(password)
  return {
    keyId: key.id,
    name: key.name,
    reused,
    connection: connectionInfoFrom({ rediss, ...(key.credentials?.connection?.cli ? { cli: key.credentials.connection.cli } : {}) }, 'private'),
    credentials: { username: rediss.authentication.username, password }
  }
}
