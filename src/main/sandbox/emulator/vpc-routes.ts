import type { RouteContext, RouteTable } from './router'
import { HttpError, parseJson } from './http'
import { hex } from './state'
import type { GatewayRecord, SecurityGroupRecord, SubnetRecord, VpcRecord } from './vpc-state'

/**
 * The VPC API under /vpc/{region}/v1 (IBMCLOUD_IS_NG_API_ENDPOINT = <emulator>/vpc/{region}/v1):
 * VPCs, subnets, security groups and VPE gateways, with `version` + `generation=2` required as
 * the real API requires them, VPC error bodies, and `next.href` paging.
 */
const base = (ctx: RouteContext) => `${ctx.emu.url}/vpc/${ctx.params.region}/v1`

const vpcError = (status: number, code: string, message: string) => new HttpError(status, message, 'vpc', code)

function checkQuery(ctx: RouteContext): void {
  const version = ctx.query.get('version')
  if (!version || !/^\d{4}-\d{2}-\d{2}$/.test(version)) throw vpcError(400, 'missing_version', 'The version query parameter is required (YYYY-MM-DD).')
  if (ctx.query.get('generation') !== '2') throw vpcError(400, 'bad_generation', 'The generation query parameter must be 2.')
}

/** One page of `items` and the collection envelope around it. */
function page<T>(ctx: RouteContext, path: string, key: string, items: T[], body: (item: T) => unknown) {
  const limit = Math.min(Math.max(Number(ctx.query.get('limit') ?? 50) || 50, 1), 100)
  const start = Number(ctx.query.get('start') ?? 0) || 0
  const slice = items.slice(start, start + limit)
  const href = (s?: number) => `${base(ctx)}${path}?limit=${limit}${s ? `&start=${s}` : ''}`
  return {
    [key]: slice.map(body),
    first: { href: href() },
    limit,
    ...(start + limit < items.length ? { next: { href: href(start + limit) } } : {}),
    total_count: items.length
  }
}

const inRegion = (ctx: RouteContext) => (v: VpcRecord) => v.region === ctx.params.region
const findVpc = (ctx: RouteContext, id: string | undefined) => ctx.emu.vpc.vpcs.find((v) => v.id === id && inRegion(ctx)(v))
const vpcRef = (ctx: RouteContext, vpc: VpcRecord) => ({
  crn: ctx.emu.vpc.vpcCrn(vpc),
  href: `${base(ctx)}/vpcs/${vpc.id}`,
  id: vpc.id,
  name: vpc.name,
  resource_type: 'vpc'
})

const subnetBody = (ctx: RouteContext, s: SubnetRecord) => {
  const vpc = findVpc(ctx, s.vpcId)!
  return {
    id: s.id,
    crn: `crn:v1:bluemix:public:is:${s.zone}:a/${ctx.emu.vpc.accountId}::subnet:${s.id}`,
    href: `${base(ctx)}/subnets/${s.id}`,
    name: s.name,
    ipv4_cidr_block: s.cidr,
    available_ipv4_address_count: 251 - (s.nextHost - 4),
    total_ipv4_address_count: 256,
    status: 'available',
    zone: { name: s.zone, href: `${base(ctx)}/regions/${ctx.params.region}/zones/${s.zone}` },
    vpc: vpcRef(ctx, vpc),
    resource_type: 'subnet'
  }
}

const securityGroupBody = (ctx: RouteContext, g: SecurityGroupRecord) => ({
  id: g.id,
  crn: `crn:v1:bluemix:public:is:${ctx.params.region}:a/${ctx.emu.vpc.accountId}::security-group:${g.id}`,
  href: `${base(ctx)}/security_groups/${g.id}`,
  name: g.name,
  created_at: g.createdAt,
  rules: g.rules.map((r) => ({ ...r, href: `${base(ctx)}/security_groups/${g.id}/rules/${r.id}`, ip_version: 'ipv4' })),
  vpc: vpcRef(ctx, findVpc(ctx, g.vpcId)!)
})

