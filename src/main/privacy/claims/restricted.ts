import { parseNetworkAddress } from '../../../shared/network-addresses'
import type { Claim, Evidence } from '../../../shared/schemas/privacy'
import { DATA_PLANE, getZone, ruleZoneIds, rulesForInstance, type Rule, type Zone } from '../../ibmcloud/context-based-restrictions'
import { listAllowlist } from '../../ibmcloud/databases'
import { shellQuote } from '../../wizard/shell-quote'
import { evidence, fix, unreadable, type ClaimContext } from '../context'

/** How a zone entry reads: an address, a range, a subnet, a VPC or an IBM service. */
function entryText(a: Zone['addresses'][number]): string {
  if (a.type === 'vpc') return `VPC ${a.value ?? ''}`
  if (a.type === 'serviceRef') return `service ${JSON.stringify((a as { ref?: unknown }).ref ?? a.value ?? '')}`
  return a.value ?? a.type
}

/** An entry that admits a large part of the internet (0.0.0.0/0 and the like), or undefined. */
function tooBroad(a: Zone['addresses'][number]): string | undefined {
  if (a.type !== 'subnet' && a.type !== 'ipRange') return undefined
  const parsed = parseNetworkAddress(a.value ?? '')
  return !parsed.ok && parsed.problem.code === 'address_too_broad' ? a.value : undefined
}

/** Does the rule restrict the data plane (Redis connections)? A rule with no API types covers all of them. */
const coversDataPlane = (rule: Rule) => {
  const types = rule.operations?.api_types ?? []
  return types.length === 0 || types.some((t) => t.api_type_id === DATA_PLANE)
}

interface RuleFinding {
  evidence: Evidence[]
  /** Enforced on the data plane, every zone read, none empty or too broad. */
  restricts: boolean
}

async function examineRule(ctx: ClaimContext, rule: Rule): Promise<RuleFinding> {
  const ev: Evidence[] = []
  const enforced = rule.enforcement_mode === 'enabled'
  ev.push(evidence(enforced ? 'cbr_rule_enforced' : 'cbr_rule_not_enforced', { rule: rule.id, mode: rule.enforcement_mode }))
  if (!coversDataPlane(rule)) ev.push(evidence('cbr_rule_not_data_plane', { rule: rule.id }))
  let zonesOk = true
  const zoneIds = ruleZoneIds(rule)
  if (zoneIds.length === 0) {
    zonesOk = false
    ev.push(evidence('cbr_rule_no_zone', { rule: rule.id }))
  }
  for (const id of zoneIds) {
    const zone = (await getZone(ctx.client, id, { signal: ctx.signal })).body
    const broad = zone.addresses.map(tooBroad).filter((a): a is string => Boolean(a))
    if (zone.addresses.length === 0) ev.push(evidence('cbr_zone_empty', { zone: zone.name }))
    else ev.push(evidence('cbr_zone_admits', { zone: zone.name, entries: zone.addresses.map(entryText).join(', '), count: zone.addresses.length }))
    for (const address of broad) ev.push(evidence('cbr_zone_too_broad', { zone: zone.name, address }))
    if (zone.addresses.length === 0 || broad.length > 0) zonesOk = false
  }
  return { evidence: ev, restricts: enforced && coversDataPlane(rule) && zonesOk }
}

/** Claim 3: an enforced context-based restriction (or, on Gen 1, a non-empty allowlist) admits only named networks. */
export async function restrictedClaim(ctx: ClaimContext): Promise<Claim> {
  const { target } = ctx
  const ev: Evidence[] = []
  let restricts = false
  try {
    const rules = await rulesForInstance(ctx.client, target.accountId, target.guid, { signal: ctx.signal })
    if (rules.length === 0) ev.push(evidence('cbr_no_rule'))
    for (const rule of rules) {
      const finding = await examineRule(ctx, rule)
      ev.push(...finding.evidence)
      restricts ||= finding.restricts
    }
  } catch (e) {
    return unreadable('restricted', 'restrictions', e, ev)
  }
  if (target.generation === 'gen1') {
    try {
      const entries = await listAllowlist(ctx.client, target.crn, { signal: ctx.signal })
      if (entries.length === 0) ev.push(evidence(restricts ? 'allowlist_empty_cbr_decides' : 'allowlist_empty'))
      else {
        ev.push(evidence('allowlist_admits', { entries: entries.map((e) => e.address).join(', '), count: entries.length }))
        const broad = entries.filter((e) => tooBroad({ type: 'subnet', value: e.address }))
        for (const e of broad) ev.push(evidence('allowlist_too_broad', { address: e.address }))
        if (!restricts && broad.length === 0) {
          restricts = true
          ev.push(evidence('allowlist_cbr_preferred'))
        }
      }
    } catch (e) {
      if (!restricts) return unreadable('restricted', 'allowlist', e, ev)
    }
  }
  if (restricts) return { id: 'restricted', verdict: 'holds', evidence: ev }
  const profile = ctx.profile?.name ?? 'PROFILE'
  return {
    id: 'restricted',
    verdict: 'fails',
    evidence: ev,
    fix: fix('fix_restrict', { profile }, [
      `pse-wizard restrict ${shellQuote(profile)} --allow YOUR-NETWORK/CIDR`,
      `ibmcloud cbr zone-create --name pse-wizard-redis-${target.guid.slice(0, 8)} --addresses YOUR-NETWORK/CIDR`,
      `ibmcloud cbr rule-create --service-name databases-for-redis --service-instance ${target.guid} --context-attributes networkZoneId=ZONE_ID --api-types ${DATA_PLANE} --enforcement-mode enabled`
    ])
  }
}
