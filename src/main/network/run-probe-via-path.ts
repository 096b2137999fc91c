import dns from 'node:dns'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { AppFailure } from '../../shared/errors'
import type { NetworkPath, PodPath, SshPath } from '../../shared/schemas/network-path'
import type { PathTestResult } from '../../shared/schemas/network'
import { ResultCode, type ProbePhase, type ProbeResult } from '../../shared/schemas/probe'
import { probeNote, type ProbeNote } from '../../shared/schemas/probe-notes'
import { classifyAddress } from '../redis/address-class'
import { probe, PROBE_PHASES, type ProbeOptions, type ProbeTarget } from '../redis/probe'
import { sandboxProbeHooks } from '../sandbox/probe-hooks'
import { diagnoseReachability, isPrivateEndpointName } from './diagnosis'
import type { KnownHostsStore } from './known-hosts'
import type { PodRunOptions } from './pod-runner'
import type { PodPhase } from './pod-output'
import type { SshAuth, SshHop, TunnelTimeouts } from './ssh-tunnel'

/** Secrets of the path itself, read by the caller from the keychain (or typed for one test). */
export interface PathSecrets {
  sshPassphrase?: string
  sshPassword?: string
}

export interface PathTestOptions {
  knownHosts: Pick<KnownHostsStore, 'lookup'>
  signal?: AbortSignal
  env?: NodeJS.ProcessEnv
  homeDir?: string
  onPhase?: (phase: ProbePhase) => void
  /** The profile is a private endpoint (IBM Cloud origin with endpoint type private). */
  privateEndpoint?: boolean
  /** Test hooks for the direct path, handed to the probe: DNS answers and where TCP goes. */
  resolve?: ProbeOptions['resolve']
  connectTo?: ProbeOptions['connectTo']
  sshTimeouts?: Partial<TunnelTimeouts>
  pod?: Pick<PodRunOptions, 'pollMs' | 'timeoutMs' | 'commandTimeoutMs'>
}

/**
 * Runs the connection test along the profile's network path and returns the probe's result
 * shape, with the path's own phases (ssh_connect, ssh_auth, ssh_forward / pod) in the timeline,
 * the host key to accept when there is one, and a diagnosis when a direct private test fails.
 */
export async function testViaPath(target: ProbeTarget, networkPath: NetworkPath, secrets: PathSecrets, options: PathTestOptions): Promise<PathTestResult> {
  if (networkPath.kind === 'ssh') return testViaSsh(target, networkPath, secrets, options)
  if (networkPath.kind === 'pod') return testViaPod(target, networkPath, options)
  // A sandbox's private DNS zone (PSE_SANDBOX_PRIVATE_DNS_ZONE) does not resolve from here; its
  // Gen 2 names resolve only behind a stable VPE; its public root is trusted besides the defaults.
  const result = await probe(target, {
    ...sandboxProbeHooks(options.env),
    ...(options.resolve ? { resolve: options.resolve } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onPhase ? { onPhase: options.onPhase } : {}),
    ...(options.connectTo ? { connectTo: options.connectTo } : {})
  })
  const privateEndpoint = options.privateEndpoint || isPrivateEndpointName(target.host)
  const diagnosis = result.ok ? null : diagnoseReachability(result, { currentPath: 'direct', privateEndpoint })
  return { ...result, path: 'direct', hostKey: null, diagnosis, pod: null }
}

// ── SSH ────────────────────────────────────────────────────────────────────

/** The hops of an ssh path, jumps first; secrets attached. Exported for the CLI's --via-ssh. */
export function sshHops(p: SshPath, secrets: PathSecrets, homeDir: string = os.homedir()): SshHop[] {
  const auth = sshAuth(p, secrets, homeDir)
  const jumps = p.jumps.map<SshHop>((j) => ({
    host: j.host,
    port: j.port,
    username: j.username,
    auth: j.privateKeyPath
      ? { method: 'key', privateKeyPath: expandHome(j.privateKeyPath, homeDir), ...(secrets.sshPassphrase ? { passphrase: secrets.sshPassphrase } : {}) }
      : auth
  }))
  return [...jumps, { host: p.host, port: p.port, username: p.username, auth, ...(p.hostKeyFingerprint ? { pinnedFingerprint: p.hostKeyFingerprint } : {}) }]
}

