import dns from 'node:dns'
import { askSandboxDns, dnsError, loopbackEmulatorUrl, SANDBOX_URL_VARIABLE } from './sandbox-dns-client'

/**
 * The sandbox's private DNS zone: with `PSE_SANDBOX_PRIVATE_ENDPOINT=unresolvable` the emulator
 * hands out private endpoints named `<guid>.<zone>` (as IBM Cloud does:
 * `<guid>.<cluster>.private.databases.appdomain.cloud`), and puts the zone in the environment as
 * PSE_SANDBOX_PRIVATE_DNS_ZONE. Names in it exist only in IBM Cloud's private DNS, which this
 * computer cannot reach: the probe's DNS hook answers them "not found" at once, so the
 * "unreachable from here" diagnosis is real, and no DNS question about them leaves the machine.
 */
export const PRIVATE_DNS_ZONE_VARIABLE = 'PSE_SANDBOX_PRIVATE_DNS_ZONE'

/**
 * Gen 2's domain (`<guid>.private.uhp.redis.<region>.dataservices.appdomain.cloud`, facts §1.6).
 * In a sandbox run (PSE_SANDBOX_URL set) names in it are answered by the emulator's VPC private
 * DNS alone: they resolve to loopback only while a stable VPE gateway serves the instance.
 */
export const GEN2_DOMAIN = 'dataservices.appdomain.cloud'

/** IBM Cloud's private endpoint domain; a zone must be under it for the diagnosis to know the name. */
export const IBM_PRIVATE_DOMAIN = 'private.databases.appdomain.cloud'

export type Resolve = (host: string) => Promise<string[]>

/** Whether `host` lies in `zone` (the zone itself or a name under it), case and trailing dot ignored. */
export function inZone(host: string, zone: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '')
  const z = zone.toLowerCase().replace(/^\.|\.$/g, '')
  return z.length > 0 && (h === z || h.endsWith(`.${z}`))
}

/** The system resolver, as the probe asks it (every address, in the order the system gives). */
async function systemResolve(host: string): Promise<string[]> {
  const answers = await dns.promises.lookup(host, { all: true, verbatim: true })
  return answers.map((a) => a.address)
}

/**
 * The DNS hook for the probe in a sandbox run. Names in the sandbox's Gen 1 private zone
 * (PSE_SANDBOX_PRIVATE_DNS_ZONE) do not resolve (ENOTFOUND, as from outside IBM Cloud); with
 * PSE_SANDBOX_URL set, Gen 2 names (GEN2_DOMAIN) are asked of the loopback emulator only
 * (ENOTFOUND before a stable VPE, as outside the VPC; never the system resolver); every other name
 * goes to the system resolver as usual. Undefined outside a sandbox run (the probe's own resolver).
 */
export function sandboxPrivateDns(env: NodeJS.ProcessEnv | undefined): Resolve | undefined {
  const raw = env?.[PRIVATE_DNS_ZONE_VARIABLE]?.trim()
  const zone = raw && inZone(`x.${raw}`, IBM_PRIVATE_DOMAIN) ? raw : undefined
  const sandbox = Boolean(env?.[SANDBOX_URL_VARIABLE]?.trim())
  if (!zone && !sandbox) return undefined
  const emulator = loopbackEmulatorUrl(env?.[SANDBOX_URL_VARIABLE])
  return async (host) => {
    if (zone && inZone(host, zone)) throw dnsError(host, 'ENOTFOUND', 'a sandbox private endpoint')
    if (sandbox && inZone(host, GEN2_DOMAIN)) {
      if (!emulator) throw dnsError(host, 'ENOTFOUND', 'the sandbox emulator is not on loopback')
      return askSandboxDns(emulator, host)
    }
    return systemResolve(host)
  }
}
