import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import { WizardJob } from '../../../../src/main/wizard/job'
import { WizardStateStore } from '../../../../src/main/wizard/state-store'
import { defaultDeployForm } from '../../../../src/shared/schemas/wizard'
import { fakeServices, probeResult, type FakeControl } from '../../../support/wizard/fake-services'

describe('WizardJob (fake services)', () => {
  let dir: string
  let fake: FakeControl
  const open = (resumeWait = true) => WizardJob.open({ store: new WizardStateStore(dir), services: fake.services, sandbox: true, resumeWait, transientDelayMs: 1 })
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wizard-unit-'))
    fake = fakeServices()
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  const toWait = async (job: WizardJob) => {
    await job.account({ source: 'environment' })
    await job.checkPrerequisites()
    return job.deploy({ mode: 'create', form: defaultDeployForm({ resourceGroupId: 'rg1' }), confirm: true })
  }

  it('runs the steps in order and refuses a step before its time', async () => {
    const job = await open()
    await expect(job.checkPrerequisites()).rejects.toMatchObject({ code: 'not_ready' })
    const waiting = await toWait(job)
    expect(waiting.steps.wait.status).toBe('running')
    expect(waiting.busy).toBe(true)
    await expect(job.setPassword({ mode: 'generate' })).rejects.toMatchObject({ code: 'not_ready' })
    await expect(job.back()).rejects.toMatchObject({ code: 'wizard_busy' })
    fake.finishWait()
    const ready = await job.idle()
    expect(ready.steps.wait.status).toBe('done')
    expect(ready.current).toBe('password')
    expect(ready.provisioning).toMatchObject({ phase: 'ready', percent: 100 })
  })

  it('records progress from the service in the state (percent and its own words)', async () => {
    const job = await open()
    await toWait(job)
    await vi.waitFor(() => expect(job.state().provisioning?.percent).toBe(40))
    expect(job.state().provisioning?.text).toBe('Provisioning redis with version 8.2 (40%)')
    fake.finishWait()
    await job.idle()
  })

  it('a restart mid-wait resumes the wait on the saved CRN without creating again', async () => {
    const job = await open()
    await toWait(job)
    await job.shutdown()
    expect(fake.calls.filter((c) => c === 'createOrAdopt')).toHaveLength(1)
    const again = await open()
    expect(again.state().steps.wait.status).toBe('running')
    expect(again.state().instance?.id).toBe(fake.instance.id)
    fake.finishWait()
    expect((await again.idle()).steps.wait.status).toBe('done')
    expect(fake.calls.filter((c) => c === 'createOrAdopt')).toHaveLength(1)
    expect(fake.calls).toContain('restoreSession')
  })

  it('a transient IBM failure during the wait is sat out, a hard one fails the step', async () => {
    const job = await open()
    await toWait(job)
    fake.finishWait(new AppFailure({ code: 'ibm_server_error', message: 'IBM Cloud had an internal error.' }))
    await vi.waitFor(() => expect(fake.calls.filter((c) => c === 'waitUntilReady')).toHaveLength(2))
    expect(job.state().steps.wait.status).toBe('running')
    fake.finishWait(new AppFailure({ code: 'ibm_forbidden', message: 'No access.' }))
    const failed = await job.idle()
    expect(failed.steps.wait).toMatchObject({ status: 'failed', error: { code: 'ibm_forbidden' } })
  })

  it('when the private endpoint is unreachable from here it says so plainly, offers other paths, and still allows saving', async () => {
    const job = await open()
    await toWait(job)
    fake.finishWait()
    await job.idle()
    await job.setPassword({ mode: 'generate' })
    await job.fetchConnection()
    await job.createServiceKey()
    fake.probeResults.private = probeResult(false, 'private_endpoint_unreachable')
    const tested = await job.test()
    expect(tested.tests.public?.ok).toBe(true)
    expect(tested.steps.test.error?.code).toBe('wizard_private_unreachable')
    expect(tested.tests.privateUnreachable?.message).toMatch(/only reachable from inside IBM Cloud.*save the profiles/)
    expect(tested.tests.privateUnreachable?.options.map((o) => o.kind)).toEqual(['bastion'])
    expect(tested.steps.save.status).toBe('ready')
    const saved = await job.save({})
    expect(saved.saved).toMatchObject({ publicProfileId: 'p-public', privateProfileId: 'p-private' })
    // A second save does not create the profiles twice.
    await job.save({})
    expect(fake.calls.filter((c) => c.startsWith('saveProfile'))).toHaveLength(2)
  })

  it('a real test failure (wrong password) is a failed step, not "unreachable"', async () => {
    const job = await open()
    await toWait(job)
    fake.finishWait()
    await job.idle()
    await job.setPassword({ mode: 'generate' })
    await job.fetchConnection()
    await job.createServiceKey()
    fake.probeResults.private = probeResult(false, 'auth_failed')
    const tested = await job.test()
    expect(tested.steps.test.error?.code).toBe('wizard_test_failed')
    expect(tested.tests.privateUnreachable).toBeNull()
    await expect(job.save({})).rejects.toMatchObject({ code: 'not_ready' })
  })

  it('keeps passwords in the vault, never in the state', async () => {
    const job = await open()
    await toWait(job)
    fake.finishWait()
    await job.idle()
    const state = await job.setPassword({ mode: 'enter', password: 'Abcdefghijk12345' })
    expect(state.steps.password.status).toBe('done')
    expect(JSON.stringify(state)).not.toContain('Abcdefghijk12345')
    expect(fs.readFileSync(path.join(dir, 'wizard-state.json'), 'utf8')).not.toContain('Abcdefghijk12345')
    expect(await job.revealPassword()).toBe('Abcdefghijk12345')
  })

  it('a rejected password is not sent; signing in to another account clears later results', async () => {
    const job = await open()
    await toWait(job)
    fake.finishWait()
    await job.idle()
    const rejected = await job.setPassword({ mode: 'enter', password: 'weak' })
    expect(rejected.steps.password.error?.code).toBe('ibm_password_rejected')
    expect(fake.calls).not.toContain('setAdminPassword')

    fake.services.signIn = async () => ({ source: 'environment', info: { accountId: 'other' } })
    const other = await job.account({ source: 'environment' })
    expect(other.instance).toBeNull()
    expect(other.steps.wait.status).toBe('pending')
    expect(other.current).toBe('prerequisites')
  })

  it('back skips a finished wait, goTo refuses unreached steps, reset starts over', async () => {
    const job = await open()
    await toWait(job)
    fake.finishWait()
    await job.idle()
    expect((await job.back()).current).toBe('deploy')
    await expect(job.goTo('save')).rejects.toMatchObject({ code: 'not_ready' })
    expect((await job.goTo('password')).current).toBe('password')
    const fresh = await job.reset()
    expect(fresh.current).toBe('account')
    expect(fresh.instance).toBeNull()
    expect(fake.calls).not.toContain('deleteInstance')
  })
})