function sshAuth(p: SshPath, secrets: PathSecrets, homeDir: string): SshAuth {
  if (p.auth.method === 'agent') return { method: 'agent' }
  if (p.auth.method === 'password') {
    if (!secrets.sshPassword) {
      throw new AppFailure({
        code: 'ssh_secret_missing',
        message: `No SSH password is saved for ${p.username}@${p.host}. Enter it in the profile's network path.`,
        params: { user: p.username, host: p.host }
      })
    }
    return { method: 'password', password: secrets.sshPassword }
  }
  return { method: 'key', privateKeyPath: expandHome(p.auth.privateKeyPath, homeDir), ...(secrets.sshPassphrase ? { passphrase: secrets.sshPassphrase } : {}) }
}

const expandHome = (p: string, home: string) => (p === '~' ? home : p.startsWith('~/') ? path.join(home, p.slice(2)) : p)

async function testViaSsh(target: ProbeTarget, p: SshPath, secrets: PathSecrets, options: PathTestOptions): Promise<PathTestResult> {
  const started = performance.now()
  let hops: SshHop[]
  try {
    hops = sshHops(p, secrets, options.homeDir)
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e
    const missing = probeNote('ssh.secret_missing', { user: p.username, host: p.host })
    const phase = { name: 'ssh_connect', ok: false, ms: 0, detail: e.message, notes: [e.code === 'ssh_secret_missing' ? missing : errorNote(e)] }
    return failedResult(target, 'ssh', e, [phase], started)
  }
  // ssh2 is loaded only when a test really goes through a bastion.
  const { openTunnel, TunnelFailure } = await import('./ssh-tunnel')
  let tunnel
  try {
    tunnel = await openTunnel({
      hops,
      target: { host: target.host, port: target.port },
      pinnedFingerprint: async (host, port) => (await options.knownHosts.lookup(host, port))?.fingerprint,
      ...(options.sshTimeouts ? { timeouts: options.sshTimeouts } : {}),
      ...(options.signal ? { signal: options.signal } : {})
    })
  } catch (e) {
    if (!(e instanceof TunnelFailure)) throw e
    const phases = e.phases.map((ph) => ({ ...ph, detail: ph.ok ? (ph.detail ?? '') : e.message }))
    for (const ph of phases) options.onPhase?.(ph)
    const result = failedResult(target, 'ssh', e, phases, started)
    if (e.hostKey)
      result.hostKey = { host: e.hostKey.host, port: e.hostKey.port, keyType: e.hostKey.keyType, fingerprint: e.hostKey.fingerprint, status: e.hostKey.status }
    return result
  }
  try {
    for (const ph of tunnel.phases) options.onPhase?.({ ...ph, detail: ph.detail ?? '' })
    const result = await probe(target, {
      connectTo: { host: tunnel.localHost, port: tunnel.localPort },
      resolve: (host) => resolveBehindBastion(tunnel.resolve, host),
      extraPhases: tunnel.phases,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onPhase ? { onPhase: options.onPhase } : {})
    })
    const route = hops.map((h) => `${h.username}@${h.host}:${h.port}`).join(' → ')
    return {
      ...result,
      target: { ...result.target, connectedTo: `ssh ${route} (local ${tunnel.localHost}:${tunnel.localPort})` },
      path: 'ssh',
      hostKey: null,
      diagnosis: null,
      pod: null
    }
  } finally {
    await tunnel.close()
  }
}

/**
 * Private names often resolve only behind the bastion, so DNS is asked there first. A bastion
 * that refuses to run commands (a forwarding-only account) falls back to this machine's DNS.
 */
async function resolveBehindBastion(remote: (host: string) => Promise<string[]>, host: string): Promise<string[]> {
  try {
    return await remote(host)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESSHEXEC') throw e
    const answers = await dns.promises.lookup(host, { all: true })
    return answers.map((a) => a.address)
  }
}

// ── Pod ────────────────────────────────────────────────────────────────────

