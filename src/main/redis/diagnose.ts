import type { ProbeCode } from '../../shared/schemas/probe'

/** What each failure means and what to do about it: the sentence the user reads. */
export interface Diagnosis {
  code: ProbeCode
  message: string
}

interface Context {
  host: string
  port: number
  servername?: string
  timeoutMs?: number
  extra?: string
}

const advice: Record<ProbeCode, (c: Context) => string> = {
  dns_not_found: (c) =>
    `The name ${c.host} does not resolve. Check the host for typos; a private endpoint (*.private.databases.appdomain.cloud) only resolves where IBM Cloud private DNS is reachable.`,
  private_endpoint_unreachable: (c) =>
    `${c.host} resolves into IBM Cloud's service endpoint network (166.8.0.0/14) but port ${c.port} did not answer: you are not on the IBM Cloud private network. Connect through a VPN or Direct Link, test from a bastion or a pod inside IBM Cloud, or use the public endpoint.`,
  tcp_refused: (c) => `${c.host}:${c.port} refused the connection: nothing listens on that port. Check the port number, and that the deployment is running.`,
  tcp_timeout: (c) =>
    `${c.host}:${c.port} did not accept a connection within ${c.timeoutMs ?? '?'} ms. A firewall, an IP allowlist or the network path drops the traffic: check the deployment's allowlist and your network.`,
  tls_untrusted_ca: () =>
    `The server's certificate is not signed by a trusted CA. Paste the deployment's CA certificate (certificate_base64 in the service key, or "ibmcloud cdb deployment-cacert") into the profile.`,
  tls_hostname_mismatch: (c) =>
    `The server's certificate is not valid for ${c.servername ?? c.host}${c.extra ? ` (it names ${c.extra})` : ''}. Use the host name from the connection string, or set the SNI server name to a name the certificate covers.`,
  tls_expired: (c) =>
    `The server's certificate has expired${c.extra ? ` (${c.extra})` : ''}. Check your computer's clock; if it is right, the server's certificate must be renewed.`,
  tls_not_offered: (c) =>
    `${c.host}:${c.port} speaks plain text, not TLS. Turn TLS off for this profile (redis:// instead of rediss://) only if you trust the network; otherwise use the server's TLS port.`,
  tls_client_cert_rejected: (c) =>
    `The server requires mutual TLS and did not accept this computer's client certificate${c.extra ? ` (${c.extra})` : ''}. Add the client certificate and key the server trusts to the profile, or check that they have not expired.`,
  tls_required: (c) => `${c.host}:${c.port} expects TLS. Turn TLS on for this profile (rediss:// instead of redis://).`,
  auth_failed: () =>
    `The server rejected the user name or password. Check them, or set a new password (IBM Cloud: Settings > Change password, or "ibmcloud cdb deployment-user-password").`,
  auth_required: () => `The server requires a password and the profile has none. Enter the password (and the ACL user name if there is one).`,
  acl_denied: (c) =>
    `The user logged in but its ACL forbids commands the test needs${c.extra ? ` (${c.extra})` : ''}. Grant it at least PING, or use another user.`,
  timeout: (c) =>
    `The server accepted the connection but did not answer within ${c.timeoutMs ?? '?'} ms${c.extra ? ` (${c.extra})` : ''}. Check that this port is Redis and that the server is not overloaded; raise the timeout if the link is slow.`,
  unexpected_reply: (c) =>
    `The server answered something the test did not expect${c.extra ? `: ${c.extra}` : ''}. Check that this port is Redis and the database number exists.`,
  secret_unreadable: () => `The saved password can no longer be read from the keychain (was the keychain reset?). Enter it again in the profile.`,
  cancelled: () => 'The test was cancelled.'
}

export function diagnose(code: ProbeCode, context: Context): Diagnosis {
  return { code, message: advice[code](context) }
}

/** Node's TLS verification error codes, grouped by what the user must do. */
export function tlsVerifyCode(error: string): 'tls_expired' | 'tls_untrusted_ca' {
  return error === 'CERT_HAS_EXPIRED' || error === 'CERT_NOT_YET_VALID' ? 'tls_expired' : 'tls_untrusted_ca'
}
