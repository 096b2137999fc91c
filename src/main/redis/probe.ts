import { randomBytes, X509Certificate } from 'node:crypto'
import dns from 'node:dns'
import net from 'node:net'
import { performance } from 'node:perf_hooks'
import tls from 'node:tls'
import type { AddressClass, ProbeCode, ProbePhase, ProbeResult } from '../../shared/schemas/probe'
import { probeNote as note, type ProbeNote } from '../../shared/schemas/probe-notes'
import { cutText, redact, redactBounded, registerSecret } from '../logging/redact'
import { addressClassLabel, classifyAddress } from './address-class'
import { Conversation, ConversationError, type Exchange, type Reply } from './conversation'
import { diagnose, tlsVerifyCode } from './diagnose'
import { RespError, type RespValue } from './resp'
import { trustAnchors } from './tls-trust'

/**
 * The connection test. Seven phases, each timed and bounded by its own timeout:
 * DNS → TCP → TLS → AUTH → PING → write check → INFO.
 *
 * It speaks RESP over its own socket instead of using ioredis, because ioredis reconnects and
 * retries by itself, hides which step failed, and adds its own round trips (ready check, CLIENT
 * SETINFO). Round trips after the handshakes: one per PING sample, the minimum (latency needs
 * separate trips). The first flight carries HELLO (with AUTH) and SELECT, the first PING and, with
 * one sample, SET/GET/DEL and INFO; with more samples those go behind the last PING. Each phase
 * still awaits, times and judges its own replies: a pipelined phase's time runs from the previous
 * phase's last reply to its own (AUTH: write → HELLO reply; PING: HELLO reply → PONG…).
 * No retries; a second connection is opened only to explain a failure (is this plain text? TLS?).
 */
export interface ProbeTarget {
  host: string
  port: number
  db: number
  username: string | null
  password: string | null
  tls: {
    enabled: boolean
    caPem: string | null
    servername: string | null
    verifyServerCert: boolean
    clientCertPem?: string | null
    clientKeyPem?: string | null
  }
  timeouts: { connectMs: number; commandMs: number }
}

export interface ProbeOptions {
  signal?: AbortSignal
  /** Test hook and tunnel support: answers DNS instead of the system resolver. */
  resolve?: (host: string) => Promise<string[]>
  /** Open the TCP connection here (a tunnel's local port); TLS still checks the profile's host. */
  connectTo?: { host: string; port: number }
  /** Phases already run by the caller (ssh_connect, ssh_auth, ssh_forward…), shown first. */
  extraPhases?: Array<{ name: string; ok: boolean; ms: number; detail?: string; notes?: ProbeNote[] }>
  /** Called as each phase ends (progress events). */
  onPhase?: (phase: ProbePhase) => void
  /** PING samples for p50/p95; default 5. */
  pingSamples?: number
  /**
   * Roots trusted in addition to the default ones when the profile pins no CA (the sandbox trust
   * setting: src/main/sandbox/sandbox-trust.ts). Ignored when the profile has its own CA.
   */
  extraRoots?: readonly string[]
  /** Per-phase timeouts; default from the target's connect/command timeouts. */
  timeouts?: Partial<{ dnsMs: number; tcpMs: number; tlsMs: number; commandMs: number }>
}

export const PROBE_PHASES = ['dns', 'tcp', 'tls', 'auth', 'ping', 'write', 'info'] as const
export const SCRATCH_PREFIX = 'pse-wizard:probe:'
const SCRATCH_TTL_SECONDS = 30

/** The longest detail a phase keeps: details quote the server, and a server may answer megabytes. */
const MAX_DETAIL = 4096

/** A quote of the server (or a library) in a note: bounded, the English detail keeps more. */
const MAX_QUOTE = 400
const quote = (text: string): string => redactBounded(text, MAX_QUOTE)
/** A name from the peer (certificate subject, SAN, error code) in a note: the schema keeps list items to 300 characters. */
const bound = (text: string): string => cutText(text, 280)

class ProbeFailure extends Error {
  readonly detail: string
  readonly extra?: string
  readonly notes: ProbeNote[]
  constructor(
    readonly code: ProbeCode,
    detail: string,
    notes: ProbeNote | ProbeNote[],
    extra?: string
  ) {
    const bounded = cutText(detail, MAX_DETAIL)
    super(bounded)
    this.detail = bounded
    this.notes = Array.isArray(notes) ? notes : [notes]
    if (extra !== undefined) this.extra = cutText(extra, MAX_DETAIL)
  }
}

const cancelled = () => new ProbeFailure('cancelled', 'cancelled', note('phase.cancelled', {}))

