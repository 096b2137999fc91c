/// <reference lib="dom" />
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp } from '../support/app-server'
import { launchBrowser, openPage, screenshot as fullScreenshot, screenshotDir, useLanguage } from '../support/browser'
import { appKeyEn, credentialsEn, gen2KeysCliEn } from '../../src/shared/i18n/setup-gen2-keys/en'
import { appKeyJa, credentialsJa, gen2KeysCliJa } from '../../src/shared/i18n/setup-gen2-keys/ja'

/**
 * Steps 5 and 7 of a Gen 2 run in Chromium (browser mode, sandbox): the Manager key's screen
 * (create, the password behind Show) and the application key's (Writer by default, Manager,
 * or none). Steps 1–4 and 6 are reached through the contract from the page, as the UI calls them.
 */
const strings = { en: { c: credentialsEn, k: appKeyEn, cli: gen2KeysCliEn }, ja: { c: credentialsJa, k: appKeyJa, cli: gen2KeysCliJa } }
const fast = { PSE_SANDBOX_PROVISIONING_MS: '1500', PSE_WIZARD_POLL_MS: '200' }
const keychainService = `pse-wizard-e2e-gen2-keys-${process.pid}`

/** A contract call from the page, as the renderer's HTTP bridge makes it. */
const api = (page: Page, name: string, input: unknown = {}) =>
  page.evaluate(
    async ([n, body]) => {
      const r = await fetch(`/api/call/${encodeURIComponent(n as string)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      })
      const out = (await r.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } }
      if (!out.ok) throw new Error(`${n as string}: ${out.error?.code} ${out.error?.message}`)
      return out.value as Record<string, unknown>
    },
    [name, input] as const
  )

const wizard = (page: Page) => page.getByTestId('setup-wizard')
const onStep = (page: Page, step: string) => expect.poll(() => wizard(page).getAttribute('data-step'), { timeout: 30_000 }).toBe(step)
const idle = (page: Page) => expect.poll(() => page.locator('[data-testid="setup-wizard"][data-busy="true"]').count(), { timeout: 30_000 }).toBe(0)
async function shot(page: Page, name: string) {
  await idle(page)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.mouse.move(0, 0)
  await fullScreenshot(page, name)
}

describe('Gen 2 credentials and application key screens (sandbox, browser mode)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const language of ['en', 'ja'] as const) {
    it(`step 5 creates the Manager key and shows its password on request; step 7 offers Writer / Manager / none (${language})`, async () => {
      const s = strings[language]
      const app = await startApp({ sandbox: true, env: { ...fast, PSE_WIZARD_KEYCHAIN_SERVICE: `${keychainService}-${language}` } })
      const { page, problems, context } = await openPage(browser, await app.newLink(), { locale: language === 'ja' ? 'ja-JP' : 'en-US' })
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `gen2-keys-FAILED-${language}.png`), fullPage: true }).then(() => undefined))
      try {
        await page.getByTestId('language-toggle').waitFor()
        await useLanguage(page, language)
        // Steps 1–4 for Gen 2 in jp-tok, as the screens call them.
        await api(page, 'wizard.account', { source: 'environment' })
        await api(page, 'wizard.checkPrerequisites', { generation: 'gen2', region: 'jp-tok' })
        const options = await api(page, 'wizard.options', { region: 'jp-tok' })
        await api(page, 'wizard.deploy', { mode: 'create', form: { ...(options.defaults as object), name: 'redis-g2' }, confirm: true })
        await api(page, 'wizard.idle')
        await page.evaluate(() => (window.location.hash = '#/setup'))
        await onStep(page, 'password')

        // Step 5: "Credentials" in the step list, one sentence on why, the Manager key's name.
        const panel = page.getByTestId('gen2-credentials')
        await panel.waitFor()
        expect(await page.locator('.pse-setup__step h2').textContent()).toBe(s.c.title)
        expect(await panel.textContent()).toContain(s.c.lead)
        expect(await page.locator('.cds--progress').textContent()).toContain(s.c.step)
        expect(await page.locator('#credentials-name').inputValue()).toBe('redis-g2-manager')
        expect(await page.getByTestId('password-set').count()).toBe(0)
        expect(await page.locator('body').textContent()).toContain(`# ${s.cli.key_create_manager}`)
        await shot(page, `wizard-05-gen2-credentials-${language}`)
        await page.getByTestId('credentials-create').click()
        await page.getByTestId('credentials-result').waitFor({ timeout: 30_000 })
        const result = await page.getByTestId('credentials-result').textContent()
        expect(result).toContain('redis-g2-manager')
        expect(result).toMatch(/ibmcloud_[0-9a-f]{32}/)
        expect(result).toContain('Manager')
        // The password only on an explicit click, from the keychain.
        const value = page.getByTestId('secret-manager-password-value')
        expect(await value.textContent()).not.toMatch(/[0-9a-f]{32}/)
        await page.getByTestId('secret-manager-password-reveal').click()
        await expect.poll(() => value.textContent()).toMatch(/^[0-9a-f]{32}$/)
        await shot(page, `wizard-05-gen2-credentials-done-${language}`)

        // Step 6 (another screen) through the contract; then step 7 on screen.
        await api(page, 'wizard.fetchConnection', { createSecurityGroup: true })
        // Next, as the user moves on (step 6's screen passes by).
        for (let i = 0; i < 3 && (await wizard(page).getAttribute('data-step')) !== 'serviceKey'; i++) {
          await idle(page)
          await expect.poll(() => page.getByTestId('wizard-next').isEnabled(), { timeout: 20_000 }).toBe(true)
          await page.getByTestId('wizard-next').click()
          await expect.poll(() => wizard(page).getAttribute('data-busy')).not.toBe('true')
        }
        await onStep(page, 'serviceKey')
        const keyPanel = page.getByTestId('gen2-service-key')
        await keyPanel.waitFor()
        expect(await page.locator('.pse-setup__step h2').textContent()).toBe(s.k.title)
        expect(await page.locator('.cds--progress').textContent()).toContain(s.k.step)
        for (const label of [s.k.role.Writer, s.k.role.Manager, s.k.role.skip]) expect(await keyPanel.textContent()).toContain(label)
        expect(await page.locator('#app-key-writer').isChecked()).toBe(true)
        expect(await page.locator('#app-key-name').inputValue()).toBe('redis-g2-writer')
        await page.locator('label[for="app-key-manager"]').click()
        expect(await page.locator('#app-key-name').inputValue()).toBe('redis-g2-app-manager')
        await page.locator('label[for="app-key-skip"]').click()
        expect(await page.locator('#app-key-name').count()).toBe(0)
        await page.locator('label[for="app-key-writer"]').click()
        await shot(page, `wizard-07-gen2-app-key-${language}`)
        await page.getByTestId('service-key-create').click()
        await page.getByTestId('service-key-result').waitFor({ timeout: 30_000 })
        const keyResult = await page.getByTestId('service-key-result').textContent()
        expect(keyResult).toContain('redis-g2-writer')
        expect(keyResult).toContain('Writer')
        expect(keyResult).toContain('.private.uhp.redis.jp-tok.dataservices.appdomain.cloud')
        expect(await page.locator('body').textContent()).toContain(`# ${s.cli.key_create_writer}`)
        await shot(page, `wizard-07-gen2-app-key-done-${language}`)
        expect(problems).toEqual([])
      } finally {
        await context.close()
        await app.stop()
      }
    }, 150_000)
  }
})
