import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { createApp, type App } from '../../../src/main/app'
import { log } from '../../../src/main/logging/log'
import { dispatch } from '../../../src/main/transport/dispatch'
import type { CallName } from '../../../src/shared/contract'
import type { Profile } from '../../../src/shared/schemas/profile'
import type { ProbeResult } from '../../../src/shared/schemas/probe'
import { useTestKeyring } from '../../support/keyring'
import { useRedisHarness } from '../../support/redis'

/**
 * A whole session through the contract and the CLI, as a user would run it: import, create,
 * test, test all, export, re-import, break the password, reveal. Then every file in the data
 * folder and every log line is searched for the secrets.
 */
const harness = useRedisHarness()
const keyring = useTestKeyring()

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-session-'))
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-session-out-'))
const logLines: string[] = []
let app: App
let env: NodeJS.ProcessEnv
let removeSink: () => void

beforeAll(async () => {
  env = { ...process.env, PSE_WIZARD_HOME: dataDir, PSE_WIZARD_KEYCHAIN_SERVICE: keyring(), PSE_LOG_LEVEL: 'debug' }
  log.setLevel('debug')
  removeSink = (() => {
    const remove = log.addSink((_level, line) => logLines.push(line))
    return () => void remove()
  })()
  app = await createApp({ dataDir, transport: 'browser', sandbox: false, env })
})
afterAll(async () => {
  removeSink?.()
  await app?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(outside, { recursive: true, force: true })
})

