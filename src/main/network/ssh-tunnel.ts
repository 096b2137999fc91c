import net from 'node:net'
import { Client, utils, type ClientChannel, type ConnectConfig } from 'ssh2'
import { AppFailure, TransportCodes } from '../../shared/errors'
import { cancelledFailure } from '../util/abort'
import { registerSecret } from '../logging/redact'
import { log } from '../logging/log'
import { FileCodes, readFileBounded } from '../storage/bounded-read'
import { hostKeyFailure, type HostKeyInfo, type HostKeyVerdict } from './known-hosts'
import { judgePresentedKey, loadUserKnownHosts, preferredHostKeyAlgorithms } from './host-key-trust'
import { hostKeyNote, sshFailureNote, sshRoute, trustedKeyNote, withNote, type SshSpot } from './ssh-notes'
import { probeNote, type ProbeNote } from '../../shared/schemas/probe-notes'

export type SshAuth =
  { method: 'key'; privateKeyPath: string; passphrase?: string } | { method: 'agent'; agentSocket?: string } | { method: 'password'; password: string }

/** One SSH server on the way. Secrets (passphrase, password) are read by the caller from the keychain. */
export interface SshHop {
  host: string
  port: number
  username: string
  auth: SshAuth
  /** A fingerprint pinned in the profile wins over the known-hosts store. */
  pinnedFingerprint?: string
}

export type SshPhaseName = 'ssh_connect' | 'ssh_auth' | 'ssh_forward'

export interface SshPhase {
  name: SshPhaseName
  ok: boolean
  ms: number
  detail?: string
  /** The same as data (./ssh-notes.ts): the route, host key trust, or what failed where. */
  notes?: ProbeNote[]
}

export interface TunnelTimeouts {
  /** TCP connect + SSH key exchange, per hop. */
  connectMs: number
  /** Authentication, per hop. */
  authMs: number
  /** Opening a forwarded channel (to the next hop or to the target). */
  forwardMs: number
}

export const DEFAULT_TUNNEL_TIMEOUTS: TunnelTimeouts = { connectMs: 10_000, authMs: 10_000, forwardMs: 10_000 }

export interface TunnelOptions {
  /** In connection order; the target is reached from the last hop. */
  hops: SshHop[]
  target: { host: string; port: number }
  /** The pinned fingerprint for a hop, if any (normally `KnownHostsStore.lookup`). */
  pinnedFingerprint: (host: string, port: number) => Promise<string | undefined>
  /**
   * Whose OpenSSH known_hosts (and ~/.ssh/config UserKnownHostsFile) to honour before the pins:
   * that home folder (default: the user's); `false`: the pins alone.
   */
  knownHostsHome?: string | false
  timeouts?: Partial<TunnelTimeouts>
  keepaliveIntervalMs?: number
  /** Closes the tunnel by itself after this long (a "session" tunnel); tests close it explicitly. */
  lifetimeMs?: number
  signal?: AbortSignal
}

export interface Tunnel {
  readonly localHost: '127.0.0.1'
  readonly localPort: number
  readonly phases: SshPhase[]
  /**
   * DNS as the bastion sees it (`getent ahosts` run on the last hop): a private endpoint name
   * often resolves only there. Rejects when the bastion does not allow running a command.
   */
  resolve(host: string, timeoutMs?: number): Promise<string[]>
  /** Resolves once the local port, every forwarded stream and every SSH connection are closed. */
  close(): Promise<void>
  readonly closed: Promise<void>
}

export const SshCodes = {
  hostNotFound: 'ssh_host_not_found',
  connectRefused: 'ssh_connect_refused',
  timeout: 'ssh_timeout',
  authFailed: 'ssh_auth_failed',
  keyUnreadable: 'ssh_key_unreadable',
  keyTooLarge: 'ssh_key_too_large',
  passphraseRequired: 'ssh_key_passphrase_required',
  passphraseWrong: 'ssh_key_passphrase_wrong',
  agentUnavailable: 'ssh_agent_unavailable',
  forwardDenied: 'ssh_forward_denied',
  forwardFailed: 'ssh_forward_failed',
  connectFailed: 'ssh_connect_failed'
} as const

