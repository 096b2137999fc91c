/** English strings of the shared components (timeline, secret field, error notice, CLI panel). */
export const commonEn = {
  /** Between the items of a list in a sentence. */
  listSeparator: ', ',
  showDetails: 'Show details',
  hideDetails: 'Hide details',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the text and copy it yourself.',
  nextAction: 'Next step',
  errorCode: 'Code: {{code}}',
  probe: {
    dns_not_found: {
      title: 'The host name does not resolve',
      advice: 'The name {{host}} does not resolve. Check the host for typos; a private endpoint only resolves where IBM Cloud private DNS is reachable.'
    },
    private_endpoint_unreachable: {
      title: 'Not on the IBM Cloud private network',
      advice:
        '{{host}} resolves into the IBM Cloud service endpoint network (166.8.0.0/14) but port {{port}} did not answer. Connect through a VPN or Direct Link, or test through a bastion host or a pod inside IBM Cloud.'
    },
    tcp_refused: { title: 'Connection refused', advice: 'Nothing listens on {{host}}:{{port}}. Check the port number and that the deployment is running.' },
    tcp_timeout: {
      title: 'No answer to the connection',
      advice: "{{host}}:{{port}} did not accept a connection in time. Check the deployment's IP allowlist, firewalls and your network path."
    },
    tls_untrusted_ca: {
      title: 'Untrusted TLS certificate',
      advice:
        "The server's certificate is not signed by a trusted CA. Paste the deployment's CA certificate (certificate_base64 in the service key) into the profile."
    },
    tls_hostname_mismatch: {
      title: 'Certificate does not match the host name',
      advice:
        "The server's certificate is not valid for {{servername}}. Use the host name from the connection string, or set the SNI server name to a name the certificate covers."
    },
    tls_expired: {
      title: 'Certificate expired',
      advice: "The server's certificate has expired or is not yet valid. Check this computer's clock; if it is right, the certificate must be renewed."
    },
    tls_not_offered: {
      title: 'The server does not speak TLS',
      advice: "{{host}}:{{port}} speaks plain text. Use the server's TLS port, or turn TLS off only if you trust the network."
    },
    tls_client_cert_rejected: {
      title: 'Client certificate not accepted',
      advice:
        "The server requires mutual TLS and did not accept this computer's client certificate. Add the client certificate and key the server trusts to the profile, or check that they have not expired."
    },
    tls_required: { title: 'The server requires TLS', advice: '{{host}}:{{port}} expects TLS. Turn TLS on for this profile (rediss:// instead of redis://).' },
    auth_failed: {
      title: 'Wrong user name or password',
      advice: 'The server rejected the user name or password. Check them, or set a new password in IBM Cloud (Settings > Change password).'
    },
    auth_required: {
      title: 'Password required',
      advice: 'The server requires a password and the profile has none. Enter the password (and the ACL user name if there is one).'
    },
    acl_denied: {
      title: 'Command not allowed for this user',
      advice: 'The user logged in but its ACL forbids commands the test needs. Grant it at least PING, or use another user.'
    },
    timeout: {
      title: 'The server did not answer',
      advice: 'The server accepted the connection but did not answer in time. Check that this port is Redis, or raise the timeout if the link is slow.'
    },
    unexpected_reply: {
      title: 'Unexpected reply',
      advice: 'The server answered something the test did not expect. Check that this port is Redis and that the database number exists.'
    },
    secret_unreadable: {
      title: 'Saved password unreadable',
      advice: 'The saved password can no longer be read from the keychain. Enter it again in the profile.'
    },
    cancelled: { title: 'Test cancelled', advice: 'The test was cancelled.' },
    ssh_host_key_unknown: {
      title: 'New bastion host key',
      advice: 'This is the first connection to the bastion host. Check the fingerprint shown above with its administrator, then accept it.'
    },
    ssh_host_key_changed: {
      title: 'Bastion host key changed',
      advice:
        "The bastion presented a different host key from the one accepted before. Someone may be intercepting the connection: stop, and confirm the new key with the server's administrator."
    },
    ssh_host_not_found: {
      title: 'Bastion host not found',
      advice: "The bastion's host name does not resolve. Check the host name, or the HostName in ~/.ssh/config."
    },
    ssh_connect_refused: {
      title: 'Bastion refused the connection',
      advice: 'Nothing accepts SSH connections on that host and port. Check the SSH port and that sshd is running.'
    },
    ssh_connect_failed: {
      title: 'Could not reach the bastion',
      advice: 'The SSH connection to the bastion (or a jump host) failed. Check the address, port and your network.'
    },
    ssh_timeout: {
      title: 'The bastion did not answer',
      advice: "The SSH connection timed out. Check the bastion's address and any firewall or VPN in between."
    },
    ssh_auth_failed: {
      title: 'SSH login refused',
      advice: 'The bastion rejected the user or key. Check the SSH user name and that your public key is in its authorized_keys.'
    },
    ssh_key_unreadable: { title: 'SSH key file unreadable', advice: 'The private key file cannot be read. Check the path and its permissions.' },
    ssh_key_passphrase_required: {
      title: 'Key passphrase needed',
      advice: 'The private key is protected by a passphrase. Enter it in the passphrase field and test again.'
    },
    ssh_key_passphrase_wrong: { title: 'Wrong key passphrase', advice: 'The passphrase does not open the private key. Enter it again.' },
    ssh_agent_unavailable: { title: 'No ssh-agent', advice: 'No ssh-agent answers (SSH_AUTH_SOCK). Start ssh-agent and add your key, or choose a key file.' },
    ssh_forward_denied: {
      title: 'Bastion refused to forward',
      advice: 'The bastion does not allow TCP forwarding to Redis (AllowTcpForwarding). Ask its administrator to allow it.'
    },
    ssh_forward_failed: {
      title: 'Bastion could not reach Redis',
      advice: 'The tunnel is up, but the bastion could not connect to the Redis host and port. Check that the bastion can reach the private endpoint.'
    },
    ssh_config_invalid: { title: '~/.ssh/config could not be read', advice: "Check the Host entry in ~/.ssh/config, or enter the bastion's details by hand." },
    ssh_config_jump_loop: { title: 'ProxyJump loop', advice: 'The ProxyJump entries in ~/.ssh/config lead back to themselves. Fix the chain of jump hosts.' },
    ssh_secret_missing: { title: 'SSH passphrase or password needed', advice: 'Enter the key passphrase or the SSH password for this test.' },
    pod_tool_not_found: { title: 'kubectl / oc not found', advice: 'Install kubectl or oc, or enter the full path to it.' },
    pod_rbac_forbidden: {
      title: 'Not allowed in this namespace',
      advice: 'Your cluster user may not create pods or secrets in this namespace. Ask for that permission, or choose another namespace.'
    },
    pod_not_logged_in: { title: 'Not logged in to the cluster', advice: 'Log in first (oc login, or set your kube context), then test again.' },
    pod_context_not_found: { title: 'Kube context not found', advice: 'The kube context does not exist. Check the name with "kubectl config get-contexts".' },
    pod_namespace_not_found: { title: 'Namespace not found', advice: 'The namespace does not exist in this cluster. Check its name.' },
    pod_cluster_unreachable: { title: 'Cluster unreachable', advice: "The cluster's API server does not answer. Check your network or VPN." },
    pod_tool_failed: { title: 'kubectl / oc failed', advice: 'The command failed. See the details for its output.' },
    pod_timeout: { title: 'The test pod took too long', advice: 'The pod did not finish in time. Check that the cluster can schedule it and pull the image.' },
    pod_image_pull_failed: {
      title: 'Image could not be pulled',
      advice: 'The cluster could not pull the image. Use an image from a registry the cluster can reach.'
    },
    pod_tls_unverifiable: {
      title: 'The pod cannot verify the server',
      advice:
        'The pod image has no openssl, so it could not check the certificate and host name: the password was not sent. Use an image with both redis-cli and openssl.'
    },
    pod_failed: { title: 'The test pod failed', advice: 'The pod ended with an error. See the details for its output.' },
    pod_output_incomplete: { title: 'Incomplete pod output', advice: "The pod's output ended early. Test again; if it repeats, see the details." },
    pod_probe_failed: { title: 'The test failed inside the pod', advice: 'The connection test failed from inside the cluster. See the phases below.' }
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
