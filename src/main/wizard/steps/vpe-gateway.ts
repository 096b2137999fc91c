import { AppFailure, TransportCodes } from '../../../shared/errors'
import type { ConnectionInput, WizardVpe } from '../../../shared/schemas/wizard'
import { log } from '../../logging/log'
import { sleep } from '../../util/abort'
import { vpcResourceName } from '../cli-equivalents-gen2'
import * as m from '../machine'
import { wizardMessages, wizardSay } from '../messages'
import type { VpeGateway, VpeSubnet } from '../services'
import { toError } from '../step-runner'
import type { StepContext } from './step'

/** Stable codes of the VPE part of step 6. */
export const VpeStepCodes = {
  noVpc: 'wizard_vpe_no_vpc',
  subnetsGone: 'wizard_vpe_subnets_gone',
  securityGroupNeeded: 'wizard_vpe_security_group_needed',
  securityGroupUnknown: 'wizard_vpe_security_group_unknown'
} as const

/** IBM failures the gateway wait sits out (after the client's own retries), as the provisioning wait does. */
const TRANSIENT = new Set(['ibm_rate_limited', 'ibm_server_error', 'ibm_unreachable', 'ibm_timeout', 'ibm_malformed_response'])
const MAX_HICCUPS = 20

/** What the VPE is made for: this instance, reached on `hostname:port`, from the deploy form's VPC. */
export interface VpeTarget {
  region: string
  vpcId: string
  subnetIds: string[]
  targetCrn: string
  instanceName: string
  resourceGroupId: string
  hostname: string
  port: number
}

/** The chosen subnets (all of the VPC when none is named), then one per zone for the gateway's IPs. */
async function chosenSubnets(ctx: StepContext, t: VpeTarget, signal: AbortSignal): Promise<{ clients: VpeSubnet[]; perZone: VpeSubnet[] }> {
  const all = await ctx.services.vpc.subnets(t.region, t.vpcId, signal)
  const clients = t.subnetIds.length > 0 ? all.filter((s) => t.subnetIds.includes(s.id)) : all
  if (clients.length === 0 || clients.length < t.subnetIds.length)
    throw new AppFailure({ code: VpeStepCodes.subnetsGone, ...wizardSay.vpeSubnetsGone({ vpcId: t.vpcId }) })
  const zones = new Set<string>()
  return { clients, perZone: clients.filter((s) => !zones.has(s.zone) && Boolean(zones.add(s.zone))) }
}

/** The security group the user chose: an existing one of the VPC, or one the app makes on consent; else a clear stop. */
async function securityGroupFor(
  ctx: StepContext,
  t: VpeTarget,
  input: ConnectionInput,
  clients: VpeSubnet[],
  signal: AbortSignal
): Promise<{ id: string; created: boolean }> {
  if (input.securityGroupId) {
    const groups = await ctx.services.vpc.securityGroups(t.region, t.vpcId, signal)
    if (!groups.some((g) => g.id === input.securityGroupId))
      throw new AppFailure({ code: VpeStepCodes.securityGroupUnknown, ...wizardSay.vpeSecurityGroupUnknown({ securityGroupId: input.securityGroupId }) })
    return { id: input.securityGroupId, created: false }
  }
  if (input.createSecurityGroup !== true)
    throw new AppFailure({ code: VpeStepCodes.securityGroupNeeded, ...wizardSay.vpeSecurityGroupNeeded({ port: t.port }) })
  const group = await ctx.services.vpc.ensureSecurityGroup(
    t.region,
    {
      vpcId: t.vpcId,
      name: vpcResourceName(t.instanceName, 'vpe-sg'),
      port: t.port,
      clientCidrs: clients.map((s) => s.cidr),
      ...(t.resourceGroupId ? { resourceGroupId: t.resourceGroupId } : {})
    },
    signal
  )
  return { id: group.id, created: group.created }
}

/** The gateway as state.vpe records it: its IPs with their zones, and what this run did. */
function vpeRecord(g: VpeGateway, t: VpeTarget, subnets: VpeSubnet[], did: Pick<WizardVpe, 'reused' | 'securityGroupId' | 'createdSecurityGroup'>): WizardVpe {
  const zoneOf = (id: string | null) => subnets.find((s) => s.id === id)?.zone ?? ''
  return {
    gatewayId: g.id,
    name: g.name,
    vpcId: t.vpcId,
    lifecycleState: g.lifecycleState,
    ips: g.ips.map((ip) => ({ address: ip.address, subnetId: ip.subnetId ?? '', zone: zoneOf(ip.subnetId) })),
    hostname: t.hostname,
    port: t.port,
    clientSubnets: subnets.map(({ id, cidr, zone }) => ({ id, cidr, zone })),
    ...did,
    reasons: g.reasons,
    notice: null,
    noticeCode: null,
    updatedAt: new Date().toISOString()
  }
}

