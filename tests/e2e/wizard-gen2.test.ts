/// <reference lib="dom" />
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp } from '../support/app-server'
import { launchBrowser, openPage, screenshot as fullScreenshot, screenshotDir, useLanguage } from '../support/browser'
import { scanScreen } from '../support/text-scan'
import { setupEn } from '../../src/shared/i18n/setup/en'
import { setupJa } from '../../src/shared/i18n/setup/ja'

/**
 * The whole Gen 2 journey in Chromium, every step clicked on screen (browser mode, sandbox): an
 * empty account with one VPC in jp-tok → Gen 2 prerequisites → a Gen 2 instance → the Manager key
 * → the VPE gateway (security group on consent) → the Writer key → a test over TLS with SNI to
 * the VPE's name → a saved private profile whose one-click test passes. In Japanese every
 * screen is scanned for English sentences and clipped text. Then (en) the same instance is
 * adopted by a new run instead of a second one being made.
 */
const strings = { en: setupEn, ja: setupJa }
const fast = { PSE_SANDBOX_PROVISIONING_MS: '2000', PSE_WIZARD_POLL_MS: '200' }
const keychainService = `pse-wizard-e2e-wizard-gen2-${process.pid}`

const wizard = (page: Page) => page.getByTestId('setup-wizard')
const onStep = (page: Page, step: string) => expect.poll(() => wizard(page).getAttribute('data-step'), { timeout: 30_000 }).toBe(step)
const stepStatus = (page: Page, status: string) => expect.poll(() => wizard(page).getAttribute('data-status'), { timeout: 60_000 }).toBe(status)
const idle = (page: Page) => expect.poll(() => page.locator('[data-testid="setup-wizard"][data-busy="true"]').count(), { timeout: 60_000 }).toBe(0)
const next = async (page: Page) => {
  await expect.poll(() => page.getByTestId('wizard-next').isEnabled(), { timeout: 30_000 }).toBe(true)
  await page.getByTestId('wizard-next').click()
}

/** A full-page screenshot; in Japanese the screen is scanned first (no English sentence, nothing clipped). */
async function look(page: Page, name: string, language: 'en' | 'ja', options: { whileBusy?: boolean } = {}): Promise<void> {
  if (!options.whileBusy) await idle(page)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  if (language === 'ja') expect(await scanScreen(page), name).toEqual({ english: [], overflow: [] })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.mouse.move(0, 0)
  await fullScreenshot(page, `${name}-${language}`)
}

async function signInAndCheckGen2(page: Page, language: 'en' | 'ja') {
  await onStep(page, 'account')
  await page.getByText(strings[language].account.source.environment, { exact: true }).click()
  await page.getByTestId('account-sign-in').click()
  await page.getByTestId('account-result').waitFor()
  await next(page)
  await onStep(page, 'prerequisites')
  await stepStatus(page, 'done')
  await page.locator('label[for="prereq-generation-gen2"]').click()
  await page.locator('#prereq-region').selectOption('jp-tok')
  await page.getByTestId('prereq-check').click()
  await idle(page)
  await stepStatus(page, 'done')
  await expect.poll(() => page.locator('[data-item="vpc"]').getAttribute('data-ok')).toBe('true')
}

