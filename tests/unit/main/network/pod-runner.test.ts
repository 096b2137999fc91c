import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runProbeInPod, type PodPathSettings } from '../../../../src/main/network/pod-runner'
import { parsePodOutput } from '../../../../src/main/network/pod-output'
import type { PodProbeTarget } from '../../../../src/main/network/pod-manifests'
import { testViaPath } from '../../../../src/main/network/run-probe-via-path'
import { ProbeResult } from '../../../../src/shared/schemas/probe'
import { fakeKubectlEnv } from '../../../fixtures/kubectl/knobs'

/**
 * No Kubernetes cluster can run here: `kubectl` is the stand-in in tests/fixtures/kubectl, which
 * records every call (argv and stdin) and replays realistic kubectl output and pod logs.
 */
const fixtures = path.resolve(__dirname, '../../../fixtures/kubectl')
const kubectl = path.join(fixtures, 'kubectl')
const password = 'S3cret-Redis-Password-42'
const target: PodProbeTarget = {
  host: 'abc.c1.private.databases.appdomain.cloud',
  port: 31337,
  tls: true,
  caPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  verify: true,
  username: 'admin',
  password
}
const settings: PodPathSettings = { tool: 'kubectl', binaryPath: kubectl, namespace: 'team-a', context: 'prod' }

let dir: string
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-podu-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const env = (scenario: string, logs = 'logs-success.txt') => ({
  ...process.env,
  ...fakeKubectlEnv(dir, { scenario, logs: path.join(fixtures, logs), state: dir, log: path.join(dir, 'calls.jsonl') })
})

interface Call {
  argv: string[]
  stdin: string
  envKeys: string[]
}
async function calls(): Promise<Call[]> {
  const text = await fs.readFile(path.join(dir, 'calls.jsonl'), 'utf8').catch(() => '')
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Call)
}
const verbs = (cs: Call[]) =>
  cs.map((c) => {
    const words = c.argv.filter((a) => !a.startsWith('-') && !['name', 'json'].includes(a))
    return ['get', 'delete'].includes(words[0]) ? `${words[0]} ${words[1]}` : words[0]
  })
const leftovers = async () => (await fs.readdir(dir)).filter((f) => /^(pod|secret)-/.test(f))

async function expectCleanedUp(): Promise<void> {
  const cs = await calls()
  const v = verbs(cs)
  expect(v).toContain('delete pod')
  expect(v).toContain('delete secret')
  expect(await leftovers()).toEqual([])
}

