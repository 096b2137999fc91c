import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportProfile } from '../../../src/main/profiles/exporters'
import { createCertificateAuthority, issueServerCert, type CertificateAuthority } from '../../../src/main/sandbox/certs'
import { startRedisServer, type RunningRedis } from '../../../src/main/sandbox/tls-redis'
import { defaultProfileFields } from '../../../src/shared/schemas/profile'

/**
 * The exported redis-cli line of a Gen 2 profile, run as the user would run it (bash, the real
 * redis-cli) against a loopback TLS endpoint whose certificate names only the VPE domain. The
 * endpoint records the SNI it received; "the system's trusted roots" are OpenSSL's default
 * verify paths, pointed at a test CA with SSL_CERT_FILE.
 */
const VPE = 'a1b2c3.private.us-south.databases.appdomain.cloud'
let ca: CertificateAuthority
let other: CertificateAuthority
let redis: RunningRedis
let front: tls.Server
let dir: string
const seenSni: Array<string | false> = []
const password = `pw-${randomBytes(9).toString('base64url')}`

beforeAll(async () => {
  ;[ca, other] = await Promise.all([createCertificateAuthority('Export test root'), createCertificateAuthority('Unrelated root')])
  const leaf = await issueServerCert(ca, { dnsNames: [VPE] })
  redis = await startRedisServer({ users: [{ name: 'svc-user', password }], defaultUser: 'off' })
  // TLS in front of a plain redis-server: records the SNI, then relays the bytes.
  front = tls.createServer({ key: leaf.key, cert: leaf.cert }, (socket) => {
    seenSni.push((socket as tls.TLSSocket & { servername?: string | false }).servername ?? false)
    const upstream = net.connect(redis.port, redis.host)
    socket.pipe(upstream).pipe(socket)
    const end = () => (socket.destroy(), upstream.destroy())
    socket.on('error', end)
    upstream.on('error', end)
  })
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-export-'))
  await fs.writeFile(path.join(dir, 'roots.pem'), ca.cert)
  await fs.writeFile(path.join(dir, 'other-roots.pem'), other.cert)
})

afterAll(async () => {
  await new Promise((resolve) => front?.close(resolve))
  await redis?.stop()
  if (dir) await fs.rm(dir, { recursive: true, force: true })
})

function run(script: string, roots: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, REDIS_PASSWORD: password, SSL_CERT_FILE: path.join(dir, roots), SSL_CERT_DIR: dir },
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.on('error', reject)
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })))
    child.stdin.end('PING\n')
  })
}

describe('a Gen 2 profile’s redis-cli export, run for real', () => {
  const fields = () =>
    defaultProfileFields({
      name: 'Gen 2 via tunnel',
      host: '127.0.0.1',
      port: (front.address() as net.AddressInfo).port,
      username: 'svc-user',
      tls: { enabled: true, caPem: null, servername: VPE, verifyServerCert: true, clientCertPem: null },
      origin: { kind: 'ibmcloud', crn: null, region: 'us-south', endpointType: 'private', generation: 'gen2' }
    })

  it('connects with --tls --sni <VPE domain> and the system roots, no CA file', async () => {
    const script = exportProfile(fields(), 'redis-cli').text
    expect(script).not.toContain('--cacert')
    seenSni.length = 0
    const result = await run(script, 'roots.pem')
    expect(result.stderr).not.toMatch(/error|fail/i)
    expect(result.stdout.trim()).toBe('PONG')
    expect(seenSni).toEqual([VPE])
  })

  it('fails when the system roots do not hold the issuer (so the roots really are what verifies)', async () => {
    const result = await run(exportProfile(fields(), 'redis-cli').text, 'other-roots.pem')
    expect(result.stdout).not.toContain('PONG')
    expect(result.stdout + result.stderr).toMatch(/certificate|SSL|TLS/i)
  })
})