/** A tunnel failure carries the SSH phases measured so far (the failing one last, `ok: false`). */
export class TunnelFailure extends AppFailure {
  readonly phases: SshPhase[]
  /** Set when the failure is an unknown or changed host key: what the user must check. */
  readonly hostKey?: HostKeyInfo & { status: 'unknown' | 'changed' }

  constructor(cause: AppFailure, phases: SshPhase[], hostKey?: HostKeyInfo & { status: 'unknown' | 'changed' }) {
    super(cause.toValue(), { cause })
    this.phases = phases
    if (hostKey) this.hostKey = hostKey
  }
}

/**
 * Opens an SSH tunnel: connects and authenticates every hop (each next hop through a channel
 * forwarded by the previous one), checks each host key against its pin, opens one channel to
 * the target to prove the forward works, then listens on 127.0.0.1 on a random port. Every
 * step has its own timeout. On any failure everything opened so far is closed before it throws.
 */
export async function openTunnel(options: TunnelOptions): Promise<Tunnel> {
  const timeouts = { ...DEFAULT_TUNNEL_TIMEOUTS, ...options.timeouts }
  const phases = new PhaseTotals(options.hops, options.target)
  const clients: Client[] = []
  /** Where the chain is: what a failure's note names. */
  let spot: SshSpot | undefined
  const abort = () => clients.forEach((c) => c.destroy())
  options.signal?.addEventListener('abort', abort, { once: true })
  try {
    if (options.hops.length === 0) throw new AppFailure({ code: 'invalid_input', message: 'An SSH path needs at least one server.', params: { say: 'errors.sshPathEmpty' } })
    for (const hop of options.hops) {
      const prev = clients[clients.length - 1]
      const start = Date.now()
      spot = { kind: 'forward', host: hop.host, port: hop.port }
      // Reaching the next hop through the previous one is part of connecting to it.
      const sock = prev
        ? await forward(prev, hop.host, hop.port, timeouts.forwardMs, 'hop').catch((e: unknown) => {
            phases.fail('ssh_connect', Date.now() - start)
            throw e
          })
        : undefined
      phases.add('ssh_connect', Date.now() - start)
      spot = hopSpot(hop)
      clients.push(await connectHop(hop, sock, options, timeouts, phases))
      throwIfAborted(options.signal)
    }
    const last = clients[clients.length - 1]
    const start = Date.now()
    spot = { kind: 'forward', host: options.target.host, port: options.target.port }
    const firstChannel = await forward(last, options.target.host, options.target.port, timeouts.forwardMs, 'target').catch((e: unknown) => {
      phases.fail('ssh_forward', Date.now() - start)
      throw e
    })
    phases.add('ssh_forward', Date.now() - start)
    throwIfAborted(options.signal)
    return await listen(clients, firstChannel, options, timeouts, phases.list())
  } catch (e) {
    for (const c of clients.reverse()) c.destroy()
    if (options.signal?.aborted) {
      phases.failedWith(probeNote('phase.cancelled', {}))
      throw new TunnelFailure(cancelledFailure(), phases.list())
    }
    const failure =
      e instanceof AppFailure ? e : new AppFailure({ code: SshCodes.connectFailed, message: 'The SSH connection failed. See the details.', detail: String(e), params: {} })
    phases.failedWith(sshFailureNote(failure, spot, phases.failing(), timeouts))
    if (e instanceof TunnelFailure) throw new TunnelFailure(e, phases.list(), e.hostKey)
    throw new TunnelFailure(failure, phases.list())
  } finally {
    options.signal?.removeEventListener('abort', abort)
  }
}

/** Opens a tunnel, runs `fn` with it, and always closes it, whatever `fn` does. */
export async function withTunnel<T>(options: TunnelOptions, fn: (tunnel: Tunnel) => Promise<T>): Promise<T> {
  const tunnel = await openTunnel(options)
  try {
    return await fn(tunnel)
  } finally {
    await tunnel.close()
  }
}

