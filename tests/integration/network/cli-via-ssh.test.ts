import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { createProfilesService } from '../../../src/main/profiles'
import { defaultProfileFields } from '../../../src/shared/schemas/profile'
import { useRedisHarness } from '../../support/redis'
import { startSshd, type Sshd } from '../../support/sshd'

/** `pse-wizard test` through a real sshd to the real TLS Redis, all on loopback. */
const harness = useRedisHarness()
let bastion: Sshd
let home: string
let caFile: string

beforeAll(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-cli-ssh-'))
  bastion = await startSshd()
  caFile = path.join(home, 'ca.pem')
  await fs.writeFile(caFile, harness().ca.cert)
})
afterAll(async () => {
  await bastion?.stop()
  if (home) await fs.rm(home, { recursive: true, force: true })
})

async function run(argv: string[], extraEnv: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const env = { PATH: process.env.PATH, PSE_WIZARD_HOME: home, PSE_WIZARD_KEYCHAIN_SERVICE: 'pse-wizard-test-cli-ssh', ...extraEnv }
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, signal: new AbortController().signal })
  return {
    code,
    stdout,
    stderr,
    json: () => JSON.parse(stdout) as { ok: boolean; code: string | null; hostKey?: { fingerprint: string }; phases: Array<{ name: string }> }
  }
}

describe('pse-wizard test --via-ssh', () => {
  it('stops at an unknown host key (exit 1), passes with the checked fingerprint (exit 0) and remembers it', async () => {
    const h = harness()
    const url = `rediss://${h.users.app.username}@localhost:${h.tls.port}/0`
    const via = ['--via-ssh', `${bastion.username}@127.0.0.1:${bastion.port}`, '--ssh-key', bastion.encryptedKeyPath]
    const env = { REDIS_PASSWORD: h.users.app.password, PSE_SSH_PASSPHRASE: bastion.passphrase }

    const first = await run(['test', '--url', url, '--ca', caFile, ...via, '--json'], env)
    expect(first.code).toBe(1)
    expect(first.json().code).toBe('ssh_host_key_unknown')
    const fingerprint = first.json().hostKey!.fingerprint
    expect(fingerprint).toBe(await bastion.hostKeyFingerprint())

    const second = await run(['test', '--url', url, '--ca', caFile, ...via, '--ssh-host-key', fingerprint, '--json'], env)
    expect(second.code, second.stdout + second.stderr).toBe(0)
    expect(
      second
        .json()
        .phases.map((p) => p.name)
        .slice(0, 3)
    ).toEqual(['ssh_connect', 'ssh_auth', 'ssh_forward'])
    expect(second.stdout).not.toContain(h.users.app.password)
    expect(second.stdout).not.toContain(bastion.passphrase)

    const third = await run(['test', '--url', url, '--ca', caFile, ...via], env)
    expect(third.code, third.stdout + third.stderr).toBe(0)
    expect(third.stdout).toMatch(/\[ ok \] SSH forward/)
    expect((await run(['hostkey', 'list'])).stdout).toContain(fingerprint)
  })

  it('tests a saved profile whose path is an SSH bastion, with no option at all', async () => {
    const h = harness()
    const service = createProfilesService(home, { PSE_WIZARD_KEYCHAIN_SERVICE: 'pse-wizard-test-cli-ssh' })
    await service.create(
      defaultProfileFields({
        name: 'redis via bastion',
        host: 'localhost',
        port: h.tls.port,
        username: h.users.app.username,
        tls: { enabled: true, caPem: h.ca.cert, servername: null, verifyServerCert: true, clientCertPem: null },
        networkPath: {
          kind: 'ssh',
          host: '127.0.0.1',
          port: bastion.port,
          username: bastion.username,
          auth: { method: 'key', privateKeyPath: bastion.keyPath },
          jumps: [],
          sshConfigAlias: null,
          hostKeyFingerprint: null
        }
      })
    )
    const r = await run(['test', 'redis via bastion', '--json'], { REDIS_PASSWORD: h.users.app.password })
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.json().phases[0].name).toBe('ssh_connect')
  })

  it('exits 2 on bad usage', async () => {
    expect((await run(['test', '--url', 'rediss://localhost:1', '--ssh-key', '/x'])).code).toBe(2)
    expect((await run(['test', '--url', 'rediss://localhost:1', '--via-ssh', '@nohost'])).code).toBe(2)
    expect((await run(['test', '--url', 'rediss://localhost:1', '--via-ssh', 'u@h', '--ssh-host-key', 'MD5:00'])).code).toBe(2)
  })
})
