import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { probe, type ProbeTarget } from '../../../src/main/redis/probe'
import {
  createCertificateAuthority,
  issueClientCert,
  issueServerCert,
  LOOPBACK_NAMES,
  type CertificateAuthority,
  type PemPair
} from '../../../src/main/sandbox/certs'
import { startRedisServer, type RunningRedis } from '../../../src/main/sandbox/tls-redis'

/** Mutual TLS against a real redis-server that requires client certificates (tls-auth-clients yes). */
describe('probe: mutual TLS (tls-auth-clients yes)', () => {
  let ca: CertificateAuthority
  let otherCa: CertificateAuthority
  let client: PemPair
  let strangerClient: PemPair
  let server: RunningRedis
  const password = `mtls-${randomBytes(9).toString('base64url')}`

  beforeAll(async () => {
    ;[ca, otherCa] = await Promise.all([createCertificateAuthority('PSE mTLS CA'), createCertificateAuthority('Unrelated client CA')])
    const [serverCert, clientCert, stranger] = await Promise.all([
      issueServerCert(ca, LOOPBACK_NAMES),
      issueClientCert(ca, { commonName: 'pse-wizard-test-client' }),
      issueClientCert(otherCa, { commonName: 'stranger' })
    ])
    client = clientCert
    strangerClient = stranger
    server = await startRedisServer({ tls: { ...serverCert, ca: ca.cert, authClients: 'yes' }, users: [{ name: 'app', password }], defaultUser: 'off' })
  })
  afterAll(async () => {
    await server?.stop()
  })

  const target = (cert: PemPair | null): ProbeTarget => ({
    host: 'localhost',
    port: server.port,
    db: 0,
    username: 'app',
    password,
    tls: { enabled: true, caPem: ca.cert, servername: null, verifyServerCert: true, clientCertPem: cert?.cert ?? null, clientKeyPem: cert?.key ?? null },
    timeouts: { connectMs: 3000, commandMs: 3000 }
  })

  it('passes every phase with the client certificate the server trusts', async () => {
    const result = await probe(target(client))
    expect(result.ok, JSON.stringify(result, null, 1)).toBe(true)
  })

  it('fails without a client certificate, with a code and advice that say so', async () => {
    const result = await probe(target(null))
    expect(result.ok).toBe(false)
    expect(result.code).toBe('tls_client_cert_rejected')
    expect(result.message).toMatch(/mutual TLS/)
    expect(result.phases.find((p) => !p.ok)?.detail).toMatch(/requires a client certificate and got none/)
    // The refusal comes after the TLS 1.3 handshake looked done: still, TLS is the phase that failed.
    expect(result.phases.map((p) => `${p.name}:${p.skipped ? 'skipped' : p.ok ? 'ok' : 'failed'}`)).toEqual([
      'dns:ok',
      'tcp:ok',
      'tls:failed',
      'auth:skipped',
      'ping:skipped',
      'write:skipped',
      'info:skipped'
    ])
  })

  it('fails with a client certificate from another CA', async () => {
    const result = await probe(target(strangerClient))
    expect(result.ok).toBe(false)
    expect(result.code).toBe('tls_client_cert_rejected')
    expect(result.phases.find((p) => !p.ok)?.detail).toMatch(/does not trust the CA/)
  })
})