/** What a phase found: its value, the English line and the same as notes. */
interface PhaseOutcome<T> {
  value: T
  detail: string
  notes: ProbeNote[]
  ok?: boolean
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export async function probe(target: ProbeTarget, options: ProbeOptions = {}): Promise<ProbeResult> {
  registerSecret(target.password)
  registerSecret(target.tls.clientKeyPem)
  const started = performance.now()
  const servername = target.tls.servername ?? target.host
  const timeouts = {
    dnsMs: options.timeouts?.dnsMs ?? target.timeouts.connectMs,
    tcpMs: options.timeouts?.tcpMs ?? target.timeouts.connectMs,
    tlsMs: options.timeouts?.tlsMs ?? target.timeouts.connectMs,
    commandMs: options.timeouts?.commandMs ?? target.timeouts.commandMs
  }
  const result: Mutable<ProbeResult> = {
    ok: false,
    code: null,
    message: '',
    startedAt: new Date().toISOString(),
    totalMs: 0,
    target: {
      host: target.host,
      port: target.port,
      tls: target.tls.enabled,
      servername: target.tls.enabled ? servername : null,
      connectedTo: options.connectTo ? `${options.connectTo.host}:${options.connectTo.port}` : null
    },
    phases: (options.extraPhases ?? []).map((p) => ({ name: p.name, ok: p.ok, ms: round(p.ms), detail: p.detail ?? '', ...(p.notes ? { notes: p.notes } : {}) })),
    dns: { addresses: [], classification: null, classes: [] },
    tls: null,
    ping: null,
    write: null,
    server: null
  }
  const sockets: net.Socket[] = []
  const signal = options.signal
  const context = { host: target.host, port: target.port, servername }
  let current: (typeof PROBE_PHASES)[number] = 'dns'
  let phaseStart = started

  const phase = async <T>(name: (typeof PROBE_PHASES)[number], run: () => Promise<PhaseOutcome<T>>): Promise<T> => {
    current = name
    phaseStart = performance.now()
    if (signal?.aborted) throw cancelled()
    const { value, detail, notes, ok = true } = await run()
    const record: ProbePhase = { name, ok, ms: round(performance.now() - phaseStart), detail, notes }
    result.phases.push(record)
    options.onPhase?.(record)
    return value
  }

  try {
    const addresses = await phase('dns', () => resolvePhase(target.host, timeouts.dnsMs, options.resolve, signal))
    result.dns = {
      addresses,
      classification: classifyAddress(addresses[0]),
      classes: addresses.map((address) => ({ address, class: classifyAddress(address) }))
    }
    const connectPort = options.connectTo?.port ?? target.port
    const endpointClass = result.dns.classification as AddressClass

    const connection = await phase('tcp', () =>
      tcpPhase(options.connectTo ? [options.connectTo.host] : addresses, connectPort, timeouts.tcpMs, endpointClass, signal, sockets)
    )
    const tcp = connection.socket
    const connectHost = connection.host
    let stream: net.Socket = tcp
    if (target.tls.enabled) {
      const secure = await phase('tls', () =>
        tlsPhase(tcp, target, trustAnchors(target.tls.caPem, options.extraRoots), servername, timeouts.tlsMs, { host: connectHost, port: connectPort }, signal, sockets, (info) => (result.tls = info))
      )
      stream = secure.socket
    } else {
      skip(result, 'tls', 'TLS is off for this profile (plain text).', note('tls.off', {}))
    }

    const conversation = new Conversation(stream)
    const samples = Math.max(1, Math.ceil(options.pingSamples ?? 5))
    const checks = scratchCheck()
    const endpoint = { host: connectHost, port: connectPort }
    // First flight: HELLO (+SELECT), the first PING and, with one sample, the write/INFO checks.
    const ahead = [['PING'], ...(samples === 1 ? checks.commands : [])]
    const hello = await phase('auth', () => authPhase(conversation, target, ahead, timeouts.commandMs, endpoint, signal))
    result.server = { version: hello.version, role: hello.role, mode: hello.mode, protocol: hello.protocol }

    result.ping = await phase('ping', () => pingPhase(conversation, samples, hello.pipelined, checks.commands, timeouts.commandMs, signal))
    const withHello = samples === 1 && hello.pipelined
    result.write = await phase('write', () => writePhase(conversation, checks, withHello, timeouts.commandMs, signal))
    result.server = await phase('info', () => infoPhase(conversation, hello, timeouts.commandMs, signal))
    result.ok = true
    result.message = summary(result)
  } catch (e) {
    const said = e instanceof Error ? e.message : String(e)
    const failure = e instanceof ProbeFailure ? e : new ProbeFailure('unexpected_reply', said, note('phase.error', { said: quote(said) }))
    const ms = round(performance.now() - phaseStart)
    // TLS 1.3: a refused client certificate arrives on the first read, after the handshake looked
    // done. It is TLS that failed, so its bar turns red (with the time to the refusal), not AUTH's.
    // (The phase is set inside phase(); the compiler cannot follow that here.)
    const failedIn = current as (typeof PROBE_PHASES)[number]
    const handshake = failure.code === 'tls_client_cert_rejected' && failedIn !== 'tls' ? result.phases.find((p) => p.name === 'tls') : undefined
    if (handshake) {
      Object.assign(handshake, { ok: false, ms: round(handshake.ms + ms), detail: failure.detail, notes: failure.notes })
      options.onPhase?.(handshake)
      current = 'tls'
    } else {
      const failed: ProbePhase = { name: current, ok: false, ms, detail: failure.detail, notes: failure.notes }
      result.phases.push(failed)
      options.onPhase?.(failed)
    }
    for (const name of PROBE_PHASES.slice(PROBE_PHASES.indexOf(current) + 1)) {
      if (!result.phases.some((p) => p.name === name)) skip(result, name, 'Not run: an earlier phase failed.', note('phase.not_run', {}))
    }
    result.code = failure.code
    result.message = diagnose(failure.code, { ...context, timeoutMs: timeoutFor(current, timeouts), extra: failure.extra }).message
  } finally {
    // Outermost first: a TLS socket before the TCP socket under it.
    for (const socket of sockets.reverse()) socket.destroy()
  }
  result.totalMs = round(performance.now() - started)
  return result
}

function timeoutFor(name: string, t: { dnsMs: number; tcpMs: number; tlsMs: number; commandMs: number }): number {
  return name === 'dns' ? t.dnsMs : name === 'tcp' ? t.tcpMs : name === 'tls' ? t.tlsMs : t.commandMs
}

function skip(result: Mutable<ProbeResult>, name: string, detail: string, why: ProbeNote): void {
  result.phases.push({ name, ok: true, ms: 0, detail, notes: [why], skipped: true })
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100
}

function summary(result: ProbeResult): string {
  const parts = [`Connected to ${result.target.host}:${result.target.port}`]
  if (result.tls)
    parts.push(
      `${result.tls.protocol ?? 'TLS'}${result.tls.verified && result.tls.hostnameVerified ? ', certificate verified' : ', certificate NOT verified (insecure)'}`
    )
  if (result.ping) parts.push(`PING p50 ${result.ping.p50} ms`)
  if (result.write?.readOnly) parts.push('read-only user')
  if (result.server?.version) parts.push(`Redis ${result.server.version}`)
  return parts.join(', ') + '.'
}

/** Resolves `promise` unless the timeout or the abort signal comes first. */
function bounded<T>(promise: Promise<T>, ms: number, signal: AbortSignal | undefined, onTimeout: () => ProbeFailure, onSettleLate?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      fn()
    }
    const timer = setTimeout(() => finish(() => reject(onTimeout())), ms)
    const onAbort = () => finish(() => reject(cancelled()))
    if (signal?.aborted) return onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (v) => (settled ? onSettleLate?.() : finish(() => resolve(v))),
      (e) => finish(() => reject(e))
    )
  })
}

