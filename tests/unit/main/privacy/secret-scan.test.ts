import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { scanForSecrets } from '../../../../src/main/privacy/secret-scan'

describe('scanForSecrets: is a secret in any file of the data folder?', () => {
  let dir: string
  const secret = 'S3cr3t+pass/word=='
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-scan-'))
    fs.mkdirSync(path.join(dir, 'wizard'))
    fs.writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({ profiles: [{ name: 'x' }] }))
    fs.writeFileSync(path.join(dir, 'wizard', 'state.json'), '{"step":"done"}')
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('finds nothing in clean files, and counts what it read', async () => {
    expect(await scanForSecrets(dir, [secret])).toMatchObject({ filesScanned: 2, filesSkipped: 0, leaks: [] })
  })

  it.each([
    ['raw', secret],
    ['URL-encoded (a connection string)', `rediss://u:${encodeURIComponent(secret)}@h:1/0`],
    ['JSON-escaped', JSON.stringify({ password: 'S3cr3t"quoted' })],
    ['base64', Buffer.from(secret).toString('base64')]
  ])('finds it written %s, naming the file only', async (_how, content) => {
    fs.writeFileSync(path.join(dir, 'wizard', 'leak.log'), `before ${content} after`)
    const r = await scanForSecrets(dir, [secret, 'S3cr3t"quoted'])
    expect(r.leaks).toEqual([path.join('wizard', 'leak.log')])
    expect(JSON.stringify(r)).not.toContain('S3cr3t')
  })

  it('ignores secrets too short to mean anything, and does not follow symbolic links out of the folder', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-scan-outside-'))
    fs.writeFileSync(path.join(outside, 'other.txt'), secret)
    fs.symlinkSync(outside, path.join(dir, 'link'))
    fs.writeFileSync(path.join(dir, 'short.txt'), 'abc')
    try {
      expect((await scanForSecrets(dir, [secret, 'abc'])).leaks).toEqual([])
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })
})
