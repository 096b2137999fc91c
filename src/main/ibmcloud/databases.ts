import { AppFailure } from '../../shared/errors'
import { ibmOperations, type IbmRole, type IbmTask } from './operations'
import type { AllowlistEntry, ConnectionInfo, EndpointType, PasswordCheck, Region, RedisVersion } from '../../shared/schemas/ibmcloud'
import { registerSecret } from '../logging/redact'
import type { z } from 'zod'
import {
  AllowlistEnvelope,
  ConnectionEnvelope,
  DeployablesEnvelope,
  DeploymentEnvelope,
  RegionsEnvelope,
  TaskEnvelope,
  type RedisConnection,
  type TaskBody
} from './api-shapes'
import type { IbmCloudClient } from './client'
import { IbmCodes } from './errors'
import { checkPassword } from './password-rules'
import { sleep, type RequestOptions } from './request'

/** Region ids of API-FACTS §g with the names the console shows. */
export const REGION_NAMES: Record<string, string> = {
  'us-south': 'Dallas',
  'us-east': 'Washington DC',
  'ca-tor': 'Toronto',
  'br-sao': 'São Paulo',
  'eu-de': 'Frankfurt',
  'eu-gb': 'London',
  'eu-es': 'Madrid',
  'eu-fr2': 'Paris',
  'jp-tok': 'Tokyo',
  'jp-osa': 'Osaka',
  'au-syd': 'Sydney',
  'in-che': 'Chennai'
}

const ROLE_MANAGE: IbmRole = 'managerInstance'
const ROLE_VIEW: IbmRole = 'viewerInstance'

/** The region a CRN names: `crn:v1:bluemix:public:databases-for-redis:<region>:a/…`. */
export function regionOfCrn(crn: string): string {
  const region = crn.split(':')[5]
  if (!region)
    throw new AppFailure({
      code: IbmCodes.badRequest,
      message: 'This is not the CRN of a Databases for Redis instance. Choose the instance again.',
      detail: crn
    })
  return region
}

/** GET /regions (asked of the default region's host, as the SDK does). */
export async function listRegions(client: IbmCloudClient, options: RequestOptions = {}): Promise<Region[]> {
  const body = await client.requester.run(
    { op: 'listRegions' },
    RegionsEnvelope,
    () => client.cloudDatabases('us-south').listRegions(),
    options
  )
  return body.regions.map((id) => ({ id, name: REGION_NAMES[id] ? `${REGION_NAMES[id]} (${id})` : id }))
}

/** Redis versions from GET /deployables: preferred first, deprecated last. */
export async function listRedisVersions(client: IbmCloudClient, region = 'us-south', options: RequestOptions = {}): Promise<RedisVersion[]> {
  const body = await client.requester.run(
    { op: 'listVersions', region },
    DeployablesEnvelope,
    () => client.cloudDatabases(region).listDeployables(),
    options
  )
  const redis = body.deployables.find((d) => d.type === 'redis')
  const rank = (v: RedisVersion) => (v.preferred ? 0 : v.status === 'stable' ? 1 : v.status === 'deprecated' ? 3 : 2)
  return (redis?.versions ?? [])
    .map((v) => ({ version: v.version, status: v.status ?? 'stable', preferred: v.is_preferred === true }))
    .sort((a, b) => rank(a) - rank(b) || b.version.localeCompare(a.version, undefined, { numeric: true }))
}

export async function getDeployment(client: IbmCloudClient, crn: string, options: RequestOptions = {}) {
  const region = regionOfCrn(crn)
  const body = await client.requester.run(
    { op: 'readDeployment', region, role: ROLE_VIEW },
    DeploymentEnvelope,
    () => client.cloudDatabases(region).getDeployment(crn),
    options
  )
  return body.deployment
}

export interface TaskProgress {
  status: string
  percent?: number
  description?: string
}

export interface TaskWaitOptions extends RequestOptions {
  onProgress?: (p: TaskProgress) => void
  pollIntervalMs?: number
  timeoutMs?: number
}

/** A task is done when it says completed, has an empty status, or the body has no task (TF's rule). */
export function taskOutcome(task: TaskBody | null | undefined): 'done' | 'failed' | 'pending' {
  if (!task || !task.status || task.status === 'completed') return 'done'
  if (task.status === 'failed' || task.status === 'expired') return 'failed'
  return 'pending'
}

