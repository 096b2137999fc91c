import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import { defaultProfileFields, type Profile } from '../../../../src/shared/schemas/profile'
import type { ProbeResult } from '../../../../src/shared/schemas/probe'
import { LastTestRecorder, type LastTestValue } from '../../../../src/main/profiles/last-test-recorder'
import { ProfilesService } from '../../../../src/main/profiles/service'
import { SecretStore, type Keychain } from '../../../../src/main/profiles/secrets'
import { ProfileStore } from '../../../../src/main/profiles/store'

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-lasttest-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** The real store, counting its writes. */
class CountingStore extends ProfileStore {
  writes = 0
  failNext: AppFailure | null = null
  override async mutate<T>(change: Parameters<ProfileStore['mutate']>[0]): Promise<T> {
    if (this.failNext) {
      const e = this.failNext
      this.failNext = null
      throw e
    }
    this.writes++
    return (await super.mutate(change)) as T
  }
}

function profile(id: string): Profile {
  return {
    ...defaultProfileFields({ name: id, host: 'redis.example.com', port: 6380 }),
    id,
    secrets: { password: 'none', clientKey: 'none', sshSecret: 'none' },
    createdAt: 't',
    updatedAt: 't',
    lastTest: null
  }
}

async function seed(store: ProfileStore, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `p${i}`)
  await store.mutate(() => ({ profiles: ids.map(profile), value: null }))
  return ids
}

const onDisk = (): Profile[] => JSON.parse(fs.readFileSync(path.join(dir, 'profiles.json'), 'utf8')).profiles
const lastTest = (i: number): LastTestValue => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  ok: i % 2 === 0,
  code: i % 2 ? 'auth_failed' : null,
  totalMs: i
})
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('LastTestRecorder', () => {
  it('writes many results in a few batches, each one on disk when its promise resolves', async () => {
    const store = new CountingStore(dir)
    const ids = await seed(store, 60)
    store.writes = 0
    const recorder = new LastTestRecorder(store, { minGapMs: 20 })
    const checks: Promise<void>[] = []
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]
      checks.push(recorder.record(id, lastTest(i)).then(() => expect(onDisk().find((p) => p.id === id)?.lastTest).toEqual(lastTest(i))))
      if (i % 10 === 9) await sleep(15)
    }
    await recorder.flush()
    await Promise.all(checks)
    expect(store.writes).toBeGreaterThan(0)
    expect(store.writes).toBeLessThanOrEqual(8)
    expect(onDisk().map((p) => p.lastTest)).toEqual(ids.map((_, i) => lastTest(i)))
    expect(await new ProfileStore(dir).list()).not.toHaveProperty('warning')
  })

  it('flush() writes what is queued without waiting for the pause, after the write under way', async () => {
    const store = new CountingStore(dir)
    await seed(store, 3)
    store.writes = 0
    const recorder = new LastTestRecorder(store, { minGapMs: 60_000 })
    void recorder.record('p0', lastTest(0))
    const started = Date.now()
    await recorder.flush()
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(onDisk()[0].lastTest).toEqual(lastTest(0))
    // A second result while nothing is queued: the long pause applies until flush() asks.
    let written = false
    void recorder.record('p1', lastTest(1)).then(() => (written = true))
    await sleep(50)
    expect(written).toBe(false)
    await recorder.close()
    expect(written).toBe(true)
    expect(store.writes).toBe(2)
  })

  it('pauses between writes in proportion to the last write, so writing never takes most of the time', async () => {
    const store = new CountingStore(dir)
    await seed(store, 2)
    const slow: ProfileStore['mutate'] = async (change) => {
      await sleep(40)
      return store.mutate(change)
    }
    const recorder = new LastTestRecorder({ mutate: slow }, { minGapMs: 0, gapPerWrite: 4 })
    const first = recorder.record('p0', lastTest(0))
    await first
    const firstEnd = Date.now()
    let secondAt = 0
    await recorder.record('p1', lastTest(1)).then(() => (secondAt = Date.now()))
    // The second write may start 4 × ~40 ms after the first ended, then takes ~40 ms itself.
    expect(secondAt - firstEnd).toBeGreaterThanOrEqual(150)
  })

  it('a batch that cannot be written fails its waiters; the next batch is written', async () => {
    const store = new CountingStore(dir)
    await seed(store, 2)
    const recorder = new LastTestRecorder(store, { minGapMs: 0 })
    store.failNext = new AppFailure({ code: 'profiles_locked', message: 'locked' })
    await expect(recorder.record('p0', lastTest(0))).rejects.toMatchObject({ code: 'profiles_locked' })
    await recorder.record('p1', lastTest(1))
    expect(onDisk().map((p) => p.lastTest)).toEqual([null, lastTest(1)])
  })

  it('a profile deleted before its result is written gets nothing; the others are written', async () => {
    const store = new CountingStore(dir)
    await seed(store, 2)
    const recorder = new LastTestRecorder(store, { minGapMs: 0 })
    const pending = [recorder.record('p0', lastTest(0)), recorder.record('gone', lastTest(1))]
    await Promise.all(pending)
    expect(onDisk().map((p) => p.id)).toEqual(['p0', 'p1'])
    expect(onDisk()[0].lastTest).toEqual(lastTest(0))
  })
})

