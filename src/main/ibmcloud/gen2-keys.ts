import { z } from 'zod'
import type { IbmRole } from './operations'
import { AppFailure } from '../../shared/errors'
import { log } from '../logging/log'
import { registerSecret } from '../logging/redact'
import { sleep } from '../util/abort'
import type { IbmCloudClient } from './client'
import { IbmCodes, classify } from './errors'
import type { RequestOptions } from './request'
import { startTokenOf } from './resource-controller'

/**
 * Service keys of a Databases for Redis Gen 2 instance (facts §1.7): a key is a Redis user with
 * the service role Manager or Writer. Its credentials show in the create's answer, and maybe
 * never again (`onetime_credentials`): a later read without them, or `{"REDACTED":"REDACTED"}`,
 * is normal. The caller stores them the moment `createGen2Key` returns.
 */

export type Gen2Role = 'Manager' | 'Writer'

/** What a Gen 2 key's credentials give: the Redis user, and where it connects (when the key names it). */
export interface Gen2Credentials {
  username: string
  password: string
  hostname?: string
  port?: number
  database: number
  /** IBM's `redis-cli` line (it holds the password: never shown or logged as is). */
  cli?: string
}

export interface Gen2Key {
  /** The key's CRN. */
  id: string
  guid: string
  name: string
  role: Gen2Role | null
  /** Undefined when this answer does not show them (redacted, or not the create's answer). */
  credentials?: Gen2Credentials
}

const ROLE_VIEW: IbmRole = 'viewerInstance'
const ROLE_CREATE: IbmRole = 'operatorInstance'
const MAX_PAGES = 100

const Auth = z.looseObject({ username: z.string().min(1), password: z.string().min(1) })
const Uri = z.looseObject({
  hosts: z.array(z.looseObject({ hostname: z.string().min(1), port: z.number().int().min(1).max(65535) })).optional(),
  authentication: z.unknown().optional(),
  database: z.number().int().nullish(),
  path: z.string().optional()
})
const Credentials = z.looseObject({
  username: z.unknown().optional(),
  password: z.unknown().optional(),
  connection: z.looseObject({ rediss: z.unknown().optional(), redis: z.unknown().optional(), cli: z.unknown().optional() }).optional()
})

/** IBM's placeholders in the instance's extensions (`$USERNAME`, `$PASSWORD`), never real credentials. */
const PLACEHOLDER = /^\$[A-Z_]+$/

const databaseOf = (u: z.infer<typeof Uri>): number => {
  if (typeof u.database === 'number') return u.database
  const m = /^\/(\d+)$/.exec(u.path ?? '')
  return m ? Number(m[1]) : 0
}

/**
 * The Redis user of a Gen 2 key's `credentials`, in either layout: `connection.(rediss|redis).authentication`
 * first (which key IBM uses is UNVERIFIED), then top-level `username` / `password` (the PG Gen 2 shape).
 * Undefined when the body shows none (redacted, `{}`, placeholders such as `$PASSWORD`).
 */
export function parseGen2Credentials(raw: unknown): Gen2Credentials | undefined {
  const c = Credentials.safeParse(raw)
  if (!c.success) return undefined
  const conn = c.data.connection
  const uris = [conn?.rediss, conn?.redis].map((u) => Uri.safeParse(u)).flatMap((u) => (u.success ? [u.data] : []))
  const nested = uris.map((u) => Auth.safeParse(u.authentication)).find((a) => a.success)?.data
  const top = Auth.safeParse({ username: c.data.username, password: c.data.password })
  const auth = nested ?? (top.success ? top.data : undefined)
  if (!auth || PLACEHOLDER.test(auth.password) || PLACEHOLDER.test(auth.username)) return undefined
  const uri = uris.find((u) => u.hosts && u.hosts.length > 0)
  const host = uri?.hosts?.[0]
  const cli = z.looseObject({ composed: z.array(z.string()).min(1) }).safeParse(conn?.cli)
  return {
    username: auth.username,
    password: auth.password,
    ...(host ? { hostname: host.hostname, port: host.port } : {}),
    database: uri ? databaseOf(uri) : 0,
    ...(cli.success ? { cli: cli.data.composed[0] } : {})
  }
}

const KeyBody = z.looseObject({
  id: z.string(),
  guid: z.string(),
  name: z.string(),
  state: z.string().optional(),
  role: z.string().nullish(),
  credentials: z.unknown().optional()
})
type KeyBody = z.infer<typeof KeyBody>
const KeyList = z.looseObject({ next_url: z.string().nullish(), resources: z.array(KeyBody) })

