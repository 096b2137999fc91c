import { afterEach, describe, expect, it } from 'vitest'
import { calls } from '../../../src/shared/contract'
import { WizardState } from '../../../src/shared/schemas/wizard'
import { useTestKeyring } from '../../support/keyring'
import { startRig, type Rig } from '../../support/wizard/support'

const until = async (what: () => boolean | Promise<boolean>, ms = 8_000) => {
  const end = Date.now() + ms
  while (!(await what())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Step 2 on a classic account without VRF: the case opened through Case Management (the emulator), resolved, VRF on. */
describe('setup wizard: the VRF support case', () => {
  const keyring = useTestKeyring()
  let rig: Rig | undefined
  afterEach(async () => {
    await rig?.close()
    rig = undefined
  })

  it('VRF off → the case opened with the confirmed text → resolved → VRF on → the re-check passes', async () => {
    rig = await startRig(keyring(), { account: { vrfEnabled: false }, caseStepMs: 300, caseVrfDelayMs: 300 })
    const job = rig.wizard.job
    await job.account({ source: 'environment' })
    const blocked = await job.checkPrerequisites()
    expect(blocked.steps.prerequisites).toMatchObject({ status: 'blocked', error: { code: 'wizard_vrf_disabled' } })
    const p = blocked.prerequisites!
    expect(p.supportCase).toBeNull()
    expect(p.supportCaseSubject).toContain(`PSE Wizard ${blocked.runId}`)
    expect(blocked.cli.prerequisites.find((c) => c.id === 'case_create')?.command).toMatch(/^ibmcloud case create --type technical --subject '.+' --body '.+'$/)

    // Through the contract, as the UI calls it: `confirm: true` is required.
    const call = rig.wizard.handlers['wizard.openSupportCase']
    const opened = await call({ confirm: true }, { signal: new AbortController().signal })
    const supportCase = opened.prerequisites!.supportCase!
    expect(supportCase).toMatchObject({ number: expect.stringMatching(/^CS\d{7}$/), status: 'new' })
    expect(opened.steps.prerequisites).toMatchObject({
      status: 'blocked',
      error: { code: 'wizard_vrf_disabled', params: { say: 'supportCaseOpen', caseNumber: supportCase.number } }
    })
    const sent = rig.sandbox.emulator.cases.cases.get(supportCase.number)!
    // Exactly the text the user was shown.
    expect(sent).toMatchObject({ type: 'technical', severity: 4, subject: p.supportCaseSubject, description: p.supportCaseText })

    // Calling again (a double click, a retry) only reads the status.
    await call({ confirm: true }, { signal: new AbortController().signal })
    expect(rig.sandbox.emulator.cases.created).toBe(1)

    // Re-checks read the case again, until IBM resolved it and VRF reads on.
    let last = await job.checkPrerequisites()
    const statuses = new Set([last.prerequisites!.supportCase!.status])
    await until(async () => {
      last = await job.checkPrerequisites()
      statuses.add(last.prerequisites!.supportCase!.status)
      return last.steps.prerequisites.status === 'done'
    })
    expect(statuses.has('resolved')).toBe(true)
    expect(last.prerequisites!.supportCase).toMatchObject({ number: supportCase.number, status: 'resolved' })
    expect(last.prerequisites!.supportCaseText).toBeNull()
    expect(last.current).toBe('deploy')
    expect(rig.sandbox.emulator.cases.created).toBe(1)
    expect(() => WizardState.parse(last)).not.toThrow()
  })

  it('the confirmation is required, and with VRF on there is no case to open', async () => {
    rig = await startRig(keyring())
    const call = rig.wizard.handlers['wizard.openSupportCase']
    const signal = new AbortController().signal
    const { input } = await calls['wizard.openSupportCase'].schemas()
    for (const refused of [{}, { confirm: false }, { confirm: 'yes' }, { confirm: true, text: 'other' }])
      expect(input.safeParse(refused).success, JSON.stringify(refused)).toBe(false)
    expect(input.safeParse({ confirm: true }).success).toBe(true)
    await rig.wizard.job.account({ source: 'environment' })
    await rig.wizard.job.checkPrerequisites()
    await expect(call({ confirm: true }, { signal })).rejects.toMatchObject({ code: 'not_ready', params: { say: 'supportCaseNotNeeded' } })
    expect(rig.sandbox.emulator.cases.created).toBe(0)
  })

  it('a lost answer, then a retry and a restart: still one case, its number kept', async () => {
    rig = await startRig(keyring(), { account: { vrfEnabled: false }, caseStepMs: 60_000, faults: [{ route: 'case.cases.create', kind: 'lost_answer' }] })
    await rig.wizard.job.account({ source: 'environment' })
    await rig.wizard.job.checkPrerequisites()
    const first = await rig.wizard.job.openSupportCase()
    const number = first.prerequisites!.supportCase!.number
    expect(rig.sandbox.emulator.cases.created).toBe(1)

    const again = await rig.restart()
    expect(again.job.state().prerequisites!.supportCase!.number).toBe(number)
    const reread = await again.job.openSupportCase()
    expect(reread.prerequisites!.supportCase!.number).toBe(number)
    const rechecked = await again.job.checkPrerequisites()
    expect(rechecked.prerequisites!.supportCase!.number).toBe(number)
    expect(rig.sandbox.emulator.cases.created).toBe(1)
  })

  it('a create that fails (5xx, nothing opened) fails the step with IBM’s error; the retry opens the one case', async () => {
    rig = await startRig(keyring(), { account: { vrfEnabled: false }, caseStepMs: 60_000, faults: [{ route: 'case.cases.create', kind: 'server_error' }] })
    await rig.wizard.job.account({ source: 'environment' })
    await rig.wizard.job.checkPrerequisites()
    const failed = await rig.wizard.job.openSupportCase()
    expect(failed.steps.prerequisites).toMatchObject({ status: 'failed', error: { code: 'ibm_server_error' } })
    expect(failed.prerequisites!.supportCase).toBeNull()
    expect(rig.sandbox.emulator.cases.created).toBe(0)
    const opened = await rig.wizard.job.openSupportCase()
    expect(opened.prerequisites!.supportCase!.number).toMatch(/^CS/)
    expect(rig.sandbox.emulator.cases.created).toBe(1)
  })
})