async function call<T>(name: CallName, input: unknown): Promise<T> {
  const result = await dispatch(app.handlers, name, input, { signal: new AbortController().signal })
  if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.code}: ${result.error.message}`), { error: result.error })
  return result.value as T
}

async function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { ...env, ...extraEnv },
    signal: new AbortController().signal
  })
  logLines.push(stdout, stderr)
  return { code, stdout, stderr }
}

function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

describe('a full session leaves no secret behind', () => {
  it('import → create → test → test all → export → import → break → reveal, then scan', async () => {
    const h = harness()
    const secrets = [h.users.app.password, h.users.reader.password]
    const rendererSaw: unknown[] = []
    const seen = <T>(v: T) => (rendererSaw.push(v), v)

    // 1. Paste a URL with the password: the draft comes back without it.
    const url = `rediss://app:${encodeURIComponent(h.users.app.password)}@localhost:${h.tls.port}/0`
    const draft = seen(await call<{ importId: string; fields: Profile; secretsFound: { password: boolean } }>('profiles.import', { text: url }))
    expect(draft.secretsFound.password).toBe(true)

    // 2. Save it with the CA, attaching the pasted password by import id.
    const app1 = seen(
      await call<Profile>('profiles.create', {
        fields: { ...draft.fields, name: 'Local app', tls: { ...draft.fields.tls, caPem: h.ca.cert } },
        importId: draft.importId
      })
    )
    expect(app1.secrets.password).toBe('keychain')
    const reader = seen(
      await call<Profile>('profiles.create', {
        fields: { ...draft.fields, name: 'Local reader', username: 'reader', tags: ['ro'], tls: { ...draft.fields.tls, caPem: h.ca.cert } },
        secrets: { password: h.users.reader.password }
      })
    )

    // 3. Test both, then test all with bounded concurrency.
    const r1 = seen(await call<ProbeResult>('profiles.test', { id: app1.id }))
    expect(r1.ok, r1.message).toBe(true)
    expect(r1.phases).toHaveLength(7)
    const r2 = seen(await call<ProbeResult>('profiles.test', { id: reader.id }))
    expect(r2.write).toEqual({ allowed: false, readOnly: true })
    const all = seen(await call<{ results: Array<{ id: string; result: ProbeResult }> }>('profiles.testAll', { concurrency: 2 }))
    expect(all.results.map((r) => r.result.ok)).toEqual([true, true])
    expect((await call<Profile>('profiles.get', { id: app1.id })).lastTest).toMatchObject({ ok: true, code: null })

    // 4. Exports: without secrets none; with secrets (asked for) the password is there.
    for (const format of ['redli', 'redis-cli', 'env', 'kubernetes', 'json']) {
      const plain = seen(await call<{ text: string; containsSecrets: boolean }>('profiles.export', { id: app1.id, format, withSecrets: false }))
      expect(plain.containsSecrets).toBe(false)
    }
    const withSecrets = await call<{ text: string; containsSecrets: boolean }>('profiles.export', { id: app1.id, format: 'json', withSecrets: true })
    expect(withSecrets.text).toContain(h.users.app.password)
    fs.writeFileSync(path.join(outside, 'exported.json'), withSecrets.text, { mode: 0o600 })

    // 5. CLI: import that file, test it (JSON shape, exit 0), add from a URL with REDIS_PASSWORD.
    const imported = await cli(['profiles', 'import', path.join(outside, 'exported.json'), '--name', 'Imported', '--json'])
    expect(imported.code, imported.stderr).toBe(0)
    const tested = await cli(['test', 'Imported', '--json'])
    expect(tested.code, tested.stdout).toBe(0)
    const json = JSON.parse(tested.stdout)
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['ok', 'code', 'message', 'phases', 'dns', 'tls', 'server']))
    expect(json.tls).toMatchObject({ verified: true, hostnameVerified: true })
    expect(json.server.protocol).toBe(3)
    const added = await cli(
      ['profiles', 'add', '--url', `rediss://reader@localhost:${h.tls.port}/0`, '--name', 'CLI reader', '--ca', path.join(outside, 'ca.pem')],
      {}
    )
    expect(added.code).toBe(2) // the CA file does not exist yet: usage error
    fs.writeFileSync(path.join(outside, 'ca.pem'), h.ca.cert)
    const added2 = await cli(
      ['profiles', 'add', '--url', `rediss://reader@localhost:${h.tls.port}/0`, '--name', 'CLI reader', '--ca', path.join(outside, 'ca.pem')],
      { REDIS_PASSWORD: h.users.reader.password }
    )
    expect(added2.code, added2.stderr).toBe(0)
    expect((await cli(['test', 'CLI reader'])).code).toBe(0)
    const human = await cli(['test', '--url', `rediss://app@localhost:${h.tls.port}/0`, '--ca', path.join(outside, 'ca.pem')], {
      REDIS_PASSWORD: h.users.app.password
    })
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(/OK: Connected/)
    expect((await cli(['test'])).code).toBe(2)
    const list = await cli(['profiles', 'list', '--json'])
    expect(JSON.parse(list.stdout).profiles).toHaveLength(4)

    // 6. Break the password: auth_failed with its advice, through the contract and the CLI.
    seen(await call<Profile>('profiles.update', { id: app1.id, secrets: { password: 'wrong-password-123' } }))
    const broken = seen(await call<ProbeResult>('profiles.test', { id: app1.id }))
    expect(broken.code).toBe('auth_failed')
    expect(broken.message).toMatch(/password/)
    const brokenCli = await cli(['test', 'Local app', '--json'])
    expect(brokenCli.code).toBe(1)
    expect(JSON.parse(brokenCli.stdout).code).toBe('auth_failed')

    // 7. The explicit reveal is the one way a secret reaches the window.
    const revealed = await call<{ value: string }>('profiles.revealSecret', { id: reader.id, secret: 'password' })
    expect(revealed.value).toBe(h.users.reader.password)

    // 8. Scan: data folder files, log lines, and everything the window received except the reveal.
    const files = allFiles(dataDir)
    expect(files.some((f) => f.endsWith('profiles.json'))).toBe(true)
    for (const secret of [...secrets, 'wrong-password-123']) {
      for (const file of files) expect(fs.readFileSync(file, 'utf8'), file).not.toContain(secret)
      for (const line of logLines) expect(line).not.toContain(secret)
      expect(JSON.stringify(rendererSaw)).not.toContain(secret)
    }
    expect(logLines.length).toBeGreaterThan(0)
  })
})