/** `crn:v1:bluemix:public:iam::::serviceRole:Writer` (or a bare name) as a role. */
export function roleOf(role: string | null | undefined): Gen2Role | null {
  const name = role?.split(':').pop()
  return name === 'Manager' || name === 'Writer' ? name : null
}

function toKey(body: KeyBody): Gen2Key {
  const credentials = parseGen2Credentials(body.credentials)
  if (credentials) registerSecret(credentials.password)
  return { id: body.id, guid: body.guid, name: body.name, role: roleOf(body.role), ...(credentials ? { credentials } : {}) }
}

/** The active keys of an instance (every page). Credentials are rarely shown here (one-time view). */
export async function listGen2Keys(client: IbmCloudClient, instanceGuid: string, options: RequestOptions = {}): Promise<Gen2Key[]> {
  const out: Gen2Key[] = []
  let start: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await client.requester.run(
      { op: 'listServiceKeys', role: ROLE_VIEW },
      KeyList,
      () => client.resourceController.listResourceKeysForInstance({ id: instanceGuid, ...(start ? { start } : {}) }),
      options
    )
    out.push(...body.resources.filter((k) => (k.state ?? 'active') === 'active').map(toKey))
    const next = startTokenOf(body.next_url)
    if (!next || next === start) break
    start = next
  }
  return out
}

/** The instance's active key of that name, if any. */
export async function findGen2Key(client: IbmCloudClient, instanceGuid: string, name: string, options: RequestOptions = {}): Promise<Gen2Key | undefined> {
  return (await listGen2Keys(client, instanceGuid, options)).find((k) => k.name === name)
}

/** POST /v2/resource_keys with a role; never sent again by the requester (429 is: it created nothing). */
function postGen2Key(client: IbmCloudClient, body: { name: string; source: string; role: Gen2Role }, options: RequestOptions): Promise<KeyBody> {
  return client.requester.run(
    { op: 'createRoleServiceKey', facts: { keyRole: body.role }, role: ROLE_CREATE },
    KeyBody,
    () => client.resourceController.createResourceKey({ name: body.name, source: body.source, role: body.role }),
    { ...options, idempotent: false }
  )
}

export interface CreateGen2KeyOptions extends RequestOptions {
  /** POSTs at most (each only after a look found no key of that name); default 3. */
  maxAttempts?: number
  /** First wait before looking again after an uncertain failure (default 1 s, then ×2, ×4). */
  retryDelayMs?: number
}

/**
 * Creates a Gen 2 key and returns it with its credentials from the create's answer. Duplicate-safe:
 * after a 5xx, a network error or a timeout the POST may have been carried out, so the key is looked
 * for by name before it is sent again; a key found that way comes back without credentials when
 * IBM does not show them again (`credentials` undefined: the caller must say so, they are lost).
 */
export async function createGen2Key(
  client: IbmCloudClient,
  input: { instance: { id: string; guid: string }; name: string; role: Gen2Role },
  options: CreateGen2KeyOptions = {}
): Promise<Gen2Key & { created: boolean }> {
  const attempts = options.maxAttempts ?? 3
  const find = () => findGen2Key(client, input.instance.guid, input.name, { signal: options.signal })
  for (let attempt = 1; ; attempt++) {
    let body: KeyBody
    try {
      body = await postGen2Key(client, { name: input.name, source: input.instance.id, role: input.role }, options)
    } catch (e) {
      const kind = classify((e as { cause?: unknown }).cause ?? e)
      const uncertain = kind === 'server' || kind === 'network' || kind === 'timeout' || kind === 'malformed'
      if (!uncertain || attempt >= attempts) throw e
      log.warn(`creating the service key failed (${kind}); checking whether it was created before trying again`)
      for (const factor of [1, 2, 4]) {
        await sleep((options.retryDelayMs ?? 1_000) * factor, options.signal)
        const appeared = await find()
        if (appeared) return { ...appeared, created: true }
      }
      continue
    }
    const created = toKey(body)
    if (!created.credentials) throw credentialsMissing(created.name)
    return { ...created, created: true }
  }
}

const credentialsMissing = (name: string) =>
  new AppFailure({
    code: IbmCodes.malformed,
    message: `IBM Cloud created the service key "${name}" but its answer carried no Redis user and password. Delete the key (ibmcloud resource service-key-delete "${name}" -f) and try again.`
  })
