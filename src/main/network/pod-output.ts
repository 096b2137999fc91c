import { probeNote as note, type ProbeNote } from '../../shared/schemas/probe-notes'
import { redactBounded } from '../logging/redact'

/**
 * Reads the `PSE ...` lines the in-cluster probe script prints and turns them into the probe's
 * phases and failure codes. redis-cli error texts are mapped to the same codes the local probe
 * uses, so a failure reads the same whichever path ran the test.
 */
export type PodPhaseName = 'dns' | 'tcp' | 'tls' | 'auth' | 'ping' | 'write' | 'info'

export interface PodPhase {
  name: PodPhaseName
  ok: boolean
  ms: number
  detail?: string
  /** The same as data: what the phase found in the pod, the tools' own words quoted. */
  notes?: ProbeNote[]
}

export interface PodProbeOutcome {
  ok: boolean
  code?: string
  message?: string
  phases: PodPhase[]
  addresses: string[]
  server: { version?: string; role?: string; mode?: string }
  readOnly: boolean
  /** True when openssl in the image verified chain AND host name; redis-cli alone checks only the chain. */
  hostnameVerified: boolean
  /** True when the script stopped before sending the password: TLS verification asked for, no openssl in the image. */
  tlsUnverifiable?: boolean
  /** `redis-cli --version` inside the pod. */
  client?: string
}

export const POD_TLS_UNVERIFIABLE = 'pod_tls_unverifiable'
const TLS_UNVERIFIABLE_DETAIL =
  'Not connected: the image has no openssl, and redis-cli checks only the certificate chain, not the host name. The password was not sent.'

/** What to do when the pod cannot check the host name; `image` names the image that lacks openssl. */
export function tlsUnverifiableMessage(image?: string): string {
  return (
    `The test stopped before sending the password: the image${image ? ` "${image}"` : ''} has redis-cli but no openssl, and redis-cli ` +
    'verifies the certificate chain but not the host name. Use an image that has both redis-cli and openssl, for example one built ' +
    'FROM docker.io/library/redis:7 with "apt-get install -y openssl" (Alpine images: "apk add openssl"), and set it as the pod image.'
  )
}

const PHASE_LINE = /^PSE phase (\w+) (ok|fail) (\d+) ?(.*)$/

export function parsePodOutput(output: string, tls: boolean): PodProbeOutcome {
  const outcome: PodProbeOutcome = { ok: false, phases: [], addresses: [], server: {}, readOnly: false, hostnameVerified: false }
  let done = false
  for (const raw of output.split('\n')) {
    const line = raw.replace(/\r$/, '')
    const phase = PHASE_LINE.exec(line)
    if (phase) {
      const [, rawName, status, ms, text] = phase
      const name = rawName === 'connect' ? (tls ? 'tls' : 'tcp') : (rawName as PodPhaseName)
      if (!isPhaseName(name)) continue
      const ok = status === 'ok'
      const entry: PodPhase = { name, ok, ms: Number(ms) }
      if (name === 'dns' && ok) outcome.addresses = text.trim().split(/\s+/).filter(Boolean)
      if (name === 'write' && ok && text.includes('read-only')) outcome.readOnly = true
      const detail = ok ? okDetail(name, text, tls) : text.trim()
      if (detail) entry.detail = detail
      entry.notes = ok ? okNotes(name, text, tls) : [failNote(text)]
      outcome.phases.push(entry)
      if (!ok && !outcome.code) Object.assign(outcome, classifyRedisCliError(text, name))
      continue
    }
    if (line.startsWith('PSE info ')) {
      const [key, ...rest] = line.slice('PSE info '.length).split(':')
      const value = rest.join(':').trim()
      if (key === 'redis_version') outcome.server.version = value
      if (key === 'role') outcome.server.role = value
      if (key === 'redis_mode') outcome.server.mode = value
    } else if (line.startsWith('PSE tls-verified ')) {
      outcome.hostnameVerified = true
    } else if (line.startsWith('PSE tls-unverifiable ')) {
      outcome.tlsUnverifiable = true
      outcome.phases.push({ name: 'tls', ok: false, ms: 0, detail: TLS_UNVERIFIABLE_DETAIL, notes: [note('pod.tls_unverifiable', {})] })
      outcome.code ??= POD_TLS_UNVERIFIABLE
      outcome.message ??= tlsUnverifiableMessage()
    } else if (line.startsWith('PSE start ')) {
      outcome.client = line.slice('PSE start '.length).trim()
    } else if (line === 'PSE done') {
      done = true
    }
  }
  const info = outcome.phases.find((p) => p.name === 'info' && p.ok)
  const { version, role, mode } = outcome.server
  if (info && version) info.notes = [note('pod.info_server', { version, role: role ?? '?', mode: mode ?? '?' })]
  if (!outcome.code && !done) {
    outcome.code = 'pod_output_incomplete'
    outcome.message =
      'The test pod stopped before it finished (see the pod output in the details). It may have been killed by its deadline or a resource limit.'
  }
  outcome.ok = !outcome.code && outcome.phases.length > 0 && outcome.phases.every((p) => p.ok)
  if (!outcome.ok && !outcome.code) {
    outcome.code = 'pod_output_incomplete'
    outcome.message = 'The test pod printed no result. Check that the image has redis-cli and sh.'
  }
  return outcome
}

