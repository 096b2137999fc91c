import type { Emulator } from './server'
import { gen2Hostname } from './gen2-instances'
import type { GatewayRecord } from './vpc-state'

/**
 * The private DNS a VPE gateway brings into its VPC (facts §2: inside the VPC the database's
 * host resolves to the VPE's IP): a sandbox Gen 2 name — the instance's domain or a name under it
 * (`dns_hosts ["", "*"]`) — resolves only while a gateway targeting that instance's CRN is
 * `stable` with every reserved IP bound. Inside the sandbox "the VPC" is this computer, so the
 * answer is 127.0.0.1, where the deployment's SNI front listens.
 */
export function gen2DnsAnswer(emu: Emulator, name: string): string[] | undefined {
  const host = name.toLowerCase().replace(/\.$/, '')
  for (const i of emu.state.instances.values()) {
    if (i.generation !== 'gen2' || i.state !== 'active' || !i.deployment.backend) continue
    const domain = gen2Hostname(i).toLowerCase()
    if (host !== domain && !host.endsWith(`.${domain}`)) continue
    return emu.vpc.gateways.some((g) => g.targetCrn === i.crn && gatewayServes(g)) ? ['127.0.0.1'] : undefined
  }
  return undefined
}

/** Stable, with a bound address for each of its reserved IPs (an unbound one reads 0.0.0.0). */
const gatewayServes = (g: GatewayRecord): boolean =>
  g.state === 'stable' && g.subnetIds.length > 0 && g.addresses.length === g.subnetIds.length && g.addresses.every((a) => a !== '0.0.0.0')
