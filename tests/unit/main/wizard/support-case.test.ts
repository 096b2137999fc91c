import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import type { PrereqReport } from '../../../../src/shared/schemas/ibmcloud'
import { WizardJob } from '../../../../src/main/wizard/job'
import { WizardStateStore } from '../../../../src/main/wizard/state-store'
import { caseMarker, caseSubject, VRF_CASE_SUBJECT } from '../../../../src/main/wizard/steps/support-case'
import { fakeServices, type FakeControl } from '../../../support/wizard/fake-services'

/** The support-case part of step 2 with fake services: once per run, saved first, re-read on each re-check. */
describe('step 2: the VRF support case (fake services)', () => {
  let dir: string
  let fake: FakeControl
  let vrf: boolean
  const report = (): PrereqReport => ({
    ok: vrf,
    sandbox: true,
    items: [
      { id: 'vrf', ok: vrf, label: 'VRF enabled' },
      { id: 'service_endpoint', ok: true, label: 'SE' }
    ]
  })
  const open = () => WizardJob.open({ store: new WizardStateStore(dir), services: fake.services, sandbox: true, transientDelayMs: 1 })
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wizard-case-'))
    fake = fakeServices()
    vrf = false
    fake.services.checkPrerequisites = async () => report()
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  const blockedJob = async () => {
    const job = await open()
    await job.account({ source: 'environment' })
    await job.checkPrerequisites()
    return job
  }

  it('the subject names the run; the case is opened with exactly the subject and text in the state', async () => {
    const job = await blockedJob()
    const p = job.state().prerequisites!
    expect(p.supportCaseSubject).toBe(caseSubject(job.state().runId))
    expect(p.supportCaseSubject!.startsWith(VRF_CASE_SUBJECT)).toBe(true)
    let sent: unknown
    fake.services.openSupportCase = async (request) => {
      sent = request
      return { number: 'CS1234567', status: 'new', createdAt: '2026-12-06T22:00:00.000Z', adopted: false }
    }
    const after = await job.openSupportCase()
    expect(sent).toEqual({ subject: p.supportCaseSubject, description: p.supportCaseText, marker: caseMarker(job.state().runId) })
    expect(after.prerequisites!.supportCase).toMatchObject({ number: 'CS1234567', status: 'new', openedAt: '2026-12-06T22:00:00.000Z' })
    expect(after.steps.prerequisites).toMatchObject({ status: 'blocked', error: { code: 'wizard_vrf_disabled' } })
  })

  it('saves the case number before anything else: a failure after the create still leaves it in the state on disk', async () => {
    await blockedJob()
    fake.services.openSupportCase = async () => ({ number: 'CS7654321', status: 'new', createdAt: null, adopted: false })
    const store = new WizardStateStore(dir)
    const commits: Array<string | undefined> = []
    const save = store.save.bind(store)
    // Watch what reaches the disk: the case number is written by its own commit, before the final one.
    const reopened = await WizardJob.open({
      store: Object.assign(store, { save: async (s: Parameters<typeof save>[0]) => (commits.push(s.prerequisites?.supportCase?.number), save(s)) }),
      services: fake.services,
      sandbox: true,
      transientDelayMs: 1
    })
    await reopened.openSupportCase()
    const withNumber = commits.findIndex((n) => n === 'CS7654321')
    expect(withNumber).toBeGreaterThan(-1)
    expect(withNumber).toBeLessThan(commits.length - 1)
  })

  it('opens once: calling again reads the status, never opens a second case', async () => {
    const job = await blockedJob()
    await job.openSupportCase()
    const second = await job.openSupportCase()
    expect(fake.calls.filter((c) => c.startsWith('openSupportCase:'))).toHaveLength(1)
    expect(fake.calls).toContain('readSupportCase:CS0000001')
    expect(second.prerequisites!.supportCase!.status).toBe('in_progress')
  })

  it('each re-check reads the case again; once VRF reads on, the step is done and the case kept', async () => {
    const job = await blockedJob()
    await job.openSupportCase()
    const still = await job.checkPrerequisites()
    expect(still.steps.prerequisites).toMatchObject({ status: 'blocked', error: { params: { say: 'supportCaseOpen', caseNumber: 'CS0000001' } } })
    expect(still.prerequisites!.supportCase!.status).toBe('in_progress')
    vrf = true
    fake.services.readSupportCase = async (n) => ({ number: n, status: 'resolved', createdAt: null })
    const done = await job.checkPrerequisites()
    expect(done.steps.prerequisites.status).toBe('done')
    expect(done.prerequisites).toMatchObject({ supportCase: { number: 'CS0000001', status: 'resolved' }, supportCaseText: null, supportCaseSubject: null })
  })

  it('a case that cannot be read does not fail the re-check: the last status stays', async () => {
    const job = await blockedJob()
    await job.openSupportCase()
    fake.services.readSupportCase = async () => {
      throw new AppFailure({ code: 'ibm_server_error', message: 'down' })
    }
    const again = await job.checkPrerequisites()
    expect(again.steps.prerequisites.status).toBe('blocked')
    expect(again.prerequisites!.supportCase).toMatchObject({ number: 'CS0000001', status: 'new' })
  })

  it('refuses before the check, with VRF on, and for Gen 2', async () => {
    const job = await open()
    await expect(job.openSupportCase()).rejects.toMatchObject({ code: 'not_ready' })
    await job.account({ source: 'environment' })
    vrf = true
    await job.checkPrerequisites()
    await expect(job.openSupportCase()).rejects.toMatchObject({ code: 'not_ready', params: { say: 'supportCaseNotNeeded' } })
    expect(fake.calls.some((c) => c.startsWith('openSupportCase'))).toBe(false)
  })

  it('a Gen 2 check does not carry the Gen 1 case', async () => {
    const job = await blockedJob()
    await job.openSupportCase()
    fake.services.checkPrerequisites = async () => ({ ok: true, sandbox: true, items: [] })
    const gen2 = await job.checkPrerequisites({ generation: 'gen2', region: 'us-south' })
    expect(gen2.prerequisites!.supportCase).toBeNull()
  })
})
