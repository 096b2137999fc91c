import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkCommand } from '../../../src/cli/commands/check'
import { createApp } from '../../../src/main/app'
import { isolatedCliConfig } from '../../../src/main/ibmcloud/cli-runner'
import { dispatch } from '../../../src/main/transport/dispatch'
import type { PrereqReport } from '../../../src/shared/schemas/ibmcloud'

/**
 * The isolated `ibmcloud` keeps its IAM access and refresh tokens in
 * <dataDir>/ibmcloud-home/.bluemix/config.json (the sandbox CLI too, as IAMToken/RefreshToken).
 * DESIGN "Secrets": none may stay at rest once the app closes or `pse-wizard check` ends.
 */
let home: string
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-cli-tokens-'))
})
afterEach(() => fs.rmSync(home, { recursive: true, force: true }))

/** Every file under the data folder whose text names a token field. */
function filesWithTokens(dir: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    if (/"\w*token"\s*:/i.test(fs.readFileSync(file, 'utf8'))) found.push(path.relative(dir, file))
  }
  return found
}

describe('no ibmcloud CLI token at rest', () => {
  it('after pse-wizard check --sandbox, which logged the isolated CLI in', async () => {
    let stdout = ''
    const code = await checkCommand.run(['--json', '--sandbox'], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      env: { PATH: process.env.PATH ?? '', HOME: home, PSE_WIZARD_HOME: home },
      signal: new AbortController().signal
    })
    const report = JSON.parse(stdout) as PrereqReport
    expect(report.items.find((i) => i.id === 'cli_login')?.ok, stdout).toBe(true)
    expect([0, 1]).toContain(code)
    // The CLI's own settings stay; only the session goes.
    expect(JSON.parse(fs.readFileSync(isolatedCliConfig(home), 'utf8'))).toMatchObject({ Locale: 'en_US' })
    expect(filesWithTokens(home)).toEqual([])
  })

  it('after the app closes, when a prerequisite check logged the isolated CLI in', async () => {
    const app = await createApp({ dataDir: home, transport: 'browser', sandbox: true, env: { PATH: process.env.PATH ?? '', HOME: home, PSE_SANDBOX_REDIS: 'fake' } })
    let closed = false
    try {
      const report = await dispatch(app.handlers, 'ibmcloud.checkPrerequisites', {}, { signal: new AbortController().signal })
      const items = (report as { value: PrereqReport }).value.items
      expect(items.find((i) => i.id === 'cli_login')?.ok).toBe(true)
      // While the app runs the session is there (the test would prove nothing otherwise).
      expect(filesWithTokens(home)).toEqual([path.relative(home, isolatedCliConfig(home))])
      await app.close()
      closed = true
    } finally {
      if (!closed) await app.close()
    }
    expect(filesWithTokens(home)).toEqual([])
  })

  it('tokens an earlier run left (a desktop app that quit before its closers finished) are gone when the app starts', async () => {
    const file = isolatedCliConfig(home)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, JSON.stringify({ Locale: 'en_US', IAMToken: 'Bearer left-over', IAMRefreshToken: 'left-over' }))
    const app = await createApp({ dataDir: home, transport: 'browser', sandbox: false, env: { PATH: process.env.PATH ?? '', HOME: home } })
    try {
      expect(filesWithTokens(home)).toEqual([])
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ Locale: 'en_US' })
    } finally {
      await app.close()
    }
  })

  it('a config the CLI cannot have written sensibly is removed rather than kept with tokens in it', async () => {
    const { endIsolatedCliSession } = await import('../../../src/main/ibmcloud/cli-runner')
    const file = isolatedCliConfig(home)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, '{"IAMToken": "Bearer abc", "IAMRefreshToken": "def", truncated')
    await endIsolatedCliSession({ dataDir: home, env: { PATH: '' } })
    expect(fs.existsSync(file)).toBe(false)
    fs.writeFileSync(file, JSON.stringify({ Locale: 'en_US', IAMToken: 'Bearer abc', IAMRefreshToken: 'def', UAAToken: 'x', UAARefreshToken: 'y' }))
    await endIsolatedCliSession({ dataDir: home, env: { PATH: '' } })
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ Locale: 'en_US' })
  })
})
