import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { KnownHostsStore } from '../../../src/main/network/known-hosts'
import { openTunnel, TunnelFailure, withTunnel, type TunnelOptions } from '../../../src/main/network/ssh-tunnel'
import { startSshd, type Sshd } from '../../support/sshd'

const run = promisify(execFile)

/**
 * The user's own OpenSSH known_hosts, written by the real OpenSSH tools (ssh-keyscan, plain and
 * hashed; ssh -o StrictHostKeyChecking=accept-new) against a real sshd on 127.0.0.1.
 */
let sshd: Sshd
let echo: net.Server
let echoPort: number
let root: string
let home: string
let store: KnownHostsStore
let hostKeyLine: string

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-ukh-'))
  sshd = await startSshd()
  echo = net.createServer((s) => s.pipe(s))
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r))
  echoPort = (echo.address() as net.AddressInfo).port
  hostKeyLine = (await fs.readFile(path.join(sshd.dir, 'host_ed25519.pub'), 'utf8')).trim()
})
afterAll(async () => {
  await sshd?.stop()
  await new Promise((r) => echo?.close(r))
  if (root) await fs.rm(root, { recursive: true, force: true })
})
beforeEach(async () => {
  home = await fs.mkdtemp(path.join(root, 'home-'))
  await fs.mkdir(path.join(home, '.ssh'), { mode: 0o700 })
  // No pins: whatever is trusted here is trusted from known_hosts.
  store = new KnownHostsStore(path.join(home, 'data'))
})

const options = (): TunnelOptions => ({
  hops: [{ host: sshd.host, port: sshd.port, username: sshd.username, auth: { method: 'key', privateKeyPath: sshd.keyPath } }],
  target: { host: '127.0.0.1', port: echoPort },
  pinnedFingerprint: async (h, p) => (await store.lookup(h, p))?.fingerprint,
  knownHostsHome: home,
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

async function keyscan(hashed: boolean): Promise<string> {
  const { stdout } = await run('ssh-keyscan', [...(hashed ? ['-H'] : []), '-t', 'ed25519', '-p', String(sshd.port), '127.0.0.1'], { timeout: 10_000 })
  expect(stdout).toContain('ssh-ed25519')
  return stdout
}

async function expectTrustedFrom(shown: string): Promise<void> {
  await withTunnel(options(), async (tunnel) => {
    const connect = tunnel.phases.find((p) => p.name === 'ssh_connect')!
    expect(connect.ok).toBe(true)
    expect(connect.detail).toContain(`host key of 127.0.0.1:${sshd.port} trusted from ${shown}`)
  })
  // Trusted without a prompt, and nothing was pinned or written on the way.
  expect(await store.list()).toEqual([])
}

describe("the user's OpenSSH known_hosts", () => {
  it('stops at an unknown key when known_hosts says nothing (the pins decide)', async () => {
    const e = await failure(openTunnel(options()))
    expect(e.code).toBe('ssh_host_key_unknown')
  })

  it('trusts a key from a plain known_hosts written by ssh-keyscan, without a prompt, and never writes the file', async () => {
    const file = path.join(home, '.ssh', 'known_hosts')
    const text = await keyscan(false)
    expect(text).toContain(`[127.0.0.1]:${sshd.port} ssh-ed25519 `)
    await fs.writeFile(file, `# mine\n${text}`)
    const before = await fs.stat(file)
    await expectTrustedFrom('~/.ssh/known_hosts')
    const after = await fs.stat(file)
    expect(after.mtimeMs).toBe(before.mtimeMs)
    expect(await fs.readFile(file, 'utf8')).toBe(`# mine\n${text}`)
  })

  it('trusts a key from a hashed known_hosts written by ssh-keyscan -H (in known_hosts2)', async () => {
    const text = await keyscan(true)
    expect(text).toMatch(/^\|1\|[A-Za-z0-9+/=]+\|[A-Za-z0-9+/=]+ ssh-ed25519 /m)
    await fs.writeFile(path.join(home, '.ssh', 'known_hosts2'), text)
    await expectTrustedFrom('~/.ssh/known_hosts2')
  })

  it('trusts a key that ssh -o StrictHostKeyChecking=accept-new recorded in the UserKnownHostsFile of ~/.ssh/config', async () => {
    const file = path.join(home, 'work_known_hosts')
    await run(
      'ssh',
      [
        '-F',
        '/dev/null',
        '-o',
        'BatchMode=yes',
        '-o',
        'StrictHostKeyChecking=accept-new',
        '-o',
        `UserKnownHostsFile=${file}`,
        '-o',
        'GlobalKnownHostsFile=/dev/null',
        '-o',
        'HashKnownHosts=yes',
        '-o',
        'IdentitiesOnly=yes',
        '-o',
        'IdentityAgent=none',
        '-i',
        sshd.keyPath,
        '-p',
        String(sshd.port),
        `${sshd.username}@127.0.0.1`,
        'true'
      ],
      { timeout: 15_000 }
    )
    expect(await fs.readFile(file, 'utf8')).toMatch(/^\|1\|/)
    await fs.writeFile(path.join(home, '.ssh', 'config'), `Host 127.0.0.1\n  UserKnownHostsFile ~/work_known_hosts\n`)
    await expectTrustedFrom('~/work_known_hosts')
  })

  it('stops hard when known_hosts lists a different key for the host, even when the app pinned the right one', async () => {
    const other = path.join(home, 'other_ed25519')
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other])
    const otherKey = (await fs.readFile(`${other}.pub`, 'utf8')).trim().split(/\s+/).slice(0, 2).join(' ')
    await fs.writeFile(path.join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${sshd.port} ${otherKey}\n`)
    await store.accept({ host: sshd.host, port: sshd.port, keyType: 'ssh-ed25519', fingerprint: await sshd.hostKeyFingerprint() })
    const e = await failure(openTunnel(options()))
    expect(e.code).toBe('ssh_host_key_changed')
    expect(e.message).toContain('~/.ssh/known_hosts line 1')
    expect(e.hostKey?.status).toBe('changed')
    expect(e.hostKey?.fingerprint).toBe(await sshd.hostKeyFingerprint())
  })

  it('refuses a key marked @revoked, even next to a line that lists it for this host', async () => {
    const key = hostKeyLine.split(/\s+/).slice(0, 2).join(' ')
    await fs.writeFile(path.join(home, '.ssh', 'known_hosts'), `${await keyscan(false)}@revoked * ${key}\n`)
    await store.accept({ host: sshd.host, port: sshd.port, keyType: 'ssh-ed25519', fingerprint: await sshd.hostKeyFingerprint() })
    const e = await failure(openTunnel(options()))
    expect(e.code).toBe('ssh_host_key_revoked')
    expect(e.message).toContain('@revoked')
    expect(e.hostKey).toBeUndefined()
  })
})
