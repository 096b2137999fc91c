import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KnownHostsStore } from '../../../src/main/network/known-hosts'
import { networkService, type ProfileAccess } from '../../../src/main/network/service'
import type { NetworkPath } from '../../../src/shared/schemas/network-path'
import { useRedisHarness } from '../../support/redis'
import { isListening, startSshd, type Sshd } from '../../support/sshd'

/** The service the UI calls, over real sshd and TLS Redis on loopback; profiles come from a fake store. */
const harness = useRedisHarness()
let bastion: Sshd
let dir: string

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-svc-'))
  bastion = await startSshd()
})
afterAll(async () => {
  await bastion?.stop()
  if (dir) await fs.rm(dir, { recursive: true, force: true })
})

function service(networkPath: () => NetworkPath, home = dir) {
  const profiles: ProfileAccess = {
    load: async () => {
      const h = harness()
      return {
        target: {
          host: 'localhost',
          port: h.tls.port,
          db: 0,
          username: h.users.app.username,
          password: h.users.app.password,
          tls: { enabled: true, caPem: h.ca.cert, servername: null, verifyServerCert: true },
          timeouts: { connectMs: 3000, commandMs: 3000 }
        },
        networkPath: networkPath(),
        privateEndpoint: false
      }
    },
    sshSecret: async () => bastion.passphrase
  }
  return networkService({ knownHosts: new KnownHostsStore(dir), profiles, homeDir: home })
}

const sshPath = (): NetworkPath => ({
  kind: 'ssh',
  host: bastion.host,
  port: bastion.port,
  username: bastion.username,
  auth: { method: 'key', privateKeyPath: bastion.encryptedKeyPath },
  jumps: [],
  sshConfigAlias: null,
  hostKeyFingerprint: null
})

describe('network service (what the UI calls)', () => {
  it('test → host key to accept → accept → test passes, passphrase read from the keychain side', async () => {
    const svc = service(sshPath)
    const first = await svc.testPath({ profileId: 'p1' })
    expect(first.code).toBe('ssh_host_key_unknown')
    await svc.acceptHostKey({ ...first.hostKey!, host: first.hostKey!.host, port: first.hostKey!.port })
    const second = await svc.testPath({ profileId: 'p1' })
    expect(second.ok, JSON.stringify(second, null, 1)).toBe(true)
    expect(second.phases.slice(0, 3).map((p) => p.name)).toEqual(['ssh_connect', 'ssh_auth', 'ssh_forward'])
    // A passphrase typed for one test wins over the saved one.
    expect((await svc.testPath({ profileId: 'p1', sshSecret: 'typed-wrong' })).code).toBe('ssh_key_passphrase_wrong')
  })

  it('keeps a session tunnel on loopback that a TLS client can use with the real host name, and closes it', async () => {
    const svc = service(sshPath)
    const t = await svc.openSessionTunnel('p1', 5)
    expect(t.localHost).toBe('127.0.0.1')
    expect(t.sharedWithLocalUsers).toBe(true)
    expect(t.warning).toContain(`Other users of this computer can connect to 127.0.0.1:${t.localPort}`)
    expect(svc.listSessionTunnels()).toHaveLength(1)
    const socket = tls.connect({ host: t.localHost, port: t.localPort, servername: 'localhost', ca: harness().ca.cert })
    await new Promise<void>((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject))
    expect(socket.authorized).toBe(true)
    socket.destroy()
    expect(await svc.closeSessionTunnel(t.id)).toEqual({ closed: true })
    expect(await isListening(t.localPort)).toBe(false)
    expect(svc.listSessionTunnels()).toHaveLength(0)

    const again = await svc.openSessionTunnel('p1', 5)
    await svc.close()
    expect(await isListening(again.localPort)).toBe(false)
  })

  it('lists and resolves ~/.ssh/config aliases', async () => {
    const home = await fs.mkdtemp(path.join(dir, 'home-'))
    await fs.mkdir(path.join(home, '.ssh'))
    await fs.writeFile(
      path.join(home, '.ssh', 'config'),
      [
        'Host bastion',
        '  HostName 127.0.0.1',
        '  Port 2200',
        '  User ops',
        '  ProxyJump gw',
        'Host gw',
        '  HostName 127.0.0.2',
        'Host *',
        '  IdentityFile ~/.ssh/id_ed25519'
      ].join('\n')
    )
    const svc = service(sshPath, home)
    expect(await svc.sshAliases()).toEqual({ found: true, aliases: ['bastion', 'gw'] })
    expect(await svc.resolveSshAlias('bastion')).toEqual({
      host: '127.0.0.1',
      port: 2200,
      username: 'ops',
      identityFile: path.join(home, '.ssh', 'id_ed25519'),
      jumps: [{ host: '127.0.0.2', port: 22, username: null, identityFile: path.join(home, '.ssh', 'id_ed25519') }]
    })
    expect(await service(sshPath, path.join(dir, 'nohome')).sshAliases()).toEqual({ found: false, aliases: [] })
  })

  it('diagnoses the direct route of a profile whose path is ssh', async () => {
    const svc = service(sshPath)
    // The harness Redis answers directly, so there is nothing to explain.
    expect(await svc.diagnose('p1')).toBeNull()
  })
})
