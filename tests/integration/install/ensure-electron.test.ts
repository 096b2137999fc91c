import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensureElectron, lastReason, platformExecutable, runElectronInstaller, type DownloadStep } from '../../../scripts/ensure-electron.mjs'

/**
 * `npm start` / `npm run dev` run scripts/ensure-electron.mjs first: electron >= 45 downloads its
 * binary only through its own installer, and electron-vite needs node_modules/electron/path.txt.
 * The download step is faked here (the real one would leave loopback); it does what Electron's
 * install.js does on success: the binary under dist/ and its relative path in path.txt.
 */
const repo = path.resolve(__dirname, '..', '..', '..')
const exe = platformExecutable()

describe('ensure-electron', () => {
  let dir: string
  let electronDir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-electron-'))
    electronDir = path.join(dir, 'electron')
    fs.mkdirSync(electronDir)
    fs.writeFileSync(path.join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  const writeBinary = (where: string) => {
    fs.mkdirSync(path.dirname(where), { recursive: true })
    fs.writeFileSync(where, '#!/bin/sh\n', { mode: 0o755 })
  }
  const fakeInstall: DownloadStep = ({ electronDir: target }) => {
    writeBinary(path.join(target, 'dist', exe))
    fs.writeFileSync(path.join(target, 'path.txt'), exe)
    return { ok: true }
  }
  const counting = (step: DownloadStep) => {
    const calls: string[] = []
    const download: DownloadStep = (o) => {
      calls.push(o.version)
      return step(o)
    }
    return { calls, download }
  }

  it('a missing binary is fetched through the download step, then used', async () => {
    const { calls, download } = counting(fakeInstall)
    expect(await ensureElectron({ env: {}, electronDir, download })).toEqual({ ok: true, execPath: path.join(electronDir, 'dist', exe) })
    expect(calls).toEqual(['45.4.1'])
    // The next start finds it and downloads nothing.
    const again = counting(fakeInstall)
    expect((await ensureElectron({ env: {}, electronDir, download: again.download })).ok).toBe(true)
    expect(again.calls).toEqual([])
  })

  it('a path.txt whose binary is gone downloads again', async () => {
    fs.writeFileSync(path.join(electronDir, 'path.txt'), exe)
    const { calls, download } = counting(fakeInstall)
    expect((await ensureElectron({ env: {}, electronDir, download })).ok).toBe(true)
    expect(calls).toHaveLength(1)
  })

  it('a failed download: one sentence that says why and points to browser mode', async () => {
    const result = await ensureElectron({ env: {}, electronDir, download: () => ({ ok: false, reason: 'getaddrinfo ENOTFOUND github.com' }) })
    expect(result.ok).toBe(false)
    const message = (result as { message: string }).message
    expect(message).toMatch(
      /^Electron 45\.4\.1 could not be downloaded \(getaddrinfo ENOTFOUND github\.com\), so the desktop app cannot start here: use browser mode instead \("npm run serve"/
    )
    expect(message).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/)
    expect(message.split(/\.\s/)).toHaveLength(1)
    expect(message).not.toMatch(/\n/)
  })

  it('a download step that throws, or claims success and leaves nothing, is a failure too', async () => {
    const thrown = await ensureElectron({ env: {}, electronDir, download: () => Promise.reject(new Error('socket hang up')) })
    expect(thrown).toMatchObject({ ok: false, message: expect.stringMatching(/\(socket hang up\).*npm run serve/) })
    const empty = await ensureElectron({ env: {}, electronDir, download: () => ({ ok: true }) })
    expect(empty).toMatchObject({ ok: false, message: expect.stringMatching(/left no executable behind.*npm run serve/) })
  })

  it('ELECTRON_OVERRIDE_DIST_PATH: the binary the user has, no download', async () => {
    const own = path.join(dir, 'my-electron')
    writeBinary(path.join(own, exe))
    const { calls, download } = counting(fakeInstall)
    expect(await ensureElectron({ env: { ELECTRON_OVERRIDE_DIST_PATH: own }, electronDir, download })).toEqual({ ok: true, execPath: path.join(own, exe) })
    expect(calls).toEqual([])
    const wrong = await ensureElectron({ env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'nothing') }, electronDir, download })
    expect(wrong).toMatchObject({ ok: false, message: expect.stringMatching(/ELECTRON_OVERRIDE_DIST_PATH holds no Electron executable.*npm run serve/) })
    expect(calls).toEqual([])
  })

  it('ELECTRON_EXEC_PATH: the executable itself, no download', async () => {
    const own = path.join(dir, 'bin', 'electron-45')
    writeBinary(own)
    const { calls, download } = counting(fakeInstall)
    expect(await ensureElectron({ env: { ELECTRON_EXEC_PATH: own }, electronDir, download })).toEqual({ ok: true, execPath: own })
    const wrong = await ensureElectron({ env: { ELECTRON_EXEC_PATH: path.join(dir, 'none') }, electronDir, download })
    expect(wrong).toMatchObject({ ok: false, message: expect.stringMatching(/ELECTRON_EXEC_PATH names .* which does not exist.*npm run serve/) })
    expect(calls).toEqual([])
  })

  it("the default step runs Electron's installer and reports its error, not its stack", async () => {
    fs.writeFileSync(
      path.join(electronDir, 'install.js'),
      "console.error('RequestError: getaddrinfo EAI_AGAIN github.com\\n    at ClientRequest.<anonymous> (/x/got.js:1:1)'); process.exit(1)\n"
    )
    expect(await runElectronInstaller({ electronDir, env: process.env })).toEqual({ ok: false, reason: 'RequestError: getaddrinfo EAI_AGAIN github.com' })
    fs.writeFileSync(
      path.join(electronDir, 'install.js'),
      `require('fs').mkdirSync('dist'); require('fs').writeFileSync('dist/${exe}', ''); require('fs').writeFileSync('path.txt', '${exe}')\n`
    )
    expect(await runElectronInstaller({ electronDir, env: process.env })).toEqual({ ok: true })
    expect(fs.existsSync(path.join(electronDir, 'path.txt'))).toBe(true)
  })

  it('an installer that hangs is stopped at its timeout', async () => {
    fs.writeFileSync(path.join(electronDir, 'install.js'), 'setInterval(() => undefined, 1000)\n')
    const started = Date.now()
    expect(await runElectronInstaller({ electronDir, env: process.env, timeoutMs: 1_000 })).toEqual({ ok: false, reason: 'it did not finish within 1 s' })
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('lastReason picks the error line out of a stack trace', () => {
    expect(lastReason('Downloading\nHTTPError: Response code 404 (Not Found)\n    at Request.<anonymous> (x.js:1:2)\n')).toBe(
      'HTTPError: Response code 404 (Not Found)'
    )
    expect(lastReason('')).toBe('')
  })

  it('as npm start runs it: stops with exit 1 and the sentence; runs electron-vite with ELECTRON_EXEC_PATH when found', () => {
    const script = path.join(repo, 'scripts', 'ensure-electron.mjs')
    const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' }
    const missing = spawnSync(process.execPath, [script, 'preview'], {
      env: { ...env, ELECTRON_EXEC_PATH: path.join(dir, 'none') },
      encoding: 'utf8',
      timeout: 30_000
    })
    expect(missing.status).toBe(1)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toMatch(/^pse-wizard: ELECTRON_EXEC_PATH names .*"npm run serve"/)
    const own = path.join(dir, 'electron-bin')
    writeBinary(own)
    const found = spawnSync(process.execPath, [script, '--version'], { env: { ...env, ELECTRON_EXEC_PATH: own }, encoding: 'utf8', timeout: 30_000 })
    expect(found.status, found.stderr).toBe(0)
    expect(found.stdout).toMatch(/electron-vite\/\d+\.\d+/)
  })
})
