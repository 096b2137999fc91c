import { AppFailure } from '../../shared/errors'
import type { ConnectionInfo } from '../../shared/schemas/ibmcloud'
import type { IbmCloudClient } from '../ibmcloud/client'
import { IbmCodes } from '../ibmcloud/errors'
import { gen2EndpointOf, type Gen2Endpoint } from '../ibmcloud/gen2-extensions'
import { getInstance } from '../ibmcloud/resource-controller'
import {
  deleteEndpointGateway,
  ensureEndpointGateway,
  ensureVpeSecurityGroup,
  findEndpointGateway,
  listSecurityGroups,
  listSubnets,
  waitForEndpointGateway,
  type EndpointGateway
} from '../ibmcloud/vpc'
import { wizardSay } from './messages'
import type { VpeGateway, WizardVpcServices } from './services'

/** `…/subnets/<subnet id>/reserved_ips/<id>`: a bound IP's href names its subnet. */
const subnetOfHref = (href: unknown): string | null => (typeof href === 'string' ? (/\/subnets\/([^/]+)\/reserved_ips\//.exec(href)?.[1] ?? null) : null)

export function toVpeGateway(g: EndpointGateway): VpeGateway {
  return {
    id: g.id,
    name: g.name,
    lifecycleState: g.lifecycle_state,
    reasons: g.lifecycle_reasons.map((r) => r.message ?? r.code).join('; '),
    ips: g.ips.map((ip) => ({ address: ip.address, subnetId: subnetOfHref((ip as { href?: unknown }).href) })),
    securityGroupIds: g.security_groups.map((s) => s.id)
  }
}

/**
 * Gen 2's private connection as the wizard keeps it: the VPE domain (SNI must match it), the
 * port, publicly trusted TLS (no CA) and IBM's placeholders in the URI. The user and password
 * come from a service key, never from here.
 */
export function gen2ConnectionInfo(e: Gen2Endpoint): ConnectionInfo {
  const domain = e.vpeHostnames.length === 0 || e.vpeHostnames.includes(e.hostname) ? e.hostname : e.vpeHostnames[0]
  return {
    endpoint: 'private',
    hostname: domain,
    port: e.port,
    username: '',
    database: e.database,
    uri: `${e.scheme}://$USERNAME:$PASSWORD@${domain}:${e.port}/${e.database}`,
    caPem: '',
    servername: domain,
    ...(e.cli ? { cliCommand: e.cli } : {})
  }
}

/** The wizard's VPC port on the real clients (docs/ibm-cloud-gen2-and-restrictions-facts.md §1.6, §2). */
export function vpcServices(need: () => IbmCloudClient, o: { pollIntervalMs?: number } = {}): WizardVpcServices {
  const poll = o.pollIntervalMs !== undefined ? { pollIntervalMs: o.pollIntervalMs } : {}
  return {
    async gen2Connection(crn, signal) {
      const endpoint = gen2EndpointOf(await getInstance(need(), crn, { signal }))
      if (!endpoint)
        throw new AppFailure({ code: IbmCodes.endpointNotEnabled, ...wizardSay.gen2ConnectionNotYet() })
      return gen2ConnectionInfo(endpoint)
    },
    subnets: async (region, vpcId, signal) => (await listSubnets(need(), region, vpcId, { signal })).map(({ id, name, cidr, zone }) => ({ id, name, cidr, zone })),
    securityGroups: async (region, vpcId, signal) => (await listSecurityGroups(need(), region, vpcId, { signal })).map(({ id, name }) => ({ id, name })),
    async ensureSecurityGroup(region, request, signal) {
      const g = await ensureVpeSecurityGroup(need(), region, request, { signal })
      return { id: g.id, name: g.name, created: g.created }
    },
    async findGateway(region, vpcId, targetCrn, signal) {
      const g = await findEndpointGateway(need(), region, vpcId, targetCrn, { signal })
      return g ? toVpeGateway(g) : undefined
    },
    async createGateway(region, request, signal) {
      const subnets = request.subnets.map((s) => ({ ...s, vpcId: request.vpcId }))
      const { gateway, created } = await ensureEndpointGateway(need(), region, { ...request, subnets }, { signal })
      return { gateway: toVpeGateway(gateway), created }
    },
    deleteGateway: (region, gateway, signal) => deleteEndpointGateway(need(), region, gateway, { signal, ...poll }),
    waitForGateway: async (region, id, signal, onProgress) =>
      toVpeGateway(await waitForEndpointGateway(need(), region, id, { signal, ...poll, onProgress: (g) => onProgress(toVpeGateway(g)) }))
  }
}
