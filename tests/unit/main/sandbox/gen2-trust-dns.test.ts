import { X509Certificate } from 'node:crypto'
import fs from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { afterAll, describe, expect, it } from 'vitest'
import { certificatesInFile, defaultRoots, pemCertificates, trustAnchors } from '../../../../src/main/redis/tls-trust'
import { issueServerCert } from '../../../../src/main/sandbox/certs'
import { sniMatches } from '../../../../src/main/sandbox/emulator/sni-front'
import { GEN2_DOMAIN, sandboxPrivateDns } from '../../../../src/main/sandbox/private-dns'
import { createSandboxPki, SANDBOX_ROOT_NAME, writeSandboxRoot } from '../../../../src/main/sandbox/public-root'
import { loopbackEmulatorUrl } from '../../../../src/main/sandbox/sandbox-dns-client'
import { sandboxTrustedRoots } from '../../../../src/main/sandbox/sandbox-trust'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true })
})
const tempDir = async () => {
  const d = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-g2-trust-'))
  dirs.push(d)
  return d
}
const domain = `0b7d6f2c-6a55-4b1a-9d1e-1c8c3f0a9e21.private.uhp.redis.eu-de.${GEN2_DOMAIN}`

describe('the sandbox public root and its chain', () => {
  it('root → intermediate → leaf verifies with only the root trusted, and not without it', async () => {
    const pki = await createSandboxPki()
    const leaf = await issueServerCert(pki.intermediate, { dnsNames: [domain, `*.${domain}`] })
    const [root, intermediate, cert] = [pki.root.cert, pki.intermediate.cert, leaf.cert].map((p) => new X509Certificate(p))
    expect(root.subject).toBe(`CN=${SANDBOX_ROOT_NAME}`)
    expect(root.ca && intermediate.ca && !cert.ca).toBe(true)
    expect(intermediate.verify(root.publicKey) && cert.verify(intermediate.publicKey)).toBe(true)
    expect(cert.verify(root.publicKey)).toBe(false)
    expect(cert.checkHost(`replica.${domain}`)).toBe(`*.${domain}`)
    expect(cert.checkHost(`a.b.${domain}`)).toBeUndefined()
  })

  it('the root file holds the root only; the sandbox trust setting adds it only in a sandbox run', async () => {
    const pki = await createSandboxPki()
    const file = await writeSandboxRoot(await tempDir(), pki.root.cert)
    expect(pemCertificates(await fs.readFile(file, 'utf8'))).toEqual([pki.root.cert.trim()].map((p) => expect.stringContaining(p.slice(30, 90))))
    expect(sandboxTrustedRoots({ PSE_SANDBOX_ROOT_CA_FILE: file })).toBeUndefined()
    expect(sandboxTrustedRoots({ PSE_SANDBOX_URL: 'http://127.0.0.1:1', PSE_SANDBOX_ROOT_CA_FILE: file })).toHaveLength(1)
    expect(
      sandboxTrustedRoots({ PSE_SANDBOX_URL: 'http://127.0.0.1:1', PSE_SANDBOX_ROOT_CA_FILE: path.join(path.dirname(file), 'missing.pem') })
    ).toBeUndefined()
  })

  it('trust anchors: the profile CA alone; else the default roots plus the extra roots; else Node’s defaults', () => {
    expect(trustAnchors('PEM', ['EXTRA'])).toBe('PEM')
    expect(trustAnchors(null, undefined)).toBeUndefined()
    const anchors = trustAnchors(null, ['EXTRA']) as string[]
    expect(anchors.at(-1)).toBe('EXTRA')
    expect(anchors.length).toBe(defaultRoots().length + 1)
    expect(defaultRoots().length).toBeGreaterThanOrEqual(tls.rootCertificates.length)
  })

  it('default roots: Node’s own list where it has one, else the bundle plus the NODE_EXTRA_CA_CERTS file', async () => {
    const own = (tls as { getCACertificates?: (t: 'default') => string[] }).getCACertificates
    const pki = await createSandboxPki()
    const file = await writeSandboxRoot(await tempDir(), pki.root.cert)
    const saved = process.env.NODE_EXTRA_CA_CERTS
    process.env.NODE_EXTRA_CA_CERTS = file
    try {
      const roots = defaultRoots()
      if (own) expect(roots).toEqual(own('default'))
      else expect(roots).toEqual([...tls.rootCertificates, expect.stringContaining(pki.root.cert.trim().split('\n')[1])])
    } finally {
      if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS
      else process.env.NODE_EXTRA_CA_CERTS = saved
    }
  })

  it('a CA file is bounded and validated: garbage and non-certificates are left out', async () => {
    const dir = await tempDir()
    const pki = await createSandboxPki()
    const mixed = path.join(dir, 'mixed.pem')
    await fs.writeFile(mixed, `junk\n${pki.root.cert}\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n${pki.root.key}`)
    expect(certificatesInFile(mixed)).toHaveLength(1)
    const huge = path.join(dir, 'huge.pem')
    await fs.writeFile(huge, Buffer.alloc(3 * 1024 * 1024, 0x41))
    expect(certificatesInFile(huge)).toEqual([])
    expect(certificatesInFile(undefined)).toEqual([])
  })
})