async function connectHop(
  hop: SshHop,
  sock: ClientChannel | undefined,
  options: TunnelOptions,
  timeouts: TunnelTimeouts,
  phases: PhaseTotals
): Promise<Client> {
  // A key that cannot be unlocked is an authentication failure, found before dialling.
  const auth = await authConfig(hop).catch((e: unknown) => {
    phases.fail('ssh_auth', 0)
    throw e
  })
  const pinned = hop.pinnedFingerprint ?? (await options.pinnedFingerprint(hop.host, hop.port))
  const userKnownHosts = options.knownHostsHome === false ? undefined : await loadUserKnownHosts(hop.host, hop.port, options.knownHostsHome)
  const hostKeyAlgorithms = preferredHostKeyAlgorithms(userKnownHosts, hop.host, hop.port)
  const client = new Client()
  closedOf.set(client, new Promise<void>((resolve) => client.once('close', () => resolve())))
  const where = `${hop.host}:${hop.port}`
  let verdict: HostKeyVerdict | undefined
  let stageStart = Date.now()
  let stage: 'ssh_connect' | 'ssh_auth' = 'ssh_connect'
  let timer: NodeJS.Timeout | undefined
  let settled = false
  return new Promise<Client>((resolve, reject) => {
    const onAbort = () => failWith(cancelledFailure())
    options.signal?.addEventListener('abort', onAbort, { once: true })
    const failWith = (failure: AppFailure) => {
      if (settled) return
      settled = true
      options.signal?.removeEventListener('abort', onAbort)
      clearTimeout(timer)
      client.destroy()
      phases.fail(stage, Date.now() - stageStart)
      reject(failure)
    }
    const arm = (ms: number, login: boolean) => {
      clearTimeout(timer)
      const failure = login
        ? new AppFailure({ code: SshCodes.timeout, message: `${where} did not finish the login in time.`, params: { say: 'errors.sshLoginTimeout', host: hop.host, port: hop.port } })
        : new AppFailure({ code: SshCodes.timeout, message: `${where} did not answer in time. Check the address and port, and that the bastion is running.`, params: { host: hop.host, port: hop.port } })
      timer = setTimeout(() => failWith(failure), ms)
    }
    arm(timeouts.connectMs, false)
    client.once('handshake', () => {
      phases.add('ssh_connect', Date.now() - stageStart)
      stage = 'ssh_auth'
      stageStart = Date.now()
      arm(timeouts.authMs, true)
    })
    client.once('ready', () => {
      if (settled) return
      settled = true
      options.signal?.removeEventListener('abort', onAbort)
      clearTimeout(timer)
      phases.add('ssh_auth', Date.now() - stageStart)
      client.on('error', (e) => log.warn(`ssh ${where}: ${e.message}`))
      resolve(client)
    })
    client.on('error', (err: Error & { level?: string; code?: string }) => {
      if (verdict && verdict.status !== 'trusted') {
        // A revoked key is not offered for accepting: there is nothing the user may accept.
        const presented = verdict.status === 'revoked' ? undefined : { ...verdict.presented, status: verdict.status }
        failWith(withNote(new TunnelFailure(hostKeyFailure(verdict), [], presented), hostKeyNote(verdict)))
        return
      }
      failWith(mapSshError(err, hop))
    })
    const config: ConnectConfig = {
      host: hop.host,
      port: hop.port,
      username: hop.username,
      ...(sock ? { sock } : {}),
      ...auth,
      tryKeyboard: false,
      readyTimeout: timeouts.connectMs + timeouts.authMs,
      keepaliveInterval: options.keepaliveIntervalMs ?? 10_000,
      keepaliveCountMax: 3,
      ...(hostKeyAlgorithms ? { algorithms: { serverHostKey: hostKeyAlgorithms } } : {}),
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        verdict = judgePresentedKey(hop.host, hop.port, key, userKnownHosts, pinned)
        if (verdict.status === 'trusted')
          phases.note(verdict.source ? `host key of ${where} trusted from ${verdict.source.file}` : undefined, trustedKeyNote(hop.host, hop.port, verdict))
        verify(verdict.status === 'trusted')
      }
    }
    client.connect(config)
  })
}

const MAX_KEY_FILE_BYTES = 1024 * 1024