/** Keeps the socket for the final cleanup; its errors are handled by the phase that owns it. */
function track<S extends net.Socket>(socket: S, sockets: net.Socket[]): S {
  socket.on('error', () => undefined)
  sockets.push(socket)
  return socket
}

// ── DNS ─────────────────────────────────────────────────────────────────────

async function systemResolve(host: string): Promise<string[]> {
  const answers = await dns.promises.lookup(host, { all: true, verbatim: true })
  return answers.map((a) => a.address)
}

async function resolvePhase(host: string, ms: number, resolve: ProbeOptions['resolve'], signal?: AbortSignal): Promise<PhaseOutcome<string[]>> {
  const bare = host.replace(/^\[|\]$/g, '')
  if (net.isIP(bare))
    return {
      value: [bare],
      detail: `${bare} is an address (${addressClassLabel[classifyAddress(bare)]}); no lookup needed.`,
      notes: [note('dns.literal', { address: bare, addressClass: classifyAddress(bare) })]
    }
  let addresses: string[]
  try {
    addresses = await bounded(
      (resolve ?? systemResolve)(host),
      ms,
      signal,
      () => new ProbeFailure('dns_not_found', `No DNS answer for ${host} within ${ms} ms.`, note('dns.timeout', { host, ms }))
    )
  } catch (e) {
    if (e instanceof ProbeFailure) throw e
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    throw new ProbeFailure('dns_not_found', `${host} did not resolve (${code}).`, note('dns.lookup_failed', { host, error: code }))
  }
  addresses = addresses.filter((a) => net.isIP(a))
  if (addresses.length === 0) throw new ProbeFailure('dns_not_found', `${host} resolved to no address.`, note('dns.no_address', { host }))
  const described = addresses.map((a) => `${a} (${addressClassLabel[classifyAddress(a)]})`).join(', ')
  return {
    value: addresses,
    detail: `${host} → ${described}`,
    notes: [note('dns.resolved', { host, addresses: addresses.slice(0, 32), addressClass: classifyAddress(addresses[0]) })]
  }
}

// ── TCP ─────────────────────────────────────────────────────────────────────

/**
 * Connects to the first address that accepts. A refused or unreachable address moves on to the
 * next one the name resolved to (as clients do); one timeout bounds the whole phase.
 */
