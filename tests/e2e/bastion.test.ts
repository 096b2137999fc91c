/// <reference lib="dom" />
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchBrowser, openPage, screenshot as fullPageScreenshot, screenshotDir, useLanguage } from '../support/browser'
import { useRedisHarness } from '../support/redis'
import { startSshd, type Sshd } from '../support/sshd'
import { assertSecretService, clearService, uniqueServiceName } from '../support/keyring'
import { profilesEn } from '../../src/shared/i18n/profiles/en'
import { profilesJa } from '../../src/shared/i18n/profiles/ja'
import { commonEn } from '../../src/shared/i18n/common/en'
import { commonJa } from '../../src/shared/i18n/common/ja'

/**
 * Issue 6's UI acceptance: a profile whose network path is an SSH bastion (a real sshd on a
 * loopback port, forwarding to the real TLS Redis) is created and tested in Chromium. The first
 * test stops at the unknown host key, which the user checks and accepts; the re-test passes
 * through the tunnel. A changed host key is a hard stop without any button to carry on.
 */
const strings = { en: profilesEn, ja: profilesJa } as const

async function screenshot(page: Page, name: string, options: { viewport?: boolean } = {}): Promise<void> {
  if (options.viewport) return void (await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) }))
  await page.evaluate(() => window.scrollTo(0, 0))
  await fullPageScreenshot(page, name)
}

/** Waits for the timeline to show `expected`; an error notice instead fails with its text. */
async function expectResult(page: Page, expected: string): Promise<void> {
  const timeline = page.getByTestId('probe-timeline')
  const notice = page.getByTestId('error-notice')
  await expect
    .poll(
      async () => {
        if (await notice.count()) return `error notice: ${await notice.first().textContent()}`
        return (await timeline.count()) ? timeline.getAttribute('data-result', { timeout: 1000 }).catch(() => null) : 'no timeline'
      },
      { timeout: 30_000 }
    )
    .toBe(expected)
}

