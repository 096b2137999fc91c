import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ProfileStore } from '../../../src/main/profiles/store'
import { defaultProfileFields, type Profile } from '../../../src/shared/schemas/profile'

/**
 * The last-test recorder's guarantee (issue 10), with a real process killed at a real moment:
 * after SIGKILL half way through "test all", the profiles file is whole and valid, and holds
 * every result whose batch write had completed; the next writer carries on.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-lasttest-crash-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const COUNT = 400

function profile(i: number): Profile {
  return {
    ...defaultProfileFields({ name: `p${i}`, host: 'redis.example.com', port: 6380 }),
    id: `p${i}`,
    secrets: { password: 'none', clientKey: 'none', sshSecret: 'none' },
    createdAt: 't',
    updatedAt: 't',
    lastTest: null
  }
}

/** Runs the child until it has reported `writes` completed writes, then kills it; returns what it reported. */
function runUntilKilled(writes: number): Promise<{ reported: Set<string>; writesSeen: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../support/profiles/test-all-until-killed.ts'), dir], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    const reported = new Set<string>()
    let writesSeen = 0
    let finished = false
    let buffer = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, nl)) as { written?: string[]; finished?: boolean }
        buffer = buffer.slice(nl + 1)
        if (line.finished) finished = true
        for (const id of line.written ?? []) reported.add(id)
        if (line.written && ++writesSeen === writes) child.kill('SIGKILL')
      }
    })
    child.once('error', reject)
    child.once('exit', () => resolve({ reported, writesSeen, finished }))
  })
}

describe('last tests when the process is killed half way through test all', () => {
  it('the file is valid and has every result whose write completed', async () => {
    await new ProfileStore(dir).mutate(() => ({ profiles: Array.from({ length: COUNT }, (_, i) => profile(i)), value: null }))
    const { reported, writesSeen, finished } = await runUntilKilled(3)
    expect(finished).toBe(false)
    expect(writesSeen).toBeGreaterThanOrEqual(3)

    const store = new ProfileStore(dir)
    const { profiles, warning } = await store.list()
    expect(warning).toBeUndefined()
    expect(profiles.map((p) => p.id)).toEqual(Array.from({ length: COUNT }, (_, i) => `p${i}`))
    const onDisk = new Set(profiles.filter((p) => p.lastTest !== null).map((p) => p.id))
    expect(reported.size).toBeGreaterThan(0)
    for (const id of reported) expect(onDisk.has(id), id).toBe(true)
    // Killed half way: not everything was tested, and nothing claims a test that never ran.
    expect(onDisk.size).toBeLessThan(COUNT)
    for (const p of profiles.filter((x) => x.lastTest)) expect(p.lastTest).toMatchObject({ ok: true, code: null, totalMs: 20 })

    // The dead process's lock (if it held one) is taken over: the next write goes through.
    await store.mutate((all) => ({ profiles: all, value: null }))
    expect((await store.list()).profiles).toHaveLength(COUNT)
  })
})