/** Polls GET /tasks/{id} until completed; failed/expired become ibm_task_failed. Tolerates `{}`. */
export async function waitForTask(
  client: IbmCloudClient,
  region: string,
  task: TaskBody | null | undefined,
  taskOp: IbmTask,
  options: TaskWaitOptions = {}
): Promise<void> {
  const what = ibmOperations[taskOp]
  const started = Date.now()
  const interval = options.pollIntervalMs ?? 5_000
  let current = task
  for (;;) {
    const outcome = taskOutcome(current)
    if (current?.status)
      options.onProgress?.({
        status: current.status,
        ...(current.progress_percent !== undefined ? { percent: current.progress_percent } : {}),
        ...(current.description ? { description: current.description } : {})
      })
    if (outcome === 'done') return
    if (outcome === 'failed') {
      throw new AppFailure({
        code: IbmCodes.taskFailed,
        message: `IBM Cloud could not ${what} (the task ended "${current?.status}"). Try again; if it fails again, open a support case with the task id.`,
        params: { task: taskOp, status: current?.status ?? '' },
        ...(current?.id ? { detail: current.id } : {})
      })
    }
    if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs) {
      throw new AppFailure({
        code: IbmCodes.timeout,
        message: `IBM Cloud is still working to ${what}. Check again in a few minutes.`,
        params: { task: taskOp, say: 'errors.ibmTaskStillRunning' },
        ...(current?.id ? { detail: current.id } : {})
      })
    }
    await sleep(interval, options.signal)
    if (!current?.id) return
    const id = current.id
    const body = await client.requester.run(
      { op: 'followTask', facts: { task: taskOp }, region },
      TaskEnvelope,
      () => client.cloudDatabases(region).getTask(id),
      options
    )
    current = body.task ?? null
  }
}

/**
 * Sets the admin password: checks it against the rules first (nothing is sent otherwise), reads
 * the admin user name from the deployment (`admin_usernames.database`, "admin"), PATCHes
 * …/users/database/{admin} and follows the task to completion.
 */
export async function setAdminPassword(client: IbmCloudClient, crn: string, password: string, options: TaskWaitOptions = {}): Promise<{ username: string }> {
  registerSecret(password)
  const check: PasswordCheck = checkPassword(password, 'admin')
  if (!check.ok)
    throw new AppFailure({ code: IbmCodes.passwordRejected, message: `This password does not meet IBM Cloud Databases' rules: ${check.problems.join(' ')}` })
  const region = regionOfCrn(crn)
  const deployment = await getDeployment(client, crn, options)
  const username = deployment.admin_usernames?.database ?? 'admin'
  const body = await client.requester.run(
    { op: 'setAdminPassword', region, role: ROLE_MANAGE },
    TaskEnvelope,
    () => client.cloudDatabases(region).updateUser(crn, 'database', username, { password }),
    { ...options, idempotent: true }
  )
  await waitForTask(client, region, body.task, 'setAdminPassword', options)
  return { username }
}

/** Connection info for one endpoint, with the CA decoded to PEM. The URI keeps `$PASSWORD`. */
export async function getConnectionInfo(
  client: IbmCloudClient,
  crn: string,
  endpoint: EndpointType,
  options: RequestOptions & { username?: string } = {}
): Promise<ConnectionInfo> {
  const region = regionOfCrn(crn)
  const username = options.username ?? 'admin'
  let body
  try {
    body = await client.requester.run(
      { op: endpoint === 'private' ? 'readPrivateConnection' : 'readPublicConnection', region, role: ROLE_VIEW },
      ConnectionEnvelope,
      () => client.cloudDatabases(region).getConnection(crn, 'database', username, endpoint),
      options
    )
  } catch (e) {
    if (e instanceof AppFailure && e.code === IbmCodes.wrongRegion) {
      throw new AppFailure(
        {
          code: IbmCodes.endpointNotEnabled,
          message: `The ${endpoint} endpoint is not enabled on this deployment (or it is not in ${region}). Enable it under "Endpoints", then try again.`,
          ...(e.detail ? { detail: e.detail } : {})
        },
        { cause: e }
      )
    }
    throw e
  }
  return connectionInfoFrom(body.connection, endpoint)
}

