import type { Claim, ClaimFix, Evidence } from '../../../shared/schemas/privacy'
import type { Profile } from '../../../shared/schemas/profile'
import type { ResourceKeyBody } from '../../ibmcloud/api-shapes'
import { listKeysForInstance } from '../../ibmcloud/resource-controller'
import { shellQuote } from '../../wizard/shell-quote'
import { evidence, fix, type ClaimContext } from '../context'
import { scanForSecrets } from '../secret-scan'

export interface CredentialDeps {
  dataDir: string
  /** The profile's secrets as the keychain holds them; rejects when they cannot be read. */
  secretsOf: (profile: Profile) => Promise<string[]>
}

/** Redis's user when none is named: AUTH with a password alone logs in as `default`. */
const userOf = (profile: Profile): string => profile.username ?? 'default'

type UserFinding = { verdict: Claim['verdict']; evidence: Evidence; fix?: ClaimFix }

const roleName = (crn: unknown): string | undefined => (typeof crn === 'string' ? /(?:serviceRole:|^)(Manager|Writer|Reader)$/.exec(crn)?.[1] : undefined)

function keyUser(key: ResourceKeyBody): string | undefined {
  return key.credentials?.connection?.rediss?.authentication.username
}

function keyRole(key: ResourceKeyBody): string | undefined {
  const credentials = key.credentials as { iam_role_crn?: unknown } | null | undefined
  return roleName((key as { role?: unknown }).role) ?? roleName(credentials?.iam_role_crn)
}

/** Gen 2 has no admin user: the user is a service key's, Manager (admin-like) or Writer (for applications). */
async function gen2User(ctx: ClaimContext, profile: Profile): Promise<UserFinding> {
  const instance = ctx.target.name ?? ctx.target.guid
  const keys = await listKeysForInstance(ctx.client, ctx.target.guid, { signal: ctx.signal }).catch(() => undefined)
  // By the key the profile was saved from: a Gen 2 key's credentials (its user) may not be readable again.
  const keyCrn = profile.origin.kind === 'ibmcloud' ? profile.origin.keyCrn : undefined
  const key = keys?.find((k) => keyCrn !== undefined && (k.id === keyCrn || k.crn === keyCrn)) ?? keys?.find((k) => keyUser(k) === userOf(profile))
  const role = key ? keyRole(key) : undefined
  if (!role) return { verdict: 'inconclusive', evidence: evidence('user_role_unknown', { user: userOf(profile) }) }
  if (role === 'Manager')
    return {
      verdict: 'fails',
      evidence: evidence('user_gen2_manager', { user: userOf(profile), key: key?.name ?? '' }),
      fix: fix('fix_user_writer', { instance }, [`ibmcloud resource service-key-create ${shellQuote(`${instance}-app`)} Writer --instance-name ${shellQuote(instance)}`])
    }
  return { verdict: 'holds', evidence: evidence('user_gen2_role', { user: userOf(profile), role, key: key?.name ?? '' }) }
}

function gen1User(ctx: ClaimContext, profile: Profile): UserFinding {
  const instance = ctx.target.name ?? ctx.target.guid
  if (userOf(profile) !== 'admin') return { verdict: 'holds', evidence: evidence('user_not_admin', { user: userOf(profile) }) }
  return {
    verdict: 'fails',
    evidence: evidence('user_admin', { user: userOf(profile) }),
    fix: fix('fix_user_service_key', { instance }, [
      `ibmcloud resource service-key-create ${shellQuote(`${instance}-app`)} --instance-name ${shellQuote(instance)} --parameters '{"service-endpoints":"private"}'`
    ])
  }
}

async function leakFinding(deps: CredentialDeps, profile: Profile): Promise<{ verdict: Claim['verdict']; evidence: Evidence[] }> {
  let secrets: string[]
  try {
    secrets = await deps.secretsOf(profile)
  } catch (e) {
    return { verdict: 'inconclusive', evidence: [evidence('secrets_unreadable', { reason: e instanceof Error ? e.message : String(e) })] }
  }
  if (secrets.length === 0) return { verdict: 'inconclusive', evidence: [evidence('secrets_none_saved', { profile: profile.name })] }
  const scan = await scanForSecrets(deps.dataDir, secrets)
  const ev = scan.leaks.map((file) => evidence('secret_in_file', { file, folder: deps.dataDir }))
  if (scan.filesSkipped) ev.push(evidence('scan_files_skipped', { count: scan.filesSkipped }))
  if (scan.leaks.length) return { verdict: 'fails', evidence: ev }
  return { verdict: 'holds', evidence: [evidence('secrets_not_in_files', { count: scan.filesScanned, folder: deps.dataDir }), ...ev] }
}

const worst = (a: Claim['verdict'], b: Claim['verdict']) => (a === 'fails' || b === 'fails' ? 'fails' : a === 'inconclusive' || b === 'inconclusive' ? 'inconclusive' : 'holds')

/** Claim 5: the profile's user is not the admin where a narrower one exists, and none of its secrets is in a file the app wrote. */
export async function credentialsClaim(ctx: ClaimContext, deps: CredentialDeps): Promise<Claim> {
  const profile = ctx.profile
  if (!profile) return { id: 'credentials', verdict: 'inconclusive', evidence: [evidence('no_saved_profile', { instance: ctx.target.name ?? ctx.target.crn })] }
  const user = ctx.target.generation === 'gen2' ? await gen2User(ctx, profile) : gen1User(ctx, profile)
  const leaks = await leakFinding(deps, profile)
  return {
    id: 'credentials',
    verdict: worst(user.verdict, leaks.verdict),
    evidence: [user.evidence, ...leaks.evidence],
    ...(user.fix ? { fix: user.fix } : {})
  }
}
