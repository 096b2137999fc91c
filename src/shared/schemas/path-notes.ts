/**
 * The notes of the SSH (bastion) and pod (Kubernetes / OpenShift) paths: what their own phases
 * (ssh_connect, ssh_auth, ssh_forward, pod) found, and what the probe's phases found inside the
 * pod, as a code and its parameters. Part of the probe notes' table (./probe-notes.ts): the
 * same catalogue words them (src/shared/i18n/probe-notes/path-*.ts), with only these parameters.
 *
 * Hosts, ports, user names, files, pods, namespaces, images and commands stay as they are;
 * `said` is ssh2's, kubectl's / oc's, redis-cli's or openssl's own words, quoted as they said them.
 */
export const PATH_NOTES = {
  // SSH: what held
  'ssh.route': ['route'],
  'ssh.host_key_from_file': ['host', 'port', 'file', 'line'],
  'ssh.host_key_pinned': ['host', 'port'],
  'ssh.forwarded': ['host', 'port'],
  // SSH: what failed
  'ssh.secret_missing': ['user', 'host'],
  'ssh.connect_timeout': ['host', 'port', 'ms'],
  'ssh.auth_timeout': ['host', 'port', 'ms'],
  'ssh.forward_timeout': ['host', 'port', 'ms'],
  'ssh.connect_refused': ['host', 'port', 'said'],
  'ssh.host_not_found': ['host', 'said'],
  'ssh.connect_failed': ['host', 'port', 'said'],
  'ssh.auth_refused': ['host', 'port', 'user', 'method', 'said'],
  'ssh.agent_missing': [],
  'ssh.agent_unreachable': ['said'],
  'ssh.key_unreadable': ['file', 'said'],
  'ssh.key_too_large': ['file'],
  'ssh.key_passphrase_required': ['file'],
  'ssh.key_passphrase_wrong': ['file'],
  'ssh.forward_denied': ['host', 'port', 'said'],
  'ssh.forward_failed': ['host', 'port', 'said'],
  'ssh.host_key_unknown': ['host', 'port', 'keyType', 'fingerprint'],
  'ssh.host_key_changed': ['host', 'port', 'keyType', 'fingerprint', 'pinned'],
  'ssh.host_key_changed_file': ['host', 'port', 'keyType', 'fingerprint', 'file', 'line'],
  'ssh.host_key_revoked': ['host', 'port', 'fingerprint', 'file', 'line'],
  // Pod: the pod itself
  'pod.ran': ['pod', 'namespace', 'image'],
  'pod.ran_in_context': ['pod', 'context', 'namespace', 'image'],
  'pod.not_deleted': ['command'],
  'pod.not_measured': [],
  // Pod: the probe's phases inside it
  'pod.dns_resolved': ['addresses'],
  'pod.dns_not_found': [],
  'pod.tcp_tls_together': [],
  'pod.tls_verified_openssl': [],
  'pod.tls_chain_only': [],
  'pod.tls_not_verified': [],
  'pod.tls_unverifiable': [],
  'pod.no_answer': ['seconds'],
  'pod.connected': [],
  'pod.auth_ok': [],
  'pod.ping': ['count'],
  'pod.write_ok': ['ttl'],
  'pod.write_read_only': [],
  'pod.info_ok': [],
  'pod.info_server': ['version', 'role', 'mode'],
  'pod.said': ['said'],
  // Pod: what failed around it (oc / kubectl and the cluster)
  'pod.tool_not_found': ['tool'],
  'pod.tool_not_executable': ['file'],
  'pod.tool_not_started': ['file', 'said'],
  'pod.forbidden': ['namespace', 'said'],
  'pod.context_not_found': ['context', 'said'],
  'pod.not_logged_in': ['tool', 'said'],
  'pod.namespace_not_found': ['namespace', 'said'],
  'pod.cluster_unreachable': ['tool', 'said'],
  'pod.tool_failed': ['tool', 'said'],
  'pod.tool_timeout': ['tool', 'seconds'],
  'pod.tool_output_too_large': ['tool', 'mib'],
  'pod.image_pull_failed': ['image', 'said'],
  'pod.container_failed': ['said'],
  'pod.wait_timeout': ['said']
} as const satisfies Record<string, readonly string[]>

/** How the bastion login was made (`method` of ssh.auth_refused): worded by the catalogue's probeNotes.sshMethod. */
export const SSH_METHODS = ['key', 'agent', 'password'] as const