class FakeKeychain implements Keychain {
  async getPassword() {
    return null
  }
  async setPassword() {}
  async deletePassword() {
    return true
  }
}

function passed(startedAt: string): ProbeResult {
  return {
    ok: true,
    code: null,
    message: 'm',
    startedAt,
    totalMs: 1,
    target: { host: 'h', port: 1, tls: true, servername: null, connectedTo: null },
    phases: [],
    dns: { addresses: [], classification: null, classes: [] },
    tls: null,
    ping: null,
    write: null,
    server: null
  }
}

describe('ProfilesService records last tests through the recorder', () => {
  function service(store: ProfileStore, lastTests?: false) {
    return new ProfilesService(store, new SecretStore('svc', async () => new FakeKeychain()), {
      ...(lastTests === false ? { lastTests } : {}),
      pathRunners: {
        direct: async () => {
          await sleep(2)
          return passed(new Date().toISOString())
        }
      }
    })
  }

  it('test all of 200 profiles: a handful of writes, every last test on disk when it returns', async () => {
    const store = new CountingStore(dir)
    const ids = await seed(store, 200)
    store.writes = 0
    const { results } = await service(store).testAll(undefined, 8)
    expect(results.every((r) => r.result?.ok && r.error === null)).toBe(true)
    expect(store.writes).toBeGreaterThan(0)
    expect(store.writes).toBeLessThan(20)
    const disk = onDisk()
    expect(disk.map((p) => p.id)).toEqual(ids)
    for (const r of results) expect(disk.find((p) => p.id === r.id)?.lastTest).toMatchObject({ ok: true, at: r.result!.startedAt })
  })

  it('a single test is on disk when it returns', async () => {
    const store = new CountingStore(dir)
    await seed(store, 2)
    const result = await service(store).test('p1')
    expect(onDisk()[1].lastTest).toMatchObject({ ok: true, at: result.startedAt })
  })

  it('a result that could not be written says so in its entry, the result kept', async () => {
    const store = new CountingStore(dir)
    await seed(store, 1)
    store.failNext = new AppFailure({ code: 'profiles_locked', message: 'locked' })
    const { results } = await service(store).testAll(undefined, 1)
    expect(results[0]).toMatchObject({ id: 'p0', result: { ok: true }, error: { code: 'profiles_locked' } })
  })

  it('with recording off (the bench baseline), nothing is written', async () => {
    const store = new CountingStore(dir)
    await seed(store, 5)
    store.writes = 0
    await service(store, false).testAll(undefined, 4)
    expect(store.writes).toBe(0)
    expect(onDisk().every((p) => p.lastTest === null)).toBe(true)
  })
})
