/// <reference lib="dom" />
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp } from '../support/app-server'
import { launchBrowser, openPage, screenshotDir, useLanguage } from '../support/browser'
import { scanScreen } from '../support/text-scan'
import { deployGen2En } from '../../src/shared/i18n/deploy-gen2/en'
import { deployGen2Ja } from '../../src/shared/i18n/deploy-gen2/ja'
import { setupEn } from '../../src/shared/i18n/setup/en'
import { setupJa } from '../../src/shared/i18n/setup/ja'

/**
 * The deploy step for Gen 2 in Chromium against the sandbox: after step 2 checked Gen 2 in jp-tok
 * (the sandbox's VPC with subnets there), the step starts with the generation on Gen 2, shows
 * its fields (flavor, storage, version, VPC, one subnet per zone, private only) and hides Gen 1's,
 * refuses a storage out of range in the UI's language, summarises the billed create, creates it
 * and waits through the Resource Controller. Screenshots at 1280x800 and 1024x768, en and ja.
 */
const strings = { en: { g: deployGen2En, s: setupEn }, ja: { g: deployGen2Ja, s: setupJa } } as const
const viewports = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 }
] as const
const wizard = (page: Page) => page.getByTestId('setup-wizard')
const onStep = (page: Page, step: string) => expect.poll(() => wizard(page).getAttribute('data-step'), { timeout: 20_000 }).toBe(step)
const stepStatus = (page: Page, status: string) => expect.poll(() => wizard(page).getAttribute('data-status'), { timeout: 30_000 }).toBe(status)
const idle = (page: Page) => expect.poll(() => page.locator('[data-testid="setup-wizard"][data-busy="true"]').count(), { timeout: 30_000 }).toBe(0)

