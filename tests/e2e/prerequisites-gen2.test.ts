/// <reference lib="dom" />
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp } from '../support/app-server'
import { launchBrowser, openPage, screenshot as fullScreenshot, screenshotDir, useLanguage } from '../support/browser'
import { setupEn } from '../../src/shared/i18n/setup/en'
import { setupJa } from '../../src/shared/i18n/setup/ja'
import { prereqGen2En } from '../../src/shared/i18n/prereq-gen2/en'
import { prereqGen2Ja } from '../../src/shared/i18n/prereq-gen2/ja'

/**
 * The prerequisites step for Gen 2, in Chromium against the sandbox (its account has a VPC with
 * subnets in us-south and jp-tok, none in eu-gb): picking Gen 2 and a region checks the VPC,
 * subnet, Gen 2 deployment and IAM roles of that region, in the UI's language; a region without a
 * VPC blocks the step, naming the ibmcloud is commands.
 */
const strings = { en: { s: setupEn, g: prereqGen2En }, ja: { s: setupJa, g: prereqGen2Ja } } as const
const keychainService = `pse-wizard-e2e-prereq-gen2-${process.pid}`
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? `{{${k}}}`)

const wizard = (page: Page) => page.getByTestId('setup-wizard')
const onStep = (page: Page, step: string) => expect.poll(() => wizard(page).getAttribute('data-step'), { timeout: 20_000 }).toBe(step)
const stepStatus = (page: Page, status: string) => expect.poll(() => wizard(page).getAttribute('data-status'), { timeout: 30_000 }).toBe(status)
const idle = (page: Page) => expect.poll(() => page.locator('[data-testid="setup-wizard"][data-busy="true"]').count(), { timeout: 30_000 }).toBe(0)
const row = (page: Page, id: string) => page.locator(`[data-testid="prereq-table"] tr[data-item="${id}"]`)

async function screenshot(page: Page, name: string): Promise<void> {
  await idle(page)
  await page.mouse.move(0, 0)
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }))
  await page.waitForFunction(() => window.scrollY === 0)
  await fullScreenshot(page, name)
}

describe('setup wizard: the Gen 2 prerequisites step (sandbox)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const language of ['en', 'ja'] as const) {
    it(`checks a region for Gen 2 and names what is missing (${language})`, async () => {
      const { s, g } = strings[language]
      const app = await startApp({ sandbox: true, env: { PSE_WIZARD_KEYCHAIN_SERVICE: `${keychainService}-${language}` } })
      const { page, problems, context } = await openPage(browser, await app.newLink(), {
        locale: language === 'ja' ? 'ja-JP' : 'en-US',
        colorScheme: language === 'ja' ? 'dark' : 'light'
      })
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `prereq-gen2-FAILED-${language}.png`), fullPage: true }).then(() => undefined))
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
        // The step opens with Gen 1 (checked at once); VRF items belong to it.
        await row(page, 'vrf').waitFor()
        await stepStatus(page, 'done')

        // Gen 2 in us-south: the sandbox's VPC with subnets there; the IAM roles cannot be read ahead.
        await page.locator('label[for="prereq-generation-gen2"]').click()
        expect(await page.getByTestId('prereq-table').count()).toBe(0)
        await page.locator('#prereq-region').selectOption('us-south')
        await page.getByTestId('prereq-check').click()
        await row(page, 'vpc').waitFor()
        await idle(page)
        await stepStatus(page, 'done')
        expect(await page.locator('[data-testid="prereq-table"] tr[data-item]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-item'), r.getAttribute('data-ok')]))).toEqual([
          ['api_key', 'true'],
          ['account', 'true'],
          ['gen2_catalog', 'true'],
          ['vpc', 'true'],
          ['subnet', 'true'],
          ['iam_roles', 'null']
        ])
        expect(await row(page, 'vpc').textContent()).toContain(g.items.vpc)
        expect(await row(page, 'vpc').textContent()).toContain(fill(g.vpc.found, { names: 'sandbox-vpc', region: 'us-south' }))
        expect(await row(page, 'iam_roles').textContent()).toContain(g.iam.vpcViewerConfirmed)
        expect(await row(page, 'iam_roles').textContent()).toContain(s.prereq.unknown)
        expect(await page.getByTestId('gen2-ready').textContent()).toContain(fill(g.readyWithUnknown, { region: 'us-south' }))
        expect(await page.locator('.pse-setup__step').textContent()).toContain(g.lead)
        await screenshot(page, `wizard-02-prerequisites-gen2-${language}`)

        // eu-gb: no VPC (and no Gen 2 deployment in the sandbox's catalog): blocked, with the commands.
        await page.locator('#prereq-region').selectOption('eu-gb')
        await page.getByTestId('prereq-check').click()
        await page.getByTestId('gen2-vpc-missing').waitFor()
        await stepStatus(page, 'blocked')
        expect(await page.getByTestId('gen2-vpc-missing').textContent()).toContain(fill(g.blocked.vpcTitle, { region: 'eu-gb' }))
        expect(await row(page, 'vpc').textContent()).toContain(fill(g.vpc.none, { region: 'eu-gb' }))
        expect(await row(page, 'vpc').textContent()).toContain('ibmcloud target -r eu-gb && ibmcloud is vpc-create redis-vpc')
        expect(await row(page, 'subnet').textContent()).toContain('ibmcloud is subnet-create redis-vpc-subnet-1 redis-vpc --zone eu-gb-1')
        // The long commands wrap, none is cut off.
        for (const id of ['vpc', 'subnet']) {
          const fits = await row(page, id)
            .getByTestId('prereq-command')
            .evaluate((el) => Array.from(el.querySelectorAll('.cds--snippet-container, pre, code')).every((n) => n.scrollWidth <= n.clientWidth + 1))
          expect(fits, id).toBe(true)
        }
        expect(await row(page, 'vpc').getByRole('link').getAttribute('href')).toBe('https://cloud.ibm.com/infrastructure/provision/vpc')
        expect(await row(page, 'gen2_catalog').getAttribute('data-ok')).toBe('false')
        expect(await page.getByTestId('wizard-next').isDisabled()).toBe(true)
        await screenshot(page, `wizard-02-prerequisites-gen2-no-vpc-${language}`)
        expect(problems).toEqual([])
      } finally {
        await context.close()
        await app.stop()
      }
    }, 120_000)
  }
})
