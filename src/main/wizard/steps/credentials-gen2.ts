import { AppFailure } from '../../../shared/errors'
import type { ConnectionInfo } from '../../../shared/schemas/ibmcloud'
import type { WizardCredentials, WizardInstance, WizardState } from '../../../shared/schemas/wizard'
import type { Gen2Credentials, Gen2Key, Gen2Role } from '../../ibmcloud/gen2-keys'
import { registerSecret } from '../../logging/redact'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { wizardSay } from '../messages'
import { gen2KeySecret, keyPasswordSecret } from '../secret-names'
import { shellQuote } from '../shell-quote'
import type { StepContext } from './step'

/**
 * Gen 2 credentials (facts §1.7): a Gen 2 instance has no admin user; its users are service keys
 * with the role Manager or Writer, whose credentials IBM Cloud shows once, in the create's answer.
 * They go to the keychain the moment that answer arrives, before anything else is recorded.
 */

export interface Gen2KeyOutcome {
  keyId: string
  name: string
  role: Gen2Role
  username: string
  storedIn: 'keychain' | 'session'
  reused: boolean
  /** Host and port as the key's credentials name them (null when they name none). */
  connection: ConnectionInfo | null
}

/** Keeps a key's credentials: the whole answer first (for a reuse), then the password entry the test and save steps read. */
async function keep(ctx: StepContext, keyId: string, credentials: Gen2Credentials): Promise<'keychain' | 'session'> {
  registerSecret(credentials.password)
  const storedIn = await ctx.services.secrets.set(gen2KeySecret(keyId), JSON.stringify(credentials))
  await ctx.services.secrets.set(keyPasswordSecret(keyId), credentials.password)
  return storedIn
}

/** The credentials this computer kept for a key, if any. */
async function kept(ctx: StepContext, keyId: string): Promise<Gen2Credentials | undefined> {
  const raw = await ctx.services.secrets.get(gen2KeySecret(keyId))
  if (!raw) return undefined
  try {
    const c = JSON.parse(raw) as Partial<Gen2Credentials>
    if (typeof c.username !== 'string' || typeof c.password !== 'string') return undefined
    registerSecret(c.password)
    return { database: 0, ...c, username: c.username, password: c.password }
  } catch {
    return undefined
  }
}

/** A key's connection as its credentials name it: TLS with the system's roots (Let's Encrypt), SNI = the host (the VPE domain). */
export function gen2KeyConnection(c: { username: string; hostname: string; port: number; database: number }): ConnectionInfo {
  return {
    endpoint: 'private',
    hostname: c.hostname,
    port: c.port,
    username: c.username,
    database: c.database,
    uri: `rediss://${c.username}:$PASSWORD@${c.hostname}:${c.port}/${c.database}`,
    caPem: '',
    servername: c.hostname
  }
}

const connectionOf = (c: Gen2Credentials): ConnectionInfo | null =>
  c.hostname && c.port ? gen2KeyConnection({ username: c.username, hostname: c.hostname, port: c.port, database: c.database }) : null

/**
 * The key `name` with `role` on the instance, its credentials in the keychain. A key of that name
 * is reused when its credentials are in the keychain (or IBM Cloud shows them again); one whose
 * credentials cannot be read any more is never replaced silently: the step fails and names the
 * delete command and the choice of another name.
 */
export async function ensureGen2Key(ctx: StepContext, instance: WizardInstance, name: string, role: Gen2Role, signal: AbortSignal): Promise<Gen2KeyOutcome> {
  const existing = await ctx.services.findGen2Key(instance, name, signal)
  if (existing) return reuse(ctx, instance, existing, role)
  const created = await ctx.services.createGen2Key(instance, name, role, signal)
  // Found after a lost answer, and IBM Cloud does not show its credentials again.
  if (!created.credentials) throw unreadable(instance, created)
  const storedIn = await keep(ctx, created.id, created.credentials)
  return {
    keyId: created.id,
    name: created.name,
    role,
    username: created.credentials.username,
    storedIn,
    reused: false,
    connection: connectionOf(created.credentials)
  }
}

async function reuse(ctx: StepContext, instance: WizardInstance, key: Gen2Key, role: Gen2Role): Promise<Gen2KeyOutcome> {
  if (key.role && key.role !== role) {
    throw new AppFailure({ code: WizardCodes.gen2KeyConflict, ...wizardSay.gen2KeyRoleMismatch({ keyName: key.name, role: key.role, wanted: role }) })
  }
  // UNVERIFIED (facts §1.7): IBM Cloud may show them again; the keychain's copy comes first.
  const credentials = (await kept(ctx, key.id)) ?? key.credentials
  if (!credentials) throw unreadable(instance, key)
  const storedIn = await keep(ctx, key.id, credentials)
  return { keyId: key.id, name: key.name, role, username: credentials.username, storedIn, reused: true, connection: connectionOf(credentials) }
}

function unreadable(instance: WizardInstance, key: Pick<Gen2Key, 'id' | 'name'>): AppFailure {
  return new AppFailure({
    code: WizardCodes.gen2KeyUnreadable,
    ...wizardSay.gen2KeyUnreadable({
      keyName: key.name,
      instanceName: instance.name,
      deleteCommand: `ibmcloud resource service-key-delete ${shellQuote(key.id)} -f`
    }),
    detail: `key=${key.id}`
  })
}

/** Step 5 for Gen 2: the user's own Manager key `<instance>-manager` (or the name given). */
export async function createManagerCredentials(
  ctx: StepContext,
  instance: WizardInstance,
  name: string | undefined,
  signal: AbortSignal
): Promise<WizardState> {
  const key = await ensureGen2Key(ctx, instance, name ?? `${instance.name}-manager`, 'Manager', signal)
  const credentials: WizardCredentials = {
    keyId: key.keyId,
    keyName: key.name,
    role: key.role,
    username: key.username,
    storedIn: key.storedIn,
    reused: key.reused,
    createdAt: new Date().toISOString(),
    connection: key.connection
  }
  return m.completeStep(ctx.state(), 'password', { credentials, password: null })
}
