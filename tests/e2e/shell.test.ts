/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { startApp, type RunningApp } from '../support/app-server'
import { launchBrowser, openPage, screenshot } from '../support/browser'

describe('the app shell in browser mode', () => {
  let app: RunningApp
  let browser: Browser

  beforeAll(async () => {
    app = await startApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.stop()
  })

  it('renders the welcome screen, navigates, and switches to Japanese and back', async () => {
    const { page, problems, context } = await openPage(browser, await app.newLink())
    // The token left the address bar for an HttpOnly cookie.
    await page.waitForURL((u) => !u.searchParams.has('token'))
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Reach Databases for Redis privately')
    await screenshot(page, 'shell-welcome-en')

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Connection profiles' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Connection profiles')
    expect(page.url()).toContain('#/profiles')

    await page.getByRole('link', { name: 'Settings' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings')
    // The suite runs with a real (throwaway) Secret Service, so the keychain is found.
    await expect.poll(() => page.getByTestId('keychain-status').getAttribute('data-mode')).toBe('keychain')
    await page.getByLabel('ibmcloud CLI path').fill('bin/ibmcloud')
    await expect.poll(() => page.getByText('Enter the full path of the ibmcloud program').count()).toBe(1)
    await page.getByLabel('ibmcloud CLI path').fill('')
    await screenshot(page, 'shell-settings-en')

    await page.getByLabel('Language').selectOption('ja')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('設定')
    await expect.poll(() => page.getByRole('navigation', { name: 'メイン・ナビゲーション' }).textContent()).toContain('接続プロファイル')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja')
    await screenshot(page, 'shell-settings-ja')

    await page.getByRole('link', { name: 'セットアップ' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('セットアップ')
    await screenshot(page, 'shell-setup-ja')

    // The choice is remembered: a fresh page load comes back in Japanese.
    await page.reload()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('セットアップ')

    await page.getByRole('link', { name: '設定' }).click()
    await page.getByLabel('言語').selectOption('en')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings')
    expect(problems).toEqual([])
    await context.close()
  })

  it('follows a Japanese OS locale and a dark colour scheme until told otherwise', async () => {
    const japanese = await startApp({ env: { LANG: 'ja_JP.UTF-8' } })
    try {
      const { page, problems, context } = await openPage(browser, await japanese.newLink(), { locale: 'ja-JP', colorScheme: 'dark' })
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Databases for Redis にプライベートに接続')
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
      await screenshot(page, 'shell-welcome-ja-dark')
      expect(problems).toEqual([])
      await context.close()
    } finally {
      await japanese.stop()
    }
  })
})
