import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultProfileFields } from '../../../../src/shared/schemas/profile'
import { ProfilesService } from '../../../../src/main/profiles/service'
import { SecretStore, type Keychain } from '../../../../src/main/profiles/secrets'
import { ProfileStore } from '../../../../src/main/profiles/store'

class FakeKeychain implements Keychain {
  entries = new Map<string, string>()
  /** Runs once, inside the next setPassword (to stage a race). */
  beforeNextSet: (() => Promise<void>) | undefined
  /** From now on every call waits forever (an unanswered keychain prompt). */
  hang = false
  private wait<T>(value: () => T): Promise<T> {
    return this.hang ? new Promise<T>(() => undefined) : Promise.resolve(value())
  }
  async getPassword(s: string, a: string) {
    return this.wait(() => this.entries.get(`${s}/${a}`) ?? null)
  }
  async setPassword(s: string, a: string, p: string) {
    const before = this.beforeNextSet
    this.beforeNextSet = undefined
    await before?.()
    return this.wait(() => void this.entries.set(`${s}/${a}`, p))
  }
  async deletePassword(s: string, a: string) {
    return this.wait(() => this.entries.delete(`${s}/${a}`))
  }
}

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-kch-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('keychain calls have a time limit of their own', () => {
  it('a keychain that never answers gives keychain_timeout on read, write, delete and check', async () => {
    const keychain = new FakeKeychain()
    const store = new SecretStore('svc', async () => keychain, { timeoutMs: 50 })
    expect((await store.check()).mode).toBe('keychain')
    keychain.hang = true
    const timeout = { code: 'keychain_timeout', message: expect.stringMatching(/did not answer within/) }
    await expect(store.set('p1', 'password', 'pw')).rejects.toMatchObject(timeout)
    await expect(store.get('p1', 'password', 'keychain')).rejects.toMatchObject(timeout)
    await expect(store.getEntry('api-key')).rejects.toMatchObject(timeout)
    await expect(store.delete('p1', 'password', 'keychain')).rejects.toMatchObject(timeout)

    const fresh = new SecretStore('svc', async () => keychain, { timeoutMs: 50 })
    const status = await fresh.check()
    expect(status.mode).toBe('unavailable')
    expect(status.message).toMatch(/did not answer/)
    await expect(fresh.setEntry('api-key', 'k')).rejects.toMatchObject({ code: 'keychain_timeout' })
    // Asked again once the user answered the prompt: a timeout is not remembered as "no keychain".
    keychain.hang = false
    expect((await fresh.check()).mode).toBe('keychain')
  })
})

describe('ProfilesService.update', () => {
  it('deletes the secrets it just stored when the profile was deleted meanwhile', async () => {
    const keychain = new FakeKeychain()
    const svc = new ProfilesService(new ProfileStore(dir), new SecretStore('svc', async () => keychain), {})
    const p = await svc.create(defaultProfileFields({ name: 'Redis', host: 'redis.example.com', port: 6380 }), { password: 'old' })
    expect([...keychain.entries.keys()]).toEqual([`svc/profile:${p.id}:password`])
    // Another window deletes the profile while this edit writes its new secrets.
    keychain.beforeNextSet = async () => void (await svc.delete(p.id))
    await expect(svc.update(p.id, {}, { password: 'new', sshSecret: 'ssh-pp' })).rejects.toMatchObject({ code: 'profile_not_found' })
    expect([...keychain.entries.keys()]).toEqual([])
  })

  it('an ordinary edit keeps the new secret (the clean-up is for a vanished profile only)', async () => {
    const keychain = new FakeKeychain()
    const svc = new ProfilesService(new ProfileStore(dir), new SecretStore('svc', async () => keychain), {})
    const p = await svc.create(defaultProfileFields({ name: 'Redis', host: 'redis.example.com', port: 6380 }), { password: 'old' })
    await svc.update(p.id, {}, { password: 'new' })
    expect(keychain.entries.get(`svc/profile:${p.id}:password`)).toBe('new')
  })
})
