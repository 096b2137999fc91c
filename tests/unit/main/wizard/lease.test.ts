import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { tryLease } from '../../../../src/main/storage/lease'
import { WizardJob } from '../../../../src/main/wizard/job'
import { WizardStateStore } from '../../../../src/main/wizard/state-store'
import { defaultDeployForm } from '../../../../src/shared/schemas/wizard'
import { fakeServices } from '../../../support/wizard/fake-services'

let dir: string
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wizard-lease-'))))
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('tryLease', () => {
  it('one holder at a time; the others learn who; free again once released', async () => {
    const file = path.join(dir, 'x.step')
    const first = await tryLease(file, { label: 'deploy' })
    expect(first.lease).toBeDefined()
    const second = await tryLease(file)
    expect(second.lease).toBeUndefined()
    expect(second.heldBy).toMatchObject({ pid: process.pid, host: os.hostname(), label: 'deploy' })
    await first.lease!.release()
    const third = await tryLease(file)
    expect(third.lease).toBeDefined()
    await third.lease!.release()
    expect(fs.existsSync(file)).toBe(false)
  })

  it('takes over a lease whose process is gone, or that nobody touched for too long', async () => {
    const file = path.join(dir, 'x.step')
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    fs.writeFileSync(file, JSON.stringify({ pid: Number(gone.stdout), host: os.hostname(), token: 't', at: 0 }))
    const taken = await tryLease(file)
    expect(taken.lease).toBeDefined()
    await taken.lease!.release()

    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, host: 'elsewhere', token: 't', at: 0 }))
    expect((await tryLease(file)).heldBy).toMatchObject({ host: 'elsewhere' })
    const old = new Date(Date.now() - 120_000)
    fs.utimesSync(file, old, old)
    const late = await tryLease(file)
    expect(late.lease).toBeDefined()
    await late.lease!.release()
  })
})

describe('WizardJob with another job on the same data folder', () => {
  it('while one waits, the other shows it busy, resumes nothing and refuses with wizard_busy_elsewhere', async () => {
    const fake = fakeServices()
    const open = () => WizardJob.open({ store: new WizardStateStore(dir), services: fake.services, sandbox: true, transientDelayMs: 1 })
    const one = await open()
    await one.account({ source: 'environment' })
    await one.checkPrerequisites()
    await one.deploy({ mode: 'create', form: defaultDeployForm({ resourceGroupId: 'rg1' }), confirm: true })
    expect(one.state().steps.wait.status).toBe('running')
    await vi.waitFor(async () => expect((await new WizardStateStore(dir).load())?.steps.wait.status).toBe('running'))

    const other = await open()
    expect(other.state()).toMatchObject({ busy: true, steps: { wait: { status: 'running' } } })
    await expect(other.back()).rejects.toMatchObject({ code: 'wizard_busy_elsewhere', message: expect.stringMatching(/"wait" step/) })
    await expect(other.deploy({ mode: 'create', form: defaultDeployForm({ resourceGroupId: 'rg1' }), confirm: true })).rejects.toMatchObject({ code: 'wizard_busy_elsewhere' })
    await expect(other.cancel()).rejects.toMatchObject({ code: 'wizard_busy_elsewhere' })
    expect(fake.calls.filter((c) => c === 'createOrAdopt')).toHaveLength(1)

    fake.finishWait()
    expect((await one.idle()).steps.wait.status).toBe('done')
    // Once the first is done, the other carries on from the state on disk.
    expect((await other.refresh()).steps.wait.status).toBe('done')
    expect((await other.back()).current).toBe('deploy')
    expect(fake.calls.filter((c) => c === 'createOrAdopt')).toHaveLength(1)
  })
})
