import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { useTestKeyring } from '../../support/keyring'
import { isolatedCliConfig } from '../../../src/main/ibmcloud/cli-runner'
import { runSetup as runProcess } from '../../support/wizard/setup-process'

/**
 * `pse-wizard setup --json` runs from source (tsx) against an emulator that lives in this test
 * process, so the emulator outlives a killed CLI exactly as IBM Cloud would.
 */
const runSetup = (args: string[], env: NodeJS.ProcessEnv, killWhen?: (line: Record<string, unknown>) => boolean) => runProcess(args, env, undefined, killWhen)

describe('pse-wizard setup (headless, spawned)', () => {
  const keyring = useTestKeyring()
  let sandbox: Sandbox | undefined
  let dir: string | undefined
  afterEach(async () => {
    await sandbox?.close()
    sandbox = undefined
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const setUp = async (options: Parameters<typeof startSandbox>[0] = {}) => {
    sandbox = await startSandbox({ provisioningMs: 3_000, taskMs: 150, ...options })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-setup-it-'))
    const config = path.join(dir, 'setup.json')
    fs.writeFileSync(config, JSON.stringify({ name: 'Redis-0101', region: 'jp-tok', resourceGroup: 'Default', options: { tags: ['env:dev'] } }))
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      ...(process.env.DBUS_SESSION_BUS_ADDRESS ? { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS } : {}),
      ...sandbox.env,
      PSE_WIZARD_HOME: path.join(dir, 'home'),
      PSE_WIZARD_KEYCHAIN_SERVICE: keyring(),
      PSE_WIZARD_POLL_MS: '200',
      PSE_LOG_LEVEL: 'warn'
    }
    return { config, env }
  }

  it('killed with SIGKILL mid-wait, the same command resumes to a tested private profile with exactly one instance', async () => {
    const { config, env } = await setUp()
    const first = await runSetup(['--config', config, '--json'], env, (l) => l.step === 'wait' && l.status === 'running' && typeof l.percent === 'number')
    expect(first.signal).toBe('SIGKILL')
    expect(first.lines.some((l) => l.step === 'deploy' && l.status === 'done')).toBe(true)
    expect(sandbox!.emulator.state.counters.instancesCreated).toBe(1)
    const saved = JSON.parse(fs.readFileSync(path.join(env.PSE_WIZARD_HOME!, 'wizard-state.json'), 'utf8')) as {
      instance: { id: string }
      steps: { wait: { status: string } }
    }
    expect(saved.steps.wait.status).toBe('running')

    const second = await runSetup(['--config', config, '--json'], env)
    expect(second.stderr).not.toContain(env.IBMCLOUD_API_KEY!)
    expect(second.code).toBe(0)
    const result = second.lines.at(-1)!
    expect(result).toMatchObject({ result: 'ok', instance: saved.instance.id })
    expect(result.privateProfileId).toEqual(expect.any(String))
    // It picked up the wait rather than deploying again.
    expect(second.lines.some((l) => l.step === 'deploy' && l.status === 'running')).toBe(false)
    expect(second.lines.some((l) => l.step === 'wait' && l.status === 'done')).toBe(true)
    expect(sandbox!.emulator.state.counters.instancesCreated).toBe(1)

    // Once more: everything is done; it only tests again, and still exits 0.
    const third = await runSetup(['--config', config, '--json'], env)
    expect(third.code).toBe(0)
    expect(third.lines.at(-1)).toMatchObject({ result: 'ok', privateProfileId: result.privateProfileId })
    expect(sandbox!.emulator.state.counters.instancesCreated).toBe(1)
    // The prerequisite checks logged the isolated ibmcloud in; no IAM token stays on disk after the run.
    expect(fs.readFileSync(isolatedCliConfig(env.PSE_WIZARD_HOME!), 'utf8')).not.toMatch(/"\w*token"\s*:/i)
  })

  it('exits 1 with the error code and advice when VRF is off, and 2 on a bad config', async () => {
    const { config, env } = await setUp({ account: { vrfEnabled: false }, backend: 'fake' })
    const run = await runSetup(['--config', config, '--json'], env)
    expect(run.code).toBe(1)
    expect(run.lines.at(-1)).toMatchObject({ result: 'failed', step: 'prerequisites', code: 'wizard_vrf_disabled' })
    expect(String(run.lines.at(-1)!.message)).toMatch(/support case/)
    expect(sandbox!.emulator.state.counters.instancesCreated).toBe(0)

    fs.writeFileSync(config, JSON.stringify({ name: 'bad/name!', region: 'jp-tok', surprise: true }))
    const bad = await runSetup(['--config', config, '--json'], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/name/)
    expect(bad.stderr).toMatch(/surprise/)
    const missing = await runSetup([], env)
    expect(missing.code).toBe(2)
  })
})
