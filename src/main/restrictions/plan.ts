import { AppFailure } from '../../shared/errors'
import { parseNetworkAddress, type AddressProblem, type NetworkAddress } from '../../shared/network-addresses'
import type { RestrictionMechanism } from '../../shared/schemas/restrictions'
import { DATA_PLANE, REDIS_SERVICE, type ZoneAddress } from '../ibmcloud/context-based-restrictions'

export const RestrictCodes = {
  addressInvalid: 'restrict_address_invalid',
  notIbmProfile: 'restrict_profile_not_ibm',
  allowlistGen2: 'restrict_allowlist_gen2',
  allowlistIpv6: 'restrict_allowlist_ipv6',
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
        corrections: parsed.flatMap((p) => (!p.ok && p.problem.code === 'address_cidr_not_network' ? [`${p.problem.input} → ${p.problem.network}`] : [])).join(', ')
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

export const zoneAddresses = (addresses: NetworkAddress[]): ZoneAddress[] => addresses.map((a) => ({ type: a.kind, value: a.value }))

export const zoneName = (instance: InstanceRef) => `pse-wizard-redis-${instance.guid.slice(0, 8)}`

export function summaryOf(name: string, mechanism: RestrictionMechanism, addresses: NetworkAddress[]): string {
  const list = addresses.map((a) => a.value).join(', ')
  return mechanism === 'cbr'
    ? `Only ${list} may connect to ${name} (a context-based restriction on its data plane, enforced); IBM's own management still can.`
    : `Only ${list} may connect to ${name} (the Gen 1 IP allowlist; context-based restrictions are preferred).`
}

export function cliEquivalents(instance: InstanceRef, mechanism: RestrictionMechanism, addresses: NetworkAddress[]): string[] {
  if (mechanism === 'allowlist') return addresses.map((a) => `ibmcloud cdb deployment-allowlist-add ${instance.crn} ${a.value} pse-wizard`)
  return [
    `ibmcloud cbr zone-create --name ${zoneName(instance)} --addresses ${addresses.map((a) => a.value).join(',')}`,
    `ibmcloud cbr rule-create --description "PSE Wizard: only the listed networks" --service-name ${REDIS_SERVICE} --service-instance ${instance.guid} --context-attributes networkZoneId=ZONE_ID --api-types ${DATA_PLANE} --enforcement-mode enabled`
  ]
}