function tcpPhase(hosts: string[], port: number, ms: number, endpointClass: AddressClass, signal: AbortSignal | undefined, sockets: net.Socket[]) {
  const unreachable = (why: string, what: ProbeNote) =>
    endpointClass === 'ibm_service_endpoint'
      ? new ProbeFailure('private_endpoint_unreachable', `${why} The address is in IBM Cloud's service endpoint network (166.8.0.0/14).`, [
          what,
          note('tcp.service_endpoint_network', {})
        ])
      : new ProbeFailure('tcp_timeout', why, what)
  const refused: string[] = []
  const attempt = (i: number): Promise<{ socket: net.Socket; host: string }> =>
    new Promise((resolve, reject) => {
      const host = hosts[i]
      const socket = track(net.connect({ host, port }), sockets)
      socket.setNoDelay(true)
      socket.once('connect', () => resolve({ socket, host }))
      socket.once('error', (e: NodeJS.ErrnoException) => {
        const moveOn = e.code === 'ECONNREFUSED' || e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH'
        if (moveOn) refused.push(`${host} (${e.code})`)
        if (moveOn && i + 1 < hosts.length && !signal?.aborted) return resolve(attempt(i + 1))
        if (e.code === 'ECONNREFUSED')
          reject(new ProbeFailure('tcp_refused', `Port ${port} refused the connection on ${refused.join(', ')}.`, note('tcp.refused', { port, refused })))
        else if (moveOn) reject(unreachable(`Port ${port} is unreachable from here: ${refused.join(', ')}.`, note('tcp.unreachable', { port, refused })))
        else
          reject(
            unreachable(`Could not connect to ${host}:${port} (${e.code ?? e.message}).`, note('tcp.connect_failed', { address: host, port, error: bound(e.code ?? e.message) }))
          )
      })
    })
  const timedOut = () => unreachable(`${hosts.join(', ')} port ${port} did not accept a connection within ${ms} ms.`, note('tcp.timeout', { addresses: hosts, port, ms }))
  return bounded(attempt(0), ms, signal, timedOut).then((c) => ({
    value: c,
    detail: `Connected to ${c.host}:${port}${refused.length ? ` (after ${refused.join(', ')})` : ''}.`,
    notes: [note('tcp.connected', { address: c.host, port }), ...(refused.length ? [note('tcp.after_refused', { refused })] : [])]
  }))
}

// ── TLS ─────────────────────────────────────────────────────────────────────

interface TlsOutcome {
  socket: tls.TLSSocket
  info: NonNullable<ProbeResult['tls']>
}

async function tlsPhase(
  tcp: net.Socket,
  target: ProbeTarget,
  ca: string | string[] | undefined,
  servername: string,
  ms: number,
  endpoint: { host: string; port: number },
  signal: AbortSignal | undefined,
  sockets: net.Socket[],
  onInfo: (info: NonNullable<ProbeResult['tls']>) => void
) {
  // Verification is done below, by us, so that the certificate can be described even when it
  // fails; nothing is sent on the socket before it passes.
  const socket = tls.connect({
    socket: tcp,
    servername: net.isIP(servername) ? undefined : servername,
    ca,
    cert: target.tls.clientCertPem ?? undefined,
    key: target.tls.clientKeyPem ?? undefined,
    rejectUnauthorized: false,
    // Host name checked below (after the chain), so each failure gets its own code.
    checkServerIdentity: () => undefined,
    minVersion: 'TLSv1.2'
  })
  track(socket, sockets)
  let handshakeDone = false
  let rejectHandshake: (e: ProbeFailure) => void = () => undefined
  const handshake = new Promise<tls.TLSSocket>((resolve, reject) => {
    rejectHandshake = (e) => ((handshakeDone = true), reject(e))
    socket.once('secureConnect', () => ((handshakeDone = true), resolve(socket)))
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const text = `${e.code ?? ''} ${e.message}`
      if (/wrong version number|WRONG_VERSION_NUMBER|packet length too long|unknown protocol|record layer failure|http request/i.test(text)) {
        rejectHandshake(new ProbeFailure('tls_not_offered', 'The server answered the TLS handshake with plain text.', note('tls.plain_reply', {})))
      } else if (/UNRECOGNIZED_NAME|unrecognized name/i.test(text)) {
        // A server that requires SNI (Gen 2: "must match the VPE domain") refuses any other name.
        const sent = net.isIP(servername) ? 'no server name (an IP address is never sent as SNI)' : servername
        rejectHandshake(
          new ProbeFailure('tls_hostname_mismatch', `The server refused the TLS server name (SNI): ${sent}.`, note('tls.sni_rejected', { servername: bound(servername) }))
        )
      } else if (isClientCertAlert(e.code)) {
        rejectHandshake(clientCertRejected(e.code))
      } else if (e.code === 'ECONNRESET' || /socket disconnected|closed/i.test(text)) {
        rejectHandshake(new ProbeFailure('tls_not_offered', 'The server closed the connection during the TLS handshake.', note('tls.closed', {})))
      } else {
        const error = e.code ?? e.message
        rejectHandshake(new ProbeFailure('tls_untrusted_ca', `TLS handshake failed: ${error}.`, note('tls.handshake_failed', { error: bound(error) })))
      }
    })
  })
  // A plain-text Redis waits for a newline that a ClientHello may never contain, so the handshake
  // just hangs. If it stalls, ask the port in plain text on a second connection, in parallel.
  const sniffAfter = Math.min(1000, Math.floor(ms / 2))
  const sniffTimer = setTimeout(() => {
    speaksPlainRedis(endpoint.host, endpoint.port, Math.max(200, ms - sniffAfter), sockets).then((plain) => {
      if (plain && !handshakeDone)
        rejectHandshake(
          new ProbeFailure('tls_not_offered', 'The TLS handshake got no answer, and the port answers a plain-text PING: it speaks plain text.', note('tls.plain_sniffed', {}))
        )
    })
  }, sniffAfter)
  let secure: tls.TLSSocket
  try {
    secure = await bounded(
      handshake,
      ms,
      signal,
      () => new ProbeFailure('timeout', `The TLS handshake got no answer within ${ms} ms.`, note('tls.handshake_timeout', { ms }), 'during the TLS handshake')
    )
  } finally {
    clearTimeout(sniffTimer)
  }
  const info = describePeer(secure, servername)
  onInfo(info)
  if (target.tls.verifyServerCert) {
    if (!info.verified) {
      const code = tlsVerifyCode(info.verifyError ?? '')
      const verifyError = info.verifyError ?? 'UNKNOWN'
      throw new ProbeFailure(
        code,
        `Certificate not trusted: ${info.verifyError}.`,
        note('tls.untrusted', { verifyError: bound(verifyError) }),
        code === 'tls_expired' ? `valid until ${info.validTo}` : undefined
      )
    }
    if (!info.hostnameVerified) {
      const names = (info.subjectAltNames.length ? info.subjectAltNames.slice(0, 32) : [info.subject ?? '?']).map(bound)
      throw new ProbeFailure(
        'tls_hostname_mismatch',
        `The certificate does not cover ${servername}; it names ${info.subjectAltNames.join(', ') || info.subject}.`,
        note('tls.hostname_mismatch', { servername, names }),
        info.subjectAltNames.join(', ') || (info.subject ?? undefined)
      )
    }
  }
  const verdict = target.tls.verifyServerCert
    ? 'chain and host name verified'
    : `NOT verified (insecure profile): chain ${info.verified ? 'ok' : info.verifyError}, host name ${info.hostnameVerified ? 'ok' : 'mismatch'}`
  return {
    value: { socket: secure, info } as TlsOutcome,
    detail: `${info.protocol}, ${info.cipher}; ${info.subject} issued by ${info.issuer}; ${verdict}.`,
    notes: tlsNotes(info, target.tls.verifyServerCert)
  }
}

