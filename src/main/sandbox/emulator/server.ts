import http from 'node:http'
import type net from 'node:net'
import { randomBytes } from 'node:crypto'
import { log } from '../../logging/log'
import { cdbRoutes } from './cdb-routes'
import { FaultPlan, type FaultSpec } from './faults'
import { FAMILY_OF_SEGMENT, HttpError, errorBody, lowerCaseCodes, readBody, type ErrorFamily, type Reply } from './http'
import { platformRoutes } from './platform-routes'
import { fakeRedisBackend, realRedisBackend, withPrivateName, type BackendFactory } from './redis-backend'
import { IBM_PRIVATE_DOMAIN, PRIVATE_DNS_ZONE_VARIABLE } from '../private-dns'
import { match, type RouteTable } from './router'
import { sandboxRoutes } from './sandbox-routes'
import { vpcRoutes } from './vpc-routes'
import { gen2Hostname, type Gen2Required } from './gen2-instances'
import { fakeGen2Backend, realGen2Backend, type Gen2BackendFactory } from './gen2-backend'
import { createSandboxPki, type SandboxPki } from '../public-root'
import { enforce } from './enforcement'
import { CbrState, cbrRoutes } from './cbr-routes'
import { CatalogState, catalogRoutes } from './catalog-routes'
import { CaseState, caseRoutes } from './case-routes'
import { VpcState, type GatewayRecord, type VpcSeed } from './vpc-state'
import { EmulatorState, endpointEnabled, type AccountState, type CliState, type InstanceRecord, type TaskRecord } from './state'

export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  /** How long a new instance stays `provisioning` (default 8 s; tests use 1–2 s). */
  provisioningMs?: number
  /** How long a Cloud Databases task runs before `completed` (default 1 s). */
  taskMs?: number
  /** Default RC page size (`limit`); small values exercise next_url paging. */
  pageSize?: number
  /** Server-side token lifetime. The token still claims 3600 s, so a short value emulates a token revoked or expired mid-wait. */
  tokenLifetimeMs?: number
  /** UNVERIFIED which one IBM answers to a create: 201 (SDK tests) or 202. */
  createStatus?: 201 | 202
  /** UNVERIFIED: answer GET /tasks/{id} with `{}` once the task has completed. */
  emptyCompletedTask?: boolean
  /** 'real' = a TLS redis-server per deployment (sandbox and integration tests); 'fake' = no processes. */
  backend?: 'real' | 'fake' | BackendFactory
  /** API keys IAM accepts. */
  apiKeys?: string[]
  account?: Partial<AccountState>
  cli?: Partial<CliState>
  faults?: FaultSpec[]
  /** Secret for the /sandbox/control route (generated when absent). */
  controlToken?: string
  /** VPCs of the account (default: `sandbox-vpc` in jp-tok and in us-south, three zones with a subnet each). */
  vpcs?: VpcSeed[]
  /** Regions whose Gen 2 deployment the Global Catalog lists (default: catalog-routes DEFAULT_GEN2_REGIONS). */
  gen2Regions?: string[]
  /** Gen 2: an active instance shows `extensions` only from the (N+1)-th read on (they may arrive late; default 0). */
  gen2ExtensionsAfterReads?: number
  /** UNVERIFIED (facts §1.4): a broker that demands `dataservices.$schema` and/or top-level `service_endpoints` (default: neither, as Terraform sends). */
  gen2Requires?: Gen2Required[]
  /**
   * Gen 2 keys: 'once' (default, documented) shows the credentials only in the create's answer and
   * `{"REDACTED":"REDACTED"}` on later reads; 'always' shows them on every read (UNVERIFIED, facts §1.7).
   */
  gen2KeyCredentials?: 'once' | 'always'
  /** How long a new VPE gateway stays `pending` before `stable` with its IPs bound (default 3 s). */
  gatewayMs?: number
  /**
   * 'unresolvable': private endpoints are named as on IBM Cloud (`<guid>.<cluster>.private.databases.appdomain.cloud`)
   * in a zone only the emulated private DNS knows, so from here they do not resolve (src/main/sandbox/private-dns.ts).
   * Default 'reachable': `127.0.0.1`, a port of the deployment's own.
   */
  privateEndpoint?: 'reachable' | 'unresolvable'
  /** A support case's time in each status: new → in_progress → resolved (default 3 s). */
  caseStepMs?: number
  /** How long after a VRF case is resolved the account's VRF reads on (default 2 s). */
  caseVrfDelayMs?: number
}

