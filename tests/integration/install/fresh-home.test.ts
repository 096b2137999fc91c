import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority, issueServerCert, LOOPBACK_NAMES } from '../../../src/main/sandbox/certs'
import { startRedisServer, type RunningRedis } from '../../../src/main/sandbox/tls-redis'
import { sessionHeaders, startApp } from '../../support/app-server'
import { freshHome, runBuiltCli, type FreshHome } from '../../support/fresh-home'
import { useTestKeyring } from '../../support/keyring'

/**
 * Every command once as a new user runs it: HOME is an empty folder with no `.config`, so the
 * data folder (~/.config/pse-wizard) does not exist yet. Whatever a command writes, it creates
 * that folder first, mode 0700. Runs the built CLI (`npm run build` first; scripts/test.sh does).
 */
const service = useTestKeyring()

describe('a new user (no ~/.config) runs each command once', () => {
  let redis: RunningRedis
  let caFile: string
  let caDir: FreshHome
  const password = `fresh-${Date.now().toString(36)}`
  const homes: FreshHome[] = []

  beforeAll(async () => {
    const ca = await createCertificateAuthority('PSE Fresh Home CA')
    const cert = await issueServerCert(ca, LOOPBACK_NAMES)
    redis = await startRedisServer({ tls: { ...cert, ca: ca.cert }, users: [{ name: 'app', password }], defaultUser: 'off' })
    caDir = await freshHome()
    caFile = path.join(caDir.home, 'ca.pem')
    fs.writeFileSync(caFile, ca.cert)
  })
  afterAll(async () => {
    await redis?.stop()
    for (const h of [...homes, caDir]) await h?.remove()
  })

  async function newUser(): Promise<FreshHome> {
    const user = await freshHome({ PSE_WIZARD_KEYCHAIN_SERVICE: service(), REDIS_PASSWORD: password })
    homes.push(user)
    expect(fs.existsSync(path.join(user.home, '.config'))).toBe(false)
    return user
  }
  const folderMode = (user: FreshHome) => fs.statSync(user.dataDir).mode & 0o777
  const url = () => `rediss://app@127.0.0.1:${redis.port}`

  it('profiles add --url: creates ~/.config/pse-wizard (0700) and saves the profile', async () => {
    const user = await newUser()
    const run = await runBuiltCli(['profiles', 'add', '--url', url(), '--name', 'first', '--ca', caFile], user.env)
    expect(run.stderr).not.toMatch(/ENOENT/)
    expect(run.code, run.stderr).toBe(0)
    expect(folderMode(user)).toBe(0o700)
    const saved = JSON.parse(fs.readFileSync(path.join(user.dataDir, 'profiles.json'), 'utf8')) as { profiles: Array<{ name: string }> }
    expect(saved.profiles.map((p) => p.name)).toEqual(['first'])
    expect(fs.readdirSync(user.dataDir).filter((f) => f.endsWith('.lock'))).toEqual([])
  })

  it('profiles list', async () => {
    const user = await newUser()
    const run = await runBuiltCli(['profiles', 'list', '--json'], user.env)
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ profiles: [] })
  })

  it('test --url (against a real TLS Redis)', async () => {
    const user = await newUser()
    const run = await runBuiltCli(['test', '--url', url(), '--ca', caFile, '--json'], user.env)
    expect(run.stderr).not.toMatch(/ENOENT/)
    expect(run.code, run.stdout + run.stderr).toBe(0)
  })

  it('hostkey list', async () => {
    const user = await newUser()
    const run = await runBuiltCli(['hostkey', 'list'], user.env)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/No host key/)
  })

  it('check --sandbox: its private ibmcloud home lands in a new 0700 data folder', async () => {
    const user = await newUser()
    const run = await runBuiltCli(['check', '--sandbox', '--json'], user.env)
    expect(run.code, run.stdout + run.stderr).toBe(0)
    expect((JSON.parse(run.stdout) as { ok: boolean }).ok).toBe(true)
    expect(folderMode(user)).toBe(0o700)
  })

  it('setup --help', async () => {
    const user = await newUser()
    const run = await runBuiltCli(['setup', '--help'], user.env)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/Usage: pse-wizard setup/)
  })

  it('serve: starts, and its first write (saving a profile, under the profiles lock) creates the folder', async () => {
    const user = await newUser()
    const app = await startApp({ sandbox: true, home: user.home, env: user.env })
    try {
      const session = await sessionHeaders(app)
      const call = async <T>(name: string, body: unknown) => {
        const reply = await fetch(`${app.origin}/api/call/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...session },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(20_000)
        })
        return (await reply.json()) as { ok: boolean; value: T; error?: { code: string; message: string } }
      }
      const draft = await call<{ importId: string; fields: Record<string, unknown> }>('profiles.import', { text: `rediss://127.0.0.1:${redis.port}` })
      expect(draft.ok, JSON.stringify(draft.error)).toBe(true)
      const created = await call<{ name: string }>('profiles.create', {
        fields: { ...draft.value.fields, name: 'from-browser' },
        importId: draft.value.importId
      })
      expect(created.ok, JSON.stringify(created.error)).toBe(true)
      expect(folderMode(user)).toBe(0o700)
      expect(fs.existsSync(path.join(user.dataDir, 'profiles.json'))).toBe(true)
      expect(await call('settings.set', { theme: 'dark' })).toMatchObject({ ok: true })
      expect(app.stderr()).not.toMatch(/ENOENT/)
    } finally {
      await app.stop()
    }
  })
})
