import { randomBytes } from 'node:crypto'
import Redis from 'ioredis'
import { issueServerCert } from '../certs'
import { startRedisServer } from '../tls-redis'
import type { SandboxPki } from '../public-root'
import { startSniFront } from './sni-front'
import type { DeploymentBackend, Gen2KeyRole } from './redis-backend'

/**
 * What stands behind a sandbox Gen 2 deployment (facts §1.7–1.8): one TLS redis-server on
 * 127.0.0.1 whose certificate chains like a public one (sandbox root → intermediate → leaf for the
 * instance's domain and `*.` of it; the server sends leaf + intermediate), behind an SNI front
 * (sni-front.ts) that refuses any other server name, admits sources as CBR says, and is the
 * only port a client sees. No `admin` user: users are resource keys with a role.
 */
export type Gen2BackendFactory = (instance: { guid: string; domain: string }, pki: SandboxPki) => Promise<DeploymentBackend>

/** The ACL rules of a Gen 2 key's role. Writer: data commands, none of @admin / @dangerous (INFO, KEYS, FLUSHALL, CONFIG, ACL…). */
export const GEN2_ROLE_RULES: Record<Gen2KeyRole, string[]> = {
  Manager: ['~*', '&*', '+@all'],
  Writer: ['~*', '&*', '+@all', '-@admin', '-@dangerous']
}

const CONTROL_USER = 'emulator_control'

export const realGen2Backend: Gen2BackendFactory = async ({ domain }, pki) => {
  const leaf = await issueServerCert(pki.intermediate, { commonName: domain, dnsNames: [domain, `*.${domain}`] })
  const controlPassword = randomBytes(24).toString('hex')
  const server = await startRedisServer({
    host: '127.0.0.1',
    // redis-server reads its tls-cert-file as a chain: leaf first, then the intermediate.
    tls: { cert: `${leaf.cert.trim()}\n${pki.intermediate.cert.trim()}\n`, key: leaf.key },
    defaultUser: 'off',
    users: [{ name: CONTROL_USER, password: controlPassword }]
  })
  let front
  try {
    front = await startSniFront({ targetPort: server.port, domain })
  } catch (e) {
    await server.stop()
    throw e
  }
  const control = new Redis({
    host: '127.0.0.1',
    port: server.port,
    username: CONTROL_USER,
    password: controlPassword,
    tls: { ca: pki.root.cert, servername: domain },
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true
  })
  control.on('error', () => undefined)
  const endpoint = { hostname: domain, port: front.port }
  const sniFront = front
  return {
    caPem: pki.root.cert,
    // Gen 2 is private only; both names point at the one front so Gen 1-shaped readers still work.
    publicEndpoint: endpoint,
    privateEndpoint: endpoint,
    async setUser(name, password, role = 'Manager') {
      if (control.status === 'wait') await control.connect()
      await control.call('ACL', 'SETUSER', name, 'reset', 'on', `>${password}`, ...GEN2_ROLE_RULES[role])
    },
    async setEndpoints(enabled) {
      sniFront.setEnabled(enabled.private)
    },
    setAdmission(admit) {
      sniFront.setAdmission(admit)
    },
    async stop() {
      control.disconnect()
      await sniFront.close()
      await server.stop()
    }
  }
}

/** No processes: the name and IBM's port 6379. For fast tests that never connect to Redis. */
export const fakeGen2Backend: Gen2BackendFactory = async ({ domain }, pki) => {
  const endpoint = { hostname: domain, port: 6379 }
  return {
    caPem: pki.root.cert,
    publicEndpoint: endpoint,
    privateEndpoint: endpoint,
    async setUser() {},
    async setEndpoints() {},
    setAdmission() {},
    async stop() {}
  }
}
