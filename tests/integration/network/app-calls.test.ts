import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../src/main/app'
import { dispatch } from '../../../src/main/transport/dispatch'
import { defaultProfileFields, type Profile } from '../../../src/shared/schemas/profile'
import type { PathTestResult, SessionTunnel } from '../../../src/shared/schemas/network'
import type { ProbeResult } from '../../../src/shared/schemas/probe'
import { useRedisHarness } from '../../support/redis'
import { isListening, startSshd, type Sshd } from '../../support/sshd'

/**
 * The bastion flow the UI drives, through the contract (dispatch validates every input and
 * output): create a profile with an SSH path, test it, accept the host key, test again.
 * Real sshd and TLS Redis on loopback; secrets kept for this session (no keychain needed).
 */
const harness = useRedisHarness()
let bastion: Sshd
let dataDir: string
let app: App

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-app-net-'))
  bastion = await startSshd()
  app = await createApp({ dataDir, transport: 'browser', sandbox: false, env: { ...process.env, PSE_WIZARD_KEYCHAIN_SERVICE: 'pse-wizard-test-network' } })
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

describe('bastion profile through the contract', () => {
  it('create → test (host key to accept) → accept → test passes with the SSH phases; nothing left listening', async () => {
    const h = harness()
    await call('profiles.useSessionSecrets', {})
    const fields = defaultProfileFields({
      name: 'via bastion',
      host: 'localhost',
      port: h.tls.port,
      username: h.users.app.username,
      tls: { enabled: true, caPem: h.ca.cert, servername: null, verifyServerCert: true, clientCertPem: null },
      networkPath: {
        kind: 'ssh',
        host: bastion.host,
        port: bastion.port,
        username: bastion.username,
        auth: { method: 'key', privateKeyPath: bastion.keyPath },
        jumps: [],
        sshConfigAlias: null,
        hostKeyFingerprint: null
      }
    })
    const profile = await call<Profile>('profiles.create', { fields, secrets: { password: h.users.app.password } })

    const first = await call<ProbeResult>('profiles.test', { id: profile.id })
    expect(first.code).toBe('ssh_host_key_unknown')
    expect(first.hostKey).toMatchObject({ status: 'unknown', fingerprint: await bastion.hostKeyFingerprint() })

    await call('network.acceptHostKey', {
      host: first.hostKey!.host,
      port: first.hostKey!.port,
      keyType: first.hostKey!.keyType,
      fingerprint: first.hostKey!.fingerprint
    })
    const second = await call<ProbeResult>('profiles.test', { id: profile.id })
    expect(second.ok, JSON.stringify(second, null, 1)).toBe(true)
    expect(second.phases.map((p) => p.name).slice(0, 4)).toEqual(['ssh_connect', 'ssh_auth', 'ssh_forward', 'dns'])
    expect(JSON.stringify(second)).not.toContain(h.users.app.password)

    const viaPath = await call<PathTestResult>('network.testPath', { profileId: profile.id })
    expect(viaPath).toMatchObject({ ok: true, path: 'ssh', hostKey: null, diagnosis: null, pod: null })
    const port = Number(/local 127\.0\.0\.1:(\d+)/.exec(viaPath.target.connectedTo ?? '')?.[1])
    expect(await isListening(port)).toBe(false)

    const saved = await call<Profile>('profiles.get', { id: profile.id })
    expect(saved.lastTest).toMatchObject({ ok: true })

    // A session tunnel says who else can reach it, and goes when the app closes.
    const other = await createApp({ dataDir, transport: 'browser', sandbox: false, env: { ...process.env, PSE_WIZARD_KEYCHAIN_SERVICE: 'pse-wizard-test-network' } })
    const tunnel = await call<SessionTunnel>('network.openTunnel', { profileId: profile.id, minutes: 5 })
    expect(tunnel.warning).toMatch(/Other users of this computer can connect/)
    expect(await isListening(tunnel.localPort)).toBe(true)
    await app.close()
    expect(await isListening(tunnel.localPort)).toBe(false)
    app = other
  })

  it('rejects a host key that is not a fingerprint, and a pod path with a binary that is not oc/kubectl', async () => {
    const bad = await dispatch(
      app.handlers,
      'network.acceptHostKey',
      { host: 'h', port: 22, keyType: 'x', fingerprint: 'MD5:00' },
      { signal: new AbortController().signal }
    )
    expect(bad.ok).toBe(false)
    const badPath = await dispatch(
      app.handlers,
      'network.testPath',
      { profileId: 'x', networkPath: { kind: 'pod', tool: 'kubectl', binaryPath: '/bin/sh', context: null, namespace: 'default', image: null } },
      { signal: new AbortController().signal }
    )
    expect(badPath).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('a bastion key passphrase is kept as a secret of the profile, used by the one-click test, and never written to the data folder', async () => {
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

    // The bastion's host key may already be pinned by an earlier case of this file.
    let second = await call<ProbeResult>('profiles.test', { id: profile.id })
    if (second.code === 'ssh_host_key_unknown') {
      await call('network.acceptHostKey', {
        host: second.hostKey!.host,
        port: second.hostKey!.port,
        keyType: second.hostKey!.keyType,
        fingerprint: second.hostKey!.fingerprint
      })
      second = await call<ProbeResult>('profiles.test', { id: profile.id })
    }
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