function gatewayBody(ctx: RouteContext, g: GatewayRecord) {
  const vpc = findVpc(ctx, g.vpcId)!
  const stable = g.state === 'stable'
  const guid = g.targetCrn.split(':')[7] ?? ''
  const region = ctx.params.region
  return {
    created_at: g.createdAt,
    crn: `crn:v1:bluemix:public:is:${region}:a/${ctx.emu.vpc.accountId}::endpoint-gateway:${g.id}`,
    dns_resolution_binding_mode: 'disabled',
    health_state: stable ? 'ok' : g.state === 'failed' ? 'faulted' : 'inapplicable',
    href: `${base(ctx)}/endpoint_gateways/${g.id}`,
    id: g.id,
    ips: g.subnetIds.map((subnetId, i) => ({
      address: stable ? g.addresses[i] : '0.0.0.0',
      href: `${base(ctx)}/subnets/${subnetId}/reserved_ips/${g.id}-${i}`,
      id: `${g.id}-${i}`,
      name: g.ipNames[i],
      resource_type: 'subnet_reserved_ip'
    })),
    lifecycle_reasons:
      g.state === 'failed'
        ? [
            {
              code: 'internal_error',
              message: 'An internal error occurred while the endpoint gateway was being created.',
              more_info: 'https://cloud.ibm.com/docs/vpc'
            }
          ]
        : [],
    lifecycle_state: g.state,
    name: g.name,
    resource_group: { href: `${ctx.emu.url}/v2/resource_groups/${g.resourceGroupId}`, id: g.resourceGroupId, name: 'Default' },
    resource_type: 'endpoint_gateway',
    security_groups: g.securityGroupIds.map((id) => ({
      id,
      href: `${base(ctx)}/security_groups/${id}`,
      name: ctx.emu.vpc.securityGroups.find((s) => s.id === id)?.name ?? id
    })),
    service_endpoints: [
      `${guid}.private.uhp.redis.${region}.dataservices.appdomain.cloud`,
      `*.${guid}.private.uhp.redis.${region}.dataservices.appdomain.cloud`
    ],
    target: { crn: g.targetCrn, resource_type: 'provider_cloud_service' },
    vpc: vpcRef(ctx, vpc)
  }
}

const byVpc = <T extends { vpcId: string }>(ctx: RouteContext, items: T[]) => {
  const vpcId = ctx.query.get('vpc.id')
  return items.filter((x) => findVpc(ctx, x.vpcId) && (!vpcId || x.vpcId === vpcId))
}

