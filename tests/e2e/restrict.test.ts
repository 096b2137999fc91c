/// <reference lib="dom" />
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { Browser } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import type { Page } from 'playwright-core'
import { launchBrowser, openPage, screenshotDir, useLanguage } from '../support/browser'
import { assertSecretService, clearService, uniqueServiceName } from '../support/keyring'
import { runSetup, sandboxCliEnv } from '../support/wizard/setup-process'
import { startSandbox, type Sandbox } from '../../src/main/sandbox'
import { createIbmCloudClient } from '../../src/main/ibmcloud/client'
import { ensureEndpointGateway, listSubnets, listVpcs, waitForEndpointGateway } from '../../src/main/ibmcloud/vpc'
import { profilesEn } from '../../src/shared/i18n/profiles/en'
import { profilesJa } from '../../src/shared/i18n/profiles/ja'

/** The modal as the user sees it: the viewport, not the full page behind it. */
const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) })

/**
 * "Restrict access" on a saved IBM Cloud profile, in Chromium: the headless setup saves a tested
 * private profile against an emulator that enforces restrictions on its real Redis by source
 * address; the app (browser mode, pointed at that emulator) previews the rule, refuses and puts
 * back one that locks this computer out, then applies one that admits it. Loopback only.
 */
describe('restricting who may connect, from a profile (browser mode, emulator)', () => {
  const keychainService = uniqueServiceName('e2e-restrict')
  let sandbox: Sandbox
  let app: RunningApp
  let browser: Browser
  let home: string
  let profileId: string

  beforeAll(async () => {
    await assertSecretService()
    sandbox = await startSandbox({ provisioningMs: 300, taskMs: 150 })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-e2e-restrict-'))
    home = path.join(dir, 'home')
    const config = path.join(dir, 'setup.json')
    fs.writeFileSync(config, JSON.stringify({ name: 'Redis-0101', region: 'jp-tok' }))
    const env = sandboxCliEnv(dir, sandbox.env, keychainService)
    const setup = await runSetup(['--config', config, '--json'], env)
    expect(setup.code, setup.stderr).toBe(0)
    profileId = String(setup.lines.at(-1)!.privateProfileId)
    app = await startApp({ home, env: { ...sandbox.env, PSE_WIZARD_KEYCHAIN_SERVICE: keychainService, PSE_WIZARD_POLL_MS: '100' } })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
    await sandbox?.close()
    await clearService(keychainService)
  })

  const strings = { en: profilesEn, ja: profilesJa } as const
  const rules = () => sandbox.emulator.cbr.rules

  for (const language of ['en', 'ja'] as const) {
    it(`previews, puts back a lock-out, then applies (${language})`, async () => {
      const p = strings[language]
      const { page } = await openPage(browser, await app.newLink(), {
        locale: language === 'ja' ? 'ja-JP' : 'en-US',
        colorScheme: language === 'ja' ? 'dark' : 'light'
      })
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `restrict-FAILED-${language}.png`) }).then(() => undefined))
      await page.waitForURL((u) => !u.searchParams.has('token'))
      await page.getByTestId('language-toggle').waitFor()
      await useLanguage(page, language)
      await page.goto(new URL(`#/profiles/${encodeURIComponent(profileId)}`, `${app.origin}/`).toString())
      await page.getByTestId('restrict-open').click()
      const modal = page.getByTestId('restrict-modal')
      await modal.getByRole('heading', { name: p.restrict.title.replace('{{name}}', 'Redis-0101 (private)') }).waitFor()

      // Someone else's network only: the preview says so, Apply is refused and put back.
      await page.locator('#restrict-addresses').fill('10.0.0.0/24')
      await modal.getByRole('button', { name: p.restrict.preview }).click()
      await expect.poll(() => modal.getByTestId('restrict-outcome').getAttribute('data-outcome')).toBe('planned')
      expect(await modal.getByTestId('restrict-outcome').textContent()).toContain('ibmcloud cbr zone-create')
      await screenshot(page, `restrict-preview-${language}`)
      await modal.getByRole('button', { name: p.restrict.apply }).click()
      await expect.poll(() => modal.getByTestId('error-notice').getAttribute('data-code'), { timeout: 20_000 }).toBe('restrict_would_lock_out')
      expect(await modal.getByTestId('error-notice').textContent()).toContain(p.restrict.errors.restrict_would_lock_out)
      const notice = (await modal.getByTestId('error-notice').textContent()) ?? ''
      expect(notice).toContain('127.0.0.1')
      // Said in the UI's language from the failure's code and parameters, not main's English.
      if (language === 'ja') expect(notice).not.toContain('no longer connects')
      await screenshot(page, `restrict-locked-out-${language}`)
      expect(rules().filter((r) => r.enforcementMode === 'enabled')).toHaveLength(language === 'en' ? 0 : 1)

      // With this computer's address: in force, the profile still connecting.
      // The modal suggests the address this computer connects from: one click adds it.
      const suggest = modal.getByTestId('restrict-suggest')
      expect(await suggest.textContent()).toContain('127.0.0.1')
      await suggest.getByRole('button', { name: p.restrict.suggestAdd.replace('{{address}}', '127.0.0.1') }).click()
      expect(await page.locator('#restrict-addresses').inputValue()).toBe('10.0.0.0/24\n127.0.0.1')
      expect(await suggest.count()).toBe(0)
      await modal.getByRole('button', { name: p.restrict.preview }).click()
      await expect.poll(() => modal.getByTestId('restrict-outcome').getAttribute('data-outcome')).toBe('planned')
      await modal.getByRole('button', { name: p.restrict.apply }).click()
      const expected = language === 'en' ? 'applied' : 'unchanged'
      await expect.poll(() => modal.getByTestId('restrict-outcome').getAttribute('data-outcome'), { timeout: 20_000 }).toBe(expected)
      expect(await modal.getByTestId('restrict-outcome').textContent()).toContain(p.restrict.outcome[expected])
      await screenshot(page, `restrict-applied-${language}`)
      expect(rules()).toEqual([expect.objectContaining({ enforcementMode: 'enabled' })])
      await page.close()
    })
  }

  it('offers the VPC that has a VPE gateway to the instance, checked, and names it in the rule (en, ja)', async () => {
    const client = createIbmCloudClient({ apiKey: String(sandbox.env.IBMCLOUD_API_KEY), env: sandbox.env, timeoutMs: 5_000 })
    const [vpc] = await listVpcs(client, 'jp-tok')
    const subnets = await listSubnets(client, 'jp-tok', vpc.id)
    const target = [...sandbox.emulator.state.instances.values()][0].crn
    const made = await ensureEndpointGateway(client, 'jp-tok', { name: 'redis-vpe', vpcId: vpc.id, targetCrn: target, subnets })
    await waitForEndpointGateway(client, 'jp-tok', made.gateway.id, { pollIntervalMs: 50 })
    for (const language of ['en', 'ja'] as const) {
      const p = strings[language]
      const { page } = await openPage(browser, await app.newLink(), { locale: language === 'ja' ? 'ja-JP' : 'en-US' })
      onTestFailed(() => page.screenshot({ path: path.join(screenshotDir, `restrict-vpc-FAILED-${language}.png`) }).then(() => undefined))
      await page.waitForURL((u) => !u.searchParams.has('token'))
      await page.getByTestId('language-toggle').waitFor()
      await useLanguage(page, language)
      await page.goto(new URL(`#/profiles/${encodeURIComponent(profileId)}`, `${app.origin}/`).toString())
      await page.getByTestId('restrict-open').click()
      const modal = page.getByTestId('restrict-modal')
      const vpcs = modal.getByTestId('restrict-vpcs')
      await vpcs.waitFor()
      const box = vpcs.getByRole('checkbox')
      expect(await box.isChecked()).toBe(true)
      expect(await vpcs.textContent()).toContain(`sandbox-vpc`)
      expect(await vpcs.textContent()).toContain('redis-vpe')
      await modal.getByRole('button', { name: p.restrict.preview }).click()
      await expect.poll(() => modal.getByTestId('restrict-outcome').getAttribute('data-outcome')).toBe('planned')
      const outcome = (await modal.getByTestId('restrict-outcome').textContent()) ?? ''
      expect(outcome).toContain(p.restrict.vpcEntry.replace('{{name}}', 'sandbox-vpc'))
      expect(outcome).toContain(`--vpc ${vpc.crn}`)
      await screenshot(page, `restrict-vpc-preview-${language}`)
      await page.close()
    }
  })
})
