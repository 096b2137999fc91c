import net from 'node:net'
import { randomBytes } from 'node:crypto'
import Redis from 'ioredis'
import { createCertificateAuthority, issueServerCert, LOOPBACK_NAMES } from '../certs'
import { startRedisServer, type RunningRedis } from '../tls-redis'

/**
 * What stands behind an emulated deployment. Sandbox mode and the integration tests use the real
 * backend: one TLS redis-server per deployment, with its own CA. Hostnames are loopback names
 * that its certificate covers, so hostname verification passes:
 *   public endpoint:  `localhost:<port>` (redis-server itself)
 *   private endpoint: `127.0.0.1:<port2>` (a TCP pass-through to the same server, so the TLS
 *                     session and CA are the same, as on IBM Cloud; it can be closed on its own)
 * Both are on 127.0.0.1: a second 127.x address is not configured on macOS or Windows.
 */
export interface DeploymentBackend {
  readonly caPem: string
  readonly publicEndpoint: { hostname: string; port: number }
  readonly privateEndpoint: { hostname: string; port: number }
  /** Creates or updates an ACL user (admin password, service-key users). */
  setUser(name: string, password: string): Promise<void>
  stop(): Promise<void>
}

export type BackendFactory = (deploymentGuid: string) => Promise<DeploymentBackend>

const CONTROL_USER = 'emulator_control'
const ADMIN_RULES = '~* &* +@all'

/** One real TLS redis-server per deployment. The admin user exists but nobody knows its password until the users API sets one. */
export const realRedisBackend: BackendFactory = async (guid) => {
  const ca = await createCertificateAuthority(`IBM Cloud Databases (sandbox ${guid.slice(0, 8)})`)
  const leaf = await issueServerCert(ca, { commonName: 'localhost', ...LOOPBACK_NAMES })
  const controlPassword = randomBytes(24).toString('hex')
  const server: RunningRedis = await startRedisServer({
    host: '127.0.0.1',
    tls: { cert: leaf.cert, key: leaf.key },
    defaultUser: 'off',
    users: [
      { name: CONTROL_USER, password: controlPassword },
      { name: 'admin', password: randomBytes(24).toString('hex'), rules: ADMIN_RULES }
    ]
  })
  const proxy = await startPassThrough(server.port)
  const control = new Redis({
    host: '127.0.0.1',
    port: server.port,
    username: CONTROL_USER,
    password: controlPassword,
    tls: { ca: ca.cert, servername: 'localhost' },
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true
  })
  control.on('error', () => undefined)
  return {
    caPem: ca.cert,
    publicEndpoint: { hostname: 'localhost', port: server.port },
    privateEndpoint: { hostname: '127.0.0.1', port: proxy.port },
    async setUser(name, password) {
      if (control.status === 'wait') await control.connect()
      const rules = name === 'admin' ? ADMIN_RULES.split(' ') : ['~*', '&*', '+@all']
      await control.call('ACL', 'SETUSER', name, 'reset', 'on', `>${password}`, ...rules)
    },
    async stop() {
      control.disconnect()
      await proxy.close()
      await server.stop()
    }
  }
}

/** No processes: a CA and made-up ports. For fast tests that never connect to Redis. */
export const fakeRedisBackend: BackendFactory = async () => {
  const ca = await createCertificateAuthority('IBM Cloud Databases (sandbox)')
  const base = 30000 + Math.floor(Math.random() * 2700)
  return {
    caPem: ca.cert,
    publicEndpoint: { hostname: 'localhost', port: base },
    privateEndpoint: { hostname: '127.0.0.1', port: base + 1 },
    async setUser() {},
    async stop() {}
  }
}

async function startPassThrough(targetPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort })
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve())
  })
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