function createGateway(ctx: RouteContext): GatewayRecord {
  const body = parseJson(ctx.body, 'vpc') as {
    name?: unknown
    target?: { crn?: unknown; resource_type?: unknown }
    vpc?: { id?: unknown }
    ips?: Array<{ subnet?: { id?: unknown }; name?: unknown }>
    security_groups?: Array<{ id?: unknown }>
    resource_group?: { id?: unknown }
  }
  const vpc = findVpc(ctx, typeof body.vpc?.id === 'string' ? body.vpc.id : undefined)
  if (!vpc) throw vpcError(404, 'vpc_not_found', 'The VPC was not found in this region.')
  const target = body.target
  if (target?.resource_type !== 'provider_cloud_service' || typeof target.crn !== 'string')
    throw vpcError(400, 'invalid_target', 'target must be {crn, resource_type: provider_cloud_service}.')
  const instance = ctx.emu.state.findInstance(target.crn)
  if (!instance || (instance.state as string) === 'removed')
    throw vpcError(400, 'invalid_target', `The target ${target.crn} is not a service instance this account can reach.`)
  if (ctx.emu.vpc.gateways.some((g) => g.vpcId === vpc.id && g.targetCrn === target.crn && g.state !== 'deleting'))
    throw vpcError(409, 'endpoint_gateway_target_conflict', 'The target already has an endpoint gateway in this VPC.')
  const subnets = (body.ips ?? []).map((ip) => ctx.emu.vpc.subnets.find((s) => s.id === ip.subnet?.id && s.vpcId === vpc.id))
  if (subnets.some((s) => !s)) throw vpcError(400, 'invalid_subnet', 'Every reserved IP must name a subnet of the VPC.')
  const zones = subnets.map((s) => s!.zone)
  if (new Set(zones).size !== zones.length) throw vpcError(400, 'zone_conflict', 'An endpoint gateway can have at most one reserved IP per zone.')
  const name = typeof body.name === 'string' && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(body.name) && body.name.length <= 63 ? body.name : undefined
  if (!name) throw vpcError(400, 'invalid_name', 'The name must be lower-case letters, digits and hyphens, starting with a letter (63 at most).')
  const groups = (body.security_groups ?? []).map((g) => String(g.id))
  if (groups.some((id) => !ctx.emu.vpc.securityGroups.some((s) => s.id === id && s.vpcId === vpc.id)))
    throw vpcError(400, 'invalid_security_group', 'A security group is not in this VPC.')
  const record: GatewayRecord = {
    id: `${vpc.id.slice(0, 4)}-${hex(4)}-${hex(2)}-${hex(2)}-${hex(2)}-${hex(6)}`,
    name,
    vpcId: vpc.id,
    targetCrn: target.crn,
    subnetIds: subnets.map((s) => s!.id),
    ipNames: (body.ips ?? []).map((ip, i) => (typeof ip.name === 'string' ? ip.name : `${name}-ip-${i + 1}`)),
    addresses: subnets.map((s) => ctx.emu.vpc.reserveAddress(s!)),
    securityGroupIds: groups.length ? groups : [vpc.defaultSecurityGroupId],
    resourceGroupId: typeof body.resource_group?.id === 'string' ? body.resource_group.id : ctx.emu.state.resourceGroups[0].id,
    state: 'pending',
    willFail: ctx.emu.faults.takeGatewayFailure(),
    createdAt: new Date().toISOString()
  }
  ctx.emu.vpc.gateways.push(record)
  ctx.emu.scheduleGateway(record)
  return record
}

function createSecurityGroup(ctx: RouteContext): SecurityGroupRecord {
  const body = parseJson(ctx.body, 'vpc') as { name?: unknown; vpc?: { id?: unknown }; rules?: Array<Record<string, unknown>> }
  const vpc = findVpc(ctx, typeof body.vpc?.id === 'string' ? body.vpc.id : undefined)
  if (!vpc) throw vpcError(404, 'vpc_not_found', 'The VPC was not found in this region.')
  if (typeof body.name !== 'string' || !/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(body.name))
    throw vpcError(400, 'invalid_name', 'The name must be lower-case letters, digits and hyphens.')
  if (ctx.emu.vpc.securityGroups.some((g) => g.vpcId === vpc.id && g.name === body.name))
    throw vpcError(409, 'security_group_name_duplicate', 'A security group with this name exists in the VPC.')
  const rules = (body.rules ?? []).map((r) => {
    const remote = r.remote as { cidr_block?: unknown } | undefined
    if (r.direction !== 'inbound' && r.direction !== 'outbound') throw vpcError(400, 'invalid_rule', 'direction must be inbound or outbound.')
    if (typeof remote?.cidr_block !== 'string' || !/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(remote.cidr_block))
      throw vpcError(400, 'invalid_rule', 'remote.cidr_block must be an IPv4 CIDR.')
    return {
      id: hex(8),
      direction: r.direction,
      protocol: String(r.protocol ?? 'tcp'),
      port_min: Number(r.port_min),
      port_max: Number(r.port_max),
      remote: { cidr_block: remote.cidr_block }
    }
  })
  const record: SecurityGroupRecord = {
    id: `${vpc.id.slice(0, 4)}-${hex(4)}-${hex(2)}-${hex(2)}-${hex(2)}-${hex(6)}`,
    name: body.name,
    vpcId: vpc.id,
    rules,
    createdAt: new Date().toISOString()
  }
  ctx.emu.vpc.securityGroups.push(record)
  return record
}

