import { AppFailure } from '../../shared/errors'
import { covers, parseIp, parseNetworkAddress, type NetworkAddress } from '../../shared/network-addresses'
import type { Profile } from '../../shared/schemas/profile'
import type { ProbeResult } from '../../shared/schemas/probe'
import type { AdmittedVpc, RestrictInput, RestrictResult } from '../../shared/schemas/restrictions'
import type { IbmCloudClient } from '../ibmcloud/client'
import { deleteRule, deleteZone, ensureRedisRule, ensureZone, findZone, restoreRule, rulesForInstance } from '../ibmcloud/context-based-restrictions'
import { listAllowlist, setAllowlist } from '../ibmcloud/databases'
import { sleep } from '../util/abort'
import { waitForInstanceTasks } from './instance-tasks'
import { cliEquivalents, parseAddresses, profileInstance, RestrictCodes, summaryOf, zoneAddresses, zoneName, type InstanceRef } from './plan'
import { sourceAddressToward, type Resolve } from './source-address'
import { resolveVpcs } from './vpcs'

export interface RestrictDeps {
  client: () => Promise<IbmCloudClient>
  profile: (id: string) => Promise<Profile>
  /** The profile's own test (its saved path), as the one-click test runs it. */
  test: (id: string, signal: AbortSignal) => Promise<ProbeResult>
  pollIntervalMs?: number
  /**
   * Gen 2 (Resource Controller only) shows no task for a rule change, so the check waits this long
   * for the rule to reach the instance before testing again (default 60 s).
   */
  gen2SettleMs?: number
  /** The resolver the profile's test uses (the sandbox's DNS hook), so the source address is found the same way. */
  resolve?: Resolve
}

/** How long a Gen 2 rule change is given to reach the instance before the profile is tested again (no task shows it: UNVERIFIED). */
const GEN2_SETTLE_MS = 60_000

/** Undoes one applied change: puts back what was there before. */
type Undo = () => Promise<void>

/**
 * Admits only the given networks to a saved profile's instance, then checks that the profile
 * still connects; if it no longer does, the change is put back and the failure names the
 * address this computer connects from. The profile must pass before, so a lock-out is told apart.
 */
export async function restrict(deps: RestrictDeps, input: RestrictInput, signal: AbortSignal): Promise<RestrictResult> {
  const mechanism = input.mechanism ?? 'cbr'
  const profile = await deps.profile(input.profileId)
  const instance = profileInstance(profile)
  if (mechanism === 'allowlist' && profile.origin.kind === 'ibmcloud' && profile.origin.generation === 'gen2')
    throw new AppFailure({ code: RestrictCodes.allowlistGen2, message: 'Gen 2 instances have no IP allowlist: use a context-based restriction (the default).' })
  const addresses = parseAddresses(input.addresses ?? [], mechanism)
  if (mechanism === 'allowlist' && input.vpcs?.length)
    throw new AppFailure({
      code: RestrictCodes.allowlistVpc,
      message: "The Gen 1 allowlist holds addresses only, not VPCs. Use a context-based restriction (the default), or list the VPC's subnets."
    })
  const waitOptions = { signal, ...(deps.pollIntervalMs ? { pollIntervalMs: deps.pollIntervalMs } : {}) }
  // VPCs are looked up even on a dry run (a typo is refused there too); addresses alone need no sign-in to plan.
  const vpcs = input.vpcs?.length ? await resolveVpcs(await deps.client(), instance, input.vpcs, waitOptions) : []
  const sourceAddress =
    profile.networkPath.kind === 'direct'
      ? ((await sourceAddressToward(profile.host, profile.port, deps.resolve ? { resolve: deps.resolve } : {})) ?? null)
      : null
  const base = {
    instance: { crn: instance.crn, guid: instance.guid, name: profile.name },
    mechanism,
    addresses: addresses.map((a) => a.value),
    vpcs,
    summary: summaryOf(profile.name, mechanism, addresses, vpcs),
    cliEquivalents: cliEquivalents(instance, mechanism, addresses, vpcs),
    sourceAddress
  }
  if (input.dryRun) return { ...base, outcome: 'planned', check: null }

  const before = await deps.test(profile.id, signal)
  if (!before.ok)
    throw new AppFailure({
      code: RestrictCodes.profileFailsBefore,
      message: `The profile "${profile.name}" does not connect now (${before.code ?? 'failed'}), so a restriction could not be checked. Fix the profile's test first, then restrict.`,
      params: { name: profile.name, result: before.code ?? 'failed' }
    })
  const client = await deps.client()
  const { changed, undo } =
    mechanism === 'cbr' ? await applyCbr(client, instance, addresses, vpcs, waitOptions) : await applyAllowlist(client, instance, addresses, waitOptions)
  const gen2 = profile.origin.kind === 'ibmcloud' && profile.origin.generation === 'gen2'
  const inForce = () => (gen2 ? sleep(deps.gen2SettleMs ?? GEN2_SETTLE_MS, signal) : waitForInstanceTasks(client, instance.crn, waitOptions))
  if (changed && mechanism === 'cbr') await inForce()

  const after = await deps.test(profile.id, signal)
  if (!after.ok) {
    await undo()
    if (mechanism === 'cbr') await inForce()
    throw lockedOut(profile, after, sourceAddress, [...addresses, ...vpcSubnets(vpcs)])
  }
  return { ...base, outcome: changed ? 'applied' : 'unchanged', check: { ok: true, code: null, message: after.message } }
}