const isPhaseName = (n: string): n is PodPhaseName => ['dns', 'tcp', 'tls', 'auth', 'ping', 'write', 'info'].includes(n)

function okDetail(name: PodPhaseName, text: string, tls: boolean): string | undefined {
  if (name === 'dns') return text.trim() || undefined
  if (name === 'tls' && tls) return 'TCP connect and TLS handshake, measured together in the pod'
  if (name === 'write' && text.includes('read-only')) return 'read-only user: writes are refused by its ACL'
  if (name === 'ping') return '5 PINGs on one connection, connection setup included'
  return undefined
}

/** The script's writes: SET with PX 30000. */
const SCRATCH_TTL_SECONDS = 30
/** The script's own limit on one redis-cli or openssl run (`timeout 15`). */
const NO_ANSWER = /^no answer within (\d+) s$/

function okNotes(name: PodPhaseName, text: string, tls: boolean): ProbeNote[] {
  if (name === 'dns') {
    const addresses = text.trim().split(/\s+/).filter(Boolean).slice(0, 32)
    return addresses.length ? [note('pod.dns_resolved', { addresses })] : []
  }
  if (name === 'tls' && tls) return [note('pod.tcp_tls_together', {})]
  if (name === 'tcp' || name === 'tls') return [note('pod.connected', {})]
  if (name === 'auth') return [note('pod.auth_ok', {})]
  if (name === 'ping') return [note('pod.ping', { count: 5 })]
  if (name === 'write') return [text.includes('read-only') ? note('pod.write_read_only', {}) : note('pod.write_ok', { ttl: SCRATCH_TTL_SECONDS })]
  return [note('pod.info_ok', {})]
}

/** A failed phase: the script's own two sentences worded, anything else quoted as redis-cli or openssl said it. */
function failNote(text: string): ProbeNote {
  const t = text.trim()
  if (t === 'Name or service not known') return note('pod.dns_not_found', {})
  const noAnswer = NO_ANSWER.exec(t)
  if (noAnswer) return note('pod.no_answer', { seconds: Number(noAnswer[1]) })
  return note('pod.said', { said: redactBounded(t, 400) })
}

/** Maps redis-cli / OpenSSL / resolver messages to the probe's failure codes. */
export function classifyRedisCliError(text: string, phase: PodPhaseName): { code: string; message: string } {
  const t = text.toLowerCase()
  const rules: Array<[RegExp, string, string]> = [
    [
      /name or service not known|nodename nor servname|temporary failure in name resolution|could not resolve/,
      'dns_not_found',
      'The Redis host name does not resolve inside the cluster. Check the host name, and that the cluster can resolve private endpoints.'
    ],
    [/certificate has expired|certificate expired/, 'tls_expired', 'The server certificate has expired. The database operator must renew it.'],
    [
      /hostname mismatch|host name mismatch|ip address mismatch|does not match/,
      'tls_hostname_mismatch',
      'The server certificate does not name this host. Check the host name and the SNI servername.'
    ],
    [
      /unable to get local issuer|self[- ]signed|unknown ca/,
      'tls_untrusted_ca',
      'The server certificate is not signed by the CA in this profile. Paste the CA certificate from the service credentials.'
    ],
    // redis-cli says only this: the image had no openssl to tell an unknown CA from an expired certificate.
    [
      /certificate verify failed/,
      'tls_untrusted_ca',
      'The server certificate could not be verified: it is not signed by the CA in this profile, or it has expired. Check the CA certificate from the service credentials.'
    ],
    [
      /no answer within/,
      'timeout',
      'The server accepted the connection but did not answer the TLS handshake. It may speak plain text (check the TLS setting), or a firewall drops the traffic.'
    ],
    [
      /wrong version number|packet length too long|record layer failure|unexpected eof|tls.*(failed|error)|ssl/,
      'tls_not_offered',
      'The server did not complete a TLS handshake. It may speak plain text: check the port and the TLS setting.'
    ],
    [/connection refused/, 'tcp_refused', 'Nothing accepts connections on that port from the cluster. Check the port.'],
    [
      /timed out|timeout|no route to host|network is unreachable/,
      'tcp_timeout',
      'The endpoint did not answer from inside the cluster. Check that the cluster is on the network of the private endpoint.'
    ],
    [/wrongpass|invalid username-password|invalid password/, 'auth_failed', 'The user name or password was refused. Check the password in the profile.'],
    [/noauth|authentication required/, 'auth_required', 'The server requires a password. Add it to the profile.'],
    [/noperm/, 'acl_denied', 'The ACL of this user forbids a command the test needs.']
  ]
  for (const [pattern, code, message] of rules) if (pattern.test(t)) return { code, message }
  if (phase === 'ping' || phase === 'info' || phase === 'write')
    return { code: 'pod_probe_failed', message: `The ${phase} step failed inside the pod. See the details.` }
  return { code: 'pod_probe_failed', message: 'The test inside the pod failed. See the details.' }
}
