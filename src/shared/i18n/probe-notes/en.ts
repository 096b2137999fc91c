import { podNotesEn, sshMethodEn, sshNotesEn } from './path-en'

/**
 * The connection test's phase notes in English: one sentence per code of
 * src/shared/schemas/probe-notes.ts, with only the parameters that code carries. The server's own
 * words (reply, said) are shown as quotes.
 */
export const probeNotesEn = {
  /** sentence: 'space' between sentences, or 'none' (Japanese: 。 ends one; i18next reads an empty text as missing). */
  join: { list: ', ', sentence: 'space' },
  addressClass: {
    ibm_service_endpoint: "IBM Cloud's service endpoint network (166.8.0.0/14)",
    private: 'private network (RFC 1918)',
    loopback: 'loopback',
    public: 'public internet'
  },
  /** How a bastion login was made (ssh.auth_refused's method). */
  sshMethod: sshMethodEn,
  codes: {
    dns: {
      literal: '{{address}} is an IP address ({{addressClass}}); no lookup needed.',
      resolved: '{{host}} → {{addresses}} ({{addressClass}}).',
      timeout: 'No DNS answer for {{host}} within {{ms}} ms.',
      lookup_failed: '{{host}} did not resolve ({{error}}).',
      no_address: '{{host}} resolved to no address.'
    },
    tcp: {
      connected: 'Connected to {{address}}:{{port}}.',
      after_refused: 'Tried before: {{refused}}.',
      refused: 'Port {{port}} refused the connection on {{refused}}.',
      unreachable: 'Port {{port}} is unreachable from here: {{refused}}.',
      connect_failed: 'Could not connect to {{address}}:{{port}} ({{error}}).',
      timeout: '{{addresses}} port {{port}} did not accept a connection within {{ms}} ms.',
      service_endpoint_network: "The address is in IBM Cloud's service endpoint network (166.8.0.0/14)."
    },
    tls: {
      off: 'TLS is off for this profile (plain text).',
      session: '{{protocol}}, {{cipher}}; {{subject}} issued by {{issuer}}.',
      verified: 'Chain and host name verified.',
      not_verified: 'NOT verified (insecure profile).',
      chain_ok: 'The chain is trusted.',
      chain_untrusted: 'The chain is not trusted ({{verifyError}}).',
      hostname_ok: 'The host name matches.',
      hostname_unverified: 'The host name does not match.',
      untrusted: 'Certificate not trusted: {{verifyError}}.',
      hostname_mismatch: 'The certificate does not cover {{servername}}; it names {{names}}.',
      sni_rejected:
        'The server refused the TLS server name (SNI) {{servername}}: it serves another name. For Databases for Redis Gen 2 the SNI must be the VPE domain.',
      plain_reply: 'The server answered the TLS handshake with plain text.',
      closed: 'The server closed the connection during the TLS handshake.',
      handshake_failed: 'TLS handshake failed: {{error}}.',
      plain_sniffed: 'The TLS handshake got no answer, and the port answers a plain-text PING: it speaks plain text.',
      handshake_timeout: 'The TLS handshake got no answer within {{ms}} ms.',
      client_cert_required: 'Mutual TLS failed: the server requires a client certificate and got none ({{alert}}).',
      client_cert_unknown_ca: 'Mutual TLS failed: the server does not trust the CA that issued the client certificate ({{alert}}).',
      client_cert_refused: 'Mutual TLS failed: the server refused the client certificate ({{alert}}).',
      client_cert_expired: 'Mutual TLS failed: the client certificate has expired ({{alert}}).',
      client_cert_revoked: 'Mutual TLS failed: the client certificate was revoked ({{alert}}).'
    },
    auth: {
      as_user: 'Authenticated as {{user}}.',
      none_needed: 'No authentication needed.',
      hello: 'RESP{{protocol}} negotiated with HELLO.',
      hello_select: 'RESP{{protocol}} negotiated with HELLO, database {{db}} selected.',
      pipelined_ping: 'Pipelined with the first PING in one flight.',
      pipelined_checks: 'Pipelined with PING and the write/INFO checks in one flight.',
      timed_to: 'Time: from the write to the {{command}} reply.',
      hello_refused: 'HELLO was refused ("{{reply}}"): classic AUTH, RESP2.',
      required: 'The server requires authentication: "{{reply}}"',
      failed: 'Authentication failed: "{{reply}}"',
      tls_required: 'The server closed the plain-text connection and answers TLS handshakes.',
      select_failed: 'SELECT {{db}} failed: "{{reply}}"'
    },
    reply: {
      timeout: 'No reply to {{command}} within {{ms}} ms.',
      protocol: 'The reply could not be read: "{{said}}"',
      connection_ended: 'The connection ended during {{command}}: "{{said}}"'
    },
    ping: {
      samples: '{{count}} samples: p50 {{p50}} ms, p95 {{p95}} ms.',
      first_pipelined: 'The PING was pipelined with HELLO.',
      first_pipelined_more: 'The first PING was pipelined with HELLO; each further sample took a round trip of its own.',
      refused: 'PING was refused: "{{reply}}"',
      answered: 'PING answered "{{reply}}".'
    },
    write: {
      ok_removed: 'SET/GET/DEL of a scratch key with a {{ttl}} s TTL: ok, key removed.',
      ok_not_removed: 'SET/GET/DEL of a scratch key: ok, but the key was not removed ("{{reply}}"); it expires in {{ttl}} s.',
      read_only_replica: 'SET refused (this is a read-only replica); reads work. Not a failure.',
      read_only_acl: 'SET refused (read-only user: the ACL forbids writes); reads work. Not a failure.',
      sent_with_hello: 'Sent in the same flight as HELLO and PING.',
      sent_with_ping: 'Sent in the same flight as the last PING.',
      timed: 'Time: from the PONG to the DEL reply.',
      set_failed: 'SET failed: "{{reply}}"',
      read_back: 'The scratch key did not read back (SET answered "{{reply}}").'
    },
    info: {
      denied: 'INFO is not allowed for this user; the server facts come from HELLO.',
      server: 'Redis {{version}}, {{role}}, {{mode}}, RESP{{protocol}}.',
      timed: 'Pipelined with the write check; time from the DEL reply to the INFO replies.'
    },
    phase: {
      not_run: 'Not run: an earlier phase failed.',
      cancelled: 'Cancelled.',
      error: 'Unexpected error: "{{said}}"'
    },
    ssh: sshNotesEn,
    pod: podNotesEn
  }
}
