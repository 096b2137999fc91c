import { AppFailure } from '../../shared/errors'
import { parseNetworkAddress, type AddressProblem, type NetworkAddress } from '../../shared/network-addresses'
import type { Profile } from '../../shared/schemas/profile'
import type { AdmittedVpc, RestrictionMechanism } from '../../shared/schemas/restrictions'
import { DATA_PLANE, REDIS_SERVICE, type ZoneAddress } from '../ibmcloud/context-based-restrictions'

export const RestrictCodes = {
  addressInvalid: 'restrict_address_invalid',
  notIbmProfile: 'restrict_profile_not_ibm',
  allowlistGen2: 'restrict_allowlist_gen2',
  allowlistIpv6: 'restrict_allowlist_ipv6',
  allowlistVpc: 'restrict_allowlist_vpc',
  vpcUnknown: 'restrict_vpc_unknown',
  profileFailsBefore: 'restrict_profile_fails_before',
  wouldLockOut: 'restrict_would_lock_out'
} as const

/** The instance a profile was made from, out of its CRN (crn:v1:bluemix:public:SERVICE:REGION:a/ACCOUNT:GUID::). */
export interface InstanceRef {
  crn: string
  region: string
  accountId: string
  guid: string
}

export function instanceOfCrn(crn: string): InstanceRef | undefined {
  const parts = crn.split(':')
  const account = parts[6] ?? ''
  if (parts[0] !== 'crn' || !parts[5] || !account.startsWith('a/') || !parts[7]) return undefined
  return { crn, region: parts[5], accountId: account.slice(2), guid: parts[7] }
}

/** The instance a saved profile was made from; a profile not saved from IBM Cloud cannot be restricted. */
export function profileInstance(profile: Profile): InstanceRef {
  const instance = profile.origin.kind === 'ibmcloud' && profile.origin.crn ? instanceOfCrn(profile.origin.crn) : undefined
  if (instance) return instance
  throw new AppFailure({
    code: RestrictCodes.notIbmProfile,
    message: `The profile "${profile.name}" was not saved from an IBM Cloud instance, so PSE Wizard cannot tell which instance to restrict. Use a profile the setup wizard saved.`,
    params: { name: profile.name }
  })
}

function problemText(p: AddressProblem): string {
  switch (p.code) {
    case 'address_invalid':
      return `"${p.input}" is not an IPv4 or IPv6 address, a range (a-b) or a CIDR subnet`
    case 'address_range_reversed':
      return `"${p.input}" ends before it starts`
    case 'address_cidr_not_network':
      return `"${p.input}" is not the start of its subnet: did you mean ${p.network}?`
    case 'address_too_broad':
      return `"${p.input}" admits ${p.addresses} addresses, a large part of the internet: name your own networks`
  }
}

/** Every entry checked with the rules the UI applies; all problems at once, so one fix round is enough. */
export function parseAddresses(inputs: string[], mechanism: RestrictionMechanism): NetworkAddress[] {
  const parsed = inputs.map((raw) => parseNetworkAddress(raw))
  const problems = parsed.flatMap((p) => (p.ok ? [] : [problemText(p.problem)]))
  if (problems.length)
    throw new AppFailure({
      code: RestrictCodes.addressInvalid,
      message: `Fix these entries, then try again: ${problems.join('; ')}.`,
      params: {
        count: problems.length,
        entries: parsed.flatMap((p) => (p.ok ? [] : [p.problem.input])).join(', '),
        corrections: parsed
          .flatMap((p) => (!p.ok && p.problem.code === 'address_cidr_not_network' ? [`${p.problem.input} → ${p.problem.network}`] : []))
          .join(', ')
      }
    })
  const addresses = parsed.flatMap((p) => (p.ok ? [p.address] : []))
  if (mechanism === 'allowlist' && addresses.some((a) => a.family === 6 || a.kind === 'ipRange'))
    throw new AppFailure({
      code: RestrictCodes.allowlistIpv6,
      message: 'The Gen 1 allowlist holds IPv4 addresses and subnets only. Use a context-based restriction (the default) for IPv6 or ranges.'
    })
  return [...new Map(addresses.map((a) => [a.value, a])).values()]
}

/**
 * The zone's entries. A VPC goes in as itself and as its subnets' CIDRs: whether traffic through
 * a VPE gateway matches a `vpc` entry for Redis is UNVERIFIED (facts §3), the subnets match either way.
 */
export function zoneAddresses(addresses: NetworkAddress[], vpcs: AdmittedVpc[] = []): ZoneAddress[] {
  const listed = new Set(addresses.map((a) => a.value))
  const subnets = [...new Set(vpcs.flatMap((v) => v.subnets))].filter((cidr) => !listed.has(cidr))
  return [
    ...vpcs.map((v): ZoneAddress => ({ type: 'vpc', value: v.crn })),
    ...subnets.map((cidr): ZoneAddress => ({ type: 'subnet', value: cidr })),
    ...addresses.map((a): ZoneAddress => ({ type: a.kind, value: a.value }))
  ]
}

/** The zone's entries as a sentence lists them: each VPC by name, then the addresses. */
const entryList = (addresses: NetworkAddress[], vpcs: AdmittedVpc[]) => [...vpcs.map((v) => `the VPC "${v.name}"`), ...addresses.map((a) => a.value)].join(', ')

export const zoneName = (instance: InstanceRef) => `pse-wizard-redis-${instance.guid.slice(0, 8)}`

export function summaryOf(name: string, mechanism: RestrictionMechanism, addresses: NetworkAddress[], vpcs: AdmittedVpc[] = []): string {
  const list = entryList(addresses, vpcs)
  return mechanism === 'cbr'
    ? `Only ${list} may connect to ${name} (a context-based restriction on its data plane, enforced); IBM's own management still can.`
    : `Only ${list} may connect to ${name} (the Gen 1 IP allowlist; context-based restrictions are preferred).`
}

export function cliEquivalents(instance: InstanceRef, mechanism: RestrictionMechanism, addresses: NetworkAddress[], vpcs: AdmittedVpc[] = []): string[] {
  if (mechanism === 'allowlist') return addresses.map((a) => `ibmcloud cdb deployment-allowlist-add ${instance.crn} ${a.value} pse-wizard`)
  const entries = [
    ...(addresses.length + vpcs.length
      ? [
          `--addresses ${zoneAddresses(addresses, vpcs)
            .flatMap((a) => (a.type === 'vpc' ? [] : [a.value]))
            .join(',')}`
        ]
      : []),
    // One --vpc per VPC (the plug-in documents the flag with one CRN; several VPCs: UNVERIFIED whether it repeats or takes a list).
    ...vpcs.map((v) => `--vpc ${v.crn}`)
  ]
  return [
    `ibmcloud cbr zone-create --name ${zoneName(instance)} ${entries.join(' ')}`,
    `ibmcloud cbr rule-create --description "PSE Wizard: only the listed networks" --service-name ${REDIS_SERVICE} --service-instance ${instance.guid} --context-attributes networkZoneId=ZONE_ID --api-types ${DATA_PLANE} --enforcement-mode enabled`
  ]
}
