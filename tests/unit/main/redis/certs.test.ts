import { X509Certificate, createPrivateKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createCertificateAuthority, issueClientCert, issueServerCert, LOOPBACK_NAMES } from '../../../../src/main/sandbox/certs'

describe('sandbox certificate authority', () => {
  it('issues a server certificate for the loopback names, signed by the CA', async () => {
    const ca = await createCertificateAuthority('PSE Test CA')
    const server = await issueServerCert(ca, LOOPBACK_NAMES)
    const caCert = new X509Certificate(ca.cert)
    const cert = new X509Certificate(server.cert)
    expect(caCert.ca).toBe(true)
    expect(cert.ca).toBe(false)
    expect(cert.checkIssued(caCert)).toBe(true)
    expect(cert.verify(caCert.publicKey)).toBe(true)
    expect(cert.checkHost('localhost')).toBe('localhost')
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1')
    expect(cert.checkIP('::1')).toBe('::1')
    expect(cert.checkHost('example.com')).toBeUndefined()
    expect(cert.subject).toBe('CN=localhost')
    expect(createPrivateKey(server.key).asymmetricKeyType).toBe('ec')
    expect(server.key).toMatch(/^-----BEGIN PRIVATE KEY-----/)
  })

  it('honours the validity window (an expired certificate)', async () => {
    const ca = await createCertificateAuthority('PSE Test CA')
    const notAfter = new Date(Date.now() - 24 * 3600_000)
    const expired = await issueServerCert(ca, { ...LOOPBACK_NAMES, notBefore: new Date(Date.now() - 10 * 24 * 3600_000), notAfter })
    const cert = new X509Certificate(expired.cert)
    expect(new Date(cert.validTo).getTime()).toBeLessThan(Date.now())
  })

  it('two authorities are unrelated', async () => {
    const [a, b] = await Promise.all([createCertificateAuthority('A'), createCertificateAuthority('B')])
    const leaf = new X509Certificate((await issueServerCert(a, { dnsNames: ['wrong.example'] })).cert)
    expect(leaf.verify(new X509Certificate(b.cert).publicKey)).toBe(false)
    expect(leaf.checkHost('localhost')).toBeUndefined()
  })

  it('issues client certificates for mutual TLS', async () => {
    const ca = await createCertificateAuthority('PSE Test CA')
    const client = await issueClientCert(ca, { commonName: 'app' })
    const cert = new X509Certificate(client.cert)
    expect(cert.subject).toBe('CN=app')
    expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.2')
  })
})