type Resolved = Required<
  Pick<
    EmulatorOptions,
    'provisioningMs' | 'taskMs' | 'pageSize' | 'tokenLifetimeMs' | 'createStatus' | 'emptyCompletedTask' | 'gatewayMs' | 'gen2ExtensionsAfterReads' | 'gen2Requires' | 'gen2KeyCredentials' | 'caseStepMs' | 'caseVrfDelayMs'
  >
>

const routes: RouteTable = [...platformRoutes, ...cdbRoutes, ...vpcRoutes, ...catalogRoutes, ...cbrRoutes, ...caseRoutes, ...sandboxRoutes]

/**
 * The IBM Cloud emulator: IAM, Account Management, Resource Manager, Resource Controller and
 * Cloud Databases v5 on one loopback HTTP server, following API-FACTS (paths, fields, states,
 * status codes, error bodies). Cloud Databases lives under /cdb/{region}/v5/ibm.
 */
export class Emulator {
  readonly state: EmulatorState
  readonly vpc: VpcState
  readonly cbr = new CbrState()
  readonly cases = new CaseState()
  readonly catalog: CatalogState
  readonly faults = new FaultPlan()
  readonly options: Resolved
  readonly controlToken: string
  private readonly backend: BackendFactory
  private readonly gen2Backend: Gen2BackendFactory
  private pki?: SandboxPki
  /** With privateEndpoint 'unresolvable': the private DNS zone of this emulator's deployments. */
  readonly privateDnsZone: string | undefined
  /** Requests answered per route id (tests check, e.g., that a Gen 2 wait never calls Cloud Databases v5). */
  readonly hits = new Map<string, number>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly sockets = new Set<net.Socket>()
  private server?: http.Server
  private closed = false
  port = 0

