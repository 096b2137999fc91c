import dns from 'node:dns'

/**
 * The sandbox's private DNS zone: with `PSE_SANDBOX_PRIVATE_ENDPOINT=unresolvable` the emulator
 * hands out private endpoints named `<guid>.<zone>` (as IBM Cloud does:
 * `<guid>.<cluster>.private.databases.appdomain.cloud`), and puts the zone in the environment as
 * PSE_SANDBOX_PRIVATE_DNS_ZONE. Names in it exist only in IBM Cloud's private DNS, which this
 * computer cannot reach: the probe's DNS hook answers them "not found" at once, so the
 * "unreachable from here" diagnosis is real, and no DNS question about them leaves the machine.
 */
export const PRIVATE_DNS_ZONE_VARIABLE = 'PSE_SANDBOX_PRIVATE_DNS_ZONE'

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
 * The DNS hook for the probe when the environment names a sandbox private zone: names in it do
 * not resolve (ENOTFOUND, as from outside IBM Cloud), every other name goes to the system
 * resolver as usual. Undefined when there is no such zone (the probe's own resolver is used).
 */
export function sandboxPrivateDns(env: NodeJS.ProcessEnv | undefined): Resolve | undefined {
  const zone = env?.[PRIVATE_DNS_ZONE_VARIABLE]?.trim()
  if (!zone || !inZone(`x.${zone}`, IBM_PRIVATE_DOMAIN)) return undefined
  return async (host) => {
    if (!inZone(host, zone)) return systemResolve(host)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host })
  }
}