describe('SNI rule of the Gen 2 front', () => {
  it('the domain or one label under it, case-insensitive; nothing else', () => {
    expect(sniMatches(domain, domain)).toBe(true)
    expect(sniMatches(`Replica.${domain.toUpperCase()}`, domain)).toBe(true)
    expect(sniMatches(`a.b.${domain}`, domain)).toBe(false)
    expect(sniMatches(`evil${domain}`, domain)).toBe(false)
    expect(sniMatches(`.${domain}`, domain)).toBe(false)
    expect(sniMatches('db.example.com', domain)).toBe(false)
  })
})

describe('sandbox DNS hook for Gen 2 names', () => {
  it('asks only a loopback emulator', () => {
    expect(loopbackEmulatorUrl('http://127.0.0.1:8080')?.port).toBe('8080')
    expect(loopbackEmulatorUrl('http://localhost:1')).toBeDefined()
    expect(loopbackEmulatorUrl('http://[::1]:1')).toBeDefined()
    expect(loopbackEmulatorUrl('http://10.0.0.1:1')).toBeUndefined()
    expect(loopbackEmulatorUrl('https://127.0.0.1:1')).toBeUndefined()
    expect(loopbackEmulatorUrl('not a url')).toBeUndefined()
  })

  it('a sandbox emulator off loopback: Gen 2 names are not found, never asked of anyone', async () => {
    const resolve = sandboxPrivateDns({ PSE_SANDBOX_URL: 'http://192.0.2.1:80' })!
    await expect(resolve(domain)).rejects.toMatchObject({ code: 'ENOTFOUND' })
    expect(await resolve('localhost')).toContain('127.0.0.1')
  })

  it('answers what the emulator says (loopback addresses only), 404 as not found, silence as a temporary failure', async () => {
    const asked: string[] = []
    let reply: { status: number; body: unknown } = { status: 404, body: {} }
    const server = http.createServer((req, res) => {
      asked.push(String(req.url))
      res.writeHead(reply.status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(reply.body))
    })
    await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, () => r()))
    const env = { PSE_SANDBOX_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
    try {
      const resolve = sandboxPrivateDns(env)!
      await expect(resolve(domain)).rejects.toMatchObject({ code: 'ENOTFOUND' })
      reply = { status: 200, body: { addresses: ['127.0.0.1', '10.240.0.4'] } }
      expect(await resolve(domain)).toEqual(['127.0.0.1'])
      reply = { status: 200, body: { addresses: ['8.8.8.8'] } }
      await expect(resolve(domain)).rejects.toMatchObject({ code: 'EAI_AGAIN' })
      expect(asked[0]).toBe(`/sandbox/v1/dns?name=${encodeURIComponent(domain)}`)
      expect(await resolve('localhost')).toContain('127.0.0.1')
      expect(asked).toHaveLength(3)
    } finally {
      server.close()
    }
  })
})