async function authConfig(hop: SshHop): Promise<Partial<ConnectConfig>> {
  const auth = hop.auth
  if (auth.method === 'password') {
    registerSecret(auth.password)
    return { password: auth.password }
  }
  if (auth.method === 'agent') {
    const agent = auth.agentSocket ?? process.env.SSH_AUTH_SOCK
    if (!agent) {
      throw new AppFailure({
        code: SshCodes.agentUnavailable,
        message: 'No SSH agent is running (SSH_AUTH_SOCK is not set). Start ssh-agent and add your key, or choose a key file.',
        params: {}
      })
    }
    return { agent }
  }
  registerSecret(auth.passphrase)
  let data: string
  try {
    // A key file is a few KiB: a huge file or a device given by mistake must not fill memory.
    data = await readFileBounded(auth.privateKeyPath, MAX_KEY_FILE_BYTES)
  } catch (e) {
    if (e instanceof AppFailure && e.code === FileCodes.tooLarge) {
      throw new AppFailure({
        code: SshCodes.keyTooLarge,
        message: `The file ${auth.privateKeyPath} is larger than 1 MiB, so it is not an SSH private key. Choose the key file itself (for example ~/.ssh/id_ed25519).`,
        params: { path: auth.privateKeyPath }
      })
    }
    throw new AppFailure({
      code: SshCodes.keyUnreadable,
      message: `The private key file ${auth.privateKeyPath} could not be read. Check the path and its permissions.`,
      detail: (e as Error).message,
      params: { path: auth.privateKeyPath }
    })
  }
  const parsed = utils.parseKey(data, auth.passphrase)
  if (parsed instanceof Error) throw keyError(parsed, auth)
  return { privateKey: data, ...(auth.passphrase ? { passphrase: auth.passphrase } : {}) }
}

function keyError(err: Error, auth: { privateKeyPath: string; passphrase?: string }): AppFailure {
  const m = err.message.toLowerCase()
  if (m.includes('no passphrase given')) {
    return new AppFailure({
      code: SshCodes.passphraseRequired,
      message: `The key ${auth.privateKeyPath} is protected by a passphrase. Enter it (it is kept in the system keychain).`,
      params: { path: auth.privateKeyPath }
    })
  }
  if (auth.passphrase && (m.includes('passphrase') || m.includes('decrypt'))) {
    return new AppFailure({ code: SshCodes.passphraseWrong, message: `The passphrase does not unlock the key ${auth.privateKeyPath}. Enter it again.`, params: { path: auth.privateKeyPath } })
  }
  return new AppFailure({
    code: SshCodes.keyUnreadable,
    message: `${auth.privateKeyPath} is not a private key PSE Wizard can use (OpenSSH, PEM or PuTTY format).`,
    detail: err.message,
    params: { say: 'errors.sshKeyFormat', path: auth.privateKeyPath }
  })
}

function mapSshError(err: Error & { level?: string; code?: string }, hop: SshHop): AppFailure {
  const where = `${hop.host}:${hop.port}`
  if (hop.auth.method === 'agent' && /agent/i.test(err.message)) {
    return new AppFailure({
      code: SshCodes.agentUnavailable,
      message: 'The SSH agent could not be reached. Start ssh-agent and add your key (ssh-add), or choose a key file.',
      detail: err.message,
      params: { say: 'errors.sshAgentUnreachable' }
    })
  }
  if (err.level === 'client-authentication') {
    return new AppFailure({
      code: SshCodes.authFailed,
      message: `${where} refused the login as "${hop.username}" with this ${hop.auth.method === 'key' ? 'key' : hop.auth.method}. Check the user name and that the public key is in the server's authorized_keys.`,
      detail: err.message,
      params: { host: hop.host, port: hop.port, user: hop.username, method: hop.auth.method }
    })
  }
  if (err.level === 'client-timeout' || err.code === 'ETIMEDOUT') {
    return new AppFailure({
      code: SshCodes.timeout,
      message: `${where} did not answer in time. Check the address and port, and that the bastion is running.`,
      detail: err.message,
      params: { host: hop.host, port: hop.port }
    })
  }
  if (err.code === 'ECONNREFUSED') {
    return new AppFailure({
      code: SshCodes.connectRefused,
      message: `Nothing accepts SSH connections on ${where}. Check the port and that sshd is running.`,
      detail: err.message,
      params: { host: hop.host, port: hop.port }
    })
  }
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') {
    return new AppFailure({
      code: SshCodes.hostNotFound,
      message: `The bastion name ${hop.host} does not resolve. Check the spelling or your DNS.`,
      detail: err.message,
      params: { host: hop.host }
    })
  }
  return new AppFailure({
    code: SshCodes.connectFailed,
    message: `The SSH connection to ${where} failed. See the details.`,
    detail: err.message,
    params: { say: 'errors.sshConnectFailedTo', host: hop.host, port: hop.port }
  })
}

