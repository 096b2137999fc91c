/// <reference lib="dom" />
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { WizardOptions, WizardState } from '../../src/shared/schemas/wizard'
import { startApp, sessionHeaders, type RunningApp } from '../support/app-server'
import { launchBrowser, openPage, screenshot as fullScreenshot, screenshotDir, useLanguage } from '../support/browser'
import { vpeEn } from '../../src/shared/i18n/vpe/en'
import { vpeJa } from '../../src/shared/i18n/vpe/ja'

/**
 * Step 6 for Gen 2 in Chromium against the sandbox: the instance is deployed and awaited through
 * the app's own contract calls, and step 5's Manager key too. The step shows the VPE domain and port, the security group choice with consent, and
 * the gateway going pending → stable with its IPs per zone, in English and Japanese, at two sizes.
 */
const strings = { en: vpeEn, ja: vpeJa } as const
const keychainService = `pse-wizard-e2e-vpe-${process.pid}`
const wizard = (page: Page) => page.getByTestId('setup-wizard')
const idle = (page: Page) => expect.poll(() => page.locator('[data-testid="setup-wizard"][data-busy="true"]').count(), { timeout: 60_000 }).toBe(0)

async function api<T>(app: RunningApp, session: Record<string, string>, name: string, body: unknown): Promise<T> {
  const reply = await fetch(`${app.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...session },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(120_000)
  })
  const out = (await reply.json()) as { ok: boolean; value: T; error?: { code: string; message: string } }
  if (!out.ok) throw new Error(`${name}: ${JSON.stringify(out.error)}`)
  return out.value
}

/** Signed in, Gen 2 deployed in jp-tok into the sandbox VPC, the wait done, step 5's Manager key made: all through the app's contract. */
async function gen2AtStep6(app: RunningApp): Promise<WizardState> {
  const session = await sessionHeaders(app)
  await api(app, session, 'wizard.account', { source: 'environment' })
  await api(app, session, 'wizard.checkPrerequisites', { generation: 'gen2', region: 'jp-tok' })
  const options = await api<WizardOptions>(app, session, 'wizard.options', { region: 'jp-tok' })
  expect(options.defaults.generation).toBe('gen2')
  const form = { ...options.defaults, name: 'Redis-Gen2-01', vpcId: options.vpcs[0].id, subnetIds: [] }
  await api(app, session, 'wizard.deploy', { mode: 'create', form, confirm: true })
  const waited = await api<WizardState>(app, session, 'wizard.idle', {})
  expect(waited.steps.wait.status).toBe('done')
  const state = await api<WizardState>(app, session, 'wizard.createCredentials', {})
  expect(state.steps.password.status).toBe('done')
  expect(state.current).toBe('connection')
  return state
}

async function shoot(page: Page, name: string, sizes: Array<{ width: number; height: number }>): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size)
    await page.mouse.move(0, 0)
    await fullScreenshot(page, `${name}-${size.width}x${size.height}`)
  }
}

describe('setup wizard: step 6 for Gen 2, the VPE gateway (sandbox)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const language of ['en', 'ja'] as const) {
    it(`shows the domain, asks for the security group, and follows the gateway to stable (${language})`, async () => {
      const v = strings[language]
      const app = await startApp({ sandbox: true, env: { PSE_WIZARD_KEYCHAIN_SERVICE: `${keychainService}-${language}`, PSE_SANDBOX_PROVISIONING_MS: '1500' } })
      try {
        const state = await gen2AtStep6(app)
        const { page, problems } = await openPage(browser, await app.newLink(), {
          locale: language === 'ja' ? 'ja-JP' : 'en-US',
          colorScheme: language === 'ja' ? 'dark' : 'light'
        })
        onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `vpe-FAILED-${language}.png`), fullPage: true }).then(() => undefined))
        await page.getByTestId('language-toggle').waitFor()
        await useLanguage(page, language)
        await page.evaluate(() => (window.location.hash = '#/setup'))
        await expect.poll(() => wizard(page).getAttribute('data-step'), { timeout: 20_000 }).toBe('connection')
        const panel = page.getByTestId('vpe-panel')
        await panel.waitFor()
        expect(await page.getByTestId('vpe-what').textContent()).toBe(v.what)
        // Nothing is created by opening the step: the button waits for a choice.
        expect(await page.getByTestId('vpe-create').isDisabled()).toBe(true)
        await expect.poll(() => panel.getByText(/10\.\d+\.\d+\.0\/24/).count(), { timeout: 10_000 }).toBe(1)
        await shoot(page, `vpe-choice-${language}`, [{ width: 1280, height: 800 }])

        await page.locator('label[for="vpe-group-consent"]').click()
        await page.getByTestId('vpe-create').click()
        await expect.poll(() => page.getByTestId('vpe-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('pending')
        expect(await page.getByTestId('vpe-ips').textContent()).toContain(v.addressPending)
        const host = `${state.instance!.guid}.private.uhp.redis.jp-tok.dataservices.appdomain.cloud`
        await page.getByTestId('connection-private').getByText(host, { exact: false }).first().waitFor()
        await shoot(page, `vpe-pending-${language}`, [{ width: 1280, height: 800 }])

        await expect.poll(() => page.getByTestId('vpe-status').getAttribute('data-state'), { timeout: 60_000 }).toBe('stable')
        await idle(page)
        expect(await wizard(page).getAttribute('data-status')).toBe('done')
        const rows = await page
          .locator('[data-testid="vpe-ips"] tbody tr')
          .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)))
        expect(rows.map((r) => r[0])).toEqual(['jp-tok-1', 'jp-tok-2', 'jp-tok-3'])
        expect(rows.every((r) => /^10\.\d+\.\d+\.\d+$/.test(r[2] ?? ''))).toBe(true)
        expect(await page.getByTestId('public-trust-private').textContent()).toBe(v.publicTrust)
        expect(await page.getByTestId('vpe-state').textContent()).toBe(v.states.stable)
        await shoot(page, `vpe-stable-${language}`, [
          { width: 1280, height: 800 },
          { width: 1024, height: 768 }
        ])
        expect(problems).toEqual([])
      } finally {
        await app.stop()
      }
    })
  }
})
