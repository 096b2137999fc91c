import { BaseService, type UserOptions } from 'ibm-cloud-sdk-core'

type Response = Promise<{ result: unknown; status: number; headers: Record<string, unknown> }>

/**
 * The API version every VPC call pins (`version=` query parameter). ibm-vpc 0.30.1 defaults to
 * this date and documents it for any date between 2025-12-09 and 2026-03-25; from this version on
 * endpoint gateways carry `dns_resolution_binding_mode` (older ones: `allow_dns_resolution_binding`).
 */
export const VPC_API_VERSION = '2026-03-24'

/** A page of a VPC collection: `start` is the token from the previous page's `next.href`. */
export interface PageQuery {
  start?: string
  limit?: number
}

/** A reserved IP for a VPE gateway: one per zone, in one of the client subnets. */
export interface EndpointGatewayIpPrototype {
  subnet: { id: string }
  name?: string
  auto_delete?: boolean
}

export interface EndpointGatewayPrototype {
  name: string
  target: { crn: string; resource_type: 'provider_cloud_service' }
  vpc: { id: string }
  ips: EndpointGatewayIpPrototype[]
  resource_group?: { id: string }
  security_groups?: Array<{ id: string }>
  dns_resolution_binding_mode?: 'disabled' | 'primary' | 'per_resource_binding'
}

export interface SecurityGroupRulePrototype {
  direction: 'inbound' | 'outbound'
  protocol: 'tcp'
  port_min: number
  port_max: number
  remote: { cidr_block: string }
}

/**
 * The VPC API (`https://<region>.iaas.cloud.ibm.com/v1`) has no Node SDK installable here: this
 * is the small typed part the wizard needs, on ibm-cloud-sdk-core's BaseService so it shares the
 * IAM authenticator, timeouts, response limit and error formatting of the other clients. Every
 * call carries `version` and `generation=2`.
 */
export class VpcV1 extends BaseService {
  static override DEFAULT_SERVICE_NAME = 'vpc'

  constructor(options: UserOptions & { serviceUrl: string }) {
    super(options)
    this.setServiceUrl(options.serviceUrl)
  }

  listVpcs(page: PageQuery = {}): Response {
    return this.send('GET', '/vpcs', pageQuery(page))
  }

  listSubnets(vpcId: string, page: PageQuery = {}): Response {
    return this.send('GET', '/subnets', { ...pageQuery(page), 'vpc.id': vpcId })
  }

  listSecurityGroups(vpcId: string, page: PageQuery = {}): Response {
    return this.send('GET', '/security_groups', { ...pageQuery(page), 'vpc.id': vpcId })
  }

  createSecurityGroup(body: { name: string; vpc: { id: string }; rules: SecurityGroupRulePrototype[]; resource_group?: { id: string } }): Response {
    return this.send('POST', '/security_groups', {}, body)
  }

  listEndpointGateways(vpcId: string, page: PageQuery = {}): Response {
    return this.send('GET', '/endpoint_gateways', { ...pageQuery(page), 'vpc.id': vpcId })
  }

  getEndpointGateway(id: string): Response {
    return this.send('GET', `/endpoint_gateways/${encodeURIComponent(id)}`)
  }

  createEndpointGateway(body: EndpointGatewayPrototype): Response {
    return this.send('POST', '/endpoint_gateways', {}, body)
  }

  deleteEndpointGateway(id: string): Response {
    return this.send('DELETE', `/endpoint_gateways/${encodeURIComponent(id)}`)
  }

  private send(method: string, path: string, query: Record<string, string> = {}, body?: unknown): Response {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    return this.createRequest({
      options: { url: path, method, qs: { version: VPC_API_VERSION, generation: '2', ...query }, ...(body !== undefined ? { body } : {}) },
      defaultOptions: { ...this.baseOptions, headers: { ...(this.baseOptions.headers ?? {}), ...headers } }
    }) as unknown as Response
  }
}

function pageQuery(page: PageQuery): Record<string, string> {
  const query: Record<string, string> = { limit: String(page.limit ?? 100) }
  if (page.start) query.start = page.start
  return query
}
