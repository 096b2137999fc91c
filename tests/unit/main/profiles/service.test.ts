import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultProfileFields, type ProfileFields } from '../../../../src/shared/schemas/profile'
import type { ProbeResult } from '../../../../src/shared/schemas/probe'
import { ProfilesService } from '../../../../src/main/profiles/service'
import { SecretStore, type Keychain } from '../../../../src/main/profiles/secrets'
import { ProfileStore } from '../../../../src/main/profiles/store'
import type { ProbeTarget } from '../../../../src/main/redis/probe'

/** Unit tests with a fake keychain and a fake path runner; the real ones are in tests/integration. */
class FakeKeychain implements Keychain {
  entries = new Map<string, string>()
  async getPassword(s: string, a: string) {
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-svc-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function fields(over: Partial<ProfileFields> = {}): ProfileFields {
  return defaultProfileFields({ name: 'Redis', host: 'redis.example.com', port: 6380, ...over })
}

function fakeResult(target: ProbeTarget, ok = true): ProbeResult {
  return {
    ok,
    code: ok ? null : 'auth_failed',
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

function service(keychain: Keychain | (() => Promise<Keychain>) = new FakeKeychain(), seen: ProbeTarget[] = []) {
  const load = typeof keychain === 'function' ? keychain : async () => keychain
  return new ProfilesService(new ProfileStore(dir), new SecretStore('svc', load), {
    pathRunners: {
      direct: async (_f, target) => {
        seen.push(target)
        return fakeResult(target, target.password === 'right')
      }
    }
  })
}

describe('ProfilesService', () => {
  it('keeps secrets in the keychain and only their location in the profile', async () => {
    const keychain = new FakeKeychain()
    const svc = service(keychain)
    const p = await svc.create(fields(), { password: 'right' })
    expect(p.secrets).toEqual({ password: 'keychain', clientKey: 'none', sshSecret: 'none' })
    expect(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).not.toContain('right"')
    expect(await svc.reveal(p.id, 'password')).toBe('right')
    await svc.update(p.id, {}, { password: null })
    expect((await svc.get(p.id)).secrets.password).toBe('none')
    expect(keychain.entries.size).toBe(0)
  })

  it('without a keychain: refuses to save a secret (nothing written) until session-only is chosen', async () => {
    const svc = service(async () => {
      throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')
    })
    expect((await svc.keychainStatus()).mode).toBe('unavailable')
    await expect(svc.create(fields(), { password: 'right' })).rejects.toMatchObject({
      code: 'keychain_unavailable',
      message: expect.stringContaining('gnome-keyring')
    })
    expect((await svc.list()).profiles).toEqual([])
    svc.useSessionSecrets()
    const p = await svc.create(fields(), { password: 'right' })
    expect(p.secrets.password).toBe('session')
    expect((await svc.test(p.id)).ok).toBe(true)
  })

  it('a lost secret stops the test with secret_unreadable (no connection attempted)', async () => {
    const keychain = new FakeKeychain()
    const seen: ProbeTarget[] = []
    const svc = service(keychain, seen)
    const p = await svc.create(fields(), { password: 'right' })
    keychain.entries.clear()
    await expect(svc.test(p.id)).rejects.toMatchObject({ code: 'secret_unreadable' })
    expect(seen).toHaveLength(0)
    const all = await svc.testAll(undefined)
    expect(all.results[0]).toMatchObject({ result: null, error: { code: 'secret_unreadable' } })
  })

  it('import keeps pasted secrets in main under a one-use import id', async () => {
    const svc = service()
    const draft = svc.importText('rediss://app:right@redis.example.com:6380/0')
    expect(JSON.stringify(draft)).not.toContain('right')
    expect(draft.secretsFound.password).toBe(true)
    const p = await svc.create(draft.fields, {}, draft.importId)
    expect(await svc.reveal(p.id, 'password')).toBe('right')
    await expect(svc.create(draft.fields, {}, draft.importId)).rejects.toMatchObject({ code: 'import_expired' })
  })

  it('records the last test; tests drafts with stored secrets when editing', async () => {
    const seen: ProbeTarget[] = []
    const svc = service(new FakeKeychain(), seen)
    const p = await svc.create(fields(), { password: 'right' })
    await svc.test(p.id)
    expect((await svc.get(p.id)).lastTest).toMatchObject({ ok: true, code: null })
    // Another port gets the saved password only once the user confirmed that endpoint (issue 11).
    await expect(svc.testDraft(fields({ port: 7000 }), {}, { profileId: p.id })).rejects.toMatchObject({ code: 'saved_secret_endpoint_changed' })
    const draftResult = await svc.testDraft(fields({ port: 7000 }), {}, { profileId: p.id, confirmEndpoint: 'redis.example.com:7000' })
    expect(draftResult.ok).toBe(true)
    expect(seen[1]).toMatchObject({ port: 7000, password: 'right' })
  })

  it('test all respects the concurrency bound', async () => {
    let active = 0
    let peak = 0
    const svc = new ProfilesService(new ProfileStore(dir), new SecretStore('svc', async () => new FakeKeychain()), {
      pathRunners: {
        direct: async (_f, target) => {
          active++
          peak = Math.max(peak, active)
          await new Promise((r) => setTimeout(r, 10))
          active--
          return fakeResult(target)
        }
      }
    })
    for (let i = 0; i < 7; i++) await svc.create(fields({ name: `r${i}` }))
    const { results } = await svc.testAll(undefined, 3)
    expect(results).toHaveLength(7)
    expect(peak).toBe(3)
  })

  it('validates certificates for real and rejects junk PEM', async () => {
    const svc = service()
    const fake = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'
    await expect(
      svc.create(fields({ tls: { enabled: true, caPem: fake, servername: null, verifyServerCert: true, clientCertPem: null } }))
    ).rejects.toMatchObject({ code: 'invalid_certificate' })
  })
})
