import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { useTestKeyring } from '../../support/keyring'
import { runSetup, sandboxCliEnv } from '../../support/wizard/setup-process'

/**
 * `pse-wizard setup --config` for Gen 2, killed with SIGKILL as each step starts (deploy, wait,
 * Manager key, VPE, Writer key, test, save), each time run again: it resumes where it was and
 * ends with a tested private profile, with exactly one instance, one key per role and one VPE
 * gateway. The emulator (with its real Gen 2 deployment) lives in this test process, so it
 * outlives every killed CLI, as IBM Cloud would.
 */
describe('pse-wizard setup for Gen 2, killed at every step', () => {
  const keyring = useTestKeyring()
  let sandbox: Sandbox
  let dir: string
  beforeAll(async () => {
    sandbox = await startSandbox({ provisioningMs: 1_500, taskMs: 100, gatewayMs: 600 })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-setup-g2-kill-'))
  })
  afterAll(async () => {
    await sandbox?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('resumes after kill -9 at each step, never making a second instance, key or gateway', async () => {
    const config = path.join(dir, 'setup.json')
    fs.writeFileSync(config, JSON.stringify({ name: 'redis-g2-crash', region: 'jp-tok', generation: 'gen2', vpc: 'sandbox-vpc' }))
    const env = sandboxCliEnv(dir, sandbox.env, keyring())
    const emu = sandbox.emulator
    const killedAt: string[] = []
    for (const step of ['deploy', 'wait', 'password', 'connection', 'serviceKey', 'test', 'save']) {
      const run = await runSetup(['--config', config, '--json'], env, undefined, (l) => l.step === step && l.status === 'running')
      if (run.signal === 'SIGKILL') killedAt.push(step)
      else expect(run.code, `${step}: ${run.stderr} ${JSON.stringify(run.lines.at(-1))}`).toBe(0)
      expect(emu.state.counters.instancesCreated, step).toBeLessThanOrEqual(1)
      expect(emu.vpc.gateways.length, step).toBeLessThanOrEqual(1)
    }
    // Each step was reached, and killed, in its own run.
    expect(killedAt).toEqual(['deploy', 'wait', 'password', 'connection', 'serviceKey', 'test', 'save'])

    const last = await runSetup(['--config', config, '--json'], env)
    expect(last.code, last.stderr + JSON.stringify(last.lines.at(-1))).toBe(0)
    expect(last.lines.at(-1)).toMatchObject({ result: 'ok', privateProfileId: expect.any(String) })
    expect(emu.state.counters.instancesCreated).toBe(1)
    expect([...emu.state.keys.values()].map((k) => k.role).sort()).toEqual(['Manager', 'Writer'])
    expect(emu.vpc.gateways).toHaveLength(1)
    expect(emu.vpc.gateways[0].state).toBe('stable')
  }, 240_000)
})
