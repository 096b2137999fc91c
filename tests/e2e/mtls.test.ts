/// <reference lib="dom" />
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchBrowser, openPage, screenshot, screenshotDir, useLanguage } from '../support/browser'
import { useMutualTlsRedis } from '../support/mtls-redis'
import { assertSecretService, clearService, uniqueServiceName } from '../support/keyring'
import { profilesEn } from '../../src/shared/i18n/profiles/en'
import { profilesJa } from '../../src/shared/i18n/profiles/ja'
import { commonEn } from '../../src/shared/i18n/common/en'
import { commonJa } from '../../src/shared/i18n/common/ja'

/**
 * Mutual TLS in the profile editor, in Chromium, against a real redis-server that requires client
 * certificates (tls-auth-clients yes): without a client certificate the test fails with
 * tls_client_cert_rejected and its advice; with the CA, certificate and key pasted it passes,
 * the profile is saved with its key in the keychain, and the saved profile's test passes too.
 */
const strings = { en: { p: profilesEn, c: commonEn }, ja: { p: profilesJa, c: commonJa } } as const

/** The timeline's result, or the text of an error notice when the call itself failed. */
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
}

const phaseStates = (page: Page) =>
  page
    .getByTestId('probe-timeline')
    .locator('.pse-timeline__track [data-phase]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-phase')}:${e.getAttribute('data-state')}`))

/** The base64 body of a PEM (no header), to look for it in the page. */
const pemBody = (pem: string) => pem.split('\n').filter((l) => l && !l.startsWith('-----'))[1] ?? ''

describe('mutual TLS in the profile editor (real redis-server, tls-auth-clients yes)', () => {
  const mtls = useMutualTlsRedis()
  const keychainService = uniqueServiceName('e2e-mtls')
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
    it(`fails without the client certificate, then passes with it pasted (${language})`, async () => {
      const { p, c } = strings[language]
      const { ca, client, user, server } = mtls()
      const name = `mtls-${language}`
      const { page, problems, context } = await openPage(browser, await app.newLink(), {
        locale: language === 'ja' ? 'ja-JP' : 'en-US',
        colorScheme: language === 'ja' ? 'dark' : 'light'
      })
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `mtls-FAILED-${language}.png`), fullPage: true }).then(() => undefined))
      await page.waitForURL((u) => !u.searchParams.has('token'))
      await page.getByTestId('language-toggle').waitFor()
      await useLanguage(page, language)
      await page.goto(new URL('#/profiles', `${app.origin}/`).toString())
      await page.getByTestId('profiles-table').waitFor()

      // A blank profile for the mTLS server: host, user, password, CA; no client certificate yet.
      await page.getByTestId('profiles-new').click()
      await page.getByRole('menuitem', { name: p.list.newBlank }).click()
      await page.locator('#profile-name').fill(name)
      await page.locator('#profile-host').fill('localhost')
      await page.locator('#profile-port').fill(String(server.port))
      await page.locator('#profile-username').fill(user.username)
      await page.locator('#profile-password').fill(user.password)
      await page.locator('#profile-ca').fill(ca.cert)

      // The server wants a client certificate and gets none. With TLS 1.3 the client's handshake
      // ends before the server has judged it, so its refusal (an alert) is the first thing read
      // after the handshake: the bar that turns red is AUTH, with the advice about the certificate.
      await page.getByTestId('profile-test').click()
      await expectResult(page, 'tls_client_cert_rejected')
      expect(await phaseStates(page)).toEqual(['dns:ok', 'tcp:ok', 'tls:failed', 'auth:skipped', 'ping:skipped', 'write:skipped', 'info:skipped'])
      const advice = page.getByTestId('probe-advice')
      expect(await advice.textContent()).toContain(c.probe.tls_client_cert_rejected.title)
      expect(await advice.textContent()).toContain(c.probe.tls_client_cert_rejected.advice)
      expect(await page.getByTestId('saved-notice').count()).toBe(0)
      await screenshot(page, `mtls-no-client-cert-${language}`)

      // The client certificate and its key, pasted in the TLS section's mutual-TLS part.
      await page.getByTestId('section-tls').locator('summary', { hasText: p.editor.mtls }).click()
      await page.locator('#profile-client-cert').fill(client.cert)
      await page.locator('#profile-client-key').fill(client.key)
      await screenshot(page, `mtls-editor-pasted-${language}`)
      await page.getByTestId('profile-test-and-save').click()
      await expectResult(page, 'ok')
      await page.getByTestId('saved-notice').waitFor()
      await expect.poll(() => page.getByTestId('profile-test').isEnabled(), { timeout: 20_000 }).toBe(true)
      expect(await phaseStates(page)).toEqual(['dns:ok', 'tcp:ok', 'tls:ok', 'auth:ok', 'ping:ok', 'write:ok', 'info:ok'])
      expect(await page.getByTestId('probe-advice').count()).toBe(0)

      // Saved: the key went to the keychain; the page shows it masked, not as text.
      await page.getByTestId('secret-profile-client-key-stored').waitFor()
      expect(await page.locator('#profile-client-key').count()).toBe(0)
      expect(await page.content()).not.toContain(pemBody(client.key))
      await screenshot(page, `mtls-passed-${language}`)

      // The saved profile's own test reads the key from the keychain: it passes again.
      await page.getByTestId('profile-test').click()
      await expect.poll(() => page.getByTestId('profile-test').isEnabled(), { timeout: 20_000 }).toBe(true)
      await expectResult(page, 'ok')
      await page.getByRole('button', { name: p.editor.close }).click()
      const row = page.locator(`tr[data-profile="${name}"]`)
      await row.waitFor()
      await expect.poll(() => row.getByTestId('profile-last-test').textContent(), { timeout: 20_000 }).toContain(c.timeline.passed)
      await screenshot(page, `mtls-list-${language}`)

      expect(problems).toEqual([])
      await context.close()
    })
  }
})
