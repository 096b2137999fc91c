#!/usr/bin/env node
// Makes sure Electron's binary is there before `electron-vite` needs it, then runs electron-vite.
//
//   node scripts/ensure-electron.mjs preview      (npm start)
//   node scripts/ensure-electron.mjs dev          (npm run dev)
//
// electron >= 45 has no install script: it downloads its binary when `require('electron')` or
// `install-electron` first runs, while electron-vite reads node_modules/electron/path.txt
// directly and stops with "Error: Electron uninstall". So this runs Electron's own installer
// (node_modules/electron/install.js, which writes dist/ and path.txt) when the binary is missing.
// A binary you already have: ELECTRON_OVERRIDE_DIST_PATH (Electron's own variable: the folder
// holding it) or ELECTRON_EXEC_PATH (electron-vite's: the executable itself).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** The executable inside Electron's dist folder, as Electron's install.js names it. */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

const readIfExists = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '')

/** Where Electron's installer already put the binary, or undefined. */
function installed(electronDir) {
  const relative = readIfExists(path.join(electronDir, 'path.txt'))
  if (!relative) return undefined
  const exec = path.join(electronDir, 'dist', relative)
  return fs.existsSync(exec) ? exec : undefined
}

/** The last line of the installer's output that says something (its error, not its stack). */
export function lastReason(output) {
  const lines = String(output ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l))
  const error = lines.filter((l) => /error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|status code|checksum/i.test(l))
  return (error[0] ?? lines[lines.length - 1] ?? '').slice(0, 300)
}

/**
 * Electron's own installer (what `npx install-electron` runs). Its output shows live (the
 * download's progress); the end of its stderr is kept to say why it failed.
 */
export function runElectronInstaller({ electronDir, env, timeoutMs = 20 * 60_000 }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, env, stdio: ['ignore', 'inherit', 'pipe'] })
    let tail = ''
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk)
      tail = (tail + chunk.toString('utf8')).slice(-64 * 1024)
    })
    const timer = setTimeout(() => {
      child.kill()
      resolve({ ok: false, reason: `it did not finish within ${Math.round(timeoutMs / 1000)} s` })
    }, timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      resolve({ ok: false, reason: e.message })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve(code === 0 ? { ok: true } : { ok: false, reason: lastReason(tail) || `the installer exited with ${code}` })
    })
  })
}

const fallback = (version) =>
  `use browser mode instead ("npm run serve", or "npm run sandbox" with no IBM Cloud account), or point ELECTRON_OVERRIDE_DIST_PATH at the folder of an Electron ${version} you already have.`

/**
 * Finds (or fetches) the Electron executable. `download` is the installer step (injectable so
 * tests can fake it): it must leave dist/ and path.txt as Electron's install.js does.
 * Returns { ok: true, execPath } or { ok: false, message } (one sentence for the user).
 */
export async function ensureElectron({ env = process.env, electronDir, platform = process.platform, download = runElectronInstaller } = {}) {
  electronDir ??= path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'))
  const version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version
  if (env.ELECTRON_EXEC_PATH) {
    const exec = path.resolve(env.ELECTRON_EXEC_PATH)
    if (fs.existsSync(exec)) return { ok: true, execPath: exec }
    return {
      ok: false,
      message: `ELECTRON_EXEC_PATH names ${exec}, which does not exist, so the desktop app cannot start: fix or unset it, or ${fallback(version)}`
    }
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exec = path.join(path.resolve(env.ELECTRON_OVERRIDE_DIST_PATH), readIfExists(path.join(electronDir, 'path.txt')) || platformExecutable(platform))
    if (fs.existsSync(exec)) return { ok: true, execPath: exec }
    return {
      ok: false,
      message: `ELECTRON_OVERRIDE_DIST_PATH holds no Electron executable (${exec} does not exist), so the desktop app cannot start: fix or unset it, or ${fallback(version)}`
    }
  }
  const ready = installed(electronDir)
  if (ready) return { ok: true, execPath: ready }
  process.stderr.write(`Downloading Electron ${version} (once; about 100 MB)...\n`)
  let result
  try {
    result = await download({ electronDir, env, version, platform })
  } catch (e) {
    result = { ok: false, reason: e instanceof Error ? e.message : String(e) }
  }
  const after = installed(electronDir)
  if (result?.ok && after) return { ok: true, execPath: after }
  const reason = result?.ok ? 'the installer left no executable behind' : result?.reason || 'the download failed'
  return { ok: false, message: `Electron ${version} could not be downloaded (${reason}), so the desktop app cannot start here: ${fallback(version)}` }
}

async function main(args) {
  const found = await ensureElectron()
  if (!found.ok) {
    process.stderr.write(`pse-wizard: ${found.message}\n`)
    return 1
  }
  if (args.length === 0) return 0
  const bin = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: found.execPath } })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code))
}
