/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { keytarLoadFailure } from '../../../src/main/profiles/secrets'
import { setupEn } from '../../../src/shared/i18n/setup/en'
import { startApp } from '../../support/app-server'
import { launchBrowser, openPage, screenshot, screenshotDir } from '../../support/browser'
import { freshHome, runBuiltCli, type FreshHome } from '../../support/fresh-home'
import { copyBuiltProject, type KeytarState, type ProjectCopy } from '../../support/project-copy'

/**
 * keytar is an optional dependency: on a machine without a compiler or libsecret headers its
 * build fails and npm goes on without it. Copies of the built project where keytar is really
 * absent, unbuilt or broken: the CLI and browser mode say keychain_unavailable with the remedy
 * (what to install, npm rebuild keytar, the session-only choice), and everything else works.
 */
const remedy = [/keytar/, /libsecret-1-dev/, /npm rebuild keytar/, /Keep secrets for this session only/, /--session-secrets/]
const reasons: Record<KeytarState, RegExp> = {
  absent: /is not installed/,
  unbuilt: /without its native part/,
  broken: /native part failed to load: .*keytar\.node/
}

describe('the message for a keytar that cannot load', () => {
  it.each([
    ['absent', Object.assign(new Error("Cannot find package 'keytar' imported from /x/out/main/chunks/a.js"), { code: 'ERR_MODULE_NOT_FOUND' }), 'absent'],
    [
      'unbuilt',
      Object.assign(new Error("Cannot find module '../build/Release/keytar.node'\nRequire stack:\n- /x/keytar.js"), { code: 'MODULE_NOT_FOUND' }),
      'unbuilt'
    ],
    ['libsecret missing at run time', new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory'), 'broken']
  ] as const)('%s', (_label, error, state) => {
    const failure = keytarLoadFailure(error, 'linux')
    expect(failure.code).toBe('keychain_unavailable')
    expect(failure.message).toMatch(state === 'broken' ? /failed to load: "libsecret-1\.so\.0: cannot open shared object file/ : reasons[state])
    for (const part of remedy) expect(failure.message).toMatch(part)
    expect(failure.message).not.toMatch(/Require stack/)
    expect(failure.detail).toBe(error.message)
  })

  it('names the build tools of each platform', () => {
    const error = new Error("Cannot find package 'keytar'")
    expect(keytarLoadFailure(error, 'darwin').message).toMatch(/xcode-select --install/)
    expect(keytarLoadFailure(error, 'win32').message).toMatch(/Visual Studio Build Tools/)
  })
})

describe.each(['absent', 'unbuilt', 'broken'] as const)('the CLI with keytar %s', (state) => {
  let copy: ProjectCopy
  let user: FreshHome
  beforeAll(async () => {
    copy = await copyBuiltProject(state)
    user = await freshHome({ REDIS_PASSWORD: 'never-stored-1' })
  })
  afterAll(async () => {
    await copy?.remove()
    await user?.remove()
  })

  it('a secret to store: keychain_unavailable with the remedy, nothing saved, no plaintext', async () => {
    const run = await runBuiltCli(['profiles', 'add', '--url', 'rediss://app@127.0.0.1:6380', '--name', 'needs-secret'], user.env, { cwd: copy.dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/\(keychain_unavailable\)/)
    expect(run.stderr).toMatch(reasons[state])
    for (const part of remedy) expect(run.stderr).toMatch(part)
    const file = path.join(user.dataDir, 'profiles.json')
    const saved = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
    expect(saved).not.toContain('needs-secret')
    expect(saved).not.toContain('never-stored-1')
  })

  it('everything that needs no keychain works', async () => {
    const env = { ...user.env, REDIS_PASSWORD: '' }
    const add = await runBuiltCli(['profiles', 'add', '--url', 'rediss://app@127.0.0.1:6380', '--name', 'no-secret'], env, { cwd: copy.dir })
    expect(add.code, add.stderr).toBe(0)
    const list = await runBuiltCli(['profiles', 'list', '--json'], env, { cwd: copy.dir })
    expect((JSON.parse(list.stdout) as { profiles: Array<{ name: string }> }).profiles.map((p) => p.name)).toEqual(['no-secret'])
    const check = await runBuiltCli(['check', '--sandbox', '--json'], env, { cwd: copy.dir })
    expect(check.code, check.stdout + check.stderr).toBe(0)
  })
})

describe('browser mode (sandbox) started from a copy without keytar', () => {
  let copy: ProjectCopy
  let user: FreshHome
  let browser: Browser
  beforeAll(async () => {
    copy = await copyBuiltProject('absent')
    user = await freshHome()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await copy?.remove()
    await user?.remove()
  })

  it('loads, says the keychain is unavailable with the remedy, and the sandbox wizard signs in', async () => {
    const app = await startApp({ sandbox: true, home: user.home, env: user.env, projectDir: copy.dir })
    const { page, problems, context } = await openPage(browser, app.url)
    onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, 'install-no-keytar-FAILED.png'), fullPage: true }).then(() => undefined))
    try {
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Reach Databases for Redis privately')

      await page.getByRole('link', { name: 'Settings' }).click()
      const status = page.getByTestId('keychain-status')
      await expect.poll(() => status.getAttribute('data-mode')).toBe('unavailable')
      const text = (await status.textContent()) ?? ''
      for (const part of [/is not installed/, ...remedy]) expect(text).toMatch(part)
      await screenshot(page, 'install-no-keytar-settings')
      await page.getByRole('button', { name: /session only/i }).click()
      await expect.poll(() => status.getAttribute('data-mode')).toBe('session')

      await page.evaluate(() => (window.location.hash = '#/setup'))
      await page.getByTestId('setup-wizard').waitFor()
      await expect.poll(() => page.getByTestId('sandbox-banner').count()).toBe(1)
      await page.getByText(setupEn.account.source.environment, { exact: true }).click()
      await page.getByTestId('account-sign-in').click()
      await page.getByTestId('account-result').waitFor({ timeout: 30_000 })
      await expect.poll(() => page.getByTestId('setup-wizard').getAttribute('data-status')).toBe('done')
      expect(problems).toEqual([])
      expect(app.stderr()).toMatch(/Cannot find package 'keytar'/)
    } finally {
      await context.close()
      await app.stop()
    }
  })
})
