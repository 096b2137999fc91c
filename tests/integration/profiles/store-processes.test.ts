import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ProfileStore } from '../../../src/main/profiles/store'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-store-procs-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function writer(prefix: string, count: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../support/profiles/store-writer.ts'), dir, prefix, String(count)], {
      stdio: ['ignore', 'inherit', 'inherit']
    })
    child.on('exit', (code) => resolve(code ?? -1))
  })
}

describe('profile store across processes', () => {
  it('two processes writing at once lose no update', async () => {
    const codes = await Promise.all([writer('desktop', 25), writer('cli', 25)])
    expect(codes).toEqual([0, 0])
    const { profiles, warning } = await new ProfileStore(dir).list()
    expect(warning).toBeUndefined()
    expect(profiles).toHaveLength(50)
    expect(new Set(profiles.map((p) => p.id)).size).toBe(50)
    expect(fs.readdirSync(dir).filter((f) => f !== 'profiles.json')).toEqual([])
  })
})
