/// <reference lib="dom" />
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp } from '../support/app-server'
import { closedPort } from '../support/net'
import { launchBrowser, openPage, screenshotDir, useLanguage } from '../support/browser'
import { englishRuns, glossaryNames, scanScreen, type ScanOptions } from '../support/text-scan'
import { setupJa } from '../../src/shared/i18n/setup/ja'
import { profilesJa } from '../../src/shared/i18n/profiles/ja'
import { commonJa } from '../../src/shared/i18n/common/ja'

/**
 * Every screen of the setup wizard and of the profiles pages, in Japanese, in both themes, at
 * 1280x800 and 1024x768 (Chromium, sandbox, browser mode): no English sentence from main on the
 * screen (quoted service words, hosts, codes, commands and IBM's product names aside), no text
 * wider than its box. Screenshots: test-artifacts/screenshots/ja-scan-*.png.
 */
const viewports = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 }
] as const
const fast = { PSE_SANDBOX_PROVISIONING_MS: '3000', PSE_WIZARD_POLL_MS: '200' }

/** Known exceptions, each named and explained. Empty is the goal. */
const known: ScanOptions = {
  knownEnglish: [],
  knownOverflow: []
}

const wizard = (page: Page) => page.getByTestId('setup-wizard')
const onStep = (page: Page, step: string) => expect.poll(() => wizard(page).getAttribute('data-step'), { timeout: 20_000 }).toBe(step)
const stepStatus = (page: Page, status: string) => expect.poll(() => wizard(page).getAttribute('data-status'), { timeout: 30_000 }).toBe(status)
const next = async (page: Page) => {
  await expect.poll(() => page.getByTestId('wizard-next').isEnabled(), { timeout: 20_000 }).toBe(true)
  await page.getByTestId('wizard-next').click()
}
const notBusy = (page: Page) => expect.poll(() => page.locator('[data-testid="setup-wizard"][data-busy="true"]').count(), { timeout: 30_000 }).toBe(0)

/** Scans the screen as it is at both sizes, with a screenshot of each; findings go to `findings` (and a JSON file). */
function scanner(page: Page, prefix: string, findings: Record<string, string[]>) {
  return async (name: string) => {
    for (const viewport of viewports) {
      await page.setViewportSize(viewport)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
      const found = await scanScreen(page, known)
      const key = `${name} ${viewport.width}`
      if (found.english.length) findings[`${key} english`] = found.english
      if (found.overflow.length) findings[`${key} overflow`] = found.overflow
      fs.writeFileSync(path.join(screenshotDir, `ja-scan-findings-${prefix}.json`), JSON.stringify(findings, null, 2))
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.mouse.move(0, 0)
      await page.screenshot({ path: path.join(screenshotDir, `ja-scan-${prefix}-${name}-${viewport.width}.png`), fullPage: true })
    }
    await page.setViewportSize(viewports[0])
  }
}

/** A sandbox app with `env`, its page in Japanese, signed in (IBMCLOUD_API_KEY) and through to the prerequisites. */
async function toPrerequisites(browser: Browser, env: NodeJS.ProcessEnv, theme: 'light' | 'dark') {
  const app = await startApp({ sandbox: true, env: { ...fast, ...env } })
  const watch = await openPage(browser, await app.newLink(), { locale: 'ja-JP', colorScheme: theme })
  const { page } = watch
  await page.getByTestId('language-toggle').waitFor()
  await useLanguage(page, 'ja')
  await page.evaluate(() => (window.location.hash = '#/setup'))
  await onStep(page, 'account')
  await page.getByText(setupJa.account.source.environment, { exact: true }).click()
  await page.getByTestId('account-sign-in').click()
  await page.getByTestId('account-result').waitFor()
  await next(page)
  await onStep(page, 'prerequisites')
  await page.getByTestId('prereq-table').waitFor()
  return { app, ...watch }
}

/** From a passed prerequisites step through the deploy form to the wait. */
async function deployAndWait(page: Page, name: string) {
  await stepStatus(page, 'done')
  await next(page)
  await page.getByTestId('deploy-form').waitFor()
  await page.locator('#deploy-name').fill(name)
  await page.getByTestId('deploy-review').click()
  await page.getByTestId('deploy-create').click()
  await onStep(page, 'wait')
}

