import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { EventBus } from '../../../src/main/events'
import { createProfilesService } from '../../../src/main/profiles'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { createWizard } from '../../../src/main/wizard'
import { defaultSettings } from '../../../src/shared/schemas/app'
import type { WizardState } from '../../../src/shared/schemas/wizard'
import { useTestKeyring } from '../../support/keyring'
import { runSetup, type Run } from '../../support/wizard/setup-process'

/**
 * The desktop app and `pse-wizard setup` on one data folder: whoever runs a step holds the
 * step lease; the other says so (`wizard_busy_elsewhere`) instead of racing. Real processes
 * against one emulator (in this test process): exactly one instance, whatever the timing.
 */
describe('two PSE Wizard processes on one data folder', () => {
  const keyring = useTestKeyring()
  let sandbox: Sandbox | undefined
  let dir: string | undefined
  afterEach(async () => {
    await sandbox?.close()
    sandbox = undefined
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const setUp = async () => {
    sandbox = await startSandbox({ provisioningMs: 3_000, taskMs: 150 })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-two-procs-'))
    const config = path.join(dir, 'setup.json')
    fs.writeFileSync(config, JSON.stringify({ name: 'Redis-0101', region: 'jp-tok' }))
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

  it('a second setup started mid-wait says another process is working; the app sees it busy; afterwards it resumes: one instance', async () => {
    const { config, env } = await setUp()
    let second: Promise<Run> | undefined
    let startedSecond: () => void = () => undefined
    const secondStarted = new Promise<void>((r) => (startedSecond = r))
    const first = runSetup(['--config', config, '--json'], env, (line) => {
      if (!second && line.step === 'wait' && line.status === 'running') {
        second = runSetup(['--config', config, '--json'], env)
        startedSecond()
      }
    })
    await secondStarted
    const refused = await second!
    expect(refused.code, refused.stderr).toBe(1)
    expect(refused.lines.at(-1)).toMatchObject({ result: 'failed', code: 'wizard_busy_elsewhere' })
    expect(String(refused.lines.at(-1)!.message)).toMatch(/Another PSE Wizard process \(process \d+\) is working on the "wait" step/)

    // The desktop app opening the same folder meanwhile: shows the wait as running there, resumes nothing, changes nothing.
    const dataDir = env.PSE_WIZARD_HOME!
    const bus = new EventBus()
    const changes: WizardState[] = []
    bus.subscribe((name, payload) => name === 'wizard.changed' && changes.push(payload as WizardState))
    const app = await createWizard({ dataDir, sandbox: true, env, settings: () => defaultSettings, profiles: createProfilesService(dataDir, env), bus })
    let done: Run
    try {
      const seen = await app.handlers['wizard.state']({}, { signal: new AbortController().signal })
      if (seen.steps.save.status !== 'done') {
        expect(seen.busy).toBe(true)
        await expect(app.job.back()).rejects.toMatchObject({ code: 'wizard_busy_elsewhere' })
        await expect(app.job.resume()).rejects.toMatchObject({ code: 'wizard_busy_elsewhere' })
      }
      done = await first
      // The app followed the other process's progress as wizard.changed events (its state file is watched).
      await vi.waitFor(() => expect(changes.at(-1)?.steps.save.status).toBe('done'), { timeout: 5_000 })
      expect(app.job.state().saved?.privateProfileId).toBe(done.lines.at(-1)!.privateProfileId)
    } finally {
      await app.close()
    }
    expect(done.code, done.stderr).toBe(0)
    expect(sandbox!.emulator.state.counters.instancesCreated).toBe(1)
    // Once the first is done, the same command in the other process simply resumes (and tests again).
    const again = await runSetup(['--config', config, '--json'], env)
    expect(again.code, again.stderr).toBe(0)
    expect(again.lines.at(-1)).toMatchObject({ result: 'ok', privateProfileId: done.lines.at(-1)!.privateProfileId })
    expect(sandbox!.emulator.state.counters.instancesCreated).toBe(1)
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('wizard-state.json.'))).toEqual([])
  })

  it('two setups started at the same moment: exactly one instance, and a loser says why', async () => {
    const { config, env } = await setUp()
    const runs = await Promise.all([runSetup(['--config', config, '--json'], env), runSetup(['--config', config, '--json'], env)])
    expect(sandbox!.emulator.state.counters.instancesCreated).toBe(1)
    expect(runs.some((r) => r.code === 0)).toBe(true)
    for (const r of runs.filter((r) => r.code !== 0)) expect(r.lines.at(-1), r.stderr).toMatchObject({ result: 'failed', code: 'wizard_busy_elsewhere' })
  })
})
