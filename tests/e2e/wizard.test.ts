/// <reference lib="dom" />
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchBrowser, openPage, screenshot as fullScreenshot, screenshotDir, useLanguage } from '../support/browser'
import { setupEn } from '../../src/shared/i18n/setup/en'
import { setupJa } from '../../src/shared/i18n/setup/ja'

/**
 * The setup wizard in Chromium against the sandbox (browser mode): an empty emulated account to
 * a saved private profile whose one-click test passes against the emulator's real TLS Redis.
 */
const strings = { en: setupEn, ja: setupJa }
const fast = { PSE_SANDBOX_PROVISIONING_MS: '3000', PSE_WIZARD_POLL_MS: '200' }
const keychainService = `pse-wizard-e2e-wizard-${process.pid}`

async function openSetup(browser: Browser, app: RunningApp, language: 'en' | 'ja') {
  const watch = await openPage(browser, await app.newLink(), { locale: language === 'ja' ? 'ja-JP' : 'en-US' })
  const { page } = watch
  await page.getByTestId('language-toggle').waitFor()
  await useLanguage(page, language)
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language)
  await page.evaluate(() => (window.location.hash = '#/setup'))
  await page.getByTestId('setup-wizard').waitFor()
  return watch
}

/** Scrolled back to the top first: a full-page shot of a scrolled page draws the fixed header mid-page. */
async function screenshot(page: Page, name: string, options: { whileBusy?: boolean } = {}): Promise<void> {
  if (!options.whileBusy) await expect.poll(() => page.locator('[data-testid="setup-wizard"][data-busy="true"]').count()).toBe(0)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.mouse.move(0, 0)
  await fullScreenshot(page, name)
}

const wizard = (page: Page) => page.getByTestId('setup-wizard')
const onStep = (page: Page, step: string) => expect.poll(() => wizard(page).getAttribute('data-step'), { timeout: 20_000 }).toBe(step)
const stepStatus = (page: Page, status: string) => expect.poll(() => wizard(page).getAttribute('data-status'), { timeout: 30_000 }).toBe(status)
const next = async (page: Page) => {
  await expect.poll(() => page.getByTestId('wizard-next').isEnabled(), { timeout: 20_000 }).toBe(true)
  await page.getByTestId('wizard-next').click()
}