function tlsNotes(info: NonNullable<ProbeResult['tls']>, verify: boolean): ProbeNote[] {
  const [protocol, cipher, subject, issuer] = [info.protocol, info.cipher, info.subject, info.issuer].map((v) => bound(v ?? '?'))
  const session = note('tls.session', { protocol, cipher, subject, issuer })
  if (verify) return [session, note('tls.verified', {})]
  return [
    session,
    note('tls.not_verified', {}),
    info.verified ? note('tls.chain_ok', {}) : note('tls.chain_untrusted', { verifyError: bound(info.verifyError ?? 'UNKNOWN') }),
    info.hostnameVerified ? note('tls.hostname_ok', {}) : note('tls.hostname_unverified', {})
  ]
}

function describePeer(socket: tls.TLSSocket, servername: string): NonNullable<ProbeResult['tls']> {
  const peer = socket.getPeerCertificate(false)
  const authError = socket.authorizationError as unknown
  const verifyError = socket.authorized ? null : String((authError as { code?: string } | null)?.code ?? authError ?? 'UNKNOWN')
  let x509: X509Certificate | undefined
  try {
    if (peer?.raw) x509 = new X509Certificate(peer.raw)
  } catch {
    x509 = undefined
  }
  const hostnameError = peer?.raw ? tls.checkServerIdentity(servername, peer) : new Error('no certificate')
  const oneLine = (dn: string | undefined) => (dn ? dn.split('\n').join(', ') : null)
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    subject: oneLine(x509?.subject),
    issuer: oneLine(x509?.issuer),
    subjectAltNames: (x509?.subjectAltName ?? '').split(', ').filter(Boolean),
    validFrom: x509 ? new Date(x509.validFrom).toISOString() : null,
    validTo: x509 ? new Date(x509.validTo).toISOString() : null,
    verified: socket.authorized,
    hostnameVerified: hostnameError === undefined,
    verifyError
  }
}

/** Does host:port answer a plain-text PING with a Redis reply? (Diagnosis only.) */
function speaksPlainRedis(host: string, port: number, ms: number, sockets: net.Socket[]): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = track(net.connect({ host, port }), sockets)
    const timer = setTimeout(() => done(false), ms)
    const done = (answer: boolean) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(answer)
    }
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (d: Buffer) => done(/^[+-]/.test(d.toString('latin1', 0, 1))))
    socket.once('error', () => done(false))
    socket.once('close', () => done(false))
  })
}

/** Does host:port complete a TLS handshake? (Diagnosis only: a plain client met a TLS server.) */
function speaksTls(host: string, port: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host, port, rejectUnauthorized: false })
    socket.on('error', () => undefined)
    const timer = setTimeout(() => done(false), ms)
    const done = (answer: boolean) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(answer)
    }
    socket.once('secureConnect', () => done(true))
    socket.once('error', () => done(false))
  })
}

// ── AUTH (HELLO) ────────────────────────────────────────────────────────────

interface Hello {
  protocol: number
  version: string | null
  role: string | null
  mode: string | null
  /** The first PING (and maybe the checks) went out with HELLO and are still to be read. */
  pipelined: boolean
}

function conversationFailure(e: unknown, ms: number, during: string): unknown {
  if (!(e instanceof ConversationError)) return e
  if (e.reason === 'aborted') return cancelled()
  // TLS 1.3: the client's handshake ends before the server has judged its certificate, so a
  // refused (or missing) client certificate arrives as an alert on the first read.
  if (isClientCertAlert(e.code)) return clientCertRejected(e.code)
  const command = during === 'the write check' ? 'SET/GET/DEL' : during
  if (e.reason === 'timeout') return new ProbeFailure('timeout', `No reply to ${during} within ${ms} ms.`, note('reply.timeout', { command, ms }), `no reply to ${during}`)
  if (e.reason === 'protocol') return new ProbeFailure('unexpected_reply', e.message, note('reply.protocol', { said: quote(e.message) }), e.message)
  return new ProbeFailure(
    'unexpected_reply',
    `The connection ended during ${during}: ${e.message}.`,
    note('reply.connection_ended', { command, said: quote(e.message) }),
    `connection ended during ${during}`
  )
}

