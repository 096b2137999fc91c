import net from 'node:net'
import { joinSockets, openLoopbackGate, type LoopbackGate } from './loopback-gate'
import { randomBytes } from 'node:crypto'
import Redis from 'ioredis'
import { createCertificateAuthority, issueServerCert, LOOPBACK_NAMES } from '../certs'
import { startRedisServer, type RunningRedis } from '../tls-redis'

/**
 * What stands behind an emulated deployment. Sandbox mode and the integration tests use the real
 * backend: one TLS redis-server per deployment, with its own CA. Hostnames are loopback names
 * that its certificate covers, so hostname verification passes:
 *   public endpoint:  `localhost:<port1>`
 *   private endpoint: `127.0.0.1:<port2>`
 * Each is a TCP pass-through to the one redis-server (so TLS, CA and data are the same, as on
 * IBM Cloud), opened or closed on its own when `service-endpoints` changes: a disabled endpoint
 * refuses connections. Both are on 127.0.0.1: a second 127.x address is not configured on
 * macOS or Windows, so "private" is told apart by hostname and port, not by network.
 */
export interface DeploymentBackend {
  readonly caPem: string
  readonly publicEndpoint: { hostname: string; port: number }
  readonly privateEndpoint: { hostname: string; port: number }
  /**
   * Creates or updates an ACL user (admin password, service-key users). `role` is a Gen 2 key's
   * service role (Manager: every command; Writer: data commands only); Gen 1 users ignore it.
   */
  setUser(name: string, password: string, role?: Gen2KeyRole): Promise<void>
  /** Opens or closes one endpoint (its port stays reserved). */
  setEndpoints(enabled: { public: boolean; private: boolean }): Promise<void>
  /**
   * Who may connect (a restriction in force: CBR rule or allowlist), by source address; undefined =
   * anyone. Connections from other sources are closed at once, open ones cut.
   */
  setAdmission(admit: ((sourceAddress: string) => boolean) | undefined): void
  stop(): Promise<void>
}

/** The service roles of a Gen 2 resource key (each is a Redis ACL user with the role's rules). */
export type Gen2KeyRole = 'Manager' | 'Writer'

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
  const publicProxy = await startPassThrough(server.port)
  const privateProxy = await startPassThrough(server.port)
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
    publicEndpoint: { hostname: 'localhost', port: publicProxy.port },
    privateEndpoint: { hostname: '127.0.0.1', port: privateProxy.port },
    async setUser(name, password) {
      if (control.status === 'wait') await control.connect()
      const rules = name === 'admin' ? ADMIN_RULES.split(' ') : ['~*', '&*', '+@all']
      await control.call('ACL', 'SETUSER', name, 'reset', 'on', `>${password}`, ...rules)
    },
    async setEndpoints(enabled) {
      publicProxy.setEnabled(enabled.public)
      privateProxy.setEnabled(enabled.private)
    },
    setAdmission(admit) {
      publicProxy.setAdmission(admit)
      privateProxy.setAdmission(admit)
    },
    async stop() {
      control.disconnect()
      await publicProxy.close()
      await privateProxy.close()
      await server.stop()
    }
  }
}

/** The same deployment, its private endpoint under another name (same port): what `privateEndpoint: 'unresolvable'` hands out. */
export function withPrivateName(backend: DeploymentBackend, hostname: string): DeploymentBackend {
  return {
    caPem: backend.caPem,
    publicEndpoint: backend.publicEndpoint,
    privateEndpoint: { hostname, port: backend.privateEndpoint.port },
    setUser: (name, password, role) => backend.setUser(name, password, role),
    setEndpoints: (enabled) => backend.setEndpoints(enabled),
    setAdmission: (admit) => backend.setAdmission(admit),
    stop: () => backend.stop()
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
    async setEndpoints() {},
    setAdmission() {},
    async stop() {}
  }
}

/** A TCP pass-through on a free loopback port. Disabled = new connections are closed at once and open ones cut. */
function startPassThrough(targetPort: number): Promise<LoopbackGate> {
  return openLoopbackGate((client, track) => {
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort })
    track(upstream)
    joinSockets(client, upstream)
  })
}
