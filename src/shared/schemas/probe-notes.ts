import { z } from 'zod'
import { PATH_NOTES } from './path-notes'

/**
 * What a connection test phase found, as data: each phase carries notes, one sentence each, a
 * stable code plus its parameters. The renderer and the CLI turn them into words in the user's
 * language from the shared catalogue (src/shared/i18n/probe-notes/); main keeps its English
 * `detail` line beside them for older readers.
 *
 * This table is the contract between the probe and the catalogue: the parameters each code
 * carries. A text may only refer to these (tests/unit/shared/i18n/probe-notes.test.ts).
 */
export const PROBE_NOTES = {
  // DNS
  'dns.literal': ['address', 'addressClass'],
  'dns.resolved': ['host', 'addresses', 'addressClass'],
  'dns.timeout': ['host', 'ms'],
  'dns.lookup_failed': ['host', 'error'],
  'dns.no_address': ['host'],
  // TCP
  'tcp.connected': ['address', 'port'],
  'tcp.after_refused': ['refused'],
  'tcp.refused': ['port', 'refused'],
  'tcp.unreachable': ['port', 'refused'],
  'tcp.connect_failed': ['address', 'port', 'error'],
  'tcp.timeout': ['addresses', 'port', 'ms'],
  'tcp.service_endpoint_network': [],
  // TLS
  'tls.off': [],
  'tls.session': ['protocol', 'cipher', 'subject', 'issuer'],
  'tls.verified': [],
  'tls.not_verified': [],
  'tls.chain_ok': [],
  'tls.chain_untrusted': ['verifyError'],
  'tls.hostname_ok': [],
  'tls.hostname_unverified': [],
  'tls.untrusted': ['verifyError'],
  'tls.hostname_mismatch': ['servername', 'names'],
  'tls.sni_rejected': ['servername'],
  'tls.plain_reply': [],
  'tls.closed': [],
  'tls.handshake_failed': ['error'],
  'tls.plain_sniffed': [],
  'tls.handshake_timeout': ['ms'],
  'tls.client_cert_required': ['alert'],
  'tls.client_cert_unknown_ca': ['alert'],
  'tls.client_cert_refused': ['alert'],
  'tls.client_cert_expired': ['alert'],
  'tls.client_cert_revoked': ['alert'],
  // AUTH (HELLO)
  'auth.as_user': ['user'],
  'auth.none_needed': [],
  'auth.hello': ['protocol'],
  'auth.hello_select': ['protocol', 'db'],
  'auth.pipelined_ping': [],
  'auth.pipelined_checks': [],
  'auth.timed_to': ['command'],
  'auth.hello_refused': ['reply'],
  'auth.required': ['reply'],
  'auth.failed': ['reply'],
  'auth.tls_required': [],
  'auth.select_failed': ['db', 'reply'],
  // Replies in general
  'reply.timeout': ['command', 'ms'],
  'reply.protocol': ['said'],
  'reply.connection_ended': ['command', 'said'],
  // PING
  'ping.samples': ['count', 'p50', 'p95'],
  'ping.first_pipelined': [],
  'ping.first_pipelined_more': [],
  'ping.refused': ['reply'],
  'ping.answered': ['reply'],
  // Write check
  'write.ok_removed': ['ttl'],
  'write.ok_not_removed': ['ttl', 'reply'],
  'write.read_only_replica': [],
  'write.read_only_acl': [],
  'write.sent_with_hello': [],
  'write.sent_with_ping': [],
  'write.timed': [],
  'write.set_failed': ['reply'],
  'write.read_back': ['reply'],
  // INFO
  'info.denied': [],
  'info.server': ['version', 'role', 'mode', 'protocol'],
  'info.timed': [],
  // Any phase
  'phase.not_run': [],
  'phase.cancelled': [],
  'phase.error': ['said'],
  // The SSH and pod paths (./path-notes.ts)
  ...PATH_NOTES
} as const satisfies Record<string, readonly string[]>

export type ProbeNoteCode = keyof typeof PROBE_NOTES
export type ProbeNoteParamValue = string | number | boolean | string[]
export type ProbeNoteParams<C extends ProbeNoteCode> = { [K in (typeof PROBE_NOTES)[C][number]]: ProbeNoteParamValue }

/**
 * Parameters that are the server's (reply) or a library's (said) own words: texts show them as
 * quotes ("…" in English, 「…」 in Japanese), never translated. Codes (error, alert,
 * verifyError: ECONNREFUSED, CERT_HAS_EXPIRED…) are shown as they are.
 */
export const QUOTED_PARAMS: ReadonlySet<string> = new Set(['reply', 'said'])

export const ProbeNoteCode = z.enum(Object.keys(PROBE_NOTES) as [ProbeNoteCode, ...ProbeNoteCode[]])

export const ProbeNote = z.object({
  code: ProbeNoteCode,
  params: z.record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(300)).max(32)]))
})
export type ProbeNote = z.infer<typeof ProbeNote>

/** One note, its parameters checked against the table by the compiler. */
export function probeNote<C extends ProbeNoteCode>(code: C, params: ProbeNoteParams<C>): ProbeNote {
  return { code, params: params as ProbeNote['params'] }
}
