import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NetworkPath } from '../../../../src/shared/schemas/network-path'
import { defaultProfileFields, type ProfileFields } from '../../../../src/shared/schemas/profile'
import type { ProbeResult } from '../../../../src/shared/schemas/probe'
import { profileAccess } from '../../../../src/main/network/profile-access'
import { ProfilesService } from '../../../../src/main/profiles/service'
import { SecretStore, type Keychain } from '../../../../src/main/profiles/secrets'
import { ProfileStore } from '../../../../src/main/profiles/store'
import type { ProbeTarget } from '../../../../src/main/redis/probe'

/** Issue 11, hole 4: a saved secret goes only where it was saved for. Fake keychain and probe. */
class CountingKeychain implements Keychain {
  entries = new Map<string, string>()
  reads = 0
  async getPassword(s: string, a: string) {
    if (a !== 'status-check') this.reads++
    return this.entries.get(`${s}/${a}`) ?? null
  }
  async setPassword(s: string, a: string, p: string) {
    this.entries.set(`${s}/${a}`, p)
  }
  async deletePassword(s: string, a: string) {
    return this.entries.delete(`${s}/${a}`)
  }
}

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-endpoint-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const tls = { enabled: true, caPem: null, servername: null, verifyServerCert: true, clientCertPem: null }
const fields = (over: Partial<ProfileFields> = {}): ProfileFields =>
  defaultProfileFields({ name: 'Redis', host: 'redis.example.com', port: 6380, tls, ...over })
const bastion = (over: Partial<Extract<NetworkPath, { kind: 'ssh' }>> = {}): NetworkPath => ({
  kind: 'ssh',
  host: 'bastion.example.com',
  port: 22,
  username: 'ops',
  auth: { method: 'password' },
  jumps: [],
  sshConfigAlias: null,
  hostKeyFingerprint: null,
  ...over
})

function result(target: ProbeTarget): ProbeResult {
  return {
    ok: true,
    code: null,
    message: 'm',
    startedAt: new Date().toISOString(),
    totalMs: 1,
    target: { host: target.host, port: target.port, tls: true, servername: null, connectedTo: null },
    phases: [],
    dns: { addresses: [], classification: null, classes: [] },
    tls: null,
    ping: null,
    write: null,
    server: null
  }
}

function setup() {
  const keychain = new CountingKeychain()
  const sent: Array<{ target: ProbeTarget; sshSecret: string | null | undefined }> = []
  const runner = async (_f: ProfileFields, target: ProbeTarget, _o: unknown, p?: { sshSecret?: string | null }) => {
    sent.push({ target, sshSecret: p?.sshSecret })
    return result(target)
  }
  const store = new ProfileStore(dir)
  const secrets = new SecretStore('svc', async () => keychain)
  const svc = new ProfilesService(store, secrets, { pathRunners: { direct: runner, ssh: runner, pod: runner } })
  return { svc, keychain, sent, store, secrets }
}

