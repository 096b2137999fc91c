import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../src/main/app'
import { dispatch } from '../../../src/main/transport/dispatch'
import { defaultProfileFields, type Profile } from '../../../src/shared/schemas/profile'
import type { ProbeResult } from '../../../src/shared/schemas/probe'
import { useRedisHarness } from '../../support/redis'
import { startSshd, type Sshd } from '../../support/sshd'

/**
 * A bastion whose key has a passphrase: the passphrase is saved with the profile (as its
 * `sshSecret`, kept like every secret: keychain or, here, this session) and the one-click test
 * uses it. Real sshd and TLS Redis on loopback.
 */
const harness = useRedisHarness()
let bastion: Sshd
let dataDir: string
let app: App

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-ssh-secret-'))
  bastion = await startSshd()
  app = await createApp({ dataDir, transport: 'browser', sandbox: false, env: { ...process.env, PSE_WIZARD_KEYCHAIN_SERVICE: 'pse-wizard-test-ssh-secret' } })
})
afterAll(async () => {
  await app?.close()
  await bastion?.stop()
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true })
})

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(app.handlers, name, input, { signal: new AbortController().signal })
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`)
  return r.value as T
}

describe('saved SSH passphrase', () => {
  it('is kept as a secret of the profile, used by the one-click test, and never written to the data folder', async () => {
    const h = harness()
    await call('profiles.useSessionSecrets', {})
    const fields = defaultProfileFields({
      name: 'via bastion with passphrase',
      host: 'localhost',
      port: h.tls.port,
      username: h.users.app.username,
      tls: { enabled: true, caPem: h.ca.cert, servername: null, verifyServerCert: true, clientCertPem: null },
      networkPath: {
        kind: 'ssh',
        host: bastion.host,
        port: bastion.port,
        username: bastion.username,
        auth: { method: 'key', privateKeyPath: bastion.encryptedKeyPath },
        jumps: [],
        sshConfigAlias: null,
        hostKeyFingerprint: null
      }
    })
    const profile = await call<Profile>('profiles.create', { fields, secrets: { password: h.users.app.password, sshSecret: bastion.passphrase } })
    expect(profile.secrets.sshSecret).toBe('session')

    const first = await call<ProbeResult>('profiles.test', { id: profile.id })
    expect(first.code).toBe('ssh_host_key_unknown')
    await call('profiles.acceptHostKey', {
      host: first.hostKey!.host,
      port: first.hostKey!.port,
      keyType: first.hostKey!.keyType,
      fingerprint: first.hostKey!.fingerprint
    })

    const second = await call<ProbeResult>('profiles.test', { id: profile.id })
    expect(second.ok, JSON.stringify(second, null, 1)).toBe(true)

    // Removing the saved passphrase makes the same test fail for that reason, not another.
    await call('profiles.update', { id: profile.id, secrets: { sshSecret: null } })
    const third = await call<ProbeResult>('profiles.test', { id: profile.id })
    expect(third.ok).toBe(false)
    expect(third.code).toMatch(/^ssh_key_passphrase/)

    for (const file of await fs.readdir(dataDir, { recursive: true })) {
      const full = path.join(dataDir, file.toString())
      if ((await fs.stat(full)).isFile()) expect(await fs.readFile(full, 'utf8')).not.toContain(bastion.passphrase)
    }
  })
})
