/** English strings of the shared components (timeline, secret field, error notice, CLI panel). */
export const commonEn = {
  showDetails: 'Show details',
  hideDetails: 'Hide details',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the text and copy it yourself.',
  nextAction: 'Next step',
  errorCode: 'Code: {{code}}',
  probe: {
    dns_not_found: { title: 'The host name does not resolve', advice: 'The name {{host}} does not resolve. Check the host for typos; a private endpoint only resolves where IBM Cloud private DNS is reachable.' },
    private_endpoint_unreachable: { title: 'Not on the IBM Cloud private network', advice: '{{host}} resolves into the IBM Cloud service endpoint network (166.8.0.0/14) but port {{port}} did not answer. Connect through a VPN or Direct Link, or test through a bastion host or a pod inside IBM Cloud.' },
    tcp_refused: { title: 'Connection refused', advice: 'Nothing listens on {{host}}:{{port}}. Check the port number and that the deployment is running.' },
    tcp_timeout: { title: 'No answer to the connection', advice: '{{host}}:{{port}} did not accept a connection in time. Check the deployment\'s IP allowlist, firewalls and your network path.' },
    tls_untrusted_ca: { title: 'Untrusted TLS certificate', advice: 'The server\'s certificate is not signed by a trusted CA. Paste the deployment\'s CA certificate (certificate_base64 in the service key) into the profile.' },
    tls_hostname_mismatch: { title: 'Certificate does not match the host name', advice: 'The server\'s certificate is not valid for {{servername}}. Use the host name from the connection string, or set the SNI server name to a name the certificate covers.' },
    tls_expired: { title: 'Certificate expired', advice: 'The server\'s certificate has expired or is not yet valid. Check this computer\'s clock; if it is right, the certificate must be renewed.' },
    tls_not_offered: { title: 'The server does not speak TLS', advice: '{{host}}:{{port}} speaks plain text. Use the server\'s TLS port, or turn TLS off only if you trust the network.' },
    tls_required: { title: 'The server requires TLS', advice: '{{host}}:{{port}} expects TLS. Turn TLS on for this profile (rediss:// instead of redis://).' },
    auth_failed: { title: 'Wrong user name or password', advice: 'The server rejected the user name or password. Check them, or set a new password in IBM Cloud (Settings > Change password).' },
    auth_required: { title: 'Password required', advice: 'The server requires a password and the profile has none. Enter the password (and the ACL user name if there is one).' },
    acl_denied: { title: 'Command not allowed for this user', advice: 'The user logged in but its ACL forbids commands the test needs. Grant it at least PING, or use another user.' },
    timeout: { title: 'The server did not answer', advice: 'The server accepted the connection but did not answer in time. Check that this port is Redis, or raise the timeout if the link is slow.' },
    unexpected_reply: { title: 'Unexpected reply', advice: 'The server answered something the test did not expect. Check that this port is Redis and that the database number exists.' },
    secret_unreadable: { title: 'Saved password unreadable', advice: 'The saved password can no longer be read from the keychain. Enter it again in the profile.' },
    cancelled: { title: 'Test cancelled', advice: 'The test was cancelled.' }
  },
  cli: {
    title: 'CLI equivalent',
    hint: 'The same step from a terminal.',
    copy: 'Copy the commands'
  },
  secret: {
    masked: 'Hidden',
    notSet: 'Not set',
    reveal: 'Reveal',
    hide: 'Hide',
    copy: 'Copy',
    copied: 'Copied to the clipboard',
    revealFailed: 'Could not read the secret'
  },
  timeline: {
    title: 'Connection test timeline',
    passed: 'Passed',
    failed: 'Failed',
    skipped: 'Not run',
    total: 'Total {{ms}} ms',
    tableCaption: 'Phases of the connection test',
    phase: 'Phase',
    result: 'Result',
    duration: 'Time (ms)',
    detail: 'Detail',
    hover: '{{phase}}: {{ms}} ms, {{status}}',
    advice: 'What to do',
    empty: 'No phase ran.',
    phases: {
      dns: 'DNS',
      tcp: 'TCP',
      tls: 'TLS',
      auth: 'AUTH',
      ping: 'PING',
      write: 'Write',
      info: 'INFO',
      ssh: 'SSH',
      'ssh.connect': 'SSH connect',
      'ssh.auth': 'SSH auth',
      'ssh.forward': 'SSH forward',
      ssh_connect: 'SSH connect',
      ssh_auth: 'SSH auth',
      ssh_forward: 'SSH forward',
      pod: 'Pod'
    }
  }
}