/** Screenshots at both sizes; in Japanese the screen is also scanned for English sentences and clipped text. */
async function capture(page: Page, name: string, language: 'en' | 'ja', options: { whileBusy?: boolean } = {}): Promise<void> {
  if (!options.whileBusy) await idle(page)
  for (const viewport of viewports) {
    await page.setViewportSize(viewport)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    if (language === 'ja') {
      const found = await scanScreen(page)
      expect(found, `${name} ${viewport.width}`).toEqual({ english: [], overflow: [] })
    }
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.mouse.move(0, 0)
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${language}-${viewport.width}.png`), fullPage: true })
  }
  await page.setViewportSize(viewports[0])
}

describe('setup wizard: the Gen 2 deploy step (sandbox)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const language of ['en', 'ja'] as const) {
    it(`chooses Gen 2, fills its fields, reviews and creates it, and waits (${language})`, async () => {
      const { g, s } = strings[language]
      const app = await startApp({ sandbox: true, env: { PSE_WIZARD_KEYCHAIN_SERVICE: `pse-wizard-e2e-deploy-gen2-${process.pid}-${language}`, PSE_WIZARD_POLL_MS: '200' } })
      const { page, problems, context } = await openPage(browser, await app.newLink(), { locale: language === 'ja' ? 'ja-JP' : 'en-US' })
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `deploy-gen2-FAILED-${language}.png`), fullPage: true }).then(() => undefined))
      try {
        await page.getByTestId('language-toggle').waitFor()
        await useLanguage(page, language)
        await page.evaluate(() => (window.location.hash = '#/setup'))
        await onStep(page, 'account')
        await page.getByText(s.account.source.environment, { exact: true }).click()
        await page.getByTestId('account-sign-in').click()
        await page.getByTestId('account-result').waitFor()
        await page.getByTestId('wizard-next').click()
        await onStep(page, 'prerequisites')
        await stepStatus(page, 'done')
        await page.locator('label[for="prereq-generation-gen2"]').click()
        await page.locator('#prereq-region').selectOption('jp-tok')
        await page.getByTestId('prereq-check').click()
        await idle(page)
        await stepStatus(page, 'done')
        await page.getByTestId('wizard-next').click()
        await onStep(page, 'deploy')

        // Gen 2 is chosen (what step 2 checked); its fields show, Gen 1's are hidden.
        const form = page.getByTestId('deploy-form')
        await expect.poll(() => form.getAttribute('data-generation'), { timeout: 20_000 }).toBe('gen2')
        expect(await page.locator('#deploy-generation-gen2').isChecked()).toBe(true)
        expect(await page.getByTestId('deploy-generation').textContent()).toContain(g.generation.gen2Needs)
        expect(await page.getByTestId('deploy-generation').textContent()).toContain(g.generation.gen1Needs)
        expect(await page.locator('#deploy-gen2-flavor').inputValue()).toBe('bx3d.4x20')
        expect(await page.locator('#deploy-gen2-version').inputValue()).toBe('8.2')
        expect(await page.locator('#deploy-gen2-vpc option:checked').textContent()).toContain('sandbox-vpc')
        expect(await page.getByTestId('deploy-gen2-private-only').textContent()).toContain(g.privateOnly)
        for (const gen1Only of ['#deploy-flavor', '#deploy-memory', '#deploy-cpu', '#deploy-version', 'input[name="deploy-endpoints"]']) expect(await page.locator(gen1Only).count(), gen1Only).toBe(0)
        const subnets = page.getByTestId('deploy-gen2-subnets').locator('input[type="checkbox"]')
        const checked = await subnets.evaluateAll((els) => els.filter((e) => (e as HTMLInputElement).checked).length)
        expect(checked).toBeGreaterThan(0)

        await page.locator('#deploy-name').fill('redis-gen2-ui')
        await page.locator('#deploy-gen2-storage').fill('5')
        await page.locator('#deploy-gen2-storage').blur()
        await page.getByTestId('deploy-review').click()
        await expect.poll(() => form.textContent()).toContain(g.invalid.storageGbPerMember)
        await capture(page, 'wizard-03-deploy-gen2-invalid', language)
        await page.locator('#deploy-gen2-storage').fill('40')
        await page.locator('#deploy-gen2-storage').blur()
        await capture(page, 'wizard-03-deploy-gen2', language)

        await page.getByTestId('deploy-review').click()
        const summary = page.getByTestId('deploy-summary')
        await summary.waitFor()
        expect(await summary.getAttribute('data-generation')).toBe('gen2')
        const said = (await summary.textContent()) ?? ''
        for (const part of [g.summary.gen2What, g.generation.gen2, 'bx3d.4x20', '40 GB', g.summary.storageTotal.replace('{{total}}', '80'), 'sandbox-vpc', g.summary.endpoints]) expect(said).toContain(part)
        await capture(page, 'wizard-03-deploy-gen2-summary', language)

        await page.getByTestId('deploy-create').click()
        // The wait: IBM's words and a percent (Resource Controller only), then the wizard goes on to step 5.
        await onStep(page, 'wait')
        await expect.poll(() => page.getByTestId('provisioning').getAttribute('data-percent'), { timeout: 20_000 }).toMatch(/^[1-9]\d?$/)
        await capture(page, 'wizard-04-wait-gen2', language, { whileBusy: true })
        await onStep(page, 'password')

        // Back on the deploy step (the step list), adopting: the Gen 2 instance just made, and the VPC it is reached from.
        await page.locator('.cds--progress-step-button').nth(2).click()
        await onStep(page, 'deploy')
        await page.locator('label[for="deploy-adopt"]').click()
        const adopt = page.getByTestId('deploy-adopt')
        await expect.poll(() => adopt.textContent()).toContain('redis-gen2-ui')
        expect(await adopt.textContent()).toContain(g.generation.gen2)
        expect(await page.locator('#adopt-vpc option:checked').textContent()).toContain('sandbox-vpc')
        await capture(page, 'wizard-03-deploy-gen2-adopt', language)
        expect(problems).toEqual([])
      } finally {
        await context.close()
        await app.stop()
      }
    }, 180_000)
  }
})
