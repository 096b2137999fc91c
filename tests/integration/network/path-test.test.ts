import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KnownHostsStore } from '../../../src/main/network/known-hosts'
import { testViaPath } from '../../../src/main/network/run-probe-via-path'
import { testViaSshSpec } from '../../../src/main/network/one-off-ssh'
import { networkPathRunners } from '../../../src/main/network/path-runners'
import { defaultProfileFields } from '../../../src/shared/schemas/profile'
import type { ProbeTarget } from '../../../src/main/redis/probe'
import type { SshPath } from '../../../src/shared/schemas/network-path'
import { PathTestResult } from '../../../src/shared/schemas/network'
import { useRedisHarness } from '../../support/redis'
import { isListening, startSshd, type Sshd } from '../../support/sshd'

/**
 * The connection test along each network path, with real parts: Debian's sshd and the harness's
 * TLS redis-server, all on 127.0.0.1. Private-endpoint diagnoses come from injected DNS answers
 * and TCP routed to a loopback black hole; no packet leaves loopback.
 */
const harness = useRedisHarness()
let bastion: Sshd
let inner: Sshd
let dataDir: string
let knownHosts: KnownHostsStore

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-path-'))
  knownHosts = new KnownHostsStore(dataDir)
  ;[bastion, inner] = await Promise.all([startSshd(), startSshd()])
})
afterAll(async () => {
  await Promise.allSettled([bastion?.stop(), inner?.stop()])
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true })
})

function target(overrides: Partial<ProbeTarget> = {}): ProbeTarget {
  const h = harness()
  return {
    host: 'localhost',
    port: h.tls.port,
    db: 0,
    username: h.users.app.username,
    password: h.users.app.password,
    tls: { enabled: true, caPem: h.ca.cert, servername: null, verifyServerCert: true },
    timeouts: { connectMs: 3000, commandMs: 3000 },
    ...overrides
  }
}

const sshPath = (s: Sshd, overrides: Partial<SshPath> = {}): SshPath => ({
  kind: 'ssh',
  host: s.host,
  port: s.port,
  username: s.username,
  auth: { method: 'key', privateKeyPath: s.keyPath },
  jumps: [],
  sshConfigAlias: null,
  hostKeyFingerprint: null,
  ...overrides
})

const localPortOf = (r: PathTestResult) => Number(/local 127\.0\.0\.1:(\d+)/.exec(r.target.connectedTo ?? '')?.[1])

describe('connection test through an SSH bastion (real sshd, real TLS Redis)', () => {
  it('asks to accept the host key first, then passes every phase with the TLS host name still verified', async () => {
    const first = await testViaPath(target(), sshPath(bastion), {}, { knownHosts })
    expect(first.ok).toBe(false)
    expect(first.code).toBe('ssh_host_key_unknown')
    expect(first.hostKey).toMatchObject({ host: '127.0.0.1', port: bastion.port, status: 'unknown', fingerprint: await bastion.hostKeyFingerprint() })
    PathTestResult.parse(first)

    await knownHosts.accept(first.hostKey!)
    const r = await testViaPath(target(), sshPath(bastion), {}, { knownHosts })
    expect(r.ok, JSON.stringify(r, null, 1)).toBe(true)
    expect(r.path).toBe('ssh')
    expect(r.phases.map((p) => p.name)).toEqual(['ssh_connect', 'ssh_auth', 'ssh_forward', 'dns', 'tcp', 'tls', 'auth', 'ping', 'write', 'info'])
    expect(r.dns.addresses).toContain('127.0.0.1') // resolved on the bastion
    expect(r.tls).toMatchObject({ verified: true, hostnameVerified: true })
    expect(r.target.servername).toBe('localhost')
    expect(JSON.stringify(r)).not.toContain(harness().users.app.password)
    PathTestResult.parse(r)
    expect(await isListening(localPortOf(r))).toBe(false)
  })

  it('still refuses a certificate for another name through the tunnel', async () => {
    await knownHosts.accept({ host: bastion.host, port: bastion.port, keyType: 'ssh-ed25519', fingerprint: await bastion.hostKeyFingerprint() })
    const r = await testViaPath(
      target({ tls: { enabled: true, caPem: harness().ca.cert, servername: 'other.example', verifyServerCert: true } }),
      sshPath(bastion),
      {},
      { knownHosts }
    )
    expect(r.code).toBe('tls_hostname_mismatch')
    expect(await isListening(localPortOf(r))).toBe(false)
  })

  it('unlocks a passphrase key from the secrets, and names a wrong passphrase', async () => {
    const p = sshPath(bastion, { auth: { method: 'key', privateKeyPath: bastion.encryptedKeyPath } })
    expect((await testViaPath(target(), p, { sshPassphrase: bastion.passphrase }, { knownHosts })).ok).toBe(true)
    const wrong = await testViaPath(target(), p, { sshPassphrase: 'wrong-one' }, { knownHosts })
    expect(wrong.code).toBe('ssh_key_passphrase_wrong')
    expect(wrong.phases.find((ph) => !ph.ok)).toMatchObject({ name: 'ssh_auth', ok: false })
    PathTestResult.parse(wrong)
  })

  it('goes through a jump host (two sshd hops)', async () => {
    await knownHosts.accept({ host: inner.host, port: inner.port, keyType: 'ssh-ed25519', fingerprint: await inner.hostKeyFingerprint() })
    const p = sshPath(inner, {
      jumps: [{ host: bastion.host, port: bastion.port, username: bastion.username, privateKeyPath: bastion.keyPath }],
      auth: { method: 'key', privateKeyPath: inner.keyPath }
    })
    const r = await testViaPath(target(), p, {}, { knownHosts })
    expect(r.ok, JSON.stringify(r, null, 1)).toBe(true)
    expect(r.target.connectedTo).toContain(`${bastion.port} → `)
    expect(await isListening(localPortOf(r))).toBe(false)
  })
})