async function testViaPod(target: ProbeTarget, p: PodPath, options: PathTestOptions): Promise<PathTestResult> {
  const started = performance.now()
  const settings = {
    tool: p.tool,
    namespace: p.namespace,
    ...(p.binaryPath ? { binaryPath: expandHome(p.binaryPath, options.homeDir ?? os.homedir()) } : {}),
    ...(p.context ? { context: p.context } : {}),
    ...(p.image ? { image: p.image } : {})
  }
  const podTarget = {
    host: target.host,
    port: target.port,
    tls: target.tls.enabled,
    verify: target.tls.verifyServerCert,
    db: target.db,
    ...(target.tls.servername ? { servername: target.tls.servername } : {}),
    ...(target.tls.caPem ? { caPem: target.tls.caPem } : {}),
    ...(target.username ? { username: target.username } : {}),
    ...(target.password ? { password: target.password } : {})
  }
  const [{ runProbeInPod, POD_COMMAND_TIMEOUT_MS, DEFAULT_POD_IMAGE }, { podFailureNote, podRanNotes }] = await Promise.all([
    import('./pod-runner'),
    import('./pod-notes')
  ])
  let run
  try {
    run = await runProbeInPod(settings, podTarget, {
      ...options.pod,
      ...(options.env ? { env: options.env } : {}),
      ...(options.signal ? { signal: options.signal } : {})
    })
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e
    const context = { ...settings, image: settings.image || DEFAULT_POD_IMAGE, commandTimeoutMs: options.pod?.commandTimeoutMs ?? POD_COMMAND_TIMEOUT_MS }
    const detail = e.detail ? `${e.message} (${e.detail.slice(0, 500)})` : e.message
    const phase = { name: 'pod', ok: false, ms: round(performance.now() - started), detail, notes: [podFailureNote(e, context)] }
    options.onPhase?.(phase)
    return failedResult(target, 'pod', e, [phase], started)
  }
  const inner = run.phases.reduce((sum, ph) => sum + ph.ms, 0)
  const where = `${p.context ? `${p.context}/` : ''}${p.namespace}`
  const podPhase: ProbePhase = {
    name: 'pod',
    ok: true,
    ms: round(Math.max(0, performance.now() - started - inner)),
    detail: `Pod ${run.podName} in ${where}, image ${run.image}: start, wait and clean-up time${run.cleanedUp ? '' : ` (NOT deleted: run ${run.cleanupCommand})`}`,
    notes: podRanNotes(run, p)
  }
  const phases: ProbePhase[] = [podPhase, ...run.phases.map((ph) => toProbePhase(ph, target.tls.verifyServerCert, run.hostnameVerified))]
  for (const name of PROBE_PHASES) {
    if (phases.some((ph) => ph.name === name)) continue
    if (name === 'tcp' && target.tls.enabled && phases.some((ph) => ph.name === 'tls')) continue // measured together with TLS
    const why = run.ok ? probeNote('pod.not_measured', {}) : probeNote('phase.not_run', {})
    phases.push({ name, ok: true, ms: 0, detail: run.ok ? 'Not measured separately in the pod.' : NOT_RUN, notes: [why], skipped: true })
  }
  phases.sort((a, b) => order(a.name) - order(b.name))
  for (const ph of phases) options.onPhase?.(ph)
  const tlsOk = target.tls.enabled && run.phases.some((ph) => ph.name === 'tls' && ph.ok)
  const writeOk = run.phases.some((ph) => ph.name === 'write' && ph.ok)
  const result: PathTestResult = {
    ok: run.ok,
    code: run.ok ? null : asResultCode(run.code, 'pod_probe_failed'),
    message: run.ok ? podSummary(target, run.server.version, run.readOnly) : (run.message ?? 'The test in the pod failed.'),
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    totalMs: round(performance.now() - started),
    target: {
      host: target.host,
      port: target.port,
      tls: target.tls.enabled,
      servername: target.tls.enabled ? (target.tls.servername ?? target.host) : null,
      connectedTo: `pod ${where}`
    },
    phases,
    dns: {
      addresses: run.addresses,
      classification: run.addresses[0] ? classifyAddress(run.addresses[0]) : null,
      classes: run.addresses.map((address) => ({ address, class: classifyAddress(address) }))
    },
    tls: tlsOk
      ? {
          protocol: null,
          cipher: null,
          subject: null,
          issuer: null,
          subjectAltNames: [],
          validFrom: null,
          validTo: null,
          verified: target.tls.verifyServerCert,
          hostnameVerified: target.tls.verifyServerCert && run.hostnameVerified,
          verifyError: null
        }
      : null,
    ping: null,
    write: writeOk ? { allowed: !run.readOnly, readOnly: run.readOnly } : null,
    server:
      run.server.version || run.server.role
        ? { version: run.server.version ?? null, role: run.server.role ?? null, mode: run.server.mode ?? null, protocol: 2 }
        : null,
    path: 'pod',
    hostKey: null,
    diagnosis: null,
    pod: {
      name: run.podName,
      namespace: p.namespace,
      image: run.image,
      cleanedUp: run.cleanedUp,
      cleanupCommand: run.cleanupCommand,
      output: run.output.slice(0, 20_000)
    }
  }
  return result
}