describe('pod path with a stand-in kubectl', () => {
  it('parses the pod output into phases and deletes the pod and the Secret after success', async () => {
    const r = await runProbeInPod(settings, target, { env: env('ok'), pollMs: 5 })
    expect(r.ok).toBe(true)
    expect(r.phases.map((p) => [p.name, p.ok, p.ms])).toEqual([
      ['dns', true, 6],
      ['tls', true, 48],
      ['auth', true, 41],
      ['ping', true, 44],
      ['write', true, 43],
      ['info', true, 42]
    ])
    expect(r.addresses).toEqual(['166.9.16.209', '166.9.12.208', '166.9.15.93'])
    expect(r.server).toEqual({ version: '7.2.5', mode: 'standalone', role: 'master' })
    expect(r.hostnameVerified).toBe(true)
    expect(r.cleanedUp).toBe(true)
    await expectCleanedUp()
    const v = verbs(await calls())
    expect(v.slice(0, 5)).toEqual(['create', 'create', 'get pod', 'get pod', 'logs'])
    expect(v.slice(5).sort()).toEqual(['delete pod', 'delete secret'])
  })

  it('keeps the password out of every argv and out of the pod spec; only the Secret carries it', async () => {
    await runProbeInPod(settings, target, { env: env('ok'), pollMs: 5 })
    const cs = await calls()
    const b64 = Buffer.from(password).toString('base64')
    for (const c of cs) expect(c.argv.join(' ')).not.toContain(password)
    const created = cs.filter((c) => c.argv.includes('create')).map((c) => JSON.parse(c.stdin) as { kind: string; data?: Record<string, string> })
    const secret = created.find((o) => o.kind === 'Secret')!
    const pod = created.find((o) => o.kind === 'Pod')!
    expect(secret.data?.password).toBe(b64)
    const podText = JSON.stringify(pod)
    expect(podText).not.toContain(password)
    expect(podText).not.toContain(b64)
    expect(podText).toContain('REDISCLI_AUTH')
    for (const c of cs) expect(c.argv.slice(0, 2)).toEqual(['--context=prod', '--namespace=team-a'])
  })

  it('gives kubectl only an allowlisted environment: none of the app secrets reach it or its credential plugins', async () => {
    const secrets = {
      IBMCLOUD_API_KEY: 'ibm-key-never-passed',
      REDIS_PASSWORD: 'redis-pw-never-passed',
      PSE_SSH_PASSPHRASE: 'ssh-pp-never-passed',
      PSE_SSH_PASSWORD: 'ssh-pw-never-passed',
      AWS_SECRET_ACCESS_KEY: 'aws-never-passed'
    }
    const r = await runProbeInPod(settings, target, {
      env: { ...env('ok'), ...secrets, FAKE_KUBECTL_SCENARIO: 'forbidden-pods', IBMCLOUD_HOME: '/tmp/ibmcloud-home-for-test', LC_ALL: 'C' },
      pollMs: 5
    })
    expect(r.ok).toBe(true)
    const cs = await calls()
    expect(cs.length).toBeGreaterThan(3)
    for (const c of cs) {
      for (const name of Object.keys(secrets)) expect(c.envKeys).not.toContain(name)
      expect(c.envKeys).toEqual(expect.arrayContaining(['PATH', 'KUBECONFIG', 'IBMCLOUD_HOME', 'LC_ALL']))
      expect(c.envKeys.filter((k) => k.startsWith('FAKE_KUBECTL_'))).toEqual([])
    }
  })

  it('reports a probe failure with its code and still deletes everything', async () => {
    const r = await runProbeInPod(settings, target, { env: env('ok', 'logs-auth-failed.txt'), pollMs: 5 })
    expect(r.ok).toBe(false)
    expect(r.code).toBe('auth_failed')
    expect(r.phases.at(-1)).toMatchObject({ name: 'auth', ok: false })
    await expectCleanedUp()
  })

  it('explains RBAC refusals: cannot create secrets, cannot create pods', async () => {
    await expect(runProbeInPod(settings, target, { env: env('forbidden-secrets'), pollMs: 5 })).rejects.toMatchObject({
      code: 'pod_rbac_forbidden',
      message: expect.stringMatching(/may not create secrets in the namespace "team-a"/)
    })
    expect(verbs(await calls())).not.toContain('delete pod')
    await fs.rm(path.join(dir, 'calls.jsonl'))
    await expect(runProbeInPod(settings, target, { env: env('forbidden-pods'), pollMs: 5 })).rejects.toMatchObject({
      code: 'pod_rbac_forbidden',
      message: expect.stringMatching(/may not create pods/)
    })
    expect(verbs(await calls())).toContain('delete secret')
    expect(await leftovers()).toEqual([])
  })

  it('names an image that cannot be pulled, and deletes everything', async () => {
    await expect(runProbeInPod(settings, { ...target }, { env: env('image-pull'), pollMs: 5 })).rejects.toMatchObject({ code: 'pod_image_pull_failed' })
    await expectCleanedUp()
  })

  it('deletes the pod and the Secret when cancelled while the pod runs', async () => {
    const controller = new AbortController()
    const running = runProbeInPod(settings, target, { env: env('never-finishes'), pollMs: 20, signal: controller.signal })
    for (let i = 0; i < 200 && !verbs(await calls()).includes('get pod'); i++) await new Promise((r) => setTimeout(r, 20))
    controller.abort()
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
    await expectCleanedUp()
  })

  it('gives up at its deadline and deletes everything', async () => {
    await expect(runProbeInPod(settings, target, { env: env('never-finishes'), pollMs: 5, timeoutMs: 300 })).rejects.toMatchObject({ code: 'pod_timeout' })
    await expectCleanedUp()
  })

  it('explains a missing tool, a missing context and an expired login', async () => {
    await expect(runProbeInPod({ ...settings, binaryPath: undefined, tool: 'oc' }, target, { env: { PATH: dir } })).rejects.toMatchObject({
      code: 'pod_tool_not_found'
    })
    await expect(runProbeInPod({ ...settings, context: 'missing' }, target, { env: env('ok'), pollMs: 5 })).rejects.toMatchObject({
      code: 'pod_context_not_found'
    })
    await expect(runProbeInPod(settings, target, { env: env('unauthorized'), pollMs: 5 })).rejects.toMatchObject({
      code: 'pod_not_logged_in'
    })
  })

  it('parses a TLS handshake that never answers and a truncated output', async () => {
    const read = (f: string) => fs.readFile(path.join(fixtures, f), 'utf8')
    expect(parsePodOutput(await read('logs-no-answer.txt'), true)).toMatchObject({ ok: false, code: 'timeout' })
    expect(parsePodOutput(await read('logs-truncated.txt'), true)).toMatchObject({ ok: false, code: 'pod_output_incomplete' })
    expect(parsePodOutput('', true)).toMatchObject({ ok: false, code: 'pod_output_incomplete' })
  })

  it('an image without openssl: pod_tls_unverifiable, naming the image, and the result claims no TLS verification', async () => {
    const r = await testViaPath(
      {
        host: target.host,
        port: target.port,
        db: 0,
        username: 'admin',
        password,
        tls: { enabled: true, caPem: null, servername: null, verifyServerCert: true },
        timeouts: { connectMs: 1000, commandMs: 1000 }
      },
      { kind: 'pod', tool: 'kubectl', binaryPath: kubectl, context: 'prod', namespace: 'team-a', image: 'docker.io/library/redis:7' },
      {},
      { knownHosts: { lookup: async () => undefined }, env: env('ok', 'logs-no-openssl.txt'), pod: { pollMs: 5 } }
    )
    expect(r).toMatchObject({ ok: false, code: 'pod_tls_unverifiable', path: 'pod', tls: null })
    expect(r.message).toContain('"docker.io/library/redis:7" has redis-cli but no openssl')
    expect(r.phases.find((p) => p.name === 'tls')).toMatchObject({ ok: false })
    expect(r.phases.find((p) => p.name === 'auth')).toMatchObject({ skipped: true })
    expect(ProbeResult.safeParse(r).success).toBe(true)
  })

  it('turns a refusal into a test result the contract accepts: the pod phase failed, the rest not run', async () => {
    const r = await testViaPath(
      {
        host: target.host,
        port: target.port,
        db: 0,
        username: 'admin',
        password,
        tls: { enabled: true, caPem: null, servername: null, verifyServerCert: true },
        timeouts: { connectMs: 1000, commandMs: 1000 }
      },
      { kind: 'pod', tool: 'kubectl', binaryPath: kubectl, context: 'prod', namespace: 'team-a', image: null },
      {},
      { knownHosts: { lookup: async () => undefined }, env: env('forbidden-pods'), pod: { pollMs: 5 } }
    )
    expect(r).toMatchObject({ ok: false, code: 'pod_rbac_forbidden', path: 'pod' })
    expect(r.phases[0]).toMatchObject({ name: 'pod', ok: false })
    expect(r.phases.slice(1).every((p) => p.skipped)).toBe(true)
    expect(ProbeResult.safeParse(r).success).toBe(true)
    expect(JSON.stringify(r)).not.toContain(password)
  })
})