describe('every screen in Japanese (sandbox, browser mode)', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('the scanner finds an English sentence and a clipped text (it can fail)', async () => {
    const names = glossaryNames()
    expect(names).toEqual(expect.arrayContaining(['IBM Cloud Databases for Redis', 'Key Protect', 'Databases for Redis']))
    expect(englishRuns('TLSv1.3、証明書チェーンを検証しました', names)).toEqual([])
    expect(englishRuns('Databases for Redis のインスタンス「Redis-0101」を作成します', names)).toEqual([])
    expect(englishRuns('コード tls_hostname_mismatch: ibmcloud resource service-key-create を実行', names)).toEqual([])
    expect(englishRuns('サーバーの応答: "NOAUTH Authentication required"', names)).toEqual([])
    expect(englishRuns('The instance is being created. You can close the app.', names)).toEqual(['The instance is being created', 'You can close the app'])
    expect(englishRuns('接続: chain and host name verified', names)).toEqual(['chain and host name verified'])
    const { page, context } = await openPage(browser, 'about:blank')
    try {
      await page.setContent(
        '<main><p>日本語の文です。</p><p>This sentence is English.</p><code>redis-cli --tls -h host</code>' +
          '<div style="width:40px;overflow:hidden;white-space:nowrap">とても長いテキストがはみ出します</div></main>'
      )
      const found = await scanScreen(page)
      expect(found.english).toEqual([expect.stringContaining('This sentence is English')])
      expect(found.overflow).toEqual([expect.stringContaining('とても長いテキスト')])
    } finally {
      await context.close()
    }
  })

  it('the wizard\'s stops: VRF off, IBM Cloud hiccups during the wait, a failed provisioning (ja, dark)', async () => {
    const findings: Record<string, string[]> = {}
    const service = `pse-wizard-e2e-jascan-${process.pid}-stops`
    const vrf = await toPrerequisites(browser, { PSE_SANDBOX_VRF: 'off', PSE_SANDBOX_SERVICE_ENDPOINTS: 'off', PSE_WIZARD_KEYCHAIN_SERVICE: service }, 'dark')
    try {
      await stepStatus(vrf.page, 'blocked')
      await vrf.page.getByTestId('vrf-disabled').waitFor()
      await scanner(vrf.page, 'stops', findings)('20-vrf-off')
      expect(vrf.problems).toEqual([])
    } finally {
      await vrf.context.close()
      await vrf.app.stop()
    }
    const hiccups = await toPrerequisites(
      browser,
      { PSE_SANDBOX_PROVISIONING_MS: '12000', PSE_SANDBOX_FAULTS: 'rc.instances.get:server_error:12', PSE_WIZARD_KEYCHAIN_SERVICE: service },
      'dark'
    )
    try {
      onTestFailed(() => hiccups.page.screenshot({ path: path.join(screenshotDir, 'ja-scan-FAILED-hiccups.png'), fullPage: true }).then(() => undefined))
      await deployAndWait(hiccups.page, 'Redis-hiccups')
      await hiccups.page.getByTestId('wait-notice').waitFor({ timeout: 60_000 })
      await scanner(hiccups.page, 'stops', findings)('21-wait-hiccup')
    } finally {
      await hiccups.context.close()
      await hiccups.app.stop()
    }
    const failing = await toPrerequisites(browser, { PSE_SANDBOX_FAULTS: 'rc.instances.create:provisioning_failed', PSE_WIZARD_KEYCHAIN_SERVICE: service }, 'dark')
    try {
      await deployAndWait(failing.page, 'Redis-failing')
      await stepStatus(failing.page, 'failed')
      await failing.page.getByTestId('wait-resume').waitFor()
      await scanner(failing.page, 'stops', findings)('22-wait-failed')
      expect(failing.problems).toEqual([])
    } finally {
      await failing.context.close()
      await failing.app.stop()
    }
    expect(findings).toEqual({})
  }, 300_000)

  for (const theme of ['dark', 'light'] as const) {
    it(`the whole wizard and the profiles pages (ja, ${theme})`, async () => {
      const s = setupJa
      const app = await startApp({ sandbox: true, env: { ...fast, PSE_WIZARD_KEYCHAIN_SERVICE: `pse-wizard-e2e-jascan-${process.pid}-${theme}` } })
      const { page, problems, context } = await openPage(browser, await app.newLink(), { locale: 'ja-JP', colorScheme: theme })
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `ja-scan-FAILED-${theme}.png`), fullPage: true }).then(() => undefined))
      const findings: Record<string, string[]> = {}
      const scan = scanner(page, theme, findings)
      try {
        await page.getByTestId('language-toggle').waitFor()
        await useLanguage(page, 'ja')
        await scan('00-welcome')
        await page.evaluate(() => (window.location.hash = '#/setup'))
        await page.getByTestId('setup-wizard').waitFor()

        // 1 Account: a wrong key (its error), then the sandbox's key.
        await onStep(page, 'account')
        await scan('01-account')
        // What a screen reader hears beside each step is Japanese too (Carbon's own words are English).
        const heard = await page.locator('[data-testid="setup-wizard"] .cds--progress-step .cds--assistive-text').allTextContents()
        expect(heard.length).toBe(9)
        for (const word of heard) expect(Object.values(s.progressStep)).toContain(word)
        await page.getByText(s.account.source.apiKey, { exact: true }).click()
        await page.locator('#account-api-key').fill('not-a-real-key-0123456789')
        await page.getByTestId('account-sign-in').click()
        await stepStatus(page, 'failed')
        await page.getByTestId('error-notice').waitFor()
        await scan('01-account-bad-key')
        await page.getByTestId('error-details-toggle').click()
        await scan('01-account-bad-key-details')
        await page.getByText(s.account.source.environment, { exact: true }).click()
        await page.getByTestId('account-sign-in').click()
        await page.getByTestId('account-result').waitFor()
        await stepStatus(page, 'done')
        await scan('01-account-done')

        // 2 Prerequisites.
        await next(page)
        await onStep(page, 'prerequisites')
        await page.getByTestId('prereq-table').waitFor()
        await stepStatus(page, 'done')
        await scan('02-prerequisites')

        // 3 Deploy: the form, end of life, public endpoints' note, invalid fields, the summary.
        await next(page)
        await onStep(page, 'deploy')
        await page.getByTestId('deploy-form').waitFor()
        await scan('03-deploy')
        await page.locator('#deploy-version').selectOption('7.2')
        await page.getByTestId('deploy-version-eol').waitFor()
        await page.locator('label[for="deploy-endpoints-public-and-private"]').click()
        await page.getByTestId('deploy-public-note').waitFor()
        await page.locator('#deploy-name').fill('bad/name')
        await page.locator('#deploy-memory').fill('1000')
        await page.locator('#deploy-kp').fill('not-a-crn')
        await page.getByTestId('deploy-review').click()
        await scan('03-deploy-invalid')
        await page.locator('#deploy-version').selectOption('8.2')
        await page.locator('#deploy-name').fill('Redis-jascan')
        await page.locator('#deploy-memory').fill('1024')
        await page.locator('#deploy-kp').fill('')
        await page.getByTestId('deploy-review').click()
        await page.getByTestId('deploy-summary').waitFor()
        await scan('03-deploy-summary')
        await page.getByTestId('deploy-create').click()

        // 4 Wait, 5 password.
        await onStep(page, 'wait')
        await expect.poll(() => page.getByTestId('provisioning').getAttribute('data-percent'), { timeout: 20_000 }).toMatch(/^[1-9]\d?$/)
        await scan('04-wait')
        await onStep(page, 'password')
        await notBusy(page)
        await scan('05-password')
        await page.getByTestId('password-set').click()
        await page.getByTestId('password-result').waitFor()
        await scan('05-password-set')

        // 6 Connection, 7 service key, 8 test, 9 save.
        await next(page)
        await onStep(page, 'connection')
        await page.getByTestId('connection-private').waitFor()
        await stepStatus(page, 'done')
        await scan('06-connection')
        await next(page)
        await onStep(page, 'serviceKey')
        await scan('07-service-key')
        await page.getByTestId('service-key-create').click()
        await page.getByTestId('service-key-result').waitFor()
        await scan('07-service-key-done')
        await next(page)
        await onStep(page, 'test')
        await scan('08-test')
        await page.getByTestId('test-run').click()
        await stepStatus(page, 'done')
        await expect.poll(() => page.getByTestId('test-private').getByTestId('probe-timeline').getAttribute('data-result')).toBe('ok')
        await scan('08-test-done')
        await next(page)
        await onStep(page, 'save')
        await scan('09-save')
        await page.getByTestId('save-profiles').click()
        await page.getByTestId('save-result').waitFor()
        await notBusy(page)
        await scan('09-save-done')

        // The profiles: the list, a one-click test, the editor with a passed and a failed test.
        await page.evaluate(() => (window.location.hash = '#/profiles'))
        await page.getByTestId('profiles-table').waitFor()
        await scan('10-profiles')
        const row = page.getByTestId('profiles-table').getByRole('row', { name: /private/ })
        await row.getByTestId('profile-test').click()
        await expect.poll(() => row.getByTestId('profile-last-test').textContent(), { timeout: 20_000 }).toContain(commonJa.timeline.passed)
        await scan('10-profiles-tested')
        await page.getByTestId('profiles-new').click()
        await page.getByRole('menuitem', { name: profilesJa.list.newFromServiceKey }).click()
        await page.getByTestId('import-modal').waitFor()
        await scan('11-import')
        await page.getByTestId('import-modal').locator('.cds--modal-close').click()
        await page.evaluate(() => (window.location.hash = '#/setup'))
        await onStep(page, 'save')
        await page.getByTestId('saved-private').click()
        await page.getByTestId('profile-test').waitFor()
        await scan('12-editor')
        await page.getByTestId('profile-test').click()
        await expect.poll(() => page.getByTestId('probe-timeline').getAttribute('data-result'), { timeout: 20_000 }).toBe('ok')
        await scan('12-editor-passed')
        await page.getByTestId('change-password').click()
        await page.locator('#profile-password').fill('definitely-wrong')
        await page.getByTestId('profile-test').click()
        await expect.poll(() => page.getByTestId('probe-timeline').getAttribute('data-result'), { timeout: 20_000 }).toBe('auth_failed')
        await scan('12-editor-auth-failed')
        // Nothing listens on the port: the TCP phase fails with its advice.
        await page.locator('#profile-port').fill(String((await closedPort()).port))
        await page.getByTestId('profile-test').click()
        await expect.poll(() => page.getByTestId('probe-timeline').getAttribute('data-result'), { timeout: 20_000 }).toMatch(/^(?!ok$|auth_failed$)\w+$/)
        await scan('12-editor-refused')
        const editorUrl = page.url()

        // Restrict access: the modal, its preview, a lock-out put back.
        await page.reload()
        await page.getByTestId('restrict-open').click()
        const modal = page.getByTestId('restrict-modal')
        await modal.getByRole('heading', { name: /Redis-jascan/ }).waitFor()
        await scan('13-restrict')
        await page.locator('#restrict-addresses').fill('10.0.0.0/24')
        await modal.getByRole('button', { name: profilesJa.restrict.preview }).click()
        await expect.poll(() => modal.getByTestId('restrict-outcome').getAttribute('data-outcome')).toBe('planned')
        await scan('13-restrict-preview')
        await modal.getByRole('button', { name: profilesJa.restrict.apply }).click()
        await expect.poll(() => modal.getByTestId('error-notice').getAttribute('data-code'), { timeout: 20_000 }).toBe('restrict_would_lock_out')
        await scan('13-restrict-locked-out')
        await page.locator('#restrict-addresses').fill('127.0.0.1')
        await modal.getByRole('button', { name: profilesJa.restrict.preview }).click()
        await expect.poll(() => modal.getByTestId('restrict-outcome').getAttribute('data-outcome')).toBe('planned')
        await modal.getByRole('button', { name: profilesJa.restrict.apply }).click()
        await expect.poll(() => modal.getByTestId('restrict-outcome').getAttribute('data-outcome'), { timeout: 20_000 }).toBe('applied')
        await scan('13-restrict-applied')
        await modal.locator('.cds--modal-footer').getByRole('button', { name: profilesJa.restrict.close }).click()

        // The privacy report.
        await page.goto(editorUrl)
        await page.getByTestId('privacy-open').click()
        await page.getByTestId('privacy-verdict').waitFor({ timeout: 30_000 })
        await scan('14-privacy')

        // The wizard's last step, with Restrict and the report offered.
        await page.evaluate(() => (window.location.hash = '#/setup'))
        await onStep(page, 'save')
        await scan('15-setup-finished')
        await page.evaluate(() => (window.location.hash = '#/settings'))
        await page.waitForFunction(() => document.querySelector('h1') !== null)
        await scan('16-settings')

        expect(findings).toEqual({})
        expect(problems).toEqual([])
      } finally {
        await context.close()
        await app.stop()
      }
    }, 400_000)
  }
})
