import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KnownHostsStore } from '../../../src/main/network/known-hosts'
import { resolveSshHost } from '../../../src/main/network/ssh-config'
import { openTunnel, TunnelFailure, withTunnel, type SshHop, type TunnelOptions } from '../../../src/main/network/ssh-tunnel'
import { freePort, isListening, startSshd, type Sshd } from '../../support/sshd'
import { startSilentServer } from '../../support/net'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

/** Real sshd (Debian's openssh-server) on loopback ports; every packet stays on 127.0.0.1. */
let bastion: Sshd
let inner: Sshd
let echo: net.Server
let echoPort: number
let dataDir: string
let store: KnownHostsStore

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-net-'))
  store = new KnownHostsStore(dataDir)
  ;[bastion, inner] = await Promise.all([startSshd(), startSshd()])
  echo = net.createServer((s) => s.pipe(s))
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r))
  echoPort = (echo.address() as net.AddressInfo).port
})

afterAll(async () => {
  await Promise.allSettled([bastion?.stop(), inner?.stop()])
  await new Promise((r) => echo?.close(r))
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true })
})

const hopOf = (s: Sshd, auth: SshHop['auth'] = { method: 'key', privateKeyPath: s.keyPath }): SshHop => ({
  host: s.host,
  port: s.port,
  username: s.username,
  auth
})

const options = (hops: SshHop[], targetPort = echoPort): TunnelOptions => ({
  hops,
  target: { host: '127.0.0.1', port: targetPort },
  pinnedFingerprint: async (h, p) => (await store.lookup(h, p))?.fingerprint,
  // A home with no ~/.ssh: these tests are about the app's own pins, whatever the machine's known_hosts say.
  knownHostsHome: dataDir,
  timeouts: { connectMs: 5000, authMs: 5000, forwardMs: 5000 }
})

async function failure(p: Promise<unknown>): Promise<TunnelFailure> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(TunnelFailure)
  return e as TunnelFailure
}

function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => s.write(text))
    let got = ''
    s.on('data', (d) => {
      got += d.toString()
      if (got.length >= text.length) {
        s.destroy()
        resolve(got)
      }
    })
    s.on('error', reject)
  })
}

async function acceptHostKey(s: Sshd): Promise<void> {
  await store.accept({ host: s.host, port: s.port, keyType: 'ssh-ed25519', fingerprint: await s.hostKeyFingerprint() })
}

