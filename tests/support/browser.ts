import fs from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

/** Debian's Chromium (never a downloaded browser); override with PSE_CHROMIUM. */
export const chromiumPath = process.env.PSE_CHROMIUM ?? '/usr/bin/chromium'

export const screenshotDir = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots')

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic'
    ]
  })
}

export interface PageWatch {
  page: Page
  context: BrowserContext
  /** Console errors and CSP violations seen so far: a page that logs them is broken. */
  problems: string[]
}

export async function openPage(browser: Browser, url: string, options: { locale?: string; colorScheme?: 'light' | 'dark' } = {}): Promise<PageWatch> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 860 }
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text())
  })
  page.on('pageerror', (e) => problems.push(e.message))
  // Never let the page reach anything but our own loopback server.
  await context.route('**/*', (route) => {
    const target = new URL(route.request().url())
    if (target.hostname === '127.0.0.1' || target.hostname === 'localhost' || target.hostname === '[::1]') return route.continue()
    problems.push(`blocked request to ${target.origin}`)
    return route.abort()
  })
  await page.goto(url)
  return { page, context, problems }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(screenshotDir, { recursive: true })
  const file = path.join(screenshotDir, `${name}.png`)
  // Fixed bars (header, side navigation) are drawn where the page is scrolled to: capture the
  // whole page from the top, as a person would first see it.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/** Switches the UI language with the header toggle and waits until the page has changed over. */
export async function useLanguage(page: Page, language: 'en' | 'ja'): Promise<void> {
  const current = () => page.evaluate(() => document.documentElement.lang)
  if ((await current()) === language) return
  await page.getByTestId('language-toggle').click()
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language)
}
