/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { launchBrowser, openPage, screenshot as fullPageScreenshot, screenshotDir, useLanguage } from '../support/browser'
import { useRedisHarness } from '../support/redis'
import { fakeKubectlEnv } from '../fixtures/kubectl/knobs'
import { assertSecretService, clearService, uniqueServiceName } from '../support/keyring'
import { profilesEn } from '../../src/shared/i18n/profiles/en'
import { profilesJa } from '../../src/shared/i18n/profiles/ja'
import { commonEn } from '../../src/shared/i18n/common/en'
import { commonJa } from '../../src/shared/i18n/common/ja'

/**
 * Issue 3's acceptance in Chromium: a profile created from a pasted URL pointing at a real TLS
 * Redis, tested (timeline), then a wrong password (auth_failed with its advice); in English and
 * Japanese. The app keeps secrets in a real keychain under a test-only service name.
 */
/** Full-page shots from the top, so the fixed header is drawn where it belongs. */
async function screenshot(page: Page, name: string, options: { viewport?: boolean } = {}): Promise<void> {
  if (options.viewport) {
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })
    return
  }
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
      { timeout: 20_000 }
    )
    .toBe(expected)
    .catch(async (e: unknown) => {
      await fullPageScreenshot(page, 'profiles-debug-last-failure')
      throw e
    })
}

const strings = { en: { p: profilesEn, c: commonEn }, ja: { p: profilesJa, c: commonJa } } as const

