import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import {
  createCertificateAuthority,
  issueClientCert,
  issueServerCert,
  LOOPBACK_NAMES,
  type CertificateAuthority,
  type PemPair
} from '../../src/main/sandbox/certs'
import { startRedisServer, type RunningRedis } from '../../src/main/sandbox/tls-redis'

/**
 * A real redis-server that requires client certificates (`tls-auth-clients yes`), its CA, one
 * client certificate it trusts and one ACL user: what a mutual-TLS test needs, on loopback.
 */
export interface MutualTlsRedis {
  ca: CertificateAuthority
  /** Signed by `ca` for clientAuth: the server accepts it. */
  client: PemPair
  user: { username: string; password: string }
  server: RunningRedis
}

/** Registers beforeAll/afterAll for the calling file; the getter throws until the server runs. */
export function useMutualTlsRedis(): () => MutualTlsRedis {
  let running: MutualTlsRedis | undefined
  beforeAll(async () => {
    const ca = await createCertificateAuthority('PSE mTLS e2e CA')
    const [serverCert, client] = await Promise.all([issueServerCert(ca, LOOPBACK_NAMES), issueClientCert(ca, { commonName: 'pse-wizard-e2e-client' })])
    const user = { username: 'app', password: `mtls-${randomBytes(9).toString('base64url')}` }
    const server = await startRedisServer({
      tls: { ...serverCert, ca: ca.cert, authClients: 'yes' },
      users: [{ name: user.username, password: user.password }],
      defaultUser: 'off'
    })
    running = { ca, client, user, server }
  })
  afterAll(async () => {
    await running?.server.stop()
  })
  return () => {
    if (!running) throw new Error('The mutual-TLS redis-server is not running (did beforeAll fail?)')
    return running
  }
}
