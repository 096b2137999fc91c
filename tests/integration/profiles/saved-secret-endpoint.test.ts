import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../src/main/app'
import { dispatch } from '../../../src/main/transport/dispatch'
import type { CallName } from '../../../src/shared/contract'
import type { AppError } from '../../../src/shared/errors'
import { defaultProfileFields, type Profile, type ProfileFields } from '../../../src/shared/schemas/profile'
import type { ProbeResult } from '../../../src/shared/schemas/probe'
import { useTestKeyring } from '../../support/keyring'
import { useRedisHarness } from '../../support/redis'

/**
 * Issue 11, hole 4, on the wire: a saved password (real keychain) goes through profiles.testDraft
 * only to the endpoint it was saved for. The refused cases never reach the real TLS / plain
 * redis-server (its own connection counter says so); the confirmed one does, and logs in.
 */
const harness = useRedisHarness()
const keyring = useTestKeyring()
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-endpoint-'))
const caFile = path.join(dataDir, '..', `${path.basename(dataDir)}-ca.pem`)
let app: App | undefined
afterAll(async () => {
  await app?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(caFile, { force: true })
})

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError }
const call = async <T>(name: CallName, input: unknown) => (await dispatch(app!.handlers, name, input, { signal: new AbortController().signal })) as Outcome<T>

/** The server's count of connections it ever accepted (this redis-cli's own included). */
function connectionsReceived(port: number, tlsOn: boolean): Promise<number> {
  const h = harness()
  return new Promise((resolve, reject) => {
    const args = [
      ...(tlsOn ? ['--tls', '--cacert', caFile] : []),
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '--user',
      h.users.app.username,
      '--no-auth-warning',
      'INFO',
      'stats'
    ]
    const child = spawn('redis-cli', args, { env: { ...process.env, REDISCLI_AUTH: h.users.app.password }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.once('error', reject)
    child.once('close', () => {
      const m = /total_connections_received:(\d+)/.exec(out)
      if (m) resolve(Number(m[1]))
      else reject(new Error(`redis-cli INFO stats: ${out}`))
    })
  })
}

describe('a saved password follows its endpoint (profiles.testDraft)', () => {
  it('refused drafts send nothing; a confirmed one connects and logs in', async () => {
    const h = harness()
    fs.writeFileSync(caFile, h.ca.cert, { mode: 0o600 })
    app = await createApp({
      dataDir,
      transport: 'browser',
      sandbox: false,
      env: { ...process.env, PSE_WIZARD_HOME: dataDir, PSE_WIZARD_KEYCHAIN_SERVICE: keyring() }
    })
    const tls = { enabled: true, caPem: h.ca.cert, servername: null, verifyServerCert: true, clientCertPem: null }
    const fields = (over: Partial<ProfileFields>): ProfileFields =>
      defaultProfileFields({ name: 'saved', host: 'localhost', port: h.tls.port, username: h.users.app.username, tls, ...over })
    const created = await call<Profile>('profiles.create', { fields: fields({}), secrets: { password: h.users.app.password } })
    if (!created.ok) throw new Error(created.error.message)
    expect(created.value.secrets.password).toBe('keychain')
    const profileId = created.value.id

    // Same server under another name (its certificate also covers 127.0.0.1): refused, not contacted.
    const moved = fields({ host: '127.0.0.1' })
    let before = await connectionsReceived(h.tls.port, true)
    const refused = await call<ProbeResult>('profiles.testDraft', { fields: moved, profileId })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'saved_secret_endpoint_changed', params: { host: '127.0.0.1', port: h.tls.port, savedHost: 'localhost', savedPort: h.tls.port } }
    })
    expect(await connectionsReceived(h.tls.port, true)).toBe(before + 1)

    // TLS turned off towards the plain server: refused even with a confirmation, not contacted.
    before = await connectionsReceived(h.plain.port, false)
    const plain = fields({ port: h.plain.port, tls: { ...tls, enabled: false, caPem: null } })
    const noTls = await call<ProbeResult>('profiles.testDraft', { fields: plain, profileId, confirmEndpoint: `localhost:${h.plain.port}` })
    expect(noTls).toMatchObject({ ok: false, error: { code: 'saved_secret_needs_tls' } })
    expect(await connectionsReceived(h.plain.port, false)).toBe(before + 1)

    // Confirmed: the saved password goes to 127.0.0.1 and logs in.
    before = await connectionsReceived(h.tls.port, true)
    const confirmed = await call<ProbeResult>('profiles.testDraft', { fields: moved, profileId, confirmEndpoint: `127.0.0.1:${h.tls.port}` })
    expect(confirmed.ok && confirmed.value.ok, JSON.stringify(confirmed)).toBe(true)
    expect(await connectionsReceived(h.tls.port, true)).toBeGreaterThan(before + 1)

    // A wrong confirmation (another port) is no confirmation.
    const wrong = await call<ProbeResult>('profiles.testDraft', { fields: moved, profileId, confirmEndpoint: `127.0.0.1:${h.tls.port + 1}` })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'saved_secret_endpoint_changed' } })
    // The message names both endpoints and what to do; the password is nowhere in it.
    if (!wrong.ok) {
      expect(wrong.error.message).toContain(`localhost:${h.tls.port}`)
      expect(wrong.error.message).toContain(`127.0.0.1:${h.tls.port}`)
      expect(JSON.stringify(wrong.error)).not.toContain(h.users.app.password)
    }
  })
})