describe('connection profiles in the browser', () => {
  const harness = useRedisHarness()
  const keychainService = uniqueServiceName('e2e-profiles')
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    await assertSecretService()
    app = await startApp({ env: { PSE_WIZARD_KEYCHAIN_SERVICE: keychainService } })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await clearService(keychainService)
  })

  for (const language of ['en', 'ja'] as const) {
    it(`creates, tests and breaks a profile (${language})`, async () => {
      const { p, c } = strings[language]
      const h = harness()
      const name = `tls-local-${language}`
      const { page, problems, context } = await openPage(browser, await app.newLink(), {
        locale: language === 'ja' ? 'ja-JP' : 'en-US',
        colorScheme: language === 'ja' ? 'dark' : 'light'
      })
      // A failing run leaves a picture of where it stopped.
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `profiles-FAILED-${language}.png`) }).then(() => undefined))
      await page.waitForURL((u) => !u.searchParams.has('token'))
      await page.getByTestId('language-toggle').waitFor()
      await useLanguage(page, language)
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)

      await page.goto(new URL('#/profiles', `${app.origin}/`).toString())
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(p.title)
      await page.getByTestId('profiles-table').waitFor()
      await screenshot(page, `profiles-list-start-${language}`)

      // New profile → from a connection string.
      await page.getByTestId('profiles-new').click()
      await page.getByRole('menuitem', { name: p.list.newFromUrl }).click()
      const modal = page.getByTestId('import-modal')
      await modal.getByRole('heading', { name: p.import.url.title }).waitFor()
      const { username, password } = h.users.app
      await page.locator('#import-text').fill(`rediss://${username}:${encodeURIComponent(password)}@127.0.0.1:${h.tls.port}/0`)
      await expect.poll(() => modal.getByRole('button', { name: p.import.continue }).isEnabled()).toBe(true)
      await screenshot(page, `profiles-import-url-${language}`, { viewport: true })
      await modal.getByRole('button', { name: p.import.continue }).click()

      // The editor, prefilled; the password stays in main (never echoed into the form).
      await expect.poll(() => page.locator('#profile-host').inputValue()).toBe('127.0.0.1')
      expect(await page.locator('#profile-port').inputValue()).toBe(String(h.tls.port))
      expect(await page.locator('#profile-username').inputValue()).toBe(username)
      expect(await page.locator('#profile-password').inputValue()).toBe('')
      expect(await page.content()).not.toContain(password)
      await page.locator('#profile-name').fill(name)
      await page.locator('#profile-tags').fill('local, e2e')
      await page.locator('#profile-ca').fill(h.ca.cert)

      // Field validation: a bad port is flagged at once, and fixing it clears the error.
      await page.locator('#profile-port').fill('70000')
      await page.locator('#profile-port').blur()
      await expect.poll(() => page.getByText(p.fieldErrors.port).count()).toBe(1)
      await screenshot(page, `profiles-editor-invalid-${language}`)
      await page.locator('#profile-port').fill(String(h.tls.port))
      await expect.poll(() => page.getByText(p.fieldErrors.port).count()).toBe(0)

      // Verify off shows the red "insecure" label; back on, it goes away.
      await page.locator('label[for="profile-verify"]').click()
      await expect.poll(() => page.getByTestId('insecure-label').textContent()).toContain(p.editor.insecure)
      await page.locator('label[for="profile-verify"]').click()
      await expect.poll(() => page.getByTestId('insecure-label').count()).toBe(0)

      // Test and save: all phases green, profile saved.
      await page.getByTestId('profile-test-and-save').click()
      const timeline = page.getByTestId('probe-timeline')
      await expectResult(page, 'ok')
      await page.getByTestId('saved-notice').waitFor()
      await expect.poll(() => page.getByTestId('profile-test').isEnabled(), { timeout: 20_000 }).toBe(true)
      const phases = await timeline
        .locator('.pse-timeline__track [data-phase]')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-phase')}:${e.getAttribute('data-state')}`))
      expect(phases).toEqual(['dns:ok', 'tcp:ok', 'tls:ok', 'auth:ok', 'ping:ok', 'write:ok', 'info:ok'])
      // Numbers on hover.
      await timeline.locator('[data-phase="tls"]').first().hover()
      await expect.poll(() => timeline.locator('[data-phase="tls"] .pse-timeline__tip').first().isVisible()).toBe(true)
      await screenshot(page, `profiles-timeline-hover-${language}`, { viewport: true })
      await screenshot(page, `profiles-test-passed-${language}`)

      // The stored password is masked, and revealed only on click.
      const stored = page.getByTestId('secret-profile-password-stored-value')
      expect(await stored.textContent()).not.toContain(password)
      await page.getByTestId('secret-profile-password-stored-reveal').click()
      await expect.poll(() => stored.textContent()).toBe(password)
      await page.getByTestId('secret-profile-password-stored-reveal').click()
      await expect.poll(() => stored.textContent()).not.toContain(password)

      // Break the password: auth_failed with its advice on the failing bar, and "save anyway".
      await page.getByTestId('change-password').click()
      await page.locator('#profile-password').fill('definitely-wrong')
      await page.getByTestId('profile-test').click()
      await expectResult(page, 'auth_failed')
      const failedPhases = await timeline
        .locator('.pse-timeline__track [data-phase]')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-phase')}:${e.getAttribute('data-state')}`))
      expect(failedPhases.slice(0, 4)).toEqual(['dns:ok', 'tcp:ok', 'tls:ok', 'auth:failed'])
      const advice = page.getByTestId('probe-advice')
      expect(await advice.textContent()).toContain(c.probe.auth_failed.title)
      expect(await advice.textContent()).toContain(c.probe.auth_failed.advice)
      await page.getByTestId('save-anyway').waitFor()
      await screenshot(page, `profiles-test-auth-failed-${language}`)

      // A server that accepts and never answers: the phases stream in while the test waits.
      if (language === 'en') {
        await page.locator('#profile-port').fill(String(h.silent.port))
        await page.locator('#profile-connect-ms').fill('3000')
        await page.getByTestId('profile-test').click()
        const progress = page.getByTestId('test-progress')
        await expect.poll(() => progress.textContent(), { timeout: 10_000 }).toContain('TCP')
        await screenshot(page, 'profiles-test-progress-en', { viewport: true })
        await expect.poll(() => page.getByTestId('probe-timeline').getAttribute('data-result'), { timeout: 20_000 }).not.toBe('auth_failed')
        expect(await page.getByTestId('probe-timeline').getAttribute('data-result')).not.toBe('ok')
        await screenshot(page, 'profiles-test-silent-en')
        await page.locator('#profile-port').fill(String(h.tls.port))
        await page.locator('#profile-connect-ms').fill('5000')
      }

      // Export: secrets left out unless ticked.
      await page.getByTestId('export-menu').click()
      await page.getByRole('menuitem', { name: p.export['redis-cli'] }).click()
      const exported = page.getByTestId('export-text')
      await exported.waitFor()
      expect(await exported.textContent()).toContain(String(h.tls.port))
      expect(await exported.textContent()).not.toContain(password)
      await screenshot(page, `profiles-export-${language}`, { viewport: true })
      await page.getByTestId('export-modal').locator('.cds--modal-close').click()
      await expect.poll(() => page.getByTestId('export-modal').isVisible()).toBe(false)

      // Back to the list: the profile, its tags, a passing last test; test it again from there.
      await page
        .getByRole('navigation', { name: language === 'ja' ? 'メイン・ナビゲーション' : 'Main navigation' })
        .getByRole('link', { name: language === 'ja' ? '接続プロファイル' : 'Connection profiles' })
        .click()
      const row = page.locator(`tr[data-profile="${name}"]`)
      await row.waitFor()
      expect(await row.textContent()).toContain(`127.0.0.1:${h.tls.port}`)
      await expect.poll(() => row.getByTestId('profile-last-test').textContent()).toContain(c.timeline.passed)
      await row.getByTestId('profile-test').click()
      await expect.poll(() => row.getByTestId('profile-last-test').textContent(), { timeout: 20_000 }).toContain(c.timeline.passed)
      await page.getByTestId('profiles-test-all').click()
      await expect.poll(() => row.getByTestId('profile-last-test').textContent(), { timeout: 20_000 }).toContain(c.timeline.passed)
      await page.locator('#profiles-search').fill('no-such-profile')
      await expect.poll(() => page.getByText(p.list.noMatch).count()).toBe(1)
      await page.locator('#profiles-search').fill(name)
      await row.waitFor()
      await screenshot(page, `profiles-list-${language}`)

      expect(problems).toEqual([])
      await context.close()
    })
  }

  it('imports a service key file, saves a failing profile anyway, and deletes it (en)', async () => {
    const h = harness()
    const { page, problems, context } = await openPage(browser, await app.newLink())
    onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, 'profiles-FAILED-save-anyway.png') }).then(() => undefined))
    await page.waitForURL((u) => !u.searchParams.has('token'))
    // The app is up (its language read from the settings) before the language is checked.
    await page.getByTestId('language-toggle').waitFor()
    await page.goto(new URL('#/profiles', `${app.origin}/`).toString())
    await useLanguage(page, 'en')
    await page.getByTestId('profiles-table').waitFor()

    // From a file: IBM's service key JSON fills the form (nothing is tested: its host is not loopback).
    await page.getByTestId('profiles-new').click()
    await page.getByRole('menuitem', { name: profilesEn.list.newFromFile }).click()
    await page.getByTestId('import-file').setInputFiles(path.resolve(__dirname, '..', 'fixtures', 'ibm-cloud', 'resource_key_redis.json'))
    await page.getByTestId('import-modal').getByRole('button', { name: profilesEn.import.continue }).click()
    await expect.poll(() => page.locator('#profile-host').inputValue()).toMatch(/databases\.appdomain\.cloud$/)
    expect(await page.locator('#profile-ca').inputValue()).toContain('-----BEGIN CERTIFICATE-----')
    expect(await page.getByText(profilesEn.editor.passwordFromImport).count()).toBe(1)
    expect(await page.getByTestId('endpoint-type').textContent()).toBe(profilesEn.endpoint.private)
    await screenshot(page, 'profiles-import-service-key-en')
    await page.getByRole('button', { name: profilesEn.editor.close }).click()

    // Blank, pointed at a closed port: the test fails (tcp_refused) and "Save anyway" keeps it.
    await page.getByTestId('profiles-new').click()
    await page.getByRole('menuitem', { name: profilesEn.list.newBlank }).click()
    await page.locator('#profile-name').fill('nothing-listens')
    await page.locator('#profile-host').fill('127.0.0.1')
    await page.locator('#profile-port').fill(String(h.closed.port))
    await page.getByTestId('profile-test-and-save').click()
    await expectResult(page, 'tcp_refused')
    expect(await page.getByTestId('saved-notice').count()).toBe(0)
    await page.getByTestId('save-anyway').click()
    await page.getByTestId('saved-notice').waitFor()
    await expect.poll(() => page.getByTestId('profile-test').isEnabled(), { timeout: 20_000 }).toBe(true)
    await screenshot(page, 'profiles-saved-anyway-en')

    // Delete it from the editor: gone from the list.
    await page.getByRole('button', { name: profilesEn.editor.delete }).click()
    await page.getByTestId('delete-modal').getByRole('button', { name: profilesEn.editor.delete }).click()
    await page.getByTestId('profiles-table').waitFor()
    await expect.poll(() => page.locator('tr[data-profile="nothing-listens"]').count()).toBe(0)
    expect(problems).toEqual([])
    await context.close()
  })

  it('cancels a running test against a server that never answers: "cancelled", nothing recorded (en, ja)', async () => {
    const h = harness()
    const { page, problems, context } = await openPage(browser, await app.newLink())
    onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, 'profiles-FAILED-cancel.png') }).then(() => undefined))
    await page.waitForURL((u) => !u.searchParams.has('token'))
    // The app is up (its language read from the settings) before the language is checked.
    await page.getByTestId('language-toggle').waitFor()
    await page.goto(new URL('#/profiles', `${app.origin}/`).toString())
    await useLanguage(page, 'en')
    await page.getByTestId('profiles-table').waitFor()

    // A saved profile pointing at the silent server (saved anyway after its first, failing, draft test).
    await page.getByTestId('profiles-new').click()
    await page.getByRole('menuitem', { name: profilesEn.list.newBlank }).click()
    await page.locator('#profile-name').fill('silent-cancel')
    await page.locator('#profile-host').fill('127.0.0.1')
    await page.locator('#profile-port').fill(String(h.silent.port))
    await page.locator('#profile-connect-ms').fill('3000')
    await page.getByTestId('profile-test-and-save').click()
    await page.getByTestId('save-anyway').click({ timeout: 20_000 })
    await page.getByTestId('saved-notice').waitFor()
    await expect.poll(() => page.getByTestId('profile-test').isEnabled(), { timeout: 20_000 }).toBe(true)

    for (const language of ['en', 'ja'] as const) {
      const { p, c } = strings[language]
      await useLanguage(page, language)
      // The saved profile's test (which records its "last test"), cancelled while it waits.
      await page.getByTestId('profile-test').click()
      const progress = page.getByTestId('test-progress')
      await expect.poll(() => progress.textContent(), { timeout: 10_000 }).toContain('TCP')
      await progress.getByRole('button', { name: p.editor.cancelTest }).click()
      const cancelled = page.getByTestId('test-cancelled')
      await cancelled.waitFor({ timeout: 2_000 })
      expect(await cancelled.textContent()).toContain(c.probe.cancelled.title)
      expect(await cancelled.textContent()).toContain(p.editor.cancelledText)
      expect(await page.getByTestId('test-progress').count()).toBe(0)
      expect(await page.getByTestId('probe-timeline').count()).toBe(0)
      expect(await page.getByTestId('error-notice').count()).toBe(0)
      expect(await page.getByTestId('profile-test').isEnabled()).toBe(true)
      await screenshot(page, `profiles-test-cancelled-${language}`)
    }

    // Past the connect timeout a test that still ran would have failed and been recorded: nothing was.
    await new Promise((r) => setTimeout(r, 4_000))
    await useLanguage(page, 'en')
    await page.getByRole('button', { name: profilesEn.editor.close }).click()
    const row = page.locator('tr[data-profile="silent-cancel"]')
    await row.waitFor()
    expect(await row.getByTestId('profile-last-test').textContent()).toContain(profilesEn.list.never)

    // The list's one-click test is cancelled the same way: Cancel while it runs, "cancelled", nothing recorded.
    for (const language of ['en', 'ja'] as const) {
      const { p, c } = strings[language]
      await useLanguage(page, language)
      await row.getByTestId('profile-test').click()
      await row.getByTestId('profile-test-cancel').click({ timeout: 10_000 })
      await expect.poll(() => row.getByTestId('profile-test-cancelled').textContent(), { timeout: 2_000 }).toContain(c.probe.cancelled.title)
      expect(await row.getByTestId('profile-test-cancelled').getAttribute('title')).toBe(p.editor.cancelledText)
      expect(await page.getByTestId('error-notice').count()).toBe(0)
      expect(await row.getByTestId('profile-test').isEnabled()).toBe(true)
      await screenshot(page, `profiles-list-test-cancelled-${language}`)
    }
    await new Promise((r) => setTimeout(r, 4_000))
    await page.reload()
    await page.locator('tr[data-profile="silent-cancel"]').waitFor()
    await useLanguage(page, 'en')
    expect(await page.locator('tr[data-profile="silent-cancel"]').getByTestId('profile-last-test').textContent()).toContain(profilesEn.list.never)
    expect(problems).toEqual([])
    await context.close()
  })

  it('tests through a pod in the cluster (a stand-in kubectl: no cluster runs here) and cleans up (en)', async () => {
    const h = harness()
    // The stand-in records every call and, in exec mode, runs the pod's own redis-cli script on
    // this machine with the pod's env and Secret, against the loopback TLS Redis.
    const state = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-e2e-kubectl-'))
    const calls = path.join(state, 'calls.jsonl')
    const podApp = await startApp({
      env: { PSE_WIZARD_KEYCHAIN_SERVICE: `${keychainService}-pod`, ...fakeKubectlEnv(state, { exec: true, state, log: calls }) }
    })
    try {
      const { page, problems, context } = await openPage(browser, await podApp.newLink())
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, 'profiles-FAILED-pod.png') }).then(() => undefined))
      await page.waitForURL((u) => !u.searchParams.has('token'))
      await page.goto(new URL('#/profiles', `${podApp.origin}/`).toString())
      await page.getByTestId('profiles-new').click()
      await page.getByRole('menuitem', { name: profilesEn.list.newFromUrl }).click()
      const { username, password } = h.users.app
      await page.locator('#import-text').fill(`rediss://${username}:${encodeURIComponent(password)}@127.0.0.1:${h.tls.port}/0`)
      await page.getByTestId('import-modal').getByRole('button', { name: profilesEn.import.continue }).click()
      await expect.poll(() => page.locator('#profile-host').inputValue()).toBe('127.0.0.1')
      await page.locator('#profile-name').fill('from-a-pod')
      await page.locator('#profile-ca').fill(h.ca.cert)
      await page.locator('label[for="path-pod"]').click()
      await page.getByTestId('pod-fields').waitFor()
      await page.locator('#pod-tool').selectOption('kubectl')
      await page.locator('#pod-binary').fill(path.resolve(__dirname, '..', 'fixtures', 'kubectl', 'kubectl'))
      await page.locator('#pod-namespace').fill('apps')
      await page.getByTestId('profile-test-and-save').click()
      await expectResult(page, 'ok')
      await page.getByTestId('saved-notice').waitFor()
      await expect.poll(() => page.getByTestId('profile-test').isEnabled(), { timeout: 20_000 }).toBe(true)
      await expect.poll(() => page.getByTestId('pod-run').textContent()).toContain('apps')
      await screenshot(page, 'profiles-pod-passed-en')
      // Every pod and Secret the tests created was deleted.
      const log = (await fs.readFile(calls, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { argv: string[] }).argv.join(' '))
      expect(log.filter((c) => / delete /.test(` ${c} `)).length).toBeGreaterThan(0)
      expect(problems).toEqual([])
      await context.close()
    } finally {
      await podApp.stop()
      await clearService(`${keychainService}-pod`)
      await fs.rm(state, { recursive: true, force: true })
    }
  })

  it('without a keychain, says so and offers "this session only"', async () => {
    const noKeychain = await startApp({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pse-e2e' } })
    try {
      const { page, problems, context } = await openPage(browser, await noKeychain.newLink())
      await page.waitForURL((u) => !u.searchParams.has('token'))
      await page.goto(new URL('#/profiles', `${noKeychain.origin}/`).toString())
      const notice = page.getByTestId('keychain-unavailable')
      await notice.waitFor()
      expect(await notice.textContent()).toContain(profilesEn.keychain.unavailableTitle)
      await screenshot(page, 'profiles-keychain-unavailable-en')
      await notice.getByRole('button', { name: profilesEn.keychain.useSession }).click()
      await page.getByTestId('keychain-session').waitFor()
      await screenshot(page, 'profiles-keychain-session-en')
      expect(problems).toEqual([])
      await context.close()
    } finally {
      await noKeychain.stop()
    }
  })
})