/** What a VPC entry admits, as addresses: its subnets now. */
const vpcSubnets = (vpcs: AdmittedVpc[]): NetworkAddress[] =>
  vpcs.flatMap((v) =>
    v.subnets.flatMap((cidr) => {
      const parsed = parseNetworkAddress(cidr)
      return parsed.ok ? [parsed.address] : []
    })
  )

function lockedOut(profile: Profile, after: ProbeResult, source: string | null, addresses: NetworkAddress[]): AppFailure {
  const ip = source ? parseIp(source) : undefined
  const missing = source && ip && !addresses.some((a) => covers(a, ip)) ? source : null
  const which = missing
    ? `This computer connects from ${missing}, which none of the entries admit: add it (or its network) and try again.`
    : profile.networkPath.kind === 'direct'
      ? 'Add the address this computer reaches IBM Cloud from (after any NAT or VPN) and try again.'
      : "Add the egress address of the profile's bastion or cluster and try again."
  return new AppFailure({
    code: RestrictCodes.wouldLockOut,
    message: `With this restriction the profile "${profile.name}" no longer connects (${after.code ?? 'failed'}), so PSE Wizard put the previous setting back. ${which}`,
    params: { name: profile.name, result: after.code ?? 'failed', missing: missing ?? '', path: profile.networkPath.kind }
  })
}

async function applyCbr(client: IbmCloudClient, instance: InstanceRef, addresses: NetworkAddress[], vpcs: AdmittedVpc[], options: { signal: AbortSignal }) {
  const name = zoneName(instance)
  const [previousZone, previousRules] = await Promise.all([
    findZone(client, instance.accountId, name, options),
    rulesForInstance(client, instance.accountId, instance.guid, options)
  ])
  const zone = await ensureZone(
    client,
    { accountId: instance.accountId, name, description: 'PSE Wizard: the networks that may connect to Redis', addresses: zoneAddresses(addresses, vpcs) },
    options
  )
  const rule = await ensureRedisRule(
    client,
    {
      accountId: instance.accountId,
      instanceGuid: instance.guid,
      zoneId: zone.zone.id,
      description: 'PSE Wizard: only the listed networks',
      enforcementMode: 'enabled'
    },
    options
  )
  const undo: Undo = async () => {
    const [previousRule] = previousRules
    if (rule.changed) await (previousRule ? restoreRule(client, previousRule, options) : deleteRule(client, rule.rule.id, options))
    if (!zone.changed) return
    if (previousZone)
      await ensureZone(
        client,
        { accountId: instance.accountId, name, description: previousZone.body.description, addresses: previousZone.body.addresses as never },
        options
      )
    else await deleteZone(client, zone.zone.id, options)
  }
  return { changed: zone.changed || rule.changed, undo }
}

async function applyAllowlist(
  client: IbmCloudClient,
  instance: InstanceRef,
  addresses: NetworkAddress[],
  options: { signal: AbortSignal; pollIntervalMs?: number }
) {
  const previous = await listAllowlist(client, instance.crn, options)
  const wanted = addresses.map((a) => a.value)
  const same = previous.length === wanted.length && previous.every((e) => wanted.includes(e.address))
  if (same) return { changed: false, undo: async () => {} }
  await setAllowlist(
    client,
    instance.crn,
    wanted.map((address) => ({ address, description: 'pse-wizard' })),
    options
  )
  return { changed: true, undo: () => setAllowlist(client, instance.crn, previous, options) }
}
