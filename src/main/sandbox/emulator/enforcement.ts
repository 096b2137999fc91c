import { covers, parseIp, parseNetworkAddress, type NetworkAddress } from '../../../shared/network-addresses'
import type { Emulator } from './server'
import type { InstanceRecord } from './state'

/**
 * The emulator enforces restrictions on its real Redis deployments, so a restriction that locks
 * the tester out fails for real: a source address must be admitted by every restriction in force
 * on the instance: each enforced CBR rule naming its GUID (admitted = inside one of the rule's
 * zones, minus the zones' exclusions) and a non-empty Gen 1 allowlist. (How IBM combines an
 * allowlist with a CBR rule is UNVERIFIED: requiring both is the cautious reading.)
 * Tests choose the zone contents: 127.0.0.1/32 admits a loopback tester, 10.0.0.0/24 does not.
 */
export function admissionFor(emu: Emulator, instance: InstanceRecord): ((source: string) => boolean) | undefined {
  const checks: Array<(ip: { family: 4 | 6; value: bigint }) => boolean> = []
  for (const rule of enforcedRules(emu, instance.guid)) {
    const zones = rule.contexts.flatMap((c) => c.attributes.filter((a) => a.name === 'networkZoneId').map((a) => emu.cbr.zones.find((z) => z.id === a.value)))
    const included = zones.flatMap((z) => (z ? z.addresses.flatMap((a) => addressesOf(emu, a)) : []))
    const excluded = zones.flatMap((z) => (z ? z.excluded.flatMap((a) => addressesOf(emu, a)) : []))
    checks.push((ip) => included.some((a) => covers(a, ip)) && !excluded.some((a) => covers(a, ip)))
  }
  const allowlist = instance.deployment.allowlist.flatMap((e) => addressesOf(emu, { type: e.address.includes('/') ? 'subnet' : 'ipAddress', value: e.address }))
  if (instance.deployment.allowlist.length > 0) checks.push((ip) => allowlist.some((a) => covers(a, ip)))
  if (checks.length === 0) return undefined
  return (source) => {
    const ip = parseIp(source)
    return ip !== undefined && checks.every((check) => check(ip))
  }
}

/** Applies the restrictions in force now to the instance's Redis (both endpoints). */
export function enforce(emu: Emulator, instance: InstanceRecord): void {
  instance.deployment.backend?.setAdmission(admissionFor(emu, instance))
}

function enforcedRules(emu: Emulator, guid: string) {
  return emu.cbr.rules.filter(
    (r) =>
      r.enforcementMode === 'enabled' &&
      r.resources.some(
        (res) =>
          res.attributes.some((a) => a.name === 'serviceName' && a.value === 'databases-for-redis') &&
          res.attributes.some((a) => a.name === 'serviceInstance' && a.value === guid)
      )
  )
}

/** What one zone or allowlist entry covers: addresses as they are; a VPC as its subnets. */
function addressesOf(emu: Emulator, a: { type: string; value?: string }): NetworkAddress[] {
  if (a.type === 'vpc') {
    const vpc = emu.vpc.vpcs.find((v) => emu.vpc.vpcCrn(v) === a.value)
    return vpc ? emu.vpc.subnets.filter((s) => s.vpcId === vpc.id).flatMap((s) => addressesOf(emu, { type: 'subnet', value: s.cidr })) : []
  }
  const parsed = parseNetworkAddress(a.value ?? '')
  return parsed.ok ? [parsed.address] : []
}
