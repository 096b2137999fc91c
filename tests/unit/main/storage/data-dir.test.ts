import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../../src/main/storage/atomic-file'
import { withFileLock } from '../../../../src/main/storage/file-lock'
import { tryLease } from '../../../../src/main/storage/lease'

/** A new user has no `~/.config`: every first write must create the data folder, mode 0700. */
describe('the data folder on first write', () => {
  let root: string
  let dataDir: string
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-datadir-'))
    dataDir = path.join(root, 'home', '.config', 'pse-wizard')
  })
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  const modeOf = (dir: string) => fs.statSync(dir).mode & 0o777

  it('the file lock creates the folder (0700) before taking the lock', async () => {
    const file = path.join(dataDir, 'profiles.json')
    const seen = await withFileLock(file, async () => fs.existsSync(`${file}.lock`))
    expect(seen).toBe(true)
    expect(modeOf(dataDir)).toBe(0o700)
    expect(modeOf(path.join(root, 'home', '.config'))).toBe(0o700)
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
  })

  it('a lease creates the folder (0700)', async () => {
    const got = await tryLease(path.join(dataDir, 'wizard-state.json.step'))
    expect(got.lease).toBeDefined()
    await got.lease!.release()
    expect(modeOf(dataDir)).toBe(0o700)
  })

  it('an atomic write creates the folder (0700) and the file (0600)', async () => {
    const file = path.join(dataDir, 'settings.json')
    await writeFileAtomic(file, '{}\n')
    expect(fs.readFileSync(file, 'utf8')).toBe('{}\n')
    expect(modeOf(dataDir)).toBe(0o700)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
  })

  it('a folder that already exists keeps its mode', async () => {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o750 })
    fs.chmodSync(dataDir, 0o750)
    await withFileLock(path.join(dataDir, 'known-hosts.json'), async () => undefined)
    expect(modeOf(dataDir)).toBe(0o750)
  })
})
