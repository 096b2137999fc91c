import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { assertSecretService, clearService, uniqueServiceName } from '../../support/keyring'
import { runCliJson } from '../../support/cli/run-cli'
import { runSetup, sandboxCliEnv } from '../../support/wizard/setup-process'

/** `setup --config` with "restrict": the headless setup ends in a restricted instance whose private profile still passes. */
describe('pse-wizard setup --config with networks to admit (spawned, emulator enforcing on a real Redis)', () => {
  const service = uniqueServiceName('setup-restrict')
  let sandbox: Sandbox
  let dir: string
  let env: NodeJS.ProcessEnv
  const configWith = (allow: string[]) => {
    const file = path.join(dir, `setup-${allow.length}.json`)
    fs.writeFileSync(file, JSON.stringify({ name: 'Redis-0102', region: 'jp-tok', restrict: { allow } }))
    return file
  }

  beforeAll(async () => {
    await assertSecretService()
    sandbox = await startSandbox({ provisioningMs: 300, taskMs: 150 })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-setup-restrict-it-'))
    env = sandboxCliEnv(dir, sandbox.env, service)
  })
  afterAll(async () => {
    await clearService(service)
    await sandbox?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('stops at "restrict" with the missing address when the networks would lock this computer out, then ends restricted once they admit it', async () => {
    const locked = await runSetup(['--config', configWith(['10.0.0.0/24']), '--json'], env)
    expect(locked.code).toBe(1)
    expect(locked.lines.at(-1)).toMatchObject({ result: 'failed', step: 'restrict', code: 'restrict_would_lock_out' })
    expect(String(locked.lines.at(-1)!.message)).toContain('127.0.0.1')
    expect(sandbox.emulator.cbr.rules).toHaveLength(0)

    const done = await runSetup(['--config', configWith(['10.0.0.0/24', '127.0.0.1']), '--json'], env)
    expect(done.code, done.stderr).toBe(0)
    expect(done.lines.some((l) => l.step === 'restrict' && l.status === 'done')).toBe(true)
    expect(done.lines.at(-1)).toMatchObject({ result: 'ok', restricted: { outcome: 'applied', mechanism: 'cbr', addresses: ['10.0.0.0/24', '127.0.0.1'] } })
    expect(sandbox.emulator.cbr.rules).toEqual([expect.objectContaining({ enforcementMode: 'enabled' })])
    expect(sandbox.emulator.state.counters.instancesCreated).toBe(1)

    // The headless journey ends in an instance whose privacy report holds in full.
    const report = await runCliJson(['prove', String(done.lines.at(-1)!.privateProfileId), '--json'], env)
    expect(report.code, JSON.stringify(report.json, null, 1)).toBe(0)
    expect(report.json.verdict).toBe('holds')
  })

  it('refuses a config whose networks are malformed before anything runs (exit 2)', async () => {
    const file = path.join(dir, 'bad.json')
    fs.writeFileSync(file, JSON.stringify({ name: 'Redis-0102', region: 'jp-tok', restrict: { allow: [] } }))
    const run = await runSetup(['--config', file, '--json'], env)
    expect(run.code).toBe(2)
  })
})
