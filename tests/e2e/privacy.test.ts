/// <reference lib="dom" />
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchBrowser, openPage, screenshot, screenshotDir, useLanguage } from '../support/browser'
import { assertSecretService, clearService, uniqueServiceName } from '../support/keyring'
import { runSetup, sandboxCliEnv } from '../support/wizard/setup-process'
import { startSandbox, type Sandbox } from '../../src/main/sandbox'
import { privacyEn } from '../../src/shared/i18n/privacy/en'
import { privacyJa } from '../../src/shared/i18n/privacy/ja'
import { profilesEn } from '../../src/shared/i18n/profiles/en'
import { profilesJa } from '../../src/shared/i18n/profiles/ja'

type Verdicts = Record<string, string | null>

/** Text elements whose content is wider than their box (clipped or spilling over). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="privacy-page"] :is(h1,h2,h3,p,li,dt,dd,span,button)'))
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto')
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 60)}`)
  )

/**
 * The privacy report page in Chromium (browser mode, against an emulator that enforces
 * restrictions on its real Redis): from a finished setup, the report fails "restricted" with its
 * fix; Restrict access from the profile makes every claim hold; an instance with a public
 * endpoint and no rule fails "endpoints" and "restricted", each with its fix. Both languages,
 * both themes. Loopback only.
 */