  private constructor(options: EmulatorOptions) {
    this.options = {
      provisioningMs: options.provisioningMs ?? 8_000,
      taskMs: options.taskMs ?? 1_000,
      pageSize: options.pageSize ?? 100,
      tokenLifetimeMs: options.tokenLifetimeMs ?? 3_600_000,
      createStatus: options.createStatus ?? 201,
      emptyCompletedTask: options.emptyCompletedTask ?? false,
      gatewayMs: options.gatewayMs ?? 3_000,
      gen2ExtensionsAfterReads: options.gen2ExtensionsAfterReads ?? 0,
      gen2Requires: options.gen2Requires ?? [],
      gen2KeyCredentials: options.gen2KeyCredentials ?? 'once',
      caseStepMs: options.caseStepMs ?? 3_000,
      caseVrfDelayMs: options.caseVrfDelayMs ?? 2_000
    }
    this.state = new EmulatorState({ account: options.account, cli: options.cli, apiKeys: options.apiKeys ?? [] })
    this.vpc = new VpcState(
      this.state.account.id,
      options.vpcs ?? [
        { region: 'jp-tok', name: 'sandbox-vpc' },
        { region: 'us-south', name: 'sandbox-vpc' }
      ]
    )
    this.catalog = new CatalogState(options.gen2Regions)
    this.backend = options.backend === 'fake' ? fakeRedisBackend : typeof options.backend === 'function' ? options.backend : realRedisBackend
    // A factory function stands for Gen 1 deployments only; Gen 2 is real unless 'fake'.
    this.gen2Backend = options.backend === 'fake' ? fakeGen2Backend : realGen2Backend
    this.controlToken = options.controlToken ?? randomBytes(24).toString('hex')
    this.privateDnsZone = options.privateEndpoint === 'unresolvable' ? privateDnsZone() : undefined
    for (const f of options.faults ?? []) this.faults.add(f)
  }

  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    const emu = new Emulator(options)
    emu.pki = await createSandboxPki()
    await emu.listen(options.port ?? 0)
    return emu
  }

  /**
   * The sandbox's public root CA (PEM): Gen 2 deployments' chains end there, as IBM's end at a
   * public root. Trusted only where a sandbox run adds it (src/main/redis/tls-trust.ts).
   */
  get sandboxRootPem(): string {
    return this.pki!.root.cert
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** The variables IBM's tools (and PSE Wizard) read to find each API. */
  env(): Record<string, string> {
    return {
      IBMCLOUD_IAM_API_ENDPOINT: this.url,
      IBMCLOUD_RESOURCE_CONTROLLER_API_ENDPOINT: this.url,
      IBMCLOUD_RESOURCE_MANAGEMENT_API_ENDPOINT: this.url,
      IBMCLOUD_ACCOUNT_MANAGEMENT_API_ENDPOINT: this.url,
      IBMCLOUD_ICD_API_ENDPOINT: `${this.url}/cdb/{region}/v5/ibm`,
      IBMCLOUD_IS_NG_API_ENDPOINT: `${this.url}/vpc/{region}/v1`,
      CONTEXT_BASED_RESTRICTIONS_URL: `${this.url}/cbr`,
      GLOBAL_CATALOG_URL: `${this.url}/globalcatalog/api/v1`,
      CASE_MANAGEMENT_URL: `${this.url}/case-management/v1`,
      ...(this.privateDnsZone ? { [PRIVATE_DNS_ZONE_VARIABLE]: this.privateDnsZone } : {})
    }
  }

  private listen(port: number): Promise<void> {
    const server = http.createServer((req, res) => void this.serve(req, res))
    server.on('connection', (s) => {
      this.sockets.add(s)
      s.on('close', () => this.sockets.delete(s))
    })
    this.server = server
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen({ host: '127.0.0.1', port }, () => {
        this.port = (server.address() as net.AddressInfo).port
        resolve()
      })
    })
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    let segments: string[]
    try {
      segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
    } catch {
      return send(res, { status: 400, body: errorBody('rc', 400, 'Bad path') })
    }
    const method = req.method ?? 'GET'
    let found: { route: RouteTable[number]; params: Record<string, string> } | undefined
    for (const route of routes) {
      const params = match(route, method, segments)
      if (params) {
        found = { route, params }
        break
      }
    }
    const family: ErrorFamily = FAMILY_OF_SEGMENT[segments[0]] ?? 'rc'
    if (!found)
      return send(res, { status: 404, body: errorBody(family, 404, `No route for ${method} ${url.pathname}`, family === 'cdb' ? 'not_found' : 'RC-NotFound') })
    const { route, params } = found
    this.hits.set(route.id, (this.hits.get(route.id) ?? 0) + 1)
    try {
      const body = await readBody(req)
      this.authorize(route.auth, route.family, req)
      const fault = this.faults.take(route.id)
      if (fault) {
        log.debug(`emulator: fault ${fault.kind} on ${route.id}`)
        switch (fault.kind) {
          case 'slow':
            await new Promise((r) => this.timer(r, fault.delayMs ?? 2_000))
            break
          case 'reset':
            req.socket.destroy()
            return
          case 'malformed':
            res.writeHead(200, { 'content-type': 'application/json' })
            res.end('{"resources": [ {"id": "crn:v1:trunc')
            return
          case 'lost_answer':
            await route.handle({ emu: this, req, params, query: url.searchParams, body })
            throw new HttpError(500, 'Internal Server Error', route.family, lowerCaseCodes(route.family) ? 'internal_error' : 'RC-InternalServerError')
          default:
            throw faultError(fault.kind, route.family, fault.retryAfterSeconds)
        }
      }
      send(res, await route.handle({ emu: this, req, params, query: url.searchParams, body }))
    } catch (e) {
      if (e instanceof HttpError) return send(res, { status: e.status, body: errorBody(e.family, e.status, e.message, e.code), headers: e.headers })
      log.error(`emulator: ${route.id} failed: ${(e as Error).message}`)
      send(res, {
        status: 500,
        body: errorBody(route.family, 500, 'Internal Server Error', lowerCaseCodes(route.family) ? 'internal_error' : 'RC-InternalServerError')
      })
    }
  }

  private authorize(kind: 'none' | 'bearer' | 'control', family: ErrorFamily, req: http.IncomingMessage): void {
    if (kind === 'none') return
    const header = String(req.headers.authorization ?? '')
    if (kind === 'control') {
      if (header !== `Bearer ${this.controlToken}`) throw new HttpError(401, 'Sandbox control token required', family, 'unauthorized')
      return
    }
    const token = /^Bearer (.+)$/.exec(header)?.[1]
    const record = token ? this.state.tokens.get(token) : undefined
    // Exact 401 bodies of RC/CDB are UNVERIFIED; clients must key on the status only.
    if (!record) throw new HttpError(401, 'Token is missing or not valid', family, family === 'cdb' || family === 'case' ? 'unauthorized' : 'RC-TokenInvalid')
    if (record.expiresMs <= Date.now())
      throw new HttpError(401, 'Token is expired', family, family === 'cdb' || family === 'case' ? 'unauthorized' : 'RC-TokenExpired')
  }

  /** Runs `fn` after `ms` (cancelled by close()): what happens later in the emulated cloud. */
  later(fn: () => unknown, ms: number): void {
    this.timer(fn, ms)
  }

  /** A VPE gateway: pending → stable with its reserved IPs bound (or → failed), after gatewayMs. */
  scheduleGateway(g: GatewayRecord): void {
    this.timer(() => {
      if (g.state === 'pending') g.state = g.willFail ? 'failed' : 'stable'
    }, this.options.gatewayMs)
  }

  /** A VPE gateway being deleted: `deleting`, then gone (with its reserved IPs) after gatewayMs. */
  deleteGateway(g: GatewayRecord): void {
    g.state = 'deleting'
    this.timer(() => {
      const at = this.vpc.gateways.indexOf(g)
      if (at >= 0) this.vpc.gateways.splice(at, 1)
    }, this.options.gatewayMs)
  }

  /** provisioning → active (after the real Redis is up) or → failed, after provisioningMs. */
  scheduleProvisioning(i: InstanceRecord): void {
    this.timer(async () => {
      if (i.state !== 'provisioning') return
      if (i.willFail) {
        i.state = 'failed'
        i.updatedAt = new Date().toISOString()
        return
      }
      try {
        // Gen 2 lives in the Resource Controller only (no v5 deployment): its own backend, private only.
        const backend = i.generation === 'gen2' ? await this.gen2Backend({ guid: i.guid, domain: gen2Hostname(i) }, this.pki!) : await this.backend(i.guid)
        if (this.closed || (i.state as string) === 'removed') return void (await backend.stop())
        await backend.setEndpoints(i.generation === 'gen2' ? { public: false, private: true } : { public: endpointEnabled(i, 'public'), private: endpointEnabled(i, 'private') })
        i.deployment.backend = this.privateDnsZone && i.generation !== 'gen2' ? withPrivateName(backend, `${i.guid}.${this.privateDnsZone}`) : backend
        enforce(this, i)
        i.state = 'active'
      } catch (e) {
        log.error(`emulator: could not start Redis for ${i.name}: ${(e as Error).message}`)
        i.state = 'failed'
      }
      i.updatedAt = new Date().toISOString()
    }, this.options.provisioningMs)
  }

  /** Applies a task's effect when it completes, so the change is real even if nobody polls. */
  scheduleTask(t: TaskRecord): void {
    this.timer(
      async () => {
        if (t.applied) return
        t.applied = true
        try {
          await t.onComplete?.()
        } catch (e) {
          log.error(`emulator: task ${t.description} failed: ${(e as Error).message}`)
          t.fail = true
        }
      },
      Math.max(0, t.doneAt - Date.now())
    )
  }

  async removeInstance(i: InstanceRecord): Promise<void> {
    i.state = 'removed'
    const backend = i.deployment.backend
    i.deployment.backend = undefined
    await backend?.stop()
  }

  private timer(fn: (v?: unknown) => unknown, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t)
      void fn()
    }, ms)
    this.timers.add(t)
  }

  async close(): Promise<void> {
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    for (const i of this.state.instances.values()) await i.deployment.backend?.stop().catch(() => undefined)
    for (const s of this.sockets) s.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}

