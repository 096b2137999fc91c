import { z } from 'zod'
import type { IbmRole } from './operations'
import { AppFailure } from '../../shared/errors'
import { sleep } from '../util/abort'
import { DEFAULT_TIMEOUT_MS, MAX_RESPONSE_BYTES, type IbmCloudClient } from './client'
import { IbmCodes, classify, type OperationContext } from './errors'
import type { RequestOptions } from './request'
import { VpcV1, type EndpointGatewayPrototype, type PageQuery } from './vpc-api'
import {
  EndpointGatewayBody,
  EndpointGatewayCollection,
  SecurityGroupBody,
  SecurityGroupCollection,
  SubnetCollection,
  VpcCollection,
  nextStart,
  type SubnetBody
} from './vpc-shapes'

/** Stable codes of the VPC steps. */
export const VpcCodes = {
  gatewayFailed: 'ibm_vpe_failed',
  gatewayTimeout: 'ibm_vpe_timeout',
  noSubnet: 'ibm_vpc_no_subnet'
} as const

const ROLE_VPC_VIEW: IbmRole = 'viewerVpc'
const ROLE_VPE_EDIT: IbmRole = 'editorVpe'
/** Pages read at most: 100 items each, so 5,000 VPCs, subnets or gateways. */
const MAX_PAGES = 50

const clients = new WeakMap<IbmCloudClient, Map<string, VpcV1>>()

/** The VPC client of a region, on the session's authenticator (cached per session and region). */
export function vpcClient(client: IbmCloudClient, region: string): VpcV1 {
  let byRegion = clients.get(client)
  if (!byRegion) clients.set(client, (byRegion = new Map()))
  let vpc = byRegion.get(region)
  if (!vpc) {
    vpc = new VpcV1({ authenticator: client.auth, timeout: DEFAULT_TIMEOUT_MS, maxContentLength: MAX_RESPONSE_BYTES, serviceUrl: client.endpoints.vpc(region) })
    byRegion.set(region, vpc)
  }
  return vpc
}

/** Every page of a VPC collection, following `next.href`'s start token. */
async function allPages<S extends z.ZodType<{ next?: { href: string } }>, T>(
  client: IbmCloudClient,
  ctx: OperationContext,
  schema: S,
  fetchPage: (page: PageQuery) => Promise<{ result: unknown; status?: number }>,
  items: (body: z.output<S>) => T[],
  options: RequestOptions
): Promise<T[]> {
  const out: T[] = []
  let start: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await client.requester.run(ctx, schema, () => fetchPage(start ? { start } : {}), options)
    out.push(...items(body))
    start = nextStart(body.next)
    if (!start) return out
  }
  return out
}

export interface Vpc {
  id: string
  crn: string
  name: string
  status: string
}

export async function listVpcs(client: IbmCloudClient, region: string, options: RequestOptions = {}): Promise<Vpc[]> {
  const vpc = vpcClient(client, region)
  const bodies = await allPages(
    client,
    { op: 'listVpcs', facts: { vpcRegion: region }, role: ROLE_VPC_VIEW },
    VpcCollection,
    (p) => vpc.listVpcs(p),
    (b) => b.vpcs,
    options
  )
  return bodies.map((v) => ({ id: v.id, crn: v.crn, name: v.name, status: v.status ?? 'available' }))
}

export interface Subnet {
  id: string
  name: string
  cidr: string
  zone: string
  vpcId: string
  availableAddresses?: number
}

const toSubnet = (s: SubnetBody): Subnet => ({
  id: s.id,
  name: s.name,
  cidr: s.ipv4_cidr_block,
  zone: s.zone.name,
  vpcId: s.vpc.id,
  ...(s.available_ipv4_address_count !== undefined ? { availableAddresses: s.available_ipv4_address_count } : {})
})

export async function listSubnets(client: IbmCloudClient, region: string, vpcId: string, options: RequestOptions = {}): Promise<Subnet[]> {
  const vpc = vpcClient(client, region)
  const bodies = await allPages(
    client,
    { op: 'listSubnets', role: ROLE_VPC_VIEW },
    SubnetCollection,
    (p) => vpc.listSubnets(vpcId, p),
    (b) => b.subnets,
    options
  )
  // The filter is the server's; a stand-in that ignores it must not hand us another VPC's subnets.
  return bodies.filter((s) => s.vpc.id === vpcId).map(toSubnet)
}

export async function listSecurityGroups(client: IbmCloudClient, region: string, vpcId: string, options: RequestOptions = {}) {
  const vpc = vpcClient(client, region)
  const groups = await allPages(
    client,
    { op: 'listSecurityGroups', role: ROLE_VPC_VIEW },
    SecurityGroupCollection,
    (p) => vpc.listSecurityGroups(vpcId, p),
    (b) => b.security_groups,
    options
  )
  return groups.filter((g) => g.vpc.id === vpcId)
}

