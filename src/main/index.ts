import path from 'node:path'
import { app, BrowserWindow, ipcMain, protocol, session, shell, type WebContents } from 'electron'
import { createApp, type App } from './app'
import { bindIpc, forwardEvents, senderCheck } from './transport/ipc'
import { answerAppRequest } from './transport/app-protocol'
import { APP_ENTRY_URL, APP_SCHEME, isOwnUrl as isUrlOf, ownOrigin } from './transport/renderer-origin'
import { isAllowedExternalUrl } from '../shared/external-links'
import { resolveDataDir } from './paths'
import { log } from './logging/log'

/**
 * Electron entry: one window, locked down (sandboxed renderer, context isolation, no Node, no
 * navigation, no new windows, no permissions), bound to the contract over IPC.
 */
let window: BrowserWindow | undefined
let core: App | undefined

// Development loads the dev server; everything else is served from app://pse-wizard (never
// file://, which would give the page the privileges of the file scheme).
const rendererDevUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererDir = path.resolve(__dirname, '../renderer')
const rendererUrl = rendererDevUrl ?? APP_ENTRY_URL
const origin = ownOrigin(rendererDevUrl)
const isOwnUrl = (url: string): boolean => isUrlOf(url, origin)

// Before ready: a standard, secure scheme gets a real origin (app://pse-wizard) for 'self' in
// the CSP and same-origin module scripts; nothing more (no service workers, no bypassing CSP).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }])

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await answerAppRequest(rendererDir, request.url)
    return new Response(answer.body, { status: answer.status, headers: answer.headers })
  })
}

function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

async function createWindow(): Promise<void> {
  window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'PSE Wizard',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open links in new windows (they are refused anyway).
      disableBlinkFeatures: 'Auxclick'
    }
  })
  lockDown(window.webContents)
  window.once('ready-to-show', () => window?.show())
  await window.loadURL(rendererUrl)
}

async function main(): Promise<void> {
  app.enableSandbox()
  await app.whenReady()
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  serveRenderer()

  core = await createApp({
    dataDir: resolveDataDir(process.env, app.getPath('userData')),
    transport: 'desktop',
    sandbox: process.argv.includes('--sandbox'),
    systemLocale: app.getLocale(),
    relaunch: ({ sandbox }) => {
      const args = process.argv.slice(1).filter((a) => a !== '--sandbox')
      app.relaunch({ args: sandbox ? [...args, '--sandbox'] : args })
      app.exit(0)
    }
  })
  const getOwn = (): WebContents | undefined => (window && !window.isDestroyed() ? window.webContents : undefined)
  bindIpc(ipcMain, core.handlers, senderCheck(getOwn, isOwnUrl))
  forwardEvents(core.events, getOwn)
  await createWindow()

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow()
  })
}

app.on('web-contents-created', (_e, contents) => lockDown(contents))
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
// Quitting waits (up to 5 s) for the app's own clean-up: tunnels closed, the isolated ibmcloud
// login ended so no IAM token stays on disk, the wizard's state written.
let closing = false
app.on('will-quit', (event) => {
  if (!core || closing) return
  event.preventDefault()
  closing = true
  const exit = (): void => app.exit(0)
  const timer = setTimeout(exit, 5_000)
  core
    .close()
    .catch((e: unknown) => log.warn(`clean-up at quit failed: ${e instanceof Error ? e.message : String(e)}`))
    .finally(() => {
      clearTimeout(timer)
      exit()
    })
})

main().catch((e: unknown) => {
  log.error(`PSE Wizard could not start: ${e instanceof Error ? e.message : String(e)}`)
  app.exit(1)
})