describe('the privacy report page (browser mode, emulator)', () => {
  const keychainService = uniqueServiceName('e2e-privacy')
  let sandbox: Sandbox
  let app: RunningApp
  let browser: Browser
  let privateId: string
  let publicInstanceId: string

  beforeAll(async () => {
    await assertSecretService()
    sandbox = await startSandbox({ provisioningMs: 300, taskMs: 150 })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-e2e-privacy-'))
    const home = path.join(dir, 'home')
    const env = sandboxCliEnv(dir, sandbox.env, keychainService)
    const setup = async (name: string, options: Record<string, unknown> = {}) => {
      const config = path.join(dir, `${name}.json`)
      fs.writeFileSync(config, JSON.stringify({ name, region: 'jp-tok', options }))
      const run = await runSetup(['--config', config, '--json'], env)
      expect(run.code, run.stderr).toBe(0)
      return String(run.lines.at(-1)!.privateProfileId)
    }
    // Redis-0101 last: the wizard's state (its last step) is of the last setup run.
    publicInstanceId = await setup('Redis-Public', { serviceEndpoints: 'public-and-private' })
    privateId = await setup('Redis-0101')
    app = await startApp({ home, env: { ...sandbox.env, PSE_WIZARD_KEYCHAIN_SERVICE: keychainService, PSE_WIZARD_POLL_MS: '100' } })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await sandbox?.close()
    await clearService(keychainService)
  })

  const strings = { en: { privacy: privacyEn, profiles: profilesEn }, ja: { privacy: privacyJa, profiles: profilesJa } } as const

  async function open(language: 'en' | 'ja', theme: 'light' | 'dark') {
    const { page, problems } = await openPage(browser, await app.newLink(), { locale: language === 'ja' ? 'ja-JP' : 'en-US', colorScheme: theme })
    onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `privacy-FAILED-${language}.png`), fullPage: true }).then(() => undefined))
    await page.waitForURL((u) => !u.searchParams.has('token'))
    await page.getByTestId('language-toggle').waitFor()
    await useLanguage(page, language)
    return { page, problems }
  }

  /** Opens the profile, then its privacy report, and waits for the verdicts. */
  async function report(page: Page, profileId: string, language: 'en' | 'ja'): Promise<Verdicts> {
    await page.goto(new URL(`#/profiles/${encodeURIComponent(profileId)}`, `${app.origin}/`).toString())
    await page.getByTestId('privacy-open').click()
    await page.getByRole('heading', { level: 1, name: strings[language].privacy.title }).waitFor()
    await page.getByTestId('privacy-verdict').waitFor({ timeout: 30_000 })
    const verdicts: Verdicts = {}
    for (const id of ['endpoints', 'no_public_answer', 'restricted', 'reachable', 'credentials'])
      verdicts[id] = await page.getByTestId(`claim-${id}`).getAttribute('data-verdict')
    return verdicts
  }

  for (const [language, theme] of [
    ['en', 'light'],
    ['ja', 'dark']
  ] as const) {
    it(`from a finished setup through Restrict (the wizard's last step) to a report whose every claim holds (${language}, ${theme})`, async () => {
      const s = strings[language]
      const { page, problems } = await open(language, theme)
      const first = await report(page, privateId, language)
      if (language === 'en') {
        expect(first).toEqual({ endpoints: 'holds', no_public_answer: 'holds', restricted: 'fails', reachable: 'holds', credentials: 'holds' })
        expect(await page.getByTestId('privacy-verdict').getAttribute('data-verdict')).toBe('fails')
        const fix = page.getByTestId('fix-restricted')
        expect(await fix.textContent()).toContain(s.privacy.fix.fix_restrict)
        expect(await fix.textContent()).toContain('pse-wizard restrict')
        await screenshot(page, `privacy-unrestricted-${language}`)

        // The wizard's last step (the headless setup finished it): restrict to this computer, then the report again.
        await page.goto(new URL('#/setup', `${app.origin}/`).toString())
        await page.getByTestId('setup-restrict').waitFor()
        await screenshot(page, `privacy-setup-finish-${language}`)
        await page.getByTestId('setup-restrict-open').click()
        const modal = page.getByTestId('restrict-modal')
        await page.locator('#restrict-addresses').fill('127.0.0.1')
        await modal.getByRole('button', { name: s.profiles.restrict.preview }).click()
        await modal.getByRole('button', { name: s.profiles.restrict.apply }).click()
        await expect.poll(() => modal.getByTestId('restrict-outcome').getAttribute('data-outcome'), { timeout: 20_000 }).toBe('applied')
        await modal.locator('.cds--modal-footer').getByRole('button', { name: s.profiles.restrict.close }).click()
        await page.getByTestId('setup-privacy-open').click()
        await page.getByTestId('privacy-verdict').waitFor({ timeout: 30_000 })
        expect(await page.getByTestId('privacy-verdict').getAttribute('data-verdict')).toBe('holds')
        // And from the profile, Check again gives the same.
        expect(await report(page, privateId, language)).toEqual({ endpoints: 'holds', no_public_answer: 'holds', restricted: 'holds', reachable: 'holds', credentials: 'holds' })
      } else {
        expect(first.restricted).toBe('holds')
      }
      expect(await page.getByTestId('privacy-verdict').getAttribute('data-verdict')).toBe('holds')
      expect(await page.getByTestId('claim-restricted').textContent()).toContain('127.0.0.1')
      expect(await page.getByTestId('privacy-vantage').textContent()).toContain(s.privacy.vantage.sandbox)
      // Sentences in the UI's language: no catalogue key or placeholder left, no English sentence in Japanese.
      const text = (await page.getByTestId('privacy-page').textContent()) ?? ''
      expect(text).not.toMatch(/privacy\.|\{\{/)
      if (language === 'ja') expect(text).not.toMatch(/\b(connects|resolves|admits|appears)\b/)
      expect(await overflowing(page)).toEqual([])
      await screenshot(page, `privacy-holds-${language}`)
      // Save as HTML: the same self-contained page as prove --html, in the UI's language.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('privacy-html').click()])
      expect(download.suggestedFilename()).toMatch(/^privacy-report-Redis-0101-\d{4}-\d{2}-\d{2}\.html$/)
      const html = fs.readFileSync(await download.path(), 'utf8')
      expect(html).toContain(`<html lang="${language}">`)
      expect(html.match(/class="claim holds"/g)).toHaveLength(5)
      expect(html).not.toMatch(/<script/i)
      await page.setViewportSize({ width: 1024, height: 768 })
      expect(await overflowing(page)).toEqual([])
      expect(problems).toEqual([])
      await page.close()
    })

    it(`an instance with a public endpoint and no rule fails those two claims with their fixes (${language})`, async () => {
      const s = strings[language]
      const { page } = await open(language, theme)
      expect(await report(page, publicInstanceId, language)).toEqual({
        endpoints: 'fails',
        no_public_answer: 'holds',
        restricted: 'fails',
        reachable: 'holds',
        credentials: 'holds'
      })
      expect(await page.getByTestId('fix-endpoints').textContent()).toContain('ibmcloud resource service-instance-update Redis-Public --service-endpoints private')
      expect(await page.getByTestId('fix-endpoints').textContent()).toContain(s.privacy.fix.fix_endpoints_private.replace('{{name}}', 'Redis-Public'))
      expect(await page.getByTestId('fix-restricted').isVisible()).toBe(true)
      expect(await overflowing(page)).toEqual([])
      await screenshot(page, `privacy-public-endpoint-${language}`)
      await page.close()
    })
  }
})