function forward(client: Client, host: string, port: number, timeoutMs: number, what: 'hop' | 'target'): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    let done = false
    const timer = setTimeout(() => {
      done = true
      reject(
        new AppFailure({ code: SshCodes.timeout, message: `The bastion did not open a connection to ${host}:${port} in time.`, params: { say: 'errors.sshForwardTimeout', host, port } })
      )
    }, timeoutMs)
    client.forwardOut('127.0.0.1', 0, host, port, (err, channel) => {
      clearTimeout(timer)
      if (done) {
        channel?.destroy()
        return
      }
      if (!err) return resolve(channel)
      const reason = err.message
      // RFC 4254 reason 1: SSH_OPEN_ADMINISTRATIVELY_PROHIBITED (sshd's AllowTcpForwarding / PermitOpen).
      if ((err as Error & { reason?: number }).reason === 1 || /prohibited/i.test(reason)) {
        reject(
          new AppFailure({
            code: SshCodes.forwardDenied,
            message: `The bastion does not allow port forwarding (AllowTcpForwarding). Ask its administrator, or use another path.`,
            detail: reason,
            params: {}
          })
        )
      } else {
        const target = what === 'hop' ? 'the next SSH server' : 'Redis'
        reject(
          new AppFailure({
            code: SshCodes.forwardFailed,
            message: `The bastion could not reach ${target} at ${host}:${port}. Check that this bastion is on the network of the endpoint.`,
            detail: reason,
            params: { host, port, target: what }
          })
        )
      }
    })
  })
}

async function listen(clients: Client[], firstChannel: ClientChannel, options: TunnelOptions, timeouts: TunnelTimeouts, phases: SshPhase[]): Promise<Tunnel> {
  const last = clients[clients.length - 1]
  const streams = new Set<net.Socket | ClientChannel>([firstChannel])
  firstChannel.on('error', (e: Error) => log.warn(`ssh channel: ${e.message}`))
  let spare: ClientChannel | undefined = firstChannel
  const server = net.createServer((socket) => {
    streams.add(socket)
    socket.once('close', () => streams.delete(socket))
    const pipe = (channel: ClientChannel) => {
      streams.add(channel)
      channel.on('error', () => socket.destroy())
      channel.once('close', () => {
        streams.delete(channel)
        socket.destroy()
      })
      socket.once('close', () => channel.destroy())
      socket.on('error', () => channel.destroy())
      socket.pipe(channel).pipe(socket)
    }
    if (spare) {
      const channel = spare
      spare = undefined
      pipe(channel)
      return
    }
    forward(last, options.target.host, options.target.port, timeouts.forwardMs, 'target').then(pipe, (e: Error) => {
      log.warn(`ssh forward failed: ${e.message}`)
      socket.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => resolve())
  })
  const address = server.address() as net.AddressInfo
  let closing: Promise<void> | undefined
  let lifetime: NodeJS.Timeout | undefined
  let resolveClosed!: () => void
  const closed = new Promise<void>((r) => (resolveClosed = r))
  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearTimeout(lifetime)
      options.signal?.removeEventListener('abort', onAbort)
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()))
      for (const s of streams) s.destroy()
      for (const c of [...clients].reverse()) c.end()
      await serverClosed
      await Promise.all(clients.map(waitClosed))
      resolveClosed()
    })()
    return closing
  }
  const onAbort = () => void close()
  options.signal?.addEventListener('abort', onAbort, { once: true })
  if (options.lifetimeMs) lifetime = setTimeout(() => void close(), options.lifetimeMs)
  for (const c of clients) c.once('close', () => void close())
  return {
    localHost: '127.0.0.1',
    localPort: address.port,
    phases,
    resolve: (host, timeoutMs = timeouts.forwardMs) => resolveOnHost(last, host, timeoutMs),
    close,
    closed
  }
}

const RESOLVABLE = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/