describe('the setup wizard, Gen 2 on VPC, end to end (sandbox, browser mode)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const language of ['en', 'ja'] as const) {
    it(`goes from an empty account with one VPC to a tested private Gen 2 profile (${language})`, async () => {
      const app = await startApp({
        sandbox: true,
        env: { ...fast, PSE_WIZARD_KEYCHAIN_SERVICE: `${keychainService}-${language}` }
      })
      const { page, problems, context } = await openPage(browser, await app.newLink(), { locale: language === 'ja' ? 'ja-JP' : 'en-US' })
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `wizard-gen2-FAILED-${language}.png`), fullPage: true }).then(() => undefined))
      try {
        await page.getByTestId('language-toggle').waitFor()
        await useLanguage(page, language)
        await page.evaluate(() => (window.location.hash = '#/setup'))

        // 1–2: sign in, then the Gen 2 prerequisites of jp-tok (the sandbox's VPC and subnets there).
        await signInAndCheckGen2(page, language)
        await look(page, 'wizard-gen2-02-prerequisites', language)

        // 3: Gen 2 is offered first (what step 2 checked), private only; the billed create after the summary.
        await next(page)
        await onStep(page, 'deploy')
        await expect.poll(() => page.getByTestId('deploy-form').getAttribute('data-generation'), { timeout: 20_000 }).toBe('gen2')
        await page.locator('#deploy-name').fill(`redis-g2-${language}`)
        await page.getByTestId('deploy-review').click()
        await page.getByTestId('deploy-summary').waitFor()
        expect(await page.getByTestId('deploy-summary').getAttribute('data-generation')).toBe('gen2')
        await look(page, 'wizard-gen2-03-summary', language)
        await page.getByTestId('deploy-create').click()

        // 4: the Resource Controller's progress, then step 5 opens by itself.
        await onStep(page, 'wait')
        await onStep(page, 'password')

        // 5: the Manager key (no admin user on Gen 2); its password only on request.
        await page.getByTestId('gen2-credentials').waitFor()
        await page.getByTestId('credentials-create').click()
        await page.getByTestId('credentials-result').waitFor({ timeout: 30_000 })
        expect(await page.getByTestId('credentials-result').textContent()).toContain(`redis-g2-${language}-manager`)
        await look(page, 'wizard-gen2-05-credentials', language)

        // 6: the VPE gateway in the VPC: a security group admitting the port, on consent; pending → stable.
        await next(page)
        await onStep(page, 'connection')
        await page.getByTestId('vpe-panel').waitFor()
        await page.locator('label[for="vpe-group-consent"]').click()
        await page.getByTestId('vpe-create').click()
        await expect.poll(() => page.getByTestId('vpe-status').getAttribute('data-state'), { timeout: 60_000 }).toBe('stable')
        await idle(page)
        await stepStatus(page, 'done')
        const host = (await page.getByTestId('connection-private').textContent()) ?? ''
        expect(host).toMatch(/\.private\.uhp\.redis\.jp-tok\.dataservices\.appdomain\.cloud/)
        await look(page, 'wizard-gen2-06-vpe', language)

        // 7: the application's key, Writer by default.
        await next(page)
        await onStep(page, 'serviceKey')
        await page.getByTestId('gen2-service-key').waitFor()
        expect(await page.locator('#app-key-writer').isChecked()).toBe(true)
        await page.getByTestId('service-key-create').click()
        await page.getByTestId('service-key-result').waitFor({ timeout: 30_000 })
        expect(await page.getByTestId('service-key-result').textContent()).toContain('Writer')
        await look(page, 'wizard-gen2-07-app-key', language)

        // 8: the test over TLS (publicly trusted chain: the sandbox's root) with SNI = the VPE's name; no public endpoint.
        await next(page)
        await onStep(page, 'test')
        await page.getByTestId('test-run').click()
        await stepStatus(page, 'done')
        await expect.poll(() => page.getByTestId('test-private').getByTestId('probe-timeline').getAttribute('data-result'), { timeout: 30_000 }).toBe('ok')
        expect(await page.getByTestId('test-public').count()).toBe(0)
        await look(page, 'wizard-gen2-08-test', language)

        // 9: save, then the private profile's one-click test on the Profiles page.
        await next(page)
        await onStep(page, 'save')
        await page.getByTestId('save-profiles').click()
        await page.getByTestId('save-result').waitFor()
        expect(await page.getByTestId('saved-public').count()).toBe(0)
        await look(page, 'wizard-gen2-09-save', language)
        await page.getByTestId('saved-private').click()
        await page.getByTestId('profile-test').click()
        await expect.poll(() => page.getByTestId('probe-timeline').getAttribute('data-result'), { timeout: 30_000 }).toBe('ok')
        await look(page, 'wizard-gen2-10-profile-tested', language)

        if (language === 'en') {
          // A new run adopts the Gen 2 instance just made (told by its plan), never a second one.
          await page.evaluate(() => (window.location.hash = '#/setup'))
          await onStep(page, 'save')
          await page.getByRole('button', { name: strings.en.save.startOver }).click()
          await signInAndCheckGen2(page, 'en')
          await next(page)
          await onStep(page, 'deploy')
          await page.getByText(strings.en.deploy.mode.adopt, { exact: true }).click()
          const row = page.getByTestId('deploy-adopt').getByRole('row', { name: /redis-g2-en/ })
          await row.waitFor()
          expect(await row.count()).toBe(1)
          await row.getByRole('radio').check({ force: true })
          await look(page, 'wizard-gen2-03-adopt', 'en')
          await page.getByTestId('deploy-adopt-button').click()
          await onStep(page, 'password')
          await page.getByTestId('gen2-credentials').waitFor()
        }
        expect(problems).toEqual([])
      } finally {
        await context.close()
        await app.stop()
      }
    }, 240_000)
  }
})