describe('the setup wizard (sandbox, browser mode)', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const language of ['en', 'ja'] as const) {
    it(`goes from an empty sandbox account to a tested private profile (${language})`, async () => {
      const s = strings[language]
      const app = await startApp({ sandbox: true, env: { ...fast, PSE_WIZARD_KEYCHAIN_SERVICE: `${keychainService}-${language}` } })
      const { page, problems, context } = await openSetup(browser, app, language)
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `wizard-FAILED-${language}.png`), fullPage: true }).then(() => undefined))
      try {
        // 1 Account: a wrong key first, then the sandbox's own key from IBMCLOUD_API_KEY.
        await onStep(page, 'account')
        await expect.poll(() => page.getByTestId('sandbox-banner').count()).toBe(1)
        await page.getByText(s.account.source.apiKey, { exact: true }).click()
        await page.locator('#account-api-key').fill('not-a-real-key-0123456789')
        await page.getByTestId('account-sign-in').click()
        await stepStatus(page, 'failed')
        await page.getByTestId('error-notice').waitFor()
        expect(await page.locator('#account-api-key').inputValue()).toBe('not-a-real-key-0123456789')
        await screenshot(page, `wizard-01-account-bad-key-${language}`)
        await page.getByText(s.account.source.environment, { exact: true }).click()
        await page.getByTestId('account-sign-in').click()
        await page.getByTestId('account-result').waitFor()
        await stepStatus(page, 'done')
        await screenshot(page, `wizard-01-account-${language}`)

        // 2 Prerequisites: checked as the step opens.
        await next(page)
        await onStep(page, 'prerequisites')
        await page.getByTestId('prereq-table').waitFor()
        await stepStatus(page, 'done')
        await expect.poll(() => page.locator('[data-item="vrf"]').getAttribute('data-ok')).toBe('true')
        await screenshot(page, `wizard-02-prerequisites-${language}`)

        // 3 Deploy: the seed's defaults, validation on the fields, then the billed summary.
        await next(page)
        await onStep(page, 'deploy')
        await page.getByTestId('deploy-form').waitFor()
        expect(await page.locator('#deploy-name').inputValue()).toBe('Redis-0101')
        expect(await page.locator('#deploy-region').inputValue()).toBe('jp-tok')
        // Today's IBM Cloud defaults: private endpoints only, the service's preferred version.
        expect(await page.locator('#deploy-endpoints-private').isChecked()).toBe(true)
        expect(await page.getByTestId('deploy-public-note').count()).toBe(0)
        expect(await page.locator('#deploy-version').inputValue()).toBe('8.2')
        expect(await page.getByTestId('deploy-version-eol').count()).toBe(0)
        await page.locator('#deploy-version').selectOption('7.2')
        await expect.poll(() => page.getByTestId('deploy-version-eol').textContent()).toMatch(/7\.2.*2026/)
        await screenshot(page, `wizard-03-deploy-eol-${language}`)
        await page.locator('#deploy-version').selectOption('8.2')
        await expect.poll(() => page.getByTestId('deploy-version-eol').count()).toBe(0)
        // Both endpoints, so step 8 tests the public one too; choosing public says what that means.
        await page.locator('label[for="deploy-endpoints-public-and-private"]').click()
        await expect.poll(() => page.getByTestId('deploy-public-note').textContent()).toContain(s.deployDefaults.publicMeans)
        await page.locator('#deploy-name').fill('bad/name')
        await page.locator('#deploy-memory').fill('1000')
        await page.locator('#deploy-kp').fill('not-a-crn')
        await expect.poll(() => page.getByText(s.deploy.invalid.name).count()).toBe(1)
        await expect.poll(() => page.getByText(s.deploy.invalid.memoryMbPerMember).count()).toBe(1)
        await expect.poll(() => page.getByText(s.deploy.invalid.keyProtectKeyCrn).count()).toBe(1)
        await page.getByTestId('deploy-review').click()
        expect(await page.getByTestId('deploy-summary').count()).toBe(0)
        await screenshot(page, `wizard-03-deploy-invalid-${language}`)
        await page.locator('#deploy-name').fill(`Redis-e2e-${language}`)
        await page.locator('#deploy-memory').fill('1024')
        await page.locator('#deploy-kp').fill('')
        await page.locator('#deploy-tags').fill('env:e2e, team:pse')
        await screenshot(page, `wizard-03-deploy-${language}`)
        await page.getByTestId('deploy-review').click()
        await page.getByTestId('deploy-summary').waitFor()
        await expect.poll(() => page.getByTestId('deploy-summary').textContent()).toContain(s.deploy.summary.billed)
        await screenshot(page, `wizard-03-deploy-summary-${language}`)
        await page.getByTestId('deploy-create').click()

        // 4 Wait: the bar moves in the service's own words, then the password step opens.
        await onStep(page, 'wait')
        await expect.poll(() => page.getByTestId('provisioning').getAttribute('data-percent'), { timeout: 20_000 }).toMatch(/^[1-9]\d?$/)
        await expect.poll(() => page.getByText(s.wait.canClose).count()).toBe(1)
        await screenshot(page, `wizard-04-wait-${language}`, { whileBusy: true })
        await onStep(page, 'password')

        // 5 Admin password: generated, kept masked until revealed.
        await screenshot(page, `wizard-05-password-${language}`)
        await page.getByText(s.password.mode.enter, { exact: true }).click()
        await page.locator('#password-value').fill('short')
        await expect.poll(() => page.getByTestId('password-set').isDisabled()).toBe(true)
        if (language === 'ja') {
          // A password of one's own, checked against the rules before it is sent.
          await page.locator('#password-value').fill('Tokyo-Redis-0101-pw')
          await expect.poll(() => page.getByText(s.password.fine).count()).toBe(1)
        } else {
          await page.getByText(s.password.mode.generate, { exact: true }).click()
        }
        await page.getByTestId('password-set').click()
        await page.getByTestId('password-result').waitFor()
        const masked = await page.getByTestId('secret-admin-password-value').textContent()
        await page.getByTestId('secret-admin-password-reveal').click()
        await expect
          .poll(() => page.getByTestId('secret-admin-password-value').textContent())
          .toMatch(language === 'ja' ? /^Tokyo-Redis-0101-pw$/ : /^[A-Za-z0-9][A-Za-z0-9_-]{14,}$/)
        await page.getByTestId('secret-admin-password-reveal').click()
        expect(await page.getByTestId('secret-admin-password-value').textContent()).toBe(masked)
        await screenshot(page, `wizard-05-password-set-${language}`)

        // 6 Connection info: fetched as the step opens; $PASSWORD placeholders, never a password.
        await next(page)
        await onStep(page, 'connection')
        await page.getByTestId('connection-private').waitFor()
        await stepStatus(page, 'done')
        expect(await page.getByTestId('uri-private').textContent()).toContain('$PASSWORD')
        expect(await page.getByTestId('redis-cli-private').textContent()).toMatch(/REDISCLI_AUTH=\$PASSWORD redis-cli --tls/)
        await screenshot(page, `wizard-06-connection-${language}`)
        // Back shows the finished step as it was; Next returns without redoing anything.
        await page.getByTestId('wizard-back').click()
        await onStep(page, 'password')
        await page.getByTestId('password-result').waitFor()
        await next(page)
        await onStep(page, 'connection')
        await page.getByTestId('connection-private').waitFor()

        // 7 Private service key.
        await next(page)
        await onStep(page, 'serviceKey')
        await page.getByTestId('service-key-create').click()
        await page.getByTestId('service-key-result').waitFor()
        await screenshot(page, `wizard-07-service-key-${language}`)

        // 8 Test: public then private, both green against the emulator's TLS Redis.
        await next(page)
        await onStep(page, 'test')
        await page.getByTestId('test-run').click()
        await stepStatus(page, 'done')
        await expect.poll(() => page.getByTestId('test-public').getByTestId('probe-timeline').getAttribute('data-result')).toBe('ok')
        await expect.poll(() => page.getByTestId('test-private').getByTestId('probe-timeline').getAttribute('data-result')).toBe('ok')
        await screenshot(page, `wizard-08-test-${language}`)

        // 9 Save, then the private profile's one-click test on the Profiles page.
        await next(page)
        await onStep(page, 'save')
        await page.getByTestId('save-profiles').click()
        await page.getByTestId('save-result').waitFor()
        await screenshot(page, `wizard-09-save-${language}`)
        await page.getByTestId('saved-private').click()
        await page.getByTestId('profile-test').click()
        await expect.poll(() => page.getByTestId('probe-timeline').getAttribute('data-result'), { timeout: 20_000 }).toBe('ok')
        await screenshot(page, `wizard-10-private-profile-tested-${language}`)

        if (language === 'en') {
          // Start over and adopt the instance just made instead of creating another.
          await page.evaluate(() => (window.location.hash = '#/setup'))
          await onStep(page, 'save')
          await page.getByRole('button', { name: s.save.startOver }).click()
          await onStep(page, 'account')
          await page.getByText(s.account.source.environment, { exact: true }).click()
          await page.getByTestId('account-sign-in').click()
          await page.getByTestId('account-result').waitFor()
          await next(page)
          await page.getByTestId('prereq-table').waitFor()
          await stepStatus(page, 'done')
          await next(page)
          await page.getByText(s.deploy.mode.adopt, { exact: true }).click()
          const row = page.getByTestId('deploy-adopt').getByRole('row', { name: /Redis-e2e-en/ })
          await row.waitFor()
          await row.getByRole('radio').check({ force: true })
          await screenshot(page, 'wizard-03-deploy-adopt-en')
          await page.getByTestId('deploy-adopt-button').click()
          await onStep(page, 'password')
        }
        expect(problems).toEqual([])
      } finally {
        await context.close()
        await app.stop()
      }
    })
  }

  /** Account (IBMCLOUD_API_KEY) → prerequisites → deploy with the seed's defaults, confirmed. */
  async function signInAndCreate(page: Page, name: string, language: 'en' | 'ja' = 'en'): Promise<void> {
    await page.getByText(strings[language].account.source.environment, { exact: true }).click()
    await page.getByTestId('account-sign-in').click()
    await page.getByTestId('account-result').waitFor()
    await next(page)
    await page.getByTestId('prereq-table').waitFor()
    await stepStatus(page, 'done')
    await next(page)
    await page.getByTestId('deploy-form').waitFor()
    await page.locator('#deploy-name').fill(name)
    await page.getByTestId('deploy-review').click()
    await page.getByTestId('deploy-create').click()
    await onStep(page, 'wait')
  }

  it('shows a provisioning that ends failed as a stop with what to do', async () => {
    const app = await startApp({
      sandbox: true,
      env: { ...fast, PSE_SANDBOX_FAULTS: 'rc.instances.create:provisioning_failed', PSE_WIZARD_KEYCHAIN_SERVICE: `${keychainService}-failed` }
    })
    const { page, problems, context } = await openSetup(browser, app, 'en')
    try {
      await signInAndCreate(page, 'Redis-failing')
      await stepStatus(page, 'failed')
      await expect.poll(() => page.getByTestId('provisioning').getAttribute('data-phase')).toBe('failed')
      await page.getByTestId('error-notice').waitFor()
      await page.getByTestId('wait-resume').waitFor()
      expect(await page.getByTestId('wizard-next').isDisabled()).toBe(true)
      await page.locator('#delete-name').fill('Redis-failing')
      await screenshot(page, 'wizard-04-wait-failed-en')
      await page.getByTestId('delete-instance-button').click()
      await onStep(page, 'deploy')
      await page.getByTestId('deploy-form').waitFor()
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await app.stop()
    }
  })

  it('sits out 429 and 5xx during the wait, survives a page reload, and can be stopped and resumed', async () => {
    const app = await startApp({
      sandbox: true,
      env: {
        ...fast,
        PSE_SANDBOX_PROVISIONING_MS: '12000',
        PSE_SANDBOX_FAULTS: 'rc.instances.get:rate_limited:1,rc.instances.get:server_error:4',
        PSE_WIZARD_KEYCHAIN_SERVICE: `${keychainService}-wait`
      }
    })
    const { page, problems, context } = await openSetup(browser, app, 'ja')
    try {
      // Every text the progress area shows, kept as it changes (a hiccup shows for a moment only).
      await page.evaluate(() => {
        const seen: string[] = []
        ;(window as unknown as { seen: string[] }).seen = seen
        new MutationObserver(() => seen.push(document.querySelector('[data-testid="provisioning"]')?.textContent ?? '')).observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true
        })
      })
      await signInAndCreate(page, 'Redis-hiccups', 'ja')
      const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen.join('\n'))
      await expect.poll(seen, { timeout: 20_000 }).toContain('ibm_server_error')
      await screenshot(page, 'wizard-04-wait-hiccup-ja', { whileBusy: true })
      // The renderer holds nothing of its own: a reload shows the same wait.
      await page.reload()
      await onStep(page, 'wait')
      await page.getByTestId('wait-cancel').click()
      await page.getByTestId('wait-stopped').waitFor()
      await stepStatus(page, 'ready')
      await screenshot(page, 'wizard-04-wait-stopped-ja')
      await page.getByTestId('wait-resume').click()
      await onStep(page, 'password')
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await app.stop()
    }
  })

  it('stops at the prerequisites when VRF is off, with the support case text', async () => {
    const app = await startApp({
      sandbox: true,
      env: { ...fast, PSE_SANDBOX_VRF: 'off', PSE_SANDBOX_SERVICE_ENDPOINTS: 'off', PSE_WIZARD_KEYCHAIN_SERVICE: `${keychainService}-vrf` }
    })
    const { page, problems, context } = await openSetup(browser, app, 'en')
    try {
      await page.getByText(setupEn.account.source.environment, { exact: true }).click()
      await page.getByTestId('account-sign-in').click()
      await page.getByTestId('account-result').waitFor()
      await next(page)
      await onStep(page, 'prerequisites')
      await page.getByTestId('vrf-disabled').waitFor()
      await stepStatus(page, 'blocked')
      expect(await page.getByTestId('support-case-text').textContent()).toMatch(/VRF/)
      expect(await page.getByTestId('vrf-disabled').textContent()).toContain('cannot be turned off again')
      expect(await page.getByTestId('wizard-next').isDisabled()).toBe(true)
      await screenshot(page, 'wizard-02-prerequisites-vrf-off-en')
      await page.getByTestId('prereq-check').click()
      await stepStatus(page, 'blocked')
      expect(problems).toEqual([])
    } finally {
      await context.close()
      await app.stop()
    }
  })
})