describe('SSH tunnel through a real sshd', () => {
  it('stops at an unknown host key and reports the fingerprint OpenSSH prints', async () => {
    const e = await failure(openTunnel(options([hopOf(bastion)])))
    expect(e.code).toBe('ssh_host_key_unknown')
    expect(e.hostKey?.fingerprint).toBe(await bastion.hostKeyFingerprint())
    expect(e.hostKey?.status).toBe('unknown')
    expect(e.phases.find((p) => p.name === 'ssh_connect')?.ok).toBe(false)
  })

  it('forwards a loopback port once the key is accepted, reports the SSH phases, and closes the port', async () => {
    await acceptHostKey(bastion)
    let port = 0
    await withTunnel(options([hopOf(bastion)]), async (tunnel) => {
      port = tunnel.localPort
      expect(tunnel.localHost).toBe('127.0.0.1')
      expect(tunnel.phases.map((p) => p.name)).toEqual(['ssh_connect', 'ssh_auth', 'ssh_forward'])
      expect(tunnel.phases.every((p) => p.ok && p.ms >= 0)).toBe(true)
      expect(await roundTrip(port, 'hello through ssh')).toBe('hello through ssh')
      expect(await roundTrip(port, 'second connection')).toBe('second connection')
    })
    expect(port).toBeGreaterThan(0)
    expect(await isListening(port)).toBe(false)
  })

  it('unlocks a passphrase-protected key, and names a wrong or missing passphrase', async () => {
    const withPass = hopOf(bastion, { method: 'key', privateKeyPath: bastion.encryptedKeyPath, passphrase: bastion.passphrase })
    await withTunnel(options([withPass]), async (t) => expect(await roundTrip(t.localPort, 'pp')).toBe('pp'))
    const wrong = await failure(openTunnel(options([hopOf(bastion, { method: 'key', privateKeyPath: bastion.encryptedKeyPath, passphrase: 'not-it' })])))
    expect(wrong.code).toBe('ssh_key_passphrase_wrong')
    expect(wrong.message).not.toContain('not-it')
    const missing = await failure(openTunnel(options([hopOf(bastion, { method: 'key', privateKeyPath: bastion.encryptedKeyPath })])))
    expect(missing.code).toBe('ssh_key_passphrase_required')
  })

  it('refuses a key file larger than 1 MiB before reading it whole', async () => {
    const big = path.join(dataDir, 'not-a-key.bin')
    await fs.writeFile(big, Buffer.alloc(2 * 1024 * 1024, 0x41))
    const e = await failure(openTunnel(options([hopOf(bastion, { method: 'key', privateKeyPath: big })])))
    expect(e.code).toBe('ssh_key_too_large')
    expect(e.message).toMatch(/larger than 1 MiB/)
  })

  it('names a key the server does not accept', async () => {
    const e = await failure(openTunnel(options([hopOf(bastion, { method: 'key', privateKeyPath: bastion.strangerKeyPath })])))
    expect(e.code).toBe('ssh_auth_failed')
    expect(e.phases.find((p) => p.name === 'ssh_connect')?.ok).toBe(true)
    expect(e.phases.find((p) => p.name === 'ssh_auth')?.ok).toBe(false)
  })

  it('says when the bastion cannot reach the target', async () => {
    const closed = await freePort()
    const e = await failure(openTunnel(options([hopOf(bastion)], closed)))
    expect(e.code).toBe('ssh_forward_failed')
    expect(e.phases.find((p) => p.name === 'ssh_forward')?.ok).toBe(false)
  })

  it('says when nothing listens for SSH', async () => {
    const closed = await freePort()
    const e = await failure(openTunnel(options([{ host: '127.0.0.1', port: closed, username: 'x', auth: { method: 'key', privateKeyPath: bastion.keyPath } }])))
    expect(e.code).toBe('ssh_connect_refused')
  })

  it('goes through two sshd hops resolved from a ProxyJump in an ssh config', async () => {
    await acceptHostKey(inner)
    const config = [
      'Host jump',
      '  HostName 127.0.0.1',
      `  Port ${bastion.port}`,
      `  User ${bastion.username}`,
      `  IdentityFile ${bastion.keyPath}`,
      'Host inner',
      '  HostName 127.0.0.1',
      `  Port ${inner.port}`,
      `  User ${inner.username}`,
      `  IdentityFile ${inner.keyPath}`,
      '  ProxyJump jump'
    ].join('\n')
    const resolved = resolveSshHost(config, 'inner')
    const hops = [...resolved.jumps, resolved].map((e) => ({
      host: e.host,
      port: e.port,
      username: e.username!,
      auth: { method: 'key' as const, privateKeyPath: e.identityFiles[0] }
    }))
    expect(hops.map((h) => h.port)).toEqual([bastion.port, inner.port])
    let port = 0
    await withTunnel(options(hops), async (t) => {
      port = t.localPort
      expect(await roundTrip(t.localPort, 'two hops')).toBe('two hops')
      expect(t.phases.every((p) => p.ok)).toBe(true)
    })
    expect(await isListening(port)).toBe(false)
  })

  it('is a hard stop with a warning when a pinned host key changed', async () => {
    const moving = await startSshd()
    try {
      await acceptHostKey(moving)
      await withTunnel(options([hopOf(moving)]), async (t) => expect(await roundTrip(t.localPort, 'ok')).toBe('ok'))
      const old = await moving.hostKeyFingerprint()
      await moving.replaceHostKey()
      const e = await failure(openTunnel(options([hopOf(moving)])))
      expect(e.code).toBe('ssh_host_key_changed')
      expect(e.message).toMatch(/WARNING/)
      expect(e.hostKey?.fingerprint).toBe(await moving.hostKeyFingerprint())
      expect(e.detail).toContain(old)
      // The first-connection accept flow cannot overwrite a changed pin.
      await expect(store.accept({ host: moving.host, port: moving.port, keyType: 'ssh-ed25519', fingerprint: e.hostKey!.fingerprint })).rejects.toMatchObject({
        code: 'ssh_host_key_changed'
      })
    } finally {
      await moving.stop()
    }
  })

  it('stops when cancelled and leaves nothing open', async () => {
    const controller = new AbortController()
    controller.abort()
    const e = await failure(openTunnel({ ...options([hopOf(bastion)]), signal: controller.signal }))
    expect(e.code).toBe('cancelled')
  })

  it('logs in with a key held by a real ssh-agent', async () => {
    const sock = path.join(dataDir, 'agent.sock')
    const run = promisify(execFile)
    const { stdout } = await run('ssh-agent', ['-a', sock, '-s'])
    const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(stdout)?.[1])
    try {
      await run('ssh-add', [bastion.keyPath], { env: { ...process.env, SSH_AUTH_SOCK: sock } })
      await withTunnel(options([hopOf(bastion, { method: 'agent', agentSocket: sock })]), async (t) =>
        expect(await roundTrip(t.localPort, 'agent')).toBe('agent')
      )
    } finally {
      if (pid) process.kill(pid)
    }
    const none = await failure(openTunnel(options([hopOf(bastion, { method: 'agent', agentSocket: path.join(dataDir, 'no-agent.sock') })])))
    expect(none.code).toBe('ssh_agent_unavailable')
  })

  it('names a password the server refuses', async () => {
    const e = await failure(openTunnel(options([hopOf(bastion, { method: 'password', password: 'not-a-password' })])))
    expect(e.code).toBe('ssh_auth_failed')
    expect(e.message).not.toContain('not-a-password')
  })

  it('times out on a server that accepts TCP and never speaks SSH', async () => {
    const silent = await startSilentServer()
    try {
      const e = await failure(
        openTunnel({
          ...options([{ host: silent.host, port: silent.port, username: 'x', auth: { method: 'key', privateKeyPath: bastion.keyPath } }]),
          timeouts: { connectMs: 300, authMs: 300, forwardMs: 300 }
        })
      )
      expect(e.code).toBe('ssh_timeout')
      expect(e.phases).toEqual([expect.objectContaining({ name: 'ssh_connect', ok: false })])
    } finally {
      await silent.close()
    }
  })

  it('says when the bastion forbids port forwarding', async () => {
    const strict = await startSshd({ allowTcpForwarding: false })
    try {
      await acceptHostKey(strict)
      const e = await failure(openTunnel(options([hopOf(strict)])))
      expect(e.code).toBe('ssh_forward_denied')
    } finally {
      await strict.stop()
    }
  })

  it('closes a session tunnel by itself when its lifetime ends', async () => {
    const tunnel = await openTunnel({ ...options([hopOf(bastion)]), lifetimeMs: 200 })
    const port = tunnel.localPort
    await tunnel.closed
    expect(await isListening(port)).toBe(false)
  })

  it('names a jump host that cannot reach the next hop', async () => {
    const closed = await freePort()
    const e = await failure(
      openTunnel(options([hopOf(bastion), { host: '127.0.0.1', port: closed, username: 'x', auth: { method: 'key', privateKeyPath: bastion.keyPath } }]))
    )
    expect(e.code).toBe('ssh_forward_failed')
    expect(e.message).toMatch(/next SSH server/)
    expect(e.phases.find((p) => p.name === 'ssh_connect')?.ok).toBe(false)
  })
})
