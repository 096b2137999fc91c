/// <reference lib="dom" />
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp } from '../support/app-server'
import { launchBrowser, openPage, screenshot as fullScreenshot, screenshotDir, useLanguage } from '../support/browser'
import { setupEn } from '../../src/shared/i18n/setup/en'
import { setupJa } from '../../src/shared/i18n/setup/ja'
import { VRF_CASE_TEXT } from '../../src/main/ibmcloud/prerequisites'

/**
 * Step 2 on a classic account without VRF, in Chromium against the sandbox (PSE_SANDBOX_VRF=off):
 * the confirm dialog shows exactly what is sent, the case is opened through the emulated Case
 * Management, its number and status show on the step, and re-checks follow it until IBM (the
 * sandbox) resolved it and VRF reads on.
 */
const strings = { en: setupEn, ja: setupJa } as const
const keychainService = `pse-wizard-e2e-support-case-${process.pid}`

const wizard = (page: Page) => page.getByTestId('setup-wizard')
const onStep = (page: Page, step: string) => expect.poll(() => wizard(page).getAttribute('data-step'), { timeout: 20_000 }).toBe(step)
const stepStatus = (page: Page, status: string) => expect.poll(() => wizard(page).getAttribute('data-status'), { timeout: 30_000 }).toBe(status)
const idle = (page: Page) => expect.poll(() => page.locator('[data-testid="setup-wizard"][data-busy="true"]').count(), { timeout: 30_000 }).toBe(0)

async function screenshot(page: Page, name: string): Promise<void> {
  await idle(page)
  await page.mouse.move(0, 0)
  await fullScreenshot(page, name)
}

describe('setup wizard: the VRF support case (sandbox)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const language of ['en', 'ja'] as const) {
    it(`opens the case after the confirmation, shows its number and status, and follows it to VRF on (${language})`, async () => {
      const s = strings[language]
      const app = await startApp({
        sandbox: true,
        env: {
          PSE_WIZARD_KEYCHAIN_SERVICE: `${keychainService}-${language}`,
          PSE_SANDBOX_VRF: 'off',
          PSE_SANDBOX_CASE_MS: '1500',
          PSE_SANDBOX_CASE_VRF_DELAY_MS: '500'
        }
      })
      const { page, problems, context } = await openPage(browser, await app.newLink(), { locale: language === 'ja' ? 'ja-JP' : 'en-US' })
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `support-case-FAILED-${language}.png`), fullPage: true }).then(() => undefined))
      try {
        await page.getByTestId('language-toggle').waitFor()
        await useLanguage(page, language)
        await page.evaluate(() => (window.location.hash = '#/setup'))
        await wizard(page).waitFor()
        await onStep(page, 'account')
        await page.getByText(s.account.source.environment, { exact: true }).click()
        await page.getByTestId('account-sign-in').click()
        await page.getByTestId('account-result').waitFor()
        await page.getByTestId('wizard-next').click()
        await onStep(page, 'prerequisites')
        await page.getByTestId('vrf-disabled').waitFor()
        await stepStatus(page, 'blocked')
        expect(await page.getByTestId('vrf-disabled').textContent()).toContain(s.prereq.case.offer)

        // The dialog shows exactly what will be sent; cancelling sends nothing.
        await page.getByTestId('support-case-open').click()
        const dialog = page.getByTestId('support-case-confirm')
        await dialog.getByText(s.prereq.case.confirmTitle).waitFor()
        expect((await page.getByTestId('support-case-confirm-text').innerText()).trim()).toBe(VRF_CASE_TEXT)
        const subject = (await page.getByTestId('support-case-confirm-subject').innerText()).trim()
        expect(subject).toMatch(/^Enable VRF and service endpoints for my account \[PSE Wizard [0-9a-f-]{36}\]$/)
        // Once the dialog has faded in (Carbon's open transition).
        await page.waitForFunction(() => {
          const modal = document.querySelector('.cds--modal.is-visible')
          return modal !== null && getComputedStyle(modal).opacity === '1'
        })
        await fullScreenshot(page, `wizard-02-support-case-confirm-${language}`)
        await dialog.getByRole('button', { name: s.prereq.case.cancel }).click()
        await expect.poll(() => page.getByTestId('support-case').count()).toBe(0)

        await page.getByTestId('support-case-open').click()
        await dialog.getByRole('button', { name: s.prereq.case.confirm }).click()
        await page.getByTestId('support-case').waitFor()
        const number = (await page.getByTestId('support-case-number').textContent())!.trim()
        expect(number).toMatch(/^CS\d{7}$/)
        expect(await page.getByTestId('support-case-status').textContent()).toBe(s.prereq.case.status.new)
        await stepStatus(page, 'blocked')
        await screenshot(page, `wizard-02-support-case-open-${language}`)

        // Re-checks read the case (and VRF) again until VRF is on; the case number never changes.
        await expect
          .poll(
            async () => {
              await idle(page)
              await page.getByTestId('prereq-check').click()
              await idle(page)
              return wizard(page).getAttribute('data-status')
            },
            { timeout: 30_000, interval: 1_000 }
          )
          .toBe('done')
        await page.getByTestId('support-case').waitFor()
        expect((await page.getByTestId('support-case-number').textContent())!.trim()).toBe(number)
        expect(await page.getByTestId('support-case-status').textContent()).toBe(s.prereq.case.status.resolved)
        await screenshot(page, `wizard-02-support-case-resolved-${language}`)
        expect(problems).toEqual([])
      } finally {
        await context.close()
        await app.stop()
      }
    }, 120_000)
  }
})