/** One subnet per zone (the VPE takes at most one reserved IP per zone), in the order given. */
export function onePerZone(subnets: Subnet[]): Subnet[] {
  const seen = new Set<string>()
  return subnets.filter((s) => !seen.has(s.zone) && Boolean(seen.add(s.zone)))
}

/**
 * A security group admitting TCP `port` from each client subnet, for the VPE gateway. Reuses a
 * group of the VPC that already admits exactly that (same name, or rules covering every CIDR).
 */
export async function ensureVpeSecurityGroup(
  client: IbmCloudClient,
  region: string,
  request: { vpcId: string; name: string; port: number; clientCidrs: string[]; resourceGroupId?: string },
  options: RequestOptions = {}
): Promise<z.output<typeof SecurityGroupBody> & { created: boolean }> {
  const admits = (g: z.output<typeof SecurityGroupBody>, cidr: string) =>
    g.rules.some(
      (r) =>
        r.direction === 'inbound' &&
        (r.protocol === 'tcp' || r.protocol === 'all') &&
        (r.port_min ?? 1) <= request.port &&
        (r.port_max ?? 65535) >= request.port &&
        r.remote?.cidr_block === cidr
    )
  const existing = (await listSecurityGroups(client, region, request.vpcId, options)).find(
    (g) => g.name === request.name || request.clientCidrs.every((c) => admits(g, c))
  )
  if (existing) return { ...existing, created: false }
  const rules = request.clientCidrs.map((cidr) => ({
    direction: 'inbound' as const,
    protocol: 'tcp' as const,
    port_min: request.port,
    port_max: request.port,
    remote: { cidr_block: cidr }
  }))
  const body = {
    name: request.name,
    vpc: { id: request.vpcId },
    rules,
    ...(request.resourceGroupId ? { resource_group: { id: request.resourceGroupId } } : {})
  }
  const created = await client.requester.run(
    { op: 'createSecurityGroup', role: ROLE_VPE_EDIT },
    SecurityGroupBody,
    () => vpcClient(client, region).createSecurityGroup(body),
    { ...options, idempotent: false }
  )
  return { ...created, created: true }
}

export type EndpointGateway = z.output<typeof EndpointGatewayBody>

export async function listEndpointGateways(client: IbmCloudClient, region: string, vpcId: string, options: RequestOptions = {}): Promise<EndpointGateway[]> {
  const vpc = vpcClient(client, region)
  const gateways = await allPages(
    client,
    { op: 'listVpeGateways', role: ROLE_VPC_VIEW },
    EndpointGatewayCollection,
    (p) => vpc.listEndpointGateways(vpcId, p),
    (b) => b.endpoint_gateways,
    options
  )
  return gateways.filter((g) => g.vpc.id === vpcId)
}

/** The VPC's gateway that targets this instance, if any (a target has at most one per VPC). */
export async function findEndpointGateway(client: IbmCloudClient, region: string, vpcId: string, targetCrn: string, options: RequestOptions = {}) {
  return (await listEndpointGateways(client, region, vpcId, options)).find((g) => g.target.crn === targetCrn && g.lifecycle_state !== 'deleting')
}

export interface EndpointGatewayRequest {
  name: string
  vpcId: string
  targetCrn: string
  /** Client subnets; one reserved IP is bound in the first subnet of each zone. */
  subnets: Subnet[]
  securityGroupIds?: string[]
  resourceGroupId?: string
}

/**
 * The VPE gateway for this instance in this VPC: an existing one is reused (never a second one:
 * a crash or retry between create and record finds it by its target), else it is created.
 */
