import { z } from 'zod'

/**
 * The connection details of a Gen 2 instance, read from its Resource Controller `extensions`
 * (docs/ibm-cloud-gen2-and-restrictions-facts.md §1.6). Credentials are never here (`$PASSWORD`
 * placeholders): they come from a service key.
 */
export interface Gen2Endpoint {
  hostname: string
  port: number
  database: number
  /** `rediss` (TLS) or `redis`: the key the connection was found under. */
  scheme: 'rediss' | 'redis'
  /** The VPE's names (from `virtual_private_endpoints`), wildcards left out; SNI must equal one of them. */
  vpeHostnames: string[]
  /** The ports the VPE must pass (`ports[].port_min..port_max`). */
  vpePorts: Array<{ min: number; max: number }>
  /** IBM's own `redis-cli` line, with `$USERNAME` / `$PASSWORD` placeholders, when shown. */
  cli?: string
}

const UriConnection = z.looseObject({
  hosts: z.array(z.looseObject({ hostname: z.string().min(1), port: z.number().int().min(1).max(65535) })).min(1),
  database: z.number().int().nullish(),
  path: z.string().optional()
})
const Connection = z.looseObject({
  rediss: UriConnection.optional(),
  redis: UriConnection.optional(),
  cli: z.looseObject({ composed: z.array(z.string()).optional() }).optional()
})
const Vpe = z.looseObject({
  dns_domain: z.string().min(1),
  dns_hosts: z.array(z.string()).optional(),
  ports: z.array(z.looseObject({ port_min: z.number(), port_max: z.number() })).optional()
})
const Extensions = z.looseObject({
  dataservices: z.looseObject({ connection: z.unknown().optional(), virtual_private_endpoints: z.unknown().optional() }).optional(),
  virtual_private_endpoints: z.unknown().optional()
})

/** FQDNs of `{dns_domain, dns_hosts}`: `h ? h + "." + dns_domain : dns_domain`, wildcards dropped. */
export function vpeHostnames(vpe: { dns_domain: string; dns_hosts?: string[] }): string[] {
  const hosts = vpe.dns_hosts && vpe.dns_hosts.length > 0 ? vpe.dns_hosts : ['']
  const names = hosts.filter((h) => !h.includes('*')).map((h) => (h ? `${h}.${vpe.dns_domain}` : vpe.dns_domain))
  return [...new Set(names)]
}

const databaseOf = (c: z.infer<typeof UriConnection>): number => {
  if (typeof c.database === 'number') return c.database
  const fromPath = /^\/(\d+)$/.exec(c.path ?? '')
  return fromPath ? Number(fromPath[1]) : 0
}

/**
 * `extensions.dataservices.connection.(rediss|redis)` (which key IBM uses for Redis is UNVERIFIED:
 * both are read, `rediss` first) with the VPE names from `extensions.virtual_private_endpoints`
 * (2026 layout) or `extensions.dataservices.virtual_private_endpoints` (2025 layout). Undefined
 * while the extensions have not arrived (they may appear some reads after `active`).
 */
export function gen2EndpointOf(instance: { extensions?: unknown }): Gen2Endpoint | undefined {
  const ext = Extensions.safeParse(instance.extensions)
  if (!ext.success) return undefined
  const conn = Connection.safeParse(ext.data.dataservices?.connection)
  if (!conn.success) return undefined
  const scheme = conn.data.rediss ? 'rediss' : conn.data.redis ? 'redis' : undefined
  const uri = scheme ? conn.data[scheme] : undefined
  if (!scheme || !uri) return undefined
  const vpe = Vpe.safeParse(ext.data.virtual_private_endpoints ?? ext.data.dataservices?.virtual_private_endpoints)
  const cli = conn.data.cli?.composed?.[0]
  return {
    hostname: uri.hosts[0].hostname,
    port: uri.hosts[0].port,
    database: databaseOf(uri),
    scheme,
    vpeHostnames: vpe.success ? vpeHostnames(vpe.data) : [],
    vpePorts: vpe.success ? (vpe.data.ports ?? []).map((p) => ({ min: p.port_min, max: p.port_max })) : [],
    ...(cli ? { cli } : {})
  }
}