type ClientCertNote = 'tls.client_cert_required' | 'tls.client_cert_unknown_ca' | 'tls.client_cert_refused' | 'tls.client_cert_expired' | 'tls.client_cert_revoked'

/** TLS alerts a server sends when it refuses the client's certificate, or wants one and got none. */
const CLIENT_CERT_ALERTS: Record<string, [string, ClientCertNote]> = {
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: ['the server requires a client certificate and got none', 'tls.client_cert_required'],
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: ['the server does not trust the CA that issued the client certificate', 'tls.client_cert_unknown_ca'],
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: ['the server refused the client certificate', 'tls.client_cert_refused'],
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: ['the server refused the client certificate', 'tls.client_cert_refused'],
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: ['the client certificate has expired', 'tls.client_cert_expired'],
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED: ['the client certificate was revoked', 'tls.client_cert_revoked']
}

const isClientCertAlert = (code: string | undefined): code is string => code !== undefined && Object.hasOwn(CLIENT_CERT_ALERTS, code)

const clientCertRejected = (code: string): ProbeFailure => {
  const [why, noteCode] = CLIENT_CERT_ALERTS[code]
  return new ProbeFailure('tls_client_cert_rejected', `Mutual TLS failed: ${why} (${code}).`, note(noteCode, { alert: code }), why)
}

async function exchange(
  conversation: Conversation,
  commands: (string | number)[][],
  ms: number,
  signal: AbortSignal | undefined,
  during: string
): Promise<Exchange> {
  try {
    return await conversation.send(commands, ms, signal)
  } catch (e) {
    throw conversationFailure(e, ms, during)
  }
}

/** The next `count` replies of commands already written, all within `ms` (one phase's timeout). */
async function replies(conversation: Conversation, count: number, ms: number, signal: AbortSignal | undefined, during: string): Promise<Reply[]> {
  const deadline = performance.now() + ms
  const taken: Reply[] = []
  try {
    for (let i = 0; i < count; i++) taken.push(await conversation.next(deadline - performance.now(), signal))
  } catch (e) {
    throw conversationFailure(e, ms, during)
  }
  return taken
}

function authFailure(error: RespError): ProbeFailure | undefined {
  const reply = quote(error.message)
  if (error.kind === 'NOAUTH') return new ProbeFailure('auth_required', `The server requires authentication: ${error.message}`, note('auth.required', { reply }))
  if (error.kind === 'WRONGPASS' || /invalid password|invalid username-password/i.test(error.message))
    return new ProbeFailure('auth_failed', `Authentication failed: ${error.message}`, note('auth.failed', { reply }))
  return undefined
}

/**
 * HELLO (with AUTH) and SELECT, written in one flight together with `ahead` (the first PING and
 * maybe the write/INFO checks) so that they cost no round trip of their own. Redis answers a
 * pipeline in order; when AUTH fails, the commands behind it answer NOAUTH and are never read:
 * the failure is reported here, as AUTH's. `pipelined` says whether `ahead` is still to be read
 * (false after the RESP2 fallback, which discards it).
 */