describe('a profile through an SSH bastion host, in the browser', () => {
  const harness = useRedisHarness()
  const keychainService = uniqueServiceName('e2e-bastion')
  const sshds: Sshd[] = []
  let app: RunningApp
  let browser: Browser
  /** The app's HOME: its ~/.ssh/config offers the bastion as a Host alias. */
  let home: string

  beforeAll(async () => {
    await assertSecretService()
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-e2e-home-'))
    await fs.mkdir(path.join(home, '.ssh'), { mode: 0o700 })
    app = await startApp({ env: { PSE_WIZARD_KEYCHAIN_SERVICE: keychainService, HOME: home } })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await Promise.allSettled(sshds.map((s) => s.stop()))
    await clearService(keychainService)
    if (home) await fs.rm(home, { recursive: true, force: true })
  })

  for (const language of ['en', 'ja'] as const) {
    it(`creates a bastion profile, accepts the host key, passes, and stops on a changed key (${language})`, async () => {
      const p = strings[language]
      const h = harness()
      // One sshd per language: each run meets a host key the app has never seen.
      const sshd = await startSshd()
      sshds.push(sshd)
      const fingerprint = await sshd.hostKeyFingerprint()
      const name = `via-bastion-${language}`
      await fs.writeFile(
        path.join(home, '.ssh', 'config'),
        `Host pse-bastion\n  HostName ${sshd.host}\n  Port ${sshd.port}\n  User ${sshd.username}\n  IdentityFile ${sshd.keyPath}\n`,
        { mode: 0o600 }
      )

      const { page, problems, context } = await openPage(browser, await app.newLink(), { locale: language === 'ja' ? 'ja-JP' : 'en-US' })
      // A failing run leaves a picture of where it stopped.
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `bastion-FAILED-${language}.png`) }).then(() => undefined))
      await page.waitForURL((u) => !u.searchParams.has('token'))
      await page.getByTestId('language-toggle').waitFor()
      await useLanguage(page, language)
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)

      // New profile from a pasted URL, then the bastion path.
      await page.goto(new URL('#/profiles', `${app.origin}/`).toString())
      await page.getByTestId('profiles-new').click()
      await page.getByRole('menuitem', { name: p.list.newFromUrl }).click()
      const { username, password } = h.users.app
      await page.locator('#import-text').fill(`rediss://${username}:${encodeURIComponent(password)}@localhost:${h.tls.port}/0`)
      await page.getByTestId('import-modal').getByRole('button', { name: p.import.continue }).click()
      await expect.poll(() => page.locator('#profile-host').inputValue()).toBe('localhost')
      await page.locator('#profile-name').fill(name)
      await page.locator('#profile-ca').fill(h.ca.cert)

      await page.locator('label[for="path-ssh"]').click()
      await page.getByTestId('ssh-fields').waitFor()
      if (language === 'en') {
        // Typed by hand…
        await page.locator('#ssh-host').fill(sshd.host)
        await page.locator('#ssh-port').fill(String(sshd.port))
        await page.locator('#ssh-username').fill(sshd.username)
        await page.locator('#ssh-method').selectOption('key')
        await page.locator('#ssh-key-path').fill(sshd.keyPath)
      } else {
        // …or picked from ~/.ssh/config, which fills every field.
        await page.locator('#ssh-alias').selectOption('pse-bastion')
        await expect.poll(() => page.locator('#ssh-port').inputValue()).toBe(String(sshd.port))
        expect(await page.locator('#ssh-host').inputValue()).toBe(sshd.host)
        expect(await page.locator('#ssh-username').inputValue()).toBe(sshd.username)
        expect(await page.locator('#ssh-key-path').inputValue()).toBe(sshd.keyPath)
      }
      await screenshot(page, `bastion-editor-${language}`)

      // First test: saved, then stopped at the unknown host key, which is shown for checking.
      await page.getByTestId('profile-test-and-save').click()
      await expectResult(page, 'ssh_host_key_unknown')
      const prompt = page.getByTestId('host-key-unknown')
      await prompt.waitFor()
      expect(await page.getByTestId('host-key-fingerprint').textContent()).toBe(fingerprint)
      expect(await prompt.textContent()).toContain(p.hostKey.unknownTitle)
      await prompt.scrollIntoViewIfNeeded()
      await screenshot(page, `bastion-host-key-unknown-${language}`)

      // Accept: the re-test runs through the tunnel, SSH phases first, TLS still verified.
      await page.getByTestId('host-key-accept').click()
      await expectResult(page, 'ok')
      expect(await page.getByTestId('host-key-unknown').count()).toBe(0)
      const phases = await page
        .getByTestId('probe-timeline')
        .locator('.pse-timeline__track [data-phase]')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-phase')}:${e.getAttribute('data-state')}`))
      expect(phases).toEqual(expect.arrayContaining(['ssh_connect:ok', 'ssh_auth:ok', 'ssh_forward:ok', 'tls:ok', 'auth:ok', 'ping:ok']))
      expect(phases.indexOf('ssh_connect:ok')).toBeLessThan(phases.indexOf('tls:ok'))
      await screenshot(page, `bastion-test-passed-${language}`)

      // The bastion's key changes: a hard stop, a red warning, and no button to accept it.
      await sshd.replaceHostKey()
      await page.getByTestId('profile-test').click()
      await expectResult(page, 'ssh_host_key_changed')
      const changed = page.getByTestId('host-key-changed')
      await changed.waitFor()
      expect(await changed.textContent()).toContain(p.hostKey.changedTitle)
      expect(await page.getByTestId('host-key-accept').count()).toBe(0)
      await changed.scrollIntoViewIfNeeded()
      await screenshot(page, `bastion-host-key-changed-${language}`)

      // The list names the path.
      await page
        .getByRole('navigation', { name: language === 'ja' ? 'メイン・ナビゲーション' : 'Main navigation' })
        .getByRole('link', { name: p.title })
        .click()
      const row = page.locator(`tr[data-profile="${name}"]`)
      await row.waitFor()
      expect(await row.textContent()).toContain(`${sshd.username}@${sshd.host}`)
      // …and its last test: the changed key, recorded with the profile.
      await expect
        .poll(() => row.getByTestId('profile-last-test').textContent())
        .toContain((language === 'en' ? commonEn : commonJa).probe.ssh_host_key_changed.title)
      await screenshot(page, `bastion-list-${language}`)

      expect(problems).toEqual([])
      await context.close()
    })
  }
})
