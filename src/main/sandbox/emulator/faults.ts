/**
 * Per-route fault injection: tests (and `pse-wizard sandbox --fault …`) make a route answer the
 * way IBM Cloud does when things go wrong, a given number of times.
 */
export type FaultKind =
  | 'expired_token' // 401, as when a token expires or is revoked mid-wait
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'refused' // 422 broker refusal
  | 'rate_limited' // 429 with Retry-After
  | 'server_error' // 500
  | 'lost_answer' // does the work, then answers 500 (the client cannot know it succeeded)
  | 'slow' // waits delayMs, then answers normally
  | 'malformed' // 200 with a body that is not JSON
  | 'reset' // closes the connection without an answer
  | 'provisioning_failed' // on rc.instances.create: the new instance ends `failed`
  | 'vpe_failed' // on vpc.gateways.create: the new VPE gateway ends `failed`

export const ROUTE_IDS = [
  'iam.token',
  'iam.apikey_details',
  'accounts.get',
  'rm.groups.list',
  'rc.instances.list',
  'rc.instances.create',
  'rc.instances.get',
  'rc.instances.update',
  'rc.instances.delete',
  'rc.keys.list',
  'rc.keys.create',
  'rc.keys.get',
  'rc.keys.delete',
  'cdb.regions',
  'cdb.deployables',
  'cdb.deployment.get',
  'cdb.users.update',
  'cdb.connections.get',
  'cdb.tasks.get',
  'cdb.tasks.list',
  'cdb.allowlist.get',
  'cdb.allowlist.set',
  'cdb.allowlist.add',
  'cdb.allowlist.delete',
  'vpc.vpcs.list',
  'vpc.subnets.list',
  'vpc.security_groups.list',
  'vpc.security_groups.create',
  'vpc.gateways.list',
  'vpc.gateways.create',
  'vpc.gateways.get',
  'vpc.gateways.delete',
  'catalog.children',
  'cbr.zones.create',
  'cbr.zones.list',
  'cbr.zones.get',
  'cbr.zones.replace',
  'cbr.rules.create',
  'cbr.rules.list',
  'cbr.rules.get',
  'cbr.rules.replace',
  'cbr.rules.delete',
  'cbr.zones.delete',
  'case.cases.create',
  'case.cases.get',
  'case.cases.list',
  'sandbox.account',
  'sandbox.cli',
  'sandbox.control',
  'sandbox.dns'
] as const
export type RouteId = (typeof ROUTE_IDS)[number]

export interface FaultSpec {
  /** A route id, or '*' for every route except the IAM token route. */
  route: RouteId | '*'
  kind: FaultKind
  /** How many matching requests it affects (default 1; Infinity = until cleared). */
  times?: number
  /** Let this many matching requests through first (default 0). */
  after?: number
  retryAfterSeconds?: number
  delayMs?: number
}

interface ActiveFault extends Required<Pick<FaultSpec, 'route' | 'kind' | 'times' | 'after'>> {
  retryAfterSeconds?: number
  delayMs?: number
  seen: number
}

export class FaultPlan {
  private faults: ActiveFault[] = []

  add(spec: FaultSpec): void {
    this.faults.push({
      route: spec.route,
      kind: spec.kind,
      times: spec.times ?? 1,
      after: spec.after ?? 0,
      retryAfterSeconds: spec.retryAfterSeconds,
      delayMs: spec.delayMs,
      seen: 0
    })
  }

  clear(): void {
    this.faults = []
  }

  /** The fault to apply to this request, if any (consumes one use). */
  take(route: RouteId): ActiveFault | undefined {
    for (const f of this.faults) {
      if (f.route !== route && !(f.route === '*' && route !== 'iam.token')) continue
      if (f.kind === 'provisioning_failed' || f.kind === 'vpe_failed') continue
      f.seen++
      if (f.seen <= f.after) continue
      if (f.times <= 0) continue
      f.times--
      return f
    }
    return undefined
  }

  /** Whether a new instance should end `failed` (consumes one use). */
  takeProvisioningFailure(): boolean {
    return this.takeOutcome('provisioning_failed')
  }

  /** Whether a new VPE gateway should end `failed` (consumes one use). */
  takeGatewayFailure(): boolean {
    return this.takeOutcome('vpe_failed')
  }

  private takeOutcome(kind: 'provisioning_failed' | 'vpe_failed'): boolean {
    const f = this.faults.find((x) => x.kind === kind && x.times > 0)
    if (!f) return false
    f.times--
    return true
  }

  pending(): number {
    return this.faults.reduce((n, f) => n + (Number.isFinite(f.times) ? f.times : 1), 0)
  }
}

/** Parses `route:kind[:times]` items, as `pse-wizard sandbox --fault` and PSE_SANDBOX_FAULTS take them. */
export function parseFaultList(text: string): FaultSpec[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) => {
      const [route, kind, times] = item.split(':')
      if (!(route === '*' || (ROUTE_IDS as readonly string[]).includes(route))) throw new Error(`unknown route "${route}" (one of: *, ${ROUTE_IDS.join(', ')})`)
      const kinds: FaultKind[] = [
        'expired_token',
        'forbidden',
        'not_found',
        'conflict',
        'refused',
        'rate_limited',
        'server_error',
        'lost_answer',
        'slow',
        'malformed',
        'reset',
        'provisioning_failed',
        'vpe_failed'
      ]
      if (!kinds.includes(kind as FaultKind)) throw new Error(`unknown fault "${kind}" (one of: ${kinds.join(', ')})`)
      const n = times === undefined ? 1 : times === 'always' ? Infinity : Number(times)
      if (!(n > 0)) throw new Error(`bad count "${times}" in "${item}"`)
      return {
        route: route as RouteId | '*',
        kind: kind as FaultKind,
        times: n,
        ...(kind === 'rate_limited' ? { retryAfterSeconds: 1 } : {}),
        ...(kind === 'slow' ? { delayMs: 2_000 } : {})
      }
    })
}