async function authPhase(
  conversation: Conversation,
  target: ProbeTarget,
  ahead: (string | number)[][],
  ms: number,
  endpoint: { host: string; port: number },
  signal?: AbortSignal
): Promise<PhaseOutcome<Hello>> {
  const credentials = target.password !== null ? ['AUTH', target.username ?? 'default', target.password] : []
  const select = target.db !== 0 ? [['SELECT', target.db]] : []
  let hello: RespValue
  let selected: RespValue = 'OK'
  conversation.write([['HELLO', 3, ...credentials], ...select, ...ahead])
  try {
    const answers = await replies(conversation, 1 + select.length, ms, signal, 'HELLO')
    hello = answers[0].value
    if (select.length) selected = answers[1].value
  } catch (e) {
    // A plain client that meets a TLS port: the server hangs up without a word.
    if (e instanceof ProbeFailure && e.code === 'unexpected_reply' && !target.tls.enabled && conversation.received === 0) {
      if (await speaksTls(endpoint.host, endpoint.port, Math.min(ms, 3000)))
        throw new ProbeFailure('tls_required', 'The server closed the plain-text connection and answers TLS handshakes.', note('auth.tls_required', {}))
    }
    throw e
  }
  let protocol = 3
  let pipelined = true
  let detail: string
  let notes: ProbeNote[]
  const who = target.password !== null ? `Authenticated as ${target.username ?? 'default'}` : 'No authentication needed'
  const whoNote = target.password !== null ? note('auth.as_user', { user: target.username ?? 'default' }) : note('auth.none_needed', {})
  if (hello instanceof RespError) {
    const failure = authFailure(hello)
    if (failure) throw failure
    // Redis < 6 (no HELLO) or HELLO not allowed by the ACL: classic AUTH, RESP2. The commands sent
    // ahead ran unauthenticated: read and discard their replies, then one more trip.
    await replies(conversation, ahead.length, ms, signal, 'HELLO')
    pipelined = false
    const auth = target.password !== null ? [target.username ? ['AUTH', target.username, target.password] : ['AUTH', target.password]] : []
    const fallback = await exchange(conversation, [...auth, ...select, ['PING']], ms, signal, 'AUTH')
    const authReply = auth.length ? fallback.replies[0] : 'OK'
    if (authReply instanceof RespError)
      throw authFailure(authReply) ?? new ProbeFailure('auth_failed', `Authentication failed: ${authReply.message}`, note('auth.failed', { reply: quote(authReply.message) }))
    const ping = fallback.replies[fallback.replies.length - 1]
    if (ping instanceof RespError)
      throw authFailure(ping) ?? new ProbeFailure('acl_denied', `PING was refused: ${ping.message}`, note('ping.refused', { reply: quote(ping.message) }), 'PING')
    selected = select.length ? fallback.replies[auth.length] : 'OK'
    protocol = 2
    // Redis echoes the arguments of an unknown command, and HELLO's carry the password.
    // hello.message is already cut to MAX_ERROR_TEXT by the decoder; 80 characters are shown.
    const refusal = redact(cutText(hello.message.replace(/,? with args beginning with:.*$/s, ''), 160)).slice(0, 80)
    detail = `${who} with AUTH (HELLO refused: ${refusal}); RESP2.`
    notes = [whoNote, note('auth.hello_refused', { reply: refusal })]
    hello = {}
  } else {
    protocol = Number(helloField(hello, 'proto') ?? 3)
    const sentAhead = ahead.length > 1 ? 'PING and the write/INFO checks' : 'the first PING'
    detail = `${who}; RESP${protocol} negotiated with HELLO${select.length ? ` and SELECT ${target.db}` : ''}, pipelined with ${sentAhead} in one flight. Time: write to the ${select.length ? 'SELECT' : 'HELLO'} reply.`
    notes = [
      whoNote,
      select.length ? note('auth.hello_select', { protocol, db: target.db }) : note('auth.hello', { protocol }),
      ahead.length > 1 ? note('auth.pipelined_checks', {}) : note('auth.pipelined_ping', {}),
      note('auth.timed_to', { command: select.length ? 'SELECT' : 'HELLO' })
    ]
  }
  if (selected instanceof RespError)
    throw new ProbeFailure(
      'unexpected_reply',
      `SELECT ${target.db} failed: ${selected.message}`,
      note('auth.select_failed', { db: target.db, reply: quote(selected.message) }),
      `SELECT ${target.db}: ${selected.message}`
    )
  return {
    value: {
      protocol,
      version: str(helloField(hello, 'version')),
      role: str(helloField(hello, 'role')),
      mode: str(helloField(hello, 'mode')),
      pipelined
    } as Hello,
    detail,
    notes
  }
}

/** HELLO answers a map in RESP3 and a flat key/value array in RESP2. */
function helloField(reply: RespValue, key: string): RespValue | undefined {
  if (Array.isArray(reply)) {
    for (let i = 0; i + 1 < reply.length; i += 2) if (reply[i] === key) return reply[i + 1]
    return undefined
  }
  if (reply && typeof reply === 'object' && !(reply instanceof RespError)) return (reply as Record<string, RespValue>)[key]
  return undefined
}

const str = (v: RespValue | undefined): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v) : null)

// ── PING ────────────────────────────────────────────────────────────────────

/**
 * One round trip per sample (latency needs separate trips). The first PING already went out with
 * HELLO when `firstInFlight`; the write/INFO checks go in the same flight as the last PING (the
 * first one, with one sample), behind it, so they never delay a PONG. A sample is the time from
 * its flight's write to its PONG; the phase's time counts from the HELLO reply.
 */
async function pingPhase(
  conversation: Conversation,
  samples: number,
  firstInFlight: boolean,
  checks: (string | number)[][],
  ms: number,
  signal?: AbortSignal
): Promise<PhaseOutcome<NonNullable<ProbeResult['ping']>>> {
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    if (i > 0 || !firstInFlight) conversation.write([['PING'], ...(i === samples - 1 ? checks : [])])
    const [{ value: reply, ms: sample }] = await replies(conversation, 1, ms, signal, 'PING')
    if (reply instanceof RespError) {
      throw (
        authFailure(reply) ??
        new ProbeFailure(
          reply.kind === 'NOPERM' ? 'acl_denied' : 'unexpected_reply',
          `PING was refused: ${reply.message}`,
          note('ping.refused', { reply: quote(reply.message) }),
          `PING: ${reply.message}`
        )
      )
    }
    if (reply !== 'PONG') {
      const said = JSON.stringify(reply) ?? String(reply)
      throw new ProbeFailure('unexpected_reply', `PING answered ${said}.`, note('ping.answered', { reply: quote(said) }), `PING answered ${said}`)
    }
    times.push(round(sample))
  }
  const sorted = [...times].sort((a, b) => a - b)
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
  const stats = { samples: times, p50: pct(50), p95: pct(95) }
  const how = firstInFlight ? ` The first PING was pipelined with HELLO${samples > 1 ? '; each further sample took a round trip of its own' : ''}.` : ''
  const pipelinedNote = firstInFlight ? [note(samples > 1 ? 'ping.first_pipelined_more' : 'ping.first_pipelined', {})] : []
  return {
    value: stats,
    detail: `${times.length} samples: p50 ${stats.p50} ms, p95 ${stats.p95} ms.${how}`,
    notes: [note('ping.samples', { count: times.length, p50: stats.p50, p95: stats.p95 }), ...pipelinedNote]
  }
}