const PHASE_ORDER = ['ssh_connect', 'ssh_auth', 'ssh_forward', 'pod', ...PROBE_PHASES]
const order = (name: string) => PHASE_ORDER.indexOf(name)

/** The TLS phase says exactly what was checked, and by what. */
function toProbePhase(ph: PodPhase, verify: boolean, hostnameVerified: boolean): ProbePhase {
  let detail = ph.detail ?? ''
  const notes = [...(ph.notes ?? [])]
  if (ph.name === 'tls' && ph.ok) {
    detail += !verify
      ? '; certificate NOT verified (verification is off for this profile)'
      : hostnameVerified
        ? '; chain and host name verified by openssl in the image before the password was sent; redis-cli verified the chain again on each of its connections'
        : '; chain verified by redis-cli, host name NOT verified'
    notes.push(probeNote(!verify ? 'pod.tls_not_verified' : hostnameVerified ? 'pod.tls_verified_openssl' : 'pod.tls_chain_only', {}))
  }
  return { name: ph.name, ok: ph.ok, ms: ph.ms, detail, notes }
}

function podSummary(target: ProbeTarget, version: string | undefined, readOnly: boolean): string {
  const parts = [`Reached ${target.host}:${target.port} from a pod in the cluster`]
  if (readOnly) parts.push('read-only user')
  if (version) parts.push(`Redis ${version}`)
  return parts.join(', ') + '.'
}

// ── Shared ─────────────────────────────────────────────────────────────────

function failedResult(target: ProbeTarget, kind: 'ssh' | 'pod', failure: AppFailure, pathPhases: ProbePhase[], started: number): PathTestResult {
  const phases: ProbePhase[] = [
    ...pathPhases,
    ...PROBE_PHASES.map((name) => ({ name, ok: true, ms: 0, detail: NOT_RUN, notes: [probeNote('phase.not_run', {})], skipped: true }))
  ]
  const result: ProbeResult = {
    ok: false,
    code: null,
    message: failure.message,
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    totalMs: round(performance.now() - started),
    target: {
      host: target.host,
      port: target.port,
      tls: target.tls.enabled,
      servername: target.tls.enabled ? (target.tls.servername ?? target.host) : null,
      connectedTo: null
    },
    phases: phases.map((ph) => ({ ...ph, ms: round(ph.ms) })),
    dns: { addresses: [], classification: null, classes: [] },
    tls: null,
    ping: null,
    write: null,
    server: null
  }
  return {
    ...result,
    code: asResultCode(failure.code, kind === 'ssh' ? 'ssh_connect_failed' : 'pod_failed'),
    path: kind,
    hostKey: null,
    diagnosis: null,
    pod: null
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100

const NOT_RUN = 'Not run: an earlier phase failed.'

/** A failure no path words itself: what it said, quoted. */
const errorNote = (e: AppFailure): ProbeNote => probeNote('phase.error', { said: (e.detail || e.message).slice(0, 400) })

/** Codes come from AppFailures as strings; anything outside the result codes becomes the path's generic one. */
function asResultCode(code: string | undefined, fallback: ResultCode): ResultCode {
  const parsed = ResultCode.safeParse(code)
  return parsed.success ? parsed.data : fallback
}
