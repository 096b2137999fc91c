import type { Claim, Evidence } from '../../../shared/schemas/privacy'
import type { ProbeResult } from '../../../shared/schemas/probe'
import type { Profile } from '../../../shared/schemas/profile'
import { shellQuote } from '../../wizard/shell-quote'
import { evidence, fix, type ClaimContext } from '../context'

const DAY_MS = 86_400_000
/** A certificate that expires sooner than this is worth saying so. */
const EXPIRY_WARNING_DAYS = 30

function certificateEvidence(r: ProbeResult, now: Date): Evidence[] {
  const tls = r.tls
  if (!r.target.tls || !tls) return [evidence('tls_off')]
  const ev: Evidence[] = []
  ev.push(evidence(tls.verified && tls.hostnameVerified ? 'tls_verified' : 'tls_not_verified', { protocol: tls.protocol ?? '', servername: r.target.servername ?? r.target.host }))
  if (tls.validTo) {
    const until = new Date(tls.validTo)
    const days = Math.floor((until.getTime() - now.getTime()) / DAY_MS)
    if (Number.isFinite(days)) ev.push(evidence(days < EXPIRY_WARNING_DAYS ? 'certificate_expires_soon' : 'certificate_valid_until', { date: until.toISOString().slice(0, 10), count: days }))
  }
  return ev
}

/**
 * Claim 4: the profile's own path (direct, bastion, pod) passes the whole connection test with
 * the server's certificate chain and host name verified.
 */
export async function reachableClaim(ctx: ClaimContext, test: (profile: Profile) => Promise<ProbeResult>, now = new Date()): Promise<Claim> {
  const profile = ctx.profile
  if (!profile) return { id: 'reachable', verdict: 'inconclusive', evidence: [evidence('no_saved_profile', { instance: ctx.target.name ?? ctx.target.crn })] }
  const r = await test(profile)
  const timeline = r.phases.map((p) => ({ name: p.name, ok: p.ok, ms: p.ms, skipped: p.skipped === true }))
  const path = profile.networkPath.kind
  const head = evidence(r.ok ? 'path_connects' : 'path_fails', { profile: profile.name, path, host: r.target.host, port: r.target.port, ms: Math.round(r.totalMs), result: r.code ?? 'ok' })
  const ev = [head, ...(r.ok || r.tls ? certificateEvidence(r, now) : [])]
  const verified = r.target.tls && r.tls?.verified === true && r.tls.hostnameVerified
  const publicEndpoint = profile.origin.kind === 'ibmcloud' && profile.origin.endpointType === 'public'
  if (publicEndpoint) ev.push(evidence('profile_uses_public_endpoint', { profile: profile.name }))
  if (r.ok && verified && !publicEndpoint) return { id: 'reachable', verdict: 'holds', evidence: ev, timeline }
  const code = !r.ok ? 'fix_reachable' : publicEndpoint ? 'fix_use_private_profile' : r.target.tls ? 'fix_verify_tls' : 'fix_tls_on'
  return { id: 'reachable', verdict: 'fails', evidence: ev, timeline, fix: fix(code, { profile: profile.name, result: r.code ?? '' }, [`pse-wizard test ${shellQuote(profile.name)}`]) }
}