// ── Write check + INFO (pipelined with a PING) ──────────────────────────────

interface ScratchCheck {
  value: string
  commands: (string | number)[][]
}

/** SET NX EX / GET / DEL of a fresh scratch key, then INFO server and INFO replication. */
function scratchCheck(): ScratchCheck {
  const key = `${SCRATCH_PREFIX}${randomBytes(12).toString('hex')}`
  const value = randomBytes(12).toString('hex')
  return {
    value,
    commands: [
      ['SET', key, value, 'NX', 'EX', SCRATCH_TTL_SECONDS],
      ['GET', key],
      ['DEL', key],
      ['INFO', 'server'],
      ['INFO', 'replication']
    ]
  }
}

async function writePhase(
  conversation: Conversation,
  checks: ScratchCheck,
  withHello: boolean,
  ms: number,
  signal?: AbortSignal
): Promise<PhaseOutcome<NonNullable<ProbeResult['write']>>> {
  const [{ value: set }, { value: get }, { value: del }] = await replies(conversation, 3, ms, signal, 'the write check')
  const flight = withHello ? 'in the same flight as HELLO and PING' : 'in the same flight as the last PING'
  const how = `Sent ${flight}; time from the PONG to the DEL reply.`
  const howNotes = [note(withHello ? 'write.sent_with_hello' : 'write.sent_with_ping', {}), note('write.timed', {})]
  if (set instanceof RespError) {
    if (set.kind === 'NOPERM' || set.kind === 'READONLY') {
      const why = set.kind === 'READONLY' ? 'this is a read-only replica' : 'read-only user: the ACL forbids writes'
      return {
        value: { allowed: false, readOnly: true },
        detail: `SET refused (${why}); reads work. Not a failure. ${how}`,
        notes: [note(set.kind === 'READONLY' ? 'write.read_only_replica' : 'write.read_only_acl', {}), ...howNotes]
      }
    }
    throw new ProbeFailure('unexpected_reply', `SET failed: ${set.message}`, note('write.set_failed', { reply: quote(set.message) }), `SET: ${set.message}`)
  }
  if (set !== 'OK' || get !== checks.value) {
    const said = JSON.stringify(set) ?? String(set)
    throw new ProbeFailure(
      'unexpected_reply',
      `The scratch key did not read back (SET ${said}, GET mismatch).`,
      note('write.read_back', { reply: quote(said) }),
      'scratch key did not read back'
    )
  }
  const delSaid = del instanceof RespError ? del.message : (JSON.stringify(del) ?? String(del))
  const removed = del === 1 ? 'removed' : `not removed (${delSaid}); it expires in ${SCRATCH_TTL_SECONDS} s`
  const ttl = SCRATCH_TTL_SECONDS
  return {
    value: { allowed: true, readOnly: false },
    detail: `SET/GET/DEL of a scratch key with a ${SCRATCH_TTL_SECONDS} s TTL: ok, key ${removed}. ${how}`,
    notes: [del === 1 ? note('write.ok_removed', { ttl }) : note('write.ok_not_removed', { ttl, reply: quote(delSaid) }), ...howNotes]
  }
}

/** INFO server and INFO replication, sent with the write check: the server's facts. */
async function infoPhase(conversation: Conversation, hello: Hello, ms: number, signal?: AbortSignal): Promise<PhaseOutcome<NonNullable<ProbeResult['server']>>> {
  const info = await infoReplies(conversation, ms, signal)
  const fromHello = { version: hello.version, role: hello.role, mode: hello.mode, protocol: hello.protocol }
  if (info.denied)
    return {
      value: fromHello,
      detail: `INFO is not allowed for this user; server facts come from HELLO. (Pipelined with the write check.)`,
      notes: [note('info.denied', {})]
    }
  const server = { version: info.version ?? hello.version, role: info.role ?? hello.role, mode: info.mode ?? hello.mode, protocol: hello.protocol }
  const [version, role, mode] = [server.version ?? '?', server.role ?? '?', server.mode ?? '?']
  return {
    value: server,
    detail: `Redis ${version}, ${role}, ${mode}, RESP${hello.protocol} (pipelined with the write check; time from the DEL reply to the INFO replies)`,
    notes: [note('info.server', { version, role, mode, protocol: hello.protocol }), note('info.timed', {})]
  }
}

interface ServerInfo {
  denied: boolean
  version: string | null
  role: string | null
  mode: string | null
}

function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i > 0 && !line.startsWith('#')) fields[line.slice(0, i)] = line.slice(i + 1).trim()
  }
  return fields
}

async function infoReplies(conversation: Conversation, ms: number, signal?: AbortSignal): Promise<ServerInfo> {
  const [{ value: infoServer }, { value: infoReplication }] = await replies(conversation, 2, ms, signal, 'INFO')
  const fields = {
    ...(typeof infoServer === 'string' ? parseInfo(infoServer) : {}),
    ...(typeof infoReplication === 'string' ? parseInfo(infoReplication) : {})
  }
  return { denied: infoServer instanceof RespError, version: fields.redis_version ?? null, role: fields.role ?? null, mode: fields.redis_mode ?? null }
}