const commitVpe = (ctx: StepContext, vpe: WizardVpe) => ctx.commit(m.update(ctx.state(), { vpe }))

/**
 * The gateway for this instance in the VPC: the one that targets it is reused (also after a
 * restart or a lost answer: a target has one gateway per VPC, never a second); a failed one is
 * deleted before a new one is made; else it is created with the chosen security group.
 */
async function gatewayFor(ctx: StepContext, t: VpeTarget, input: ConnectionInput, signal: AbortSignal) {
  const { clients, perZone } = await chosenSubnets(ctx, t, signal)
  const prior = ctx.state().vpe
  let found = await ctx.services.vpc.findGateway(t.region, t.vpcId, t.targetCrn, signal)
  if (found?.lifecycleState === 'failed') {
    log.warn(`wizard: the VPE gateway ${found.name} is failed; deleting it before creating it again`)
    await ctx.services.vpc.deleteGateway(t.region, { id: found.id, vpcId: t.vpcId }, signal)
    found = undefined
  }
  if (found) {
    const ours = prior?.gatewayId === found.id
    const did = {
      reused: ours ? prior.reused : true,
      securityGroupId: found.securityGroupIds[0] ?? null,
      createdSecurityGroup: ours ? prior.createdSecurityGroup : false
    }
    return { gateway: found, subnets: clients, did }
  }
  const group = await securityGroupFor(ctx, t, input, clients, signal)
  const { gateway } = await ctx.services.vpc.createGateway(
    t.region,
    {
      name: vpcResourceName(t.instanceName, 'vpe'),
      vpcId: t.vpcId,
      targetCrn: t.targetCrn,
      subnets: perZone,
      securityGroupIds: [group.id],
      ...(t.resourceGroupId ? { resourceGroupId: t.resourceGroupId } : {})
    },
    signal
  )
  return { gateway, subnets: clients, did: { reused: false, securityGroupId: group.id, createdSecurityGroup: group.created } }
}

/**
 * Step 6's VPE gateway: found or created, then awaited until `stable` with every IP bound,
 * each change committed to `state.vpe` (pending → stable) as it comes. IBM hiccups the client's
 * retries did not absorb are sat out with a notice; `failed` fails the step with IBM's reasons.
 */
export async function ensureVpe(ctx: StepContext, t: VpeTarget, input: ConnectionInput, signal: AbortSignal): Promise<WizardVpe> {
  const { gateway, subnets, did } = await gatewayFor(ctx, t, input, signal)
  let vpe = vpeRecord(gateway, t, subnets, did)
  await commitVpe(ctx, vpe)
  const seen = (g: VpeGateway) => {
    const next = vpeRecord(g, t, subnets, did)
    if (next.lifecycleState === vpe.lifecycleState && JSON.stringify(next.ips) === JSON.stringify(vpe.ips) && vpe.notice === null) return
    vpe = next
    void commitVpe(ctx, vpe).catch(() => undefined)
  }
  for (let hiccups = 0; ; ) {
    try {
      const ready = await ctx.services.vpc.waitForGateway(t.region, gateway.id, signal, seen)
      return vpeRecord(ready, t, subnets, did)
    } catch (e) {
      const error = toError(e)
      if (error.code === 'ibm_vpe_failed') {
        await commitVpe(ctx, { ...vpe, lifecycleState: 'failed', reasons: String(error.params?.reasons ?? '') })
        throw new AppFailure({ code: error.code, ...wizardSay.vpeFailed({ name: gateway.name, reasons: String(error.params?.reasons ?? '') }) })
      }
      if (signal.aborted || error.code === TransportCodes.cancelled || !TRANSIENT.has(error.code) || ++hiccups > MAX_HICCUPS) throw e
      vpe = { ...vpe, notice: wizardMessages.waitStillTrying({ ibmMessage: error.message }), noticeCode: error.code, updatedAt: new Date().toISOString() }
      await commitVpe(ctx, vpe)
      await sleep(error.retryAfter !== undefined ? error.retryAfter * 1000 : (ctx.services.vpc.hiccupDelayMs ?? 5_000), signal)
    }
  }
}