describe('diagnosis of a private endpoint that fails directly (injected DNS, loopback black hole)', () => {
  const fast = { connectMs: 600, commandMs: 600 }

  it('resolves into 166.8.0.0/14 but nothing answers: not on the private network', async () => {
    const h = harness()
    const r = await testViaPath(
      target({ host: 'abc.c1.private.databases.appdomain.cloud', timeouts: fast }),
      { kind: 'direct' },
      {},
      {
        knownHosts,
        resolve: async () => ['166.9.16.209', '166.9.12.208'],
        connectTo: { host: h.blackhole.host, port: h.blackhole.port }
      }
    )
    expect(r.code).toBe('private_endpoint_unreachable')
    expect(r.diagnosis?.case).toBe('not_on_private_network')
    expect(r.diagnosis?.suggestions.map((s) => [s.kind, s.current])).toEqual([
      ['ssh', false],
      ['pod', false],
      ['direct', true]
    ])
    PathTestResult.parse(r)
  })

  it('a private name that does not resolve: private DNS not reachable', async () => {
    const r = await testViaPath(
      target({ host: 'abc.c1.private.databases.appdomain.cloud', timeouts: fast }),
      { kind: 'direct' },
      {},
      {
        knownHosts,
        resolve: async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }))
      }
    )
    expect(r.code).toBe('dns_not_found')
    expect(r.diagnosis?.case).toBe('private_dns_unreachable')
  })

  it('resolves to a VPC address (a VPE) that does not answer', async () => {
    const h = harness()
    const r = await testViaPath(
      target({ host: 'abc.c1.private.databases.appdomain.cloud', timeouts: fast }),
      { kind: 'direct' },
      {},
      {
        knownHosts,
        resolve: async () => ['10.240.64.6'],
        connectTo: { host: h.blackhole.host, port: h.blackhole.port }
      }
    )
    expect(r.code).toBe('tcp_timeout')
    expect(r.diagnosis?.case).toBe('vpe_unreachable')
    expect(r.diagnosis?.message).toMatch(/VPC/)
  })

  it('no diagnosis when the endpoint answers', async () => {
    const r = await testViaPath(target(), { kind: 'direct' }, {}, { knownHosts })
    expect(r.ok).toBe(true)
    expect(r.diagnosis).toBeNull()
  })
})

describe('one-off test through --via-ssh (alias from ~/.ssh/config, ProxyJump, fingerprint on the command line)', () => {
  it('resolves the alias with its jump, pins the given fingerprint, and saves it once it matched', async () => {
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-home-'))
    const store = new KnownHostsStore(await fs.mkdtemp(path.join(dataDir, 'oneoff-')))
    try {
      await fs.mkdir(path.join(home, '.ssh'), { mode: 0o700 })
      const config = [
        'Host jump',
        '  HostName 127.0.0.1',
        `  Port ${bastion.port}`,
        `  IdentityFile ${bastion.keyPath}`,
        'Host redis-bastion',
        '  HostName 127.0.0.1',
        `  Port ${inner.port}`,
        `  IdentityFile ${inner.keyPath}`,
        '  ProxyJump jump'
      ].join('\n')
      await fs.writeFile(path.join(home, '.ssh', 'config'), config)
      await store.accept({ host: bastion.host, port: bastion.port, keyType: 'ssh-ed25519', fingerprint: await bastion.hostKeyFingerprint() })

      const unknown = await testViaSshSpec(target(), `${inner.username}@redis-bastion`, store, { homeDir: home, env: {} })
      expect(unknown.code).toBe('ssh_host_key_unknown')
      expect(unknown.hostKey?.port).toBe(inner.port)

      const r = await testViaSshSpec(target(), `${inner.username}@redis-bastion`, store, { homeDir: home, env: {}, hostKey: unknown.hostKey!.fingerprint })
      expect(r.ok, JSON.stringify(r, null, 1)).toBe(true)
      expect((await store.lookup(inner.host, inner.port))?.fingerprint).toBe(await inner.hostKeyFingerprint())
      expect(await isListening(localPortOf(r))).toBe(false)
    } finally {
      await fs.rm(home, { recursive: true, force: true })
    }
  })
})

describe('runners for the profiles service', () => {
  it('hands a passphrase given by the caller to the key, and a missing one is named', async () => {
    const runners = networkPathRunners({ dataDir, env: {} })
    await knownHosts
      .accept({ host: bastion.host, port: bastion.port, keyType: 'ssh-ed25519', fingerprint: await bastion.hostKeyFingerprint() })
      .catch(() => undefined)
    const fields = defaultProfileFields({
      name: 'x',
      host: 'localhost',
      port: harness().tls.port,
      networkPath: sshPath(bastion, { auth: { method: 'key', privateKeyPath: bastion.encryptedKeyPath } })
    })
    const ok = await runners.ssh(fields, target(), {}, { sshSecret: bastion.passphrase })
    expect(ok.ok, JSON.stringify(ok, null, 1)).toBe(true)
    const missing = await runners.ssh(fields, target(), {})
    expect(missing.code).toBe('ssh_key_passphrase_required')
  })
})