function resolveOnHost(client: Client, host: string, timeoutMs: number): Promise<string[]> {
  if (!RESOLVABLE.test(host)) return Promise.reject(new Error(`refusing to resolve "${host}" remotely`))
  return new Promise((resolve, reject) => {
    let out = ''
    let stream: ClientChannel | undefined
    const timer = setTimeout(() => {
      stream?.destroy()
      reject(Object.assign(new Error('the bastion did not answer the DNS lookup in time'), { code: 'ETIMEOUT' }))
    }, timeoutMs)
    client.exec(`getent ahosts '${host}'`, (err, channel) => {
      if (err) {
        clearTimeout(timer)
        return reject(Object.assign(new Error(`the bastion refused to run the DNS lookup: ${err.message}`), { code: 'ESSHEXEC' }))
      }
      stream = channel
      channel.on('data', (d: Buffer) => (out += d.toString()))
      channel.stderr.resume()
      channel.on('close', (code: number | null) => {
        clearTimeout(timer)
        const addresses = [
          ...new Set(
            out
              .split('\n')
              .map((l) => l.trim().split(/\s+/)[0])
              .filter((a) => a && net.isIP(a))
          )
        ]
        if (addresses.length > 0) return resolve(addresses)
        // getent exits 2 when the name is unknown; anything else means the lookup itself failed.
        reject(
          Object.assign(new Error(code === 2 ? `${host} does not resolve on the bastion` : 'the DNS lookup on the bastion failed'), {
            code: code === 2 ? 'ENOTFOUND' : 'ESSHEXEC'
          })
        )
      })
    })
  })
}

/** Resolves when each client's connection is gone (set up before connecting, so no event is missed). */
const closedOf = new WeakMap<Client, Promise<void>>()

function waitClosed(client: Client): Promise<void> {
  const closed = closedOf.get(client) ?? Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  const forced = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      client.destroy()
      resolve()
    }, 2000)
  })
  return Promise.race([closed, forced]).finally(() => clearTimeout(timer))
}

function hopSpot(hop: SshHop): SshSpot {
  const keyFile = hop.auth.method === 'key' ? { keyFile: hop.auth.privateKeyPath } : {}
  return { kind: 'hop', host: hop.host, port: hop.port, username: hop.username, method: hop.auth.method, ...keyFile }
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelledFailure()
}

/** Sums each phase over the hops, so the timeline shows one bar per SSH phase. */
class PhaseTotals {
  private readonly totals = new Map<SshPhaseName, { ms: number; ok: boolean }>()
  private readonly route: string
  private readonly notes: string[] = []
  private readonly facts: ProbeNote[]
  private readonly target: { host: string; port: number }
  private failure: ProbeNote | undefined

  constructor(hops: SshHop[], target: { host: string; port: number }) {
    this.route = hops.map((h) => `${h.username}@${h.host}:${h.port}`).join(' → ')
    this.facts = [probeNote('ssh.route', { route: sshRoute(hops) })]
    this.target = target
  }

  add(name: SshPhaseName, ms: number): void {
    const t = this.totals.get(name) ?? { ms: 0, ok: true }
    this.totals.set(name, { ms: t.ms + ms, ok: t.ok })
  }

  fail(name: SshPhaseName, ms: number): void {
    const t = this.totals.get(name) ?? { ms: 0, ok: true }
    this.totals.set(name, { ms: t.ms + ms, ok: false })
  }

  /** A fact every phase carries after the route (such as where a host key was trusted from): its English words for the detail, and its note. */
  note(text: string | undefined, fact: ProbeNote): void {
    if (text) this.notes.push(text)
    this.facts.push(fact)
  }

  /** What the failing phase found (its note replaces the route there). */
  failedWith(failure: ProbeNote): void {
    this.failure = failure
  }

  /** The phase that failed, if one did. */
  failing(): SshPhaseName | undefined {
    return [...this.totals].find(([, t]) => !t.ok)?.[0]
  }

  list(): SshPhase[] {
    const detail = [this.route, ...this.notes].join('; ')
    const forwarded = probeNote('ssh.forwarded', { host: this.target.host, port: this.target.port })
    return [...this.totals].map(([name, t]) => {
      const notes = !t.ok && this.failure ? [this.failure] : name === 'ssh_forward' && t.ok ? [...this.facts, forwarded] : this.facts
      // The schema keeps 12 notes a phase: the route and the first hops' host keys.
      return { name, ok: t.ok, ms: t.ms, detail, notes: notes.slice(0, 12) }
    })
  }
}
