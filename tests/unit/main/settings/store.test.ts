import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '../../../../src/main/settings/store'
import { defaultSettings } from '../../../../src/shared/schemas/app'

const tempDir = () => fs.mkdtemp(path.join(os.tmpdir(), 'pse-settings-'))

describe('SettingsStore', () => {
  it('starts from defaults and remembers changes across instances', async () => {
    const dir = await tempDir()
    const store = new SettingsStore(dir)
    expect(await store.load()).toEqual(defaultSettings)
    await store.update({ language: 'ja', theme: 'dark' })
    const again = new SettingsStore(dir)
    expect(await again.load()).toMatchObject({ language: 'ja', theme: 'dark' })
    const stat = await fs.stat(path.join(dir, 'settings.json'))
    expect(stat.mode & 0o077).toBe(0)
  })

  it('keeps a corrupt file aside instead of overwriting it', async () => {
    const dir = await tempDir()
    await fs.writeFile(path.join(dir, 'settings.json'), '{ not json')
    const store = new SettingsStore(dir)
    expect(await store.load()).toEqual(defaultSettings)
    const files = await fs.readdir(dir)
    const aside = files.find((f) => f.startsWith('settings.json.corrupt-'))
    expect(aside).toBeDefined()
    expect(await fs.readFile(path.join(dir, aside!), 'utf8')).toBe('{ not json')
  })

  it('keeps the valid fields of a file with one bad field', async () => {
    const dir = await tempDir()
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ language: 'ja', theme: 'neon' }))
    expect(await new SettingsStore(dir).load()).toMatchObject({ language: 'ja', theme: 'system' })
  })

  it('loses no update when changes arrive together', async () => {
    const dir = await tempDir()
    const store = new SettingsStore(dir)
    await store.load()
    await Promise.all([store.update({ language: 'ja' }), store.update({ theme: 'dark' }), store.update({ useCliSession: true })])
    expect(await new SettingsStore(dir).load()).toMatchObject({ language: 'ja', theme: 'dark', useCliSession: true })
  })
})
