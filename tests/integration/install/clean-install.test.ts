import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshHome, type FreshHome } from '../../support/fresh-home'

/**
 * The README's first command on a machine with no compiler and no libsecret headers: a copy of
 * the checkout's tracked files, `npm ci --ignore-scripts` (no native build at all: keytar stays
 * unbuilt, as where its build fails; offline, from the npm cache the first install filled), then
 * literally `npm run sandbox` as a new user (no ~/.config). It must build, serve, and answer
 * with the keychain marked unavailable and the remedy, while the sandbox works.
 */
const repo = path.resolve(__dirname, '..', '..', '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

/** The environment without what an `npm test` run or vitest leaves behind for child npm processes. */
function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE_OPTIONS' && !k.startsWith('VITEST')))
}

describe('a clean clone without a compiler or libsecret headers', () => {
  let copy: string
  let user: FreshHome
  let serve: ChildProcess | undefined

  beforeAll(async () => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-clean-'))
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8' }).split('\0').filter(Boolean)
    for (const file of files) {
      if (!fs.existsSync(path.join(repo, file))) continue // deleted in the working tree
      fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true })
      fs.copyFileSync(path.join(repo, file), path.join(copy, file))
    }
    user = await freshHome()
  }, 60_000)

  afterAll(async () => {
    if (serve?.pid && serve.exitCode === null) {
      process.kill(-serve.pid, 'SIGTERM')
      await new Promise((r) => setTimeout(r, 1_000))
      try {
        process.kill(-serve.pid, 'SIGKILL')
      } catch {
        /* gone */
      }
    }
    // The copy holds a whole node_modules: removing it takes long on a loaded machine.
    await fs.promises.rm(copy, { recursive: true, force: true })
    await user?.remove()
  }, 180_000)

  it('npm ci --ignore-scripts, then npm run sandbox: builds, serves, keychain unavailable with the remedy, sandbox works', async () => {
    const install = spawnSync(npm, ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: copy,
      env: cleanEnv(process.env),
      encoding: 'utf8',
      timeout: 240_000
    })
    expect(install.status, `npm ci failed (run "npm install" once with the registry reachable to fill the npm cache):\n${install.stderr}`).toBe(0)
    // Really no native build: keytar's module is not there.
    expect(fs.existsSync(path.join(copy, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node'))).toBe(false)

    // `npm run sandbox -- --json`: the README's command, with the machine-readable ready line.
    const child = spawn(npm, ['run', 'sandbox', '--', '--json'], { cwd: copy, env: cleanEnv(user.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    serve = child
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    const ready = await new Promise<{ url: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm run sandbox was not serving after 180 s:\n${stderr}`)), 180_000)
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!line.startsWith('{')) return
        clearTimeout(timer)
        resolve(JSON.parse(line) as { url: string })
      })
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`npm run sandbox exited with ${code}:\n${stderr}`))
      })
    })
    const url = new URL(ready.url)
    // The printed link trades its token for a cookie, then the page loads with it.
    const link = await fetch(ready.url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) })
    const cookie = (link.headers.get('set-cookie') ?? '').split(';')[0]
    expect(cookie).not.toBe('')
    const page =
      link.status === 200
        ? link
        : await fetch(new URL(link.headers.get('location') ?? '/', url.origin), { headers: { Cookie: cookie }, signal: AbortSignal.timeout(10_000) })
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/<div id="root">/)

    const call = async (name: string, body: unknown = {}) => {
      const reply = await fetch(`${url.origin}/api/call/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: url.origin },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(20_000)
      })
      return (await reply.json()) as { ok: boolean; value: Record<string, unknown> }
    }
    const status = await call('profiles.keychainStatus')
    expect(status.value.mode).toBe('unavailable')
    expect(String(status.value.message)).toMatch(/keytar.*npm rebuild keytar.*Keep secrets for this session only/s)
    const info = await call('app.info')
    expect(info).toMatchObject({ ok: true, value: { sandbox: true } })
    // The sandbox answers IBM Cloud calls (its emulator) with no account.
    const regions = await call('ibmcloud.regions')
    expect(regions.ok, JSON.stringify(regions)).toBe(true)
    expect((regions.value.regions as unknown[]).length).toBeGreaterThan(0)
    // Nothing is written until something needs saving; the first write creates the folder, 0700.
    expect((await call('settings.set', { theme: 'dark' })).ok).toBe(true)
    expect(fs.statSync(user.dataDir).mode & 0o777).toBe(0o700)
  }, 420_000)
})
