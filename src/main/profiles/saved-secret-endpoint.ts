import { isDeepStrictEqual } from 'node:util'
import { AppFailure } from '../../shared/errors'
import type { NetworkPath } from '../../shared/schemas/network-path'
import type { ProfileFields } from '../../shared/schemas/profile'

/**
 * A saved secret goes only where it was saved for. The Redis password and client key: the host,
 * port, TLS server name (SNI) and TLS protection of the saved profile, and no new party on the
 * way that could read them (a pod in another cluster, a new bastion while TLS is not verified).
 * The SSH passphrase or password: the bastion, jumps and login method it was saved with.
 * Each check runs before anything is sent; a changed endpoint needs the secret typed again, or
 * (host, port or SNI only) the user's explicit confirmation naming the new `host:port`.
 */
export const SavedSecretCodes = {
  endpointChanged: 'saved_secret_endpoint_changed',
  needsTls: 'saved_secret_needs_tls',
  pathChanged: 'saved_secret_path_changed'
} as const

type Endpoint = Pick<ProfileFields, 'host' | 'port' | 'tls' | 'networkPath'>

const sameName = (a: string, b: string) => a.toLowerCase().replace(/\.$/, '') === b.toLowerCase().replace(/\.$/, '')
const sniOf = (e: Endpoint) => e.tls.servername ?? e.host
/** What the user confirms for a changed endpoint: exactly the draft's `host:port`. */
export const endpointLabel = (e: Pick<Endpoint, 'host' | 'port'>) => `${e.host}:${e.port}`

/** Throws unless the saved Redis password / client key may be sent to `draft`. */
/** `what`: the secrets the test would use ("password", "client key", "password and client key"). */
export function checkRedisSecretEndpoint(saved: Endpoint, draft: Endpoint, confirmEndpoint: string | undefined, what = 'password'): void {
  const savedVerified = saved.tls.enabled && saved.tls.verifyServerCert
  if ((saved.tls.enabled && !draft.tls.enabled) || (savedVerified && !draft.tls.verifyServerCert)) {
    throw new AppFailure({
      code: SavedSecretCodes.needsTls,
      message: `The saved ${what} of this profile was set for a TLS connection${savedVerified ? ' with a verified certificate' : ''}; this test would use it ${draft.tls.enabled ? 'without verifying the server certificate' : 'without TLS'}. Type the ${what} again to test these settings.`,
      params: { host: draft.host, port: draft.port }
    })
  }
  checkRouteForRedisSecret(saved, draft, what)
  const moved = !sameName(saved.host, draft.host) || saved.port !== draft.port || !sameName(sniOf(saved), sniOf(draft))
  if (!moved || confirmEndpoint === endpointLabel(draft)) return
  const sni = sameName(sniOf(saved), sniOf(draft)) ? '' : ` (TLS server name ${sniOf(draft)} instead of ${sniOf(saved)})`
  throw new AppFailure({
    code: SavedSecretCodes.endpointChanged,
    message: `The saved ${what} of this profile belongs to ${endpointLabel(saved)}; this test goes to ${endpointLabel(draft)}${sni}. Type the ${what} again, or confirm that ${endpointLabel(draft)} may receive the saved one.`,
    params: { host: draft.host, port: draft.port, savedHost: saved.host, savedPort: saved.port }
  })
}

/**
 * A pod gets the password itself (in a Kubernetes Secret of that cluster, in an env of that
 * image); a bastion sees it only when TLS is off or unverified. Either one, if new, needs the
 * password typed again.
 */
function checkRouteForRedisSecret(saved: Endpoint, draft: Endpoint, what: string): void {
  const path = draft.networkPath
  if (isDeepStrictEqual(path, saved.networkPath)) return
  const verified = draft.tls.enabled && draft.tls.verifyServerCert
  if (path.kind === 'direct' || (path.kind === 'ssh' && verified)) return
  const via =
    path.kind === 'pod'
      ? `a test pod (${path.tool} context ${path.context ?? 'current'}, namespace ${path.namespace}) it was not saved for`
      : `the bastion ${path.username}@${path.host}:${path.port} it was not saved for, without a verified TLS connection`
  throw new AppFailure({
    code: SavedSecretCodes.pathChanged,
    message: `This test would hand the saved ${what} of this profile to ${via}. Type the ${what} again to test this path.`,
    params: { secret: what, path: path.kind }
  })
}

/** True when a test along `path` uses the saved SSH passphrase or password. */
export const pathUsesSshSecret = (path: NetworkPath): boolean => path.kind === 'ssh' && path.auth.method !== 'agent'

/** Throws unless the saved SSH passphrase / password may be used along `draft` (same bastion, jumps and login). */
export function checkSshSecretEndpoint(saved: NetworkPath, draft: NetworkPath): void {
  if (draft.kind !== 'ssh') return
  const same =
    saved.kind === 'ssh' &&
    sameName(saved.host, draft.host) &&
    saved.port === draft.port &&
    saved.username === draft.username &&
    isDeepStrictEqual(saved.auth, draft.auth) &&
    isDeepStrictEqual(saved.jumps, draft.jumps)
  if (same) return
  throw new AppFailure({
    code: SavedSecretCodes.pathChanged,
    message: `The saved SSH passphrase or password of this profile was set for ${saved.kind === 'ssh' ? `${saved.username}@${saved.host}:${saved.port}` : 'another path'}, not for ${draft.username}@${draft.host}:${draft.port} with these jumps and login method. Type it again to test this path.`,
    params: { secret: 'sshSecret', host: draft.host, port: draft.port, ...(saved.kind === 'ssh' ? { savedHost: saved.host, savedPort: saved.port } : {}) }
  })
}