const R = ['vpc', ':region', 'v1']

export const vpcRoutes: RouteTable = [
  {
    id: 'vpc.vpcs.list',
    method: 'GET',
    path: [...R, 'vpcs'],
    auth: 'bearer',
    family: 'vpc',
    async handle(ctx) {
      checkQuery(ctx)
      const body = (v: VpcRecord) => ({
        ...vpcRef(ctx, v),
        status: 'available',
        created_at: v.createdAt,
        classic_access: false,
        default_security_group: { id: v.defaultSecurityGroupId }
      })
      return { status: 200, body: page(ctx, '/vpcs', 'vpcs', ctx.emu.vpc.vpcs.filter(inRegion(ctx)), body) }
    }
  },
  {
    id: 'vpc.subnets.list',
    method: 'GET',
    path: [...R, 'subnets'],
    auth: 'bearer',
    family: 'vpc',
    async handle(ctx) {
      checkQuery(ctx)
      return { status: 200, body: page(ctx, '/subnets', 'subnets', byVpc(ctx, ctx.emu.vpc.subnets), (s) => subnetBody(ctx, s)) }
    }
  },
  {
    id: 'vpc.security_groups.list',
    method: 'GET',
    path: [...R, 'security_groups'],
    auth: 'bearer',
    family: 'vpc',
    async handle(ctx) {
      checkQuery(ctx)
      return { status: 200, body: page(ctx, '/security_groups', 'security_groups', byVpc(ctx, ctx.emu.vpc.securityGroups), (g) => securityGroupBody(ctx, g)) }
    }
  },
  {
    id: 'vpc.security_groups.create',
    method: 'POST',
    path: [...R, 'security_groups'],
    auth: 'bearer',
    family: 'vpc',
    async handle(ctx) {
      checkQuery(ctx)
      return { status: 201, body: securityGroupBody(ctx, createSecurityGroup(ctx)) }
    }
  },
  {
    id: 'vpc.gateways.list',
    method: 'GET',
    path: [...R, 'endpoint_gateways'],
    auth: 'bearer',
    family: 'vpc',
    async handle(ctx) {
      checkQuery(ctx)
      // A gateway being deleted is still listed (lifecycle_state "deleting") until it is gone.
      const gateways = byVpc(ctx, ctx.emu.vpc.gateways)
      return { status: 200, body: page(ctx, '/endpoint_gateways', 'endpoint_gateways', gateways, (g) => gatewayBody(ctx, g)) }
    }
  },
  {
    id: 'vpc.gateways.create',
    method: 'POST',
    path: [...R, 'endpoint_gateways'],
    auth: 'bearer',
    family: 'vpc',
    async handle(ctx) {
      checkQuery(ctx)
      return { status: 201, body: gatewayBody(ctx, createGateway(ctx)) }
    }
  },
  {
    id: 'vpc.gateways.get',
    method: 'GET',
    path: [...R, 'endpoint_gateways', ':id'],
    auth: 'bearer',
    family: 'vpc',
    async handle(ctx) {
      checkQuery(ctx)
      const g = ctx.emu.vpc.gateways.find((x) => x.id === ctx.params.id && findVpc(ctx, x.vpcId))
      if (!g) throw vpcError(404, 'endpoint_gateway_not_found', 'Endpoint gateway not found.')
      return { status: 200, body: gatewayBody(ctx, g) }
    }
  },
  {
    id: 'vpc.gateways.delete',
    method: 'DELETE',
    path: [...R, 'endpoint_gateways', ':id'],
    auth: 'bearer',
    family: 'vpc',
    async handle(ctx) {
      checkQuery(ctx)
      const g = ctx.emu.vpc.gateways.find((x) => x.id === ctx.params.id && findVpc(ctx, x.vpcId))
      if (!g) throw vpcError(404, 'endpoint_gateway_not_found', 'Endpoint gateway not found.')
      if (g.state !== 'deleting') ctx.emu.deleteGateway(g)
      return { status: 204, body: undefined }
    }
  }
]
