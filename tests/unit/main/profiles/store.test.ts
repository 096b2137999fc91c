import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultProfileFields, type Profile } from '../../../../src/shared/schemas/profile'
import { ProfileStore, PROFILES_FILE } from '../../../../src/main/profiles/store'
import { withFileLock } from '../../../../src/main/profiles/file-lock'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-store-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

function profile(id: string, name = id): Profile {
  return {
    ...defaultProfileFields({ name, host: 'redis.example.com', port: 6380 }),
    id,
    secrets: { password: 'none', clientKey: 'none', sshSecret: 'none' },
    createdAt: 't',
    updatedAt: 't',
    lastTest: null
  }
}

const file = () => path.join(dir, PROFILES_FILE)

describe('ProfileStore', () => {
  it('starts empty, writes a versioned file, finds by id or name', async () => {
    const store = new ProfileStore(dir)
    expect(await store.list()).toEqual({ profiles: [] })
    await store.mutate((ps) => ({ profiles: [...ps, profile('a', 'Alpha')], value: null }))
    const raw = JSON.parse(fs.readFileSync(file(), 'utf8'))
    expect(raw.schemaVersion).toBe(1)
    expect((await store.find('alpha')).id).toBe('a')
    expect((await store.get('a')).name).toBe('Alpha')
    await expect(store.get('zzz')).rejects.toMatchObject({ code: 'profile_not_found' })
    expect(fs.statSync(file()).mode & 0o777).toBe(0o600)
    expect(fs.existsSync(`${file()}.lock`)).toBe(false)
  })

  it('migrates a version-0 file (a bare array)', async () => {
    fs.writeFileSync(file(), JSON.stringify([profile('old')]))
    const store = new ProfileStore(dir)
    expect((await store.list()).profiles.map((p) => p.id)).toEqual(['old'])
    await store.mutate((ps) => ({ profiles: ps, value: null }))
    expect(JSON.parse(fs.readFileSync(file(), 'utf8')).schemaVersion).toBe(1)
  })

  it('keeps a corrupt file aside with a clear message and never overwrites it', async () => {
    fs.writeFileSync(file(), '{"schemaVersion": 1, "profiles": [')
    const store = new ProfileStore(dir)
    const { profiles, warning } = await store.list()
    expect(profiles).toEqual([])
    expect(warning).toMatch(/could not be read.*kept as .*profiles\.json\.unreadable-/)
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('profiles.json.unreadable-'))
    expect(aside).toHaveLength(1)
    expect(fs.readFileSync(path.join(dir, aside[0]), 'utf8')).toBe('{"schemaVersion": 1, "profiles": [')
  })

  it('keeps the valid profiles when some entries are invalid, and the original aside', async () => {
    fs.writeFileSync(file(), JSON.stringify({ schemaVersion: 1, profiles: [profile('good'), { id: 'bad' }] }))
    const store = new ProfileStore(dir)
    const { profiles, warning } = await store.list()
    expect(profiles.map((p) => p.id)).toEqual(['good'])
    expect(warning).toMatch(/1 profile\(s\) in it were not valid/)
    expect(fs.readdirSync(dir).some((f) => f.startsWith('profiles.json.unreadable-'))).toBe(true)
    expect((await new ProfileStore(dir).list()).profiles.map((p) => p.id)).toEqual(['good'])
  })

  it('refuses to write a file from a newer version', async () => {
    fs.writeFileSync(file(), JSON.stringify({ schemaVersion: 99, profiles: [profile('x')] }))
    const store = new ProfileStore(dir)
    expect((await store.list()).profiles).toHaveLength(1)
    await expect(store.mutate((ps) => ({ profiles: ps, value: null }))).rejects.toMatchObject({ code: 'profiles_file_newer' })
  })

  it('serialises concurrent writers in one process (no lost update)', async () => {
    const stores = [new ProfileStore(dir), new ProfileStore(dir), new ProfileStore(dir)]
    await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % 3].mutate((ps) => ({ profiles: [...ps, profile(`p${i}`)], value: null }))))
    expect((await stores[0].list()).profiles).toHaveLength(30)
  })
})

describe('withFileLock', () => {
  it('takes over a lock left by a dead process', async () => {
    const target = path.join(dir, 'x.json')
    fs.writeFileSync(`${target}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), token: 'dead', at: Date.now() }))
    expect(await withFileLock(target, async () => 'ran', { waitMs: 2000 })).toBe('ran')
  })

  it('gives up with a clear error while a live process holds it', async () => {
    const target = path.join(dir, 'y.json')
    fs.writeFileSync(`${target}.lock`, JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'live', at: Date.now() }))
    await expect(withFileLock(target, async () => 'ran', { waitMs: 200 })).rejects.toMatchObject({ code: 'profiles_locked' })
  })
})
