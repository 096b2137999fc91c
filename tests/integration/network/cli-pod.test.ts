import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { createProfilesService } from '../../../src/main/profiles'
import { defaultProfileFields } from '../../../src/shared/schemas/profile'
import { ProbeResult } from '../../../src/shared/schemas/probe'
import { useRedisHarness } from '../../support/redis'
import { fakeKubectlEnv } from '../../fixtures/kubectl/knobs'

/**
 * `pse-wizard test PROFILE` for a profile whose path is a pod. No cluster can run here: the
 * profile points at the stand-in kubectl (tests/fixtures/kubectl), which runs the pod's own
 * command on this machine against the harness's real TLS Redis and records every call.
 */
const harness = useRedisHarness()
const kubectl = path.resolve(__dirname, '../../fixtures/kubectl/kubectl')
let home: string

beforeAll(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-cli-pod-'))
})
afterAll(async () => {
  if (home) await fs.rm(home, { recursive: true, force: true })
})

describe('pse-wizard test for a pod profile', () => {
  it('runs the test in the (stand-in) cluster, prints the phases, and leaves no pod or Secret', async () => {
    const h = harness()
    const service = createProfilesService(home, { PSE_WIZARD_KEYCHAIN_SERVICE: 'pse-wizard-test-cli-pod' })
    await service.create(
      defaultProfileFields({
        name: 'from the cluster',
        host: 'localhost',
        port: h.tls.port,
        username: h.users.app.username,
        tls: { enabled: true, caPem: h.ca.cert, servername: null, verifyServerCert: true, clientCertPem: null },
        networkPath: { kind: 'pod', tool: 'kubectl', binaryPath: kubectl, context: 'dev', namespace: 'team-a', image: null }
      })
    )
    const state = path.join(home, 'cluster')
    await fs.mkdir(state)
    let stdout = ''
    const env = {
      PATH: process.env.PATH,
      PSE_WIZARD_HOME: home,
      PSE_WIZARD_KEYCHAIN_SERVICE: 'pse-wizard-test-cli-pod',
      REDIS_PASSWORD: h.users.app.password,
      ...fakeKubectlEnv(home, { exec: true, state, log: path.join(home, 'calls.jsonl') })
    }
    const code = await runCli(['test', 'from the cluster', '--json'], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      env,
      signal: new AbortController().signal
    })
    const result = JSON.parse(stdout)
    expect(code, stdout).toBe(0)
    // What profiles.test would send to the window must fit the contract's schema.
    expect(ProbeResult.safeParse(result).success).toBe(true)
    expect(result.phases.map((p: { name: string }) => p.name)).toEqual(['pod', 'dns', 'tls', 'auth', 'ping', 'write', 'info'])
    expect(result.pod).toMatchObject({ namespace: 'team-a', image: 'docker.io/library/redis:7', cleanedUp: true })
    expect(result.tls).toMatchObject({ hostnameVerified: true })
    expect(stdout).not.toContain(h.users.app.password)
    expect((await fs.readdir(state)).filter((f) => /^(pod|secret)-/.test(f))).toEqual([])
    const calls = (await fs.readFile(path.join(home, 'calls.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { argv: string[]; envKeys: string[] })
    expect(calls.every((c) => c.argv[0] === '--context=dev' && c.argv[1] === '--namespace=team-a')).toBe(true)
    // The CLI read the Redis password from REDIS_PASSWORD; kubectl must not get it.
    expect(calls.some((c) => c.envKeys.includes('REDIS_PASSWORD'))).toBe(false)
    expect(calls.some((c) => c.argv.join(' ').includes(h.users.app.password))).toBe(false)
  })
})