export function connectionInfoFrom(connection: z.infer<typeof RedisConnection>, endpoint: EndpointType): ConnectionInfo {
  const r = connection.rediss
  const host = r.hosts[0]
  const caPem = decodeCertificate(r.certificate.certificate_base64)
  const uri = r.composed[0] ?? `rediss://${r.authentication.username}:$PASSWORD@${host.hostname}:${host.port}${r.path ?? '/0'}`
  return {
    endpoint,
    hostname: host.hostname,
    port: host.port,
    username: r.authentication.username,
    database: typeof r.database === 'number' ? r.database : Number((r.path ?? '/0').replace('/', '')) || 0,
    uri: maskPassword(uri, r.authentication.password),
    ...(r.certificate.name ? { caName: r.certificate.name } : {}),
    caPem,
    ...(connection.cli?.composed?.[0] ? { cliCommand: maskPassword(connection.cli.composed[0], r.authentication.password) } : {})
  }
}

/** A connection string from a service key carries a real password: put IBM's placeholder back. */
function maskPassword(text: string, password: string | undefined): string {
  if (!password || password === '$PASSWORD') return text
  registerSecret(password)
  return text.split(password).join('$PASSWORD')
}

export function decodeCertificate(base64: string): string {
  const pem = Buffer.from(base64, 'base64').toString('utf8')
  if (!/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(pem)) {
    throw new AppFailure({
      code: IbmCodes.malformed,
      message: 'IBM Cloud sent a CA certificate PSE Wizard could not read. Try again; if it persists, copy the certificate from the console.'
    })
  }
  return pem.trim() + '\n'
}

export async function listAllowlist(client: IbmCloudClient, crn: string, options: RequestOptions = {}): Promise<AllowlistEntry[]> {
  const region = regionOfCrn(crn)
  const body = await client.requester.run(
    { op: 'readAllowlist', region, role: ROLE_VIEW },
    AllowlistEnvelope,
    () => client.cloudDatabases(region).getAllowlist(crn),
    options
  )
  return body.ip_addresses.map((a) => ({ address: a.address, description: a.description ?? '' }))
}

export async function addAllowlistEntry(client: IbmCloudClient, crn: string, entry: AllowlistEntry, options: TaskWaitOptions = {}): Promise<void> {
  const region = regionOfCrn(crn)
  const body = await client.requester.run(
    { op: 'addAllowlistEntry', region, role: ROLE_MANAGE },
    TaskEnvelope,
    () => client.cloudDatabases(region).addAllowlistEntry(crn, entry),
    { ...options, idempotent: false }
  )
  await waitForTask(client, region, body.task, 'updateAllowlist', options)
}

export async function removeAllowlistEntry(client: IbmCloudClient, crn: string, address: string, options: TaskWaitOptions = {}): Promise<void> {
  const region = regionOfCrn(crn)
  const body = await client.requester.run(
    { op: 'removeAllowlistEntry', region, role: ROLE_MANAGE },
    TaskEnvelope,
    () => client.cloudDatabases(region).deleteAllowlistEntry(crn, address),
    options
  )
  await waitForTask(client, region, body.task, 'updateAllowlist', options)
}

/**
 * Replaces the whole allowlist (PUT, as Terraform does) and follows its task until the list is in
 * force. At most 100 IPv4 entries; an empty list admits anyone (facts §4).
 */
export async function setAllowlist(client: IbmCloudClient, crn: string, entries: AllowlistEntry[], options: TaskWaitOptions = {}): Promise<void> {
  if (entries.length > 100)
    throw new AppFailure({
      code: IbmCodes.badRequest,
      message: 'The IP allowlist holds at most 100 entries. Use a context-based restriction for more (or combine addresses into subnets).'
    })
  const region = regionOfCrn(crn)
  const body = await client.requester.run(
    { op: 'replaceAllowlist', region, role: ROLE_MANAGE },
    TaskEnvelope,
    () => client.cloudDatabases(region).setAllowlist(crn, entries),
    options
  )
  await waitForTask(client, region, body.task, 'updateAllowlist', options)
}