describe('testDraft with a profileId', () => {
  it('a changed host, port or TLS server name is refused before any keychain read or connection', async () => {
    const { svc, keychain, sent } = setup()
    const p = await svc.create(fields(), { password: 'saved-pw' })
    keychain.reads = 0
    const moved = [fields({ host: 'evil.example.net' }), fields({ port: 6381 }), fields({ tls: { ...tls, servername: 'evil.example.net' } })]
    for (const draft of moved) {
      await expect(svc.testDraft(draft, {}, { profileId: p.id })).rejects.toMatchObject({
        code: 'saved_secret_endpoint_changed',
        params: { host: draft.host, port: draft.port, savedHost: 'redis.example.com', savedPort: 6380 },
        message: expect.stringMatching(/redis\.example\.com:6380.*(evil\.example\.net|6381)/)
      })
    }
    expect(sent).toHaveLength(0)
    expect(keychain.reads).toBe(0)
  })

  it('confirmEndpoint naming exactly the draft host:port lets the saved password go there', async () => {
    const { svc, sent } = setup()
    const p = await svc.create(fields(), { password: 'saved-pw' })
    const draft = fields({ host: 'other.example.com', port: 7000 })
    await expect(svc.testDraft(draft, {}, { profileId: p.id, confirmEndpoint: 'redis.example.com:6380' })).rejects.toMatchObject({
      code: 'saved_secret_endpoint_changed'
    })
    await expect(svc.testDraft(draft, {}, { profileId: p.id, confirmEndpoint: 'other.example.com:7001' })).rejects.toMatchObject({
      code: 'saved_secret_endpoint_changed'
    })
    expect(sent).toHaveLength(0)
    expect((await svc.testDraft(draft, {}, { profileId: p.id, confirmEndpoint: 'other.example.com:7000' })).ok).toBe(true)
    expect(sent[0].target).toMatchObject({ host: 'other.example.com', port: 7000, password: 'saved-pw' })
  })

  it('TLS turned off or unverified is refused even when confirmed: the password must be typed again', async () => {
    const { svc, sent } = setup()
    const p = await svc.create(fields(), { password: 'saved-pw' })
    for (const t of [
      { ...tls, enabled: false },
      { ...tls, verifyServerCert: false }
    ]) {
      await expect(svc.testDraft(fields({ tls: t }), {}, { profileId: p.id, confirmEndpoint: 'redis.example.com:6380' })).rejects.toMatchObject({
        code: 'saved_secret_needs_tls'
      })
    }
    expect(sent).toHaveLength(0)
    expect((await svc.testDraft(fields({ tls: { ...tls, enabled: false } }), { password: 'typed' }, { profileId: p.id })).ok).toBe(true)
    expect(sent[0].target.password).toBe('typed')
  })

  it('the same endpoint (case, trailing dot, SNI spelled out as the host) and other edits keep the saved password', async () => {
    const { svc, sent } = setup()
    const p = await svc.create(fields(), { password: 'saved-pw' })
    await svc.testDraft(fields({ host: 'Redis.Example.com.', name: 'renamed', timeouts: { connectMs: 900, commandMs: 900 } }), {}, { profileId: p.id })
    await svc.testDraft(fields({ tls: { ...tls, servername: 'redis.example.com' } }), {}, { profileId: p.id })
    expect(sent.map((s) => s.target.password)).toEqual(['saved-pw', 'saved-pw'])
  })

  it('a typed password, or no saved one, needs no check', async () => {
    const { svc, sent } = setup()
    const withSaved = await svc.create(fields(), { password: 'saved-pw' })
    const without = await svc.create(fields({ name: 'no secret' }))
    await svc.testDraft(fields({ host: 'elsewhere.example.com' }), { password: 'typed' }, { profileId: withSaved.id })
    await svc.testDraft(fields({ host: 'elsewhere.example.com' }), {}, { profileId: without.id })
    expect(sent.map((s) => s.target.password)).toEqual(['typed', null])
  })

  it('a saved client key follows the same rule', async () => {
    const { svc, sent } = setup()
    const p = await svc.create(fields(), {})
    // Stored directly: this test is about where it may go, not about its PEM.
    await svc.secrets.set(p.id, 'clientKey', 'KEY')
    await svc.store.mutate((ps) => ({ profiles: ps.map((x) => ({ ...x, secrets: { ...x.secrets, clientKey: 'keychain' as const } })), value: null }))
    await expect(svc.testDraft(fields({ port: 1 }), {}, { profileId: p.id })).rejects.toMatchObject({
      code: 'saved_secret_endpoint_changed',
      message: expect.stringContaining('client key')
    })
    expect(sent).toHaveLength(0)
  })

  it('a new pod path, or a new bastion without verified TLS, never gets the saved password', async () => {
    const { svc, sent } = setup()
    const p = await svc.create(fields(), { password: 'saved-pw' })
    const pod: NetworkPath = { kind: 'pod', tool: 'kubectl', binaryPath: null, context: 'other-cluster', namespace: 'default', image: null }
    await expect(svc.testDraft(fields({ networkPath: pod }), {}, { profileId: p.id })).rejects.toMatchObject({
      code: 'saved_secret_path_changed',
      params: { path: 'pod' }
    })
    const plain = await svc.create(fields({ name: 'plain', tls: { ...tls, enabled: false } }), { password: 'plain-pw' })
    await expect(
      svc.testDraft(fields({ tls: { ...tls, enabled: false }, networkPath: bastion({ auth: { method: 'agent' } }) }), {}, { profileId: plain.id })
    ).rejects.toMatchObject({ code: 'saved_secret_path_changed', params: { path: 'ssh' } })
    expect(sent).toHaveLength(0)
    // Through a new bastion with verified TLS the bastion cannot read it: allowed.
    await svc.testDraft(fields({ networkPath: bastion({ auth: { method: 'agent' } }) }), {}, { profileId: p.id })
    expect(sent[0].target.password).toBe('saved-pw')
  })

  it('the saved SSH password goes only to the bastion, jumps and login method it was saved with', async () => {
    const { svc, sent } = setup()
    const p = await svc.create(fields({ networkPath: bastion() }), { sshSecret: 'ssh-pw' })
    const changed = [
      bastion({ host: 'evil.example.net' }),
      bastion({ port: 2222 }),
      bastion({ username: 'root' }),
      bastion({ auth: { method: 'key', privateKeyPath: '/home/u/.ssh/id' } }),
      bastion({ jumps: [{ host: 'jump.example.net', port: 22, username: 'j', privateKeyPath: null }] })
    ]
    for (const networkPath of changed) {
      await expect(svc.testDraft(fields({ networkPath }), {}, { profileId: p.id })).rejects.toMatchObject({
        code: 'saved_secret_path_changed',
        params: { secret: 'sshSecret' }
      })
    }
    expect(sent).toHaveLength(0)
    await svc.testDraft(fields({ networkPath: bastion({ host: 'evil.example.net' }) }), { sshSecret: 'typed-ssh' }, { profileId: p.id })
    await svc.testDraft(fields({ networkPath: bastion({ sshConfigAlias: 'renamed' }) }), {}, { profileId: p.id })
    expect(sent.map((s) => s.sshSecret)).toEqual(['typed-ssh', 'ssh-pw'])
  })
})

describe('network.testPath profile access', () => {
  it('an unsaved path: refused for a new pod, saved SSH secret only for the saved bastion', async () => {
    const { svc, store, secrets } = setup()
    const p = await svc.create(fields({ networkPath: bastion() }), { password: 'saved-pw', sshSecret: 'ssh-pw' })
    const access = profileAccess(store, secrets)
    const pod: NetworkPath = { kind: 'pod', tool: 'oc', binaryPath: null, context: null, namespace: 'x', image: 'evil.example.net/steal:1' }
    await expect(access.load(p.id, pod)).rejects.toMatchObject({ code: 'saved_secret_path_changed' })
    expect((await access.load(p.id, bastion({ host: 'b2.example.com' }))).networkPath).toMatchObject({ host: 'b2.example.com' })
    await expect(access.sshSecret(p.id, bastion({ host: 'b2.example.com' }))).rejects.toMatchObject({ code: 'saved_secret_path_changed' })
    expect(await access.sshSecret(p.id, bastion())).toBe('ssh-pw')
    expect(await access.sshSecret(p.id)).toBe('ssh-pw')
  })
})