export async function ensureEndpointGateway(
  client: IbmCloudClient,
  region: string,
  request: EndpointGatewayRequest,
  options: RequestOptions = {}
): Promise<{ gateway: EndpointGateway; created: boolean }> {
  const existing = await findEndpointGateway(client, region, request.vpcId, request.targetCrn, options)
  if (existing) return { gateway: existing, created: false }
  const zones = onePerZone(request.subnets.filter((s) => s.vpcId === request.vpcId))
  if (zones.length === 0)
    throw new AppFailure({
      code: VpcCodes.noSubnet,
      message: 'Choose at least one subnet of this VPC for the VPE gateway (one per zone where your clients run).',
      params: { vpcId: request.vpcId }
    })
  const body: EndpointGatewayPrototype = {
    name: request.name,
    target: { crn: request.targetCrn, resource_type: 'provider_cloud_service' },
    vpc: { id: request.vpcId },
    ips: zones.map((s, i) => ({ subnet: { id: s.id }, name: `${request.name}-ip-${i + 1}`.slice(0, 63), auto_delete: true })),
    ...(request.securityGroupIds?.length ? { security_groups: request.securityGroupIds.map((id) => ({ id })) } : {}),
    ...(request.resourceGroupId ? { resource_group: { id: request.resourceGroupId } } : {}),
    dns_resolution_binding_mode: 'disabled'
  }
  try {
    const gateway = await client.requester.run(
      { op: 'createVpeGateway', role: ROLE_VPE_EDIT },
      EndpointGatewayBody,
      () => vpcClient(client, region).createEndpointGateway(body),
      {
        ...options,
        idempotent: false
      }
    )
    return { gateway, created: true }
  } catch (e) {
    // A lost answer or a concurrent create: the gateway may exist now. Adopt it if so.
    const again = await findEndpointGateway(client, region, request.vpcId, request.targetCrn, options).catch(() => undefined)
    if (again) return { gateway: again, created: false }
    throw e
  }
}

/** Ready: `stable`, with every reserved IP bound (an unbound one reads 0.0.0.0). */
export const gatewayReady = (g: EndpointGateway): boolean => g.lifecycle_state === 'stable' && g.ips.length > 0 && g.ips.every((ip) => ip.address !== '0.0.0.0')

export interface GatewayWaitOptions extends RequestOptions {
  pollIntervalMs?: number
  /** Give up after this long (default 20 minutes). */
  timeoutMs?: number
  onProgress?: (gateway: EndpointGateway) => void
}

/** Polls the gateway until it is ready; `failed` (with IBM's reasons) or a timeout is an error. */
export async function waitForEndpointGateway(client: IbmCloudClient, region: string, id: string, options: GatewayWaitOptions = {}): Promise<EndpointGateway> {
  const poll = options.pollIntervalMs ?? 5_000
  const deadline = Date.now() + (options.timeoutMs ?? 20 * 60_000)
  for (;;) {
    const gateway = await client.requester.run(
      { op: 'readVpeGateway', role: ROLE_VPC_VIEW },
      EndpointGatewayBody,
      () => vpcClient(client, region).getEndpointGateway(id),
      options
    )
    options.onProgress?.(gateway)
    if (gatewayReady(gateway)) return gateway
    if (gateway.lifecycle_state === 'failed') {
      const reasons = gateway.lifecycle_reasons.map((r) => r.message ?? r.code).join('; ')
      throw new AppFailure({
        code: VpcCodes.gatewayFailed,
        message: `The VPE gateway ${gateway.name} ended in the failed state${reasons ? ` (IBM Cloud says: "${reasons}")` : ''}. Delete it in the console (VPC Infrastructure > Virtual private endpoint gateways) and create it again.`,
        params: { name: gateway.name, reasons }
      })
    }
    if (Date.now() > deadline)
      throw new AppFailure({
        code: VpcCodes.gatewayTimeout,
        message: `The VPE gateway ${gateway.name} is still ${gateway.lifecycle_state} after the wait. Check it in the console, then continue here.`,
        params: { name: gateway.name, state: gateway.lifecycle_state }
      })
    await sleep(poll, options.signal)
  }
}

/**
 * Deletes a gateway (a `failed` one, before it is created again: a target has one gateway per
 * VPC) and waits until the VPC no longer lists it. Its reserved IPs go with it (`auto_delete`).
 * A gateway already gone is not an error.
 */
export async function deleteEndpointGateway(
  client: IbmCloudClient,
  region: string,
  gateway: { id: string; vpcId: string },
  options: Omit<GatewayWaitOptions, 'onProgress'> = {}
): Promise<void> {
  try {
    await client.requester.run(
      { op: 'deleteFailedVpeGateway', role: ROLE_VPE_EDIT },
      z.unknown(),
      () => vpcClient(client, region).deleteEndpointGateway(gateway.id),
      { ...options, idempotent: true }
    )
  } catch (e) {
    if (!(e instanceof AppFailure && e.code === IbmCodes.notFound)) throw e
  }
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000)
  for (;;) {
    const left = (await listEndpointGateways(client, region, gateway.vpcId, options)).some((g) => g.id === gateway.id)
    if (!left) return
    if (Date.now() > deadline)
      throw new AppFailure({
        code: VpcCodes.gatewayTimeout,
        message: 'The failed VPE gateway is still being deleted. Wait a few minutes, then try again.',
        params: { id: gateway.id }
      })
    await sleep(options.pollIntervalMs ?? 5_000, options.signal)
  }
}
