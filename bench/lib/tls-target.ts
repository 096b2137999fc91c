import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createCertificateAuthority, issueServerCert, LOOPBACK_NAMES } from '../../src/main/sandbox/certs'
import { startRedisServer, type RunningRedis } from '../../src/main/sandbox/tls-redis'

/**
 * The Redis every network figure is measured against: a real TLS redis-server on loopback with a
 * private CA, the default user off and one ACL user, as a Databases for Redis deployment is.
 */
export interface TlsTarget {
  redis: RunningRedis
  caPem: string
  /** The CA as a file, for redis-cli --cacert. */
  caFile: string
  user: { username: string; password: string }
  stop(): Promise<void>
}

export async function startTlsTarget(): Promise<TlsTarget> {
  const ca = await createCertificateAuthority('PSE Bench CA')
  const cert = await issueServerCert(ca, LOOPBACK_NAMES)
  const user = { username: 'bench', password: `bench-${randomBytes(12).toString('base64url')}` }
  const redis = await startRedisServer({ tls: cert, users: [{ name: user.username, password: user.password }], defaultUser: 'off' })
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-bench-'))
  const caFile = path.join(dir, 'ca.crt')
  await fs.writeFile(caFile, ca.cert, { mode: 0o600 })
  return {
    redis,
    caPem: ca.cert,
    caFile,
    user,
    async stop() {
      await redis.stop()
      await fs.rm(dir, { recursive: true, force: true })
    }
  }
}