function faultError(kind: string, family: ErrorFamily, retryAfter = 1): HttpError {
  const rc = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    new HttpError(status, message, family, lowerCaseCodes(family) ? code.toLowerCase() : code, headers)
  switch (kind) {
    case 'expired_token':
      return rc(401, family === 'iam' ? 'BXNIM0408E' : 'RC-TokenExpired', 'Token is expired')
    case 'forbidden':
      return rc(403, 'RC-Forbidden', 'You are not authorized to perform this action')
    case 'not_found':
      return rc(404, 'Not_Found', 'not_found')
    case 'conflict':
      return rc(409, 'RC-ServiceBrokerErrorResponse', 'Service Broker returned error status code 409: Conflict')
    case 'refused':
      return rc(422, 'RC-ServiceBrokerErrorResponse', 'Service Broker returned error status code 422: Unprocessable Entity')
    case 'rate_limited':
      return rc(429, 'RC-TooManyRequests', 'Too many requests', { 'Retry-After': String(retryAfter) })
    default:
      return rc(500, 'RC-InternalServerError', 'Internal Server Error')
  }
}

function send(res: http.ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) }
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers)
    res.end()
    return
  }
  const text = JSON.stringify(reply.body)
  headers['content-type'] = 'application/json'
  res.writeHead(reply.status, headers)
  res.end(text)
}

/** `<cluster>.private.databases.appdomain.cloud`, the cluster part random as IBM's are (20 lowercase letters and digits). */
function privateDnsZone(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  const cluster = [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('')
  return `${cluster}.${IBM_PRIVATE_DOMAIN}`
}
