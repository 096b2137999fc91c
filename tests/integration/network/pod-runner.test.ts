import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runProbeInPod } from '../../../src/main/network/pod-runner'
import { useRedisHarness } from '../../support/redis'
import { fakeKubectlEnv } from '../../fixtures/kubectl/knobs'

/**
 * No Kubernetes cluster can run here, so `kubectl` is the stand-in in tests/fixtures/kubectl in
 * its exec mode: it runs the pod's own command on this machine with the pod's env and its Secret
 * mounted, against the real TLS redis-server of the harness. What is real: the probe script, the
 * redis-cli it drives, the manifests and the parsing. What is not: scheduling and image pulls.
 */
const harness = useRedisHarness()
const kubectl = path.resolve(__dirname, '../../fixtures/kubectl/kubectl')
let dir: string

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-pod-'))
})
beforeEach(async () => {
  await fs.rm(path.join(dir, 'password-sent.log'), { force: true })
})
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true })
})

const settings = { tool: 'kubectl' as const, binaryPath: kubectl, namespace: 'team-a' }
const env = (imageLacks?: string) => ({
  ...process.env,
  ...fakeKubectlEnv(dir, { exec: true, state: dir, log: path.join(dir, 'calls.jsonl'), ...(imageLacks ? { imageLacks } : {}) })
})

/** The redis-cli runs inside the stand-in pod that were given the password (see the stand-in). */
const passwordSent = async () => (await fs.readFile(path.join(dir, 'password-sent.log'), 'utf8').catch(() => '')).trim()

describe('pod path running the real probe script against real TLS Redis', () => {
  it('passes every phase, sees the server, and deletes pod and Secret', async () => {
    const h = harness()
    const r = await runProbeInPod(
      settings,
      { host: 'localhost', port: h.tls.port, tls: true, caPem: h.ca.cert, verify: true, username: h.users.app.username, password: h.users.app.password },
      { env: env(), pollMs: 10 }
    )
    expect(r.output).toContain('PSE done')
    expect(r.code).toBeUndefined()
    expect(r.ok).toBe(true)
    expect(r.phases.map((p) => p.name)).toEqual(['dns', 'tls', 'auth', 'ping', 'write', 'info'])
    expect(r.server.version).toMatch(/^\d+\.\d+/)
    expect(r.server.role).toBe('master')
    expect(r.hostnameVerified).toBe(true)
    expect(r.cleanedUp).toBe(true)
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.json'))).toEqual([])
  })

  it('reports a read-only user as such, not as a failure', async () => {
    const h = harness()
    const r = await runProbeInPod(
      settings,
      { host: 'localhost', port: h.tls.port, tls: true, caPem: h.ca.cert, verify: true, username: h.users.reader.username, password: h.users.reader.password },
      { env: env(), pollMs: 10 }
    )
    expect(r.ok).toBe(true)
    expect(r.readOnly).toBe(true)
  })

  it('maps a wrong password to auth_failed and an untrusted CA to tls_untrusted_ca', async () => {
    const h = harness()
    const wrong = await runProbeInPod(
      settings,
      { host: 'localhost', port: h.tls.port, tls: true, caPem: h.ca.cert, verify: true, username: 'app', password: 'not-the-password' },
      { env: env(), pollMs: 10 }
    )
    expect(wrong.code).toBe('auth_failed')
    expect(wrong.phases.at(-1)).toMatchObject({ name: 'auth', ok: false })
    const untrusted = await runProbeInPod(
      settings,
      { host: 'localhost', port: h.tls.port, tls: true, caPem: h.otherCa.cert, verify: true, username: 'app', password: h.users.app.password },
      { env: env(), pollMs: 10 }
    )
    expect(untrusted.code).toBe('tls_untrusted_ca')
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.json'))).toEqual([])
  })

  it('sends the password only after openssl verified chain and host name, and says so', async () => {
    const h = harness()
    const r = await runProbeInPod(
      settings,
      { host: 'localhost', port: h.tls.port, tls: true, caPem: h.ca.cert, verify: true, username: h.users.app.username, password: h.users.app.password },
      { env: env(), pollMs: 10 }
    )
    expect(r.ok).toBe(true)
    expect(r.output.indexOf('PSE tls-verified openssl')).toBeLessThan(r.output.indexOf('PSE phase auth'))
    expect(await passwordSent()).not.toBe('')
  })

  it('an image without openssl: fails with pod_tls_unverifiable before any connection carries the password', async () => {
    const h = harness()
    const image = 'registry.example/redis-cli-only:1'
    const r = await runProbeInPod(
      { ...settings, image },
      { host: 'localhost', port: h.tls.port, tls: true, caPem: h.ca.cert, verify: true, username: h.users.app.username, password: h.users.app.password },
      { env: env('openssl'), pollMs: 10 }
    )
    expect(r.ok).toBe(false)
    expect(r.code).toBe('pod_tls_unverifiable')
    expect(r.hostnameVerified).toBe(false)
    expect(r.message).toContain(`"${image}" has redis-cli but no openssl`)
    expect(r.phases.at(-1)).toMatchObject({ name: 'tls', ok: false })
    expect(r.phases.some((p) => p.name === 'auth')).toBe(false)
    expect(await passwordSent()).toBe('')
    expect(r.cleanedUp).toBe(true)
  })

  it('checks the host name and expiry with openssl when the image has it', async () => {
    const h = harness()
    const base = { host: 'localhost', tls: true, caPem: h.ca.cert, verify: true, username: 'app', password: h.users.app.password }
    const mismatch = await runProbeInPod(settings, { ...base, port: h.wrongHost.port }, { env: env(), pollMs: 10 })
    expect(mismatch.code).toBe('tls_hostname_mismatch')
    const expired = await runProbeInPod(settings, { ...base, port: h.expired.port }, { env: env(), pollMs: 10 })
    expect(expired.code).toBe('tls_expired')
  })
})
