import type { Claim, Evidence, Vantage } from '../../../shared/schemas/privacy'
import { getConnectionInfo } from '../../ibmcloud/databases'
import { classifyAddress } from '../../redis/address-class'
import { evidence, type ClaimContext } from '../context'
import type { OutsideView } from '../outside-view'

interface Endpoint {
  host: string
  port: number
}

const MAX_ADDRESSES = 3
const list = (a: string[]) => a.slice(0, MAX_ADDRESSES).join(', ')

/** The instance's endpoint of one kind: the profile's own when it is that kind, else the connection information. */
async function endpointOf(ctx: ClaimContext, kind: 'public' | 'private'): Promise<Endpoint | undefined> {
  const p = ctx.profile
  if (p && p.origin.kind === 'ibmcloud' && p.origin.endpointType === kind) return { host: p.host, port: p.port }
  if (ctx.target.generation === 'gen2') return undefined
  const info = await getConnectionInfo(ctx.client, ctx.target.crn, kind, { signal: ctx.signal }).catch(() => undefined)
  return info ? { host: info.hostname, port: info.port } : undefined
}

type Resolved = { ok: true; addresses: string[] } | { ok: false; notFound: boolean; reason: string }

async function resolveWith(view: OutsideView, host: string, kind: 'public' | 'private'): Promise<Resolved> {
  try {
    const addresses = await view.resolve(host, kind)
    return addresses.length ? { ok: true, addresses } : { ok: false, notFound: true, reason: 'no addresses' }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? ''
    return { ok: false, notFound: code === 'ENOTFOUND' || code === 'ENODATA', reason: code || String(e) }
  }
}

export interface NoPublicAnswer {
  claim: Claim
  vantage: Vantage
}

/**
 * Claim 2: from this computer's network, the private name resolves only into IBM's service
 * network (166.8.0.0/14) or a VPC address, and nothing there accepts a connection. Reaching it
 * from here means this computer is inside the private network: then nothing is proven.
 */
export async function noPublicAnswerClaim(ctx: ClaimContext, view: OutsideView, publicEnabled: boolean): Promise<NoPublicAnswer> {
  const vantage: Vantage = { kind: view.kind, onPrivateNetwork: null, sourceAddress: null }
  const done = (verdict: Claim['verdict'], ev: Evidence[]): NoPublicAnswer => ({ claim: { id: 'no_public_answer', verdict, evidence: ev }, vantage })
  const ev: Evidence[] = [evidence(view.kind === 'sandbox' ? 'vantage_sandbox' : 'vantage_this_computer')]
  if (publicEnabled) ev.push(...(await publicSide(ctx, view)))

  const priv = await endpointOf(ctx, 'private')
  if (!priv) return done('inconclusive', [...ev, evidence('private_host_unknown')])
  const resolved = await resolveWith(view, priv.host, 'private')
  if (!resolved.ok) {
    if (!resolved.notFound) return done('inconclusive', [...ev, evidence('private_name_lookup_failed', { host: priv.host, reason: resolved.reason })])
    vantage.onPrivateNetwork = false
    return done('holds', [...ev, evidence('private_name_not_resolved', { host: priv.host })])
  }
  const { addresses } = resolved
  const classes = addresses.map(classifyAddress)
  if (classes.includes('public')) return done('fails', [...ev, evidence('private_name_public_address', { host: priv.host, addresses: list(addresses) })])
  if (classes.includes('loopback') && view.kind === 'this_computer')
    return done('inconclusive', [...ev, evidence('private_name_loopback', { host: priv.host, addresses: list(addresses) })])
  ev.push(evidence(classes.includes('ibm_service_endpoint') ? 'private_name_service_network' : 'private_name_vpc', { host: priv.host, addresses: list(addresses) }))

  for (const address of addresses.slice(0, MAX_ADDRESSES)) {
    const attempt = await view.connect(address, priv.port, 'private')
    if (attempt.answered) {
      vantage.onPrivateNetwork = true
      vantage.sourceAddress = attempt.localAddress
      return done('inconclusive', [...ev, evidence('private_answers_here', { host: priv.host, address, port: priv.port })])
    }
  }
  vantage.onPrivateNetwork = false
  return done('holds', [...ev, evidence('private_no_answer', { host: priv.host, port: priv.port, count: Math.min(addresses.length, MAX_ADDRESSES) })])
}

/** The public endpoint, when the instance has one: does it answer from here? Evidence only (claim 1 carries the verdict). */
async function publicSide(ctx: ClaimContext, view: OutsideView): Promise<Evidence[]> {
  const pub = await endpointOf(ctx, 'public')
  if (!pub) return []
  const resolved = await resolveWith(view, pub.host, 'public')
  if (!resolved.ok) return [evidence('public_name_not_resolved', { host: pub.host })]
  const attempt = await view.connect(resolved.addresses[0], pub.port, 'public')
  return [evidence(attempt.answered ? 'public_endpoint_answers' : 'public_endpoint_silent', { host: pub.host, port: pub.port })]
}
