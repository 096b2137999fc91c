import { afterEach, describe, expect, it } from 'vitest'
import { useTestKeyring } from '../../support/keyring'
import { startRig, upToDeploy, type Rig } from '../../support/wizard/support'

/** The wizard's unhappy paths, produced for real by the emulator. */
describe('setup wizard unhappy paths', () => {
  const keyring = useTestKeyring()
  let rig: Rig | undefined
  afterEach(async () => {
    await rig?.close()
    rig = undefined
  })

  it('VRF disabled: a clear stop with the support-case text and docs link, then a re-check passes once IBM enabled it', async () => {
    rig = await startRig(keyring(), { account: { vrfEnabled: false, serviceEndpointEnabled: false } })
    const job = rig.wizard.job
    await job.account({ source: 'environment' })
    const blocked = await job.checkPrerequisites()
    expect(blocked.steps.prerequisites.status).toBe('blocked')
    expect(blocked.steps.prerequisites.error?.code).toBe('wizard_vrf_disabled')
    expect(blocked.steps.prerequisites.error?.message).toMatch(/support case/)
    expect(blocked.prerequisites?.supportCaseText).toMatch(/enable VRF/)
    expect(blocked.prerequisites?.supportCaseText).toMatch(/cannot be disabled/)
    expect(blocked.prerequisites?.docsLink).toMatch(/^https:\/\/cloud\.ibm\.com\/docs\//)
    expect(blocked.current).toBe('prerequisites')
    // Nothing further is allowed while blocked.
    const defaults = (await job.options()).defaults
    await expect(job.deploy({ mode: 'create', form: defaults, confirm: true })).rejects.toMatchObject({ code: 'not_ready' })

    // IBM answered the case: VRF on, but service endpoints still off -> the command to run.
    rig.sandbox.emulator.state.account.vrfEnabled = true
    const seOff = await job.checkPrerequisites()
    expect(seOff.steps.prerequisites.error?.code).toBe('wizard_service_endpoints_disabled')
    expect(seOff.prerequisites?.items.find((i) => i.id === 'service_endpoint')?.command).toBe('ibmcloud account update --service-endpoint-enable true')

    rig.sandbox.emulator.state.account.serviceEndpointEnabled = true
    const ok = await job.checkPrerequisites()
    expect(ok.steps.prerequisites).toMatchObject({ status: 'done', error: null })
    expect(ok.prerequisites?.supportCaseText).toBeNull()
    expect(ok.current).toBe('deploy')
  })

  it('a bad API key fails the account step with IBM’s advice and stores nothing', async () => {
    rig = await startRig(keyring())
    const state = await rig.wizard.job.account({ source: 'apiKey', apiKey: 'notAValidKey_0123456789abcdefghijklmnopqrstu' })
    expect(state.steps.account.status).toBe('failed')
    expect(state.steps.account.error?.code).toBe('ibm_api_key_invalid')
    expect(state.steps.account.error?.message).toMatch(/API key/)
    expect(state.account).toBeNull()
    expect((await rig.wizard.handlers['wizard.accountChoices']({}, { signal: new AbortController().signal })).keychain).toBe(false)
  })

  it('a good API key typed in is kept in the keychain and used after a restart', async () => {
    rig = await startRig(keyring())
    const key = rig.env.IBMCLOUD_API_KEY!
    delete rig.env.IBMCLOUD_API_KEY
    const state = await rig.wizard.job.account({ source: 'apiKey', apiKey: key })
    expect(state.account?.source).toBe('keychain')
    expect(JSON.stringify(state)).not.toContain(key)
    const again = await rig.restart()
    expect((await again.job.checkPrerequisites()).steps.prerequisites.status).toBe('done')
  })

  it('provisioning that ends `failed` stops the wait with the service’s words', async () => {
    rig = await startRig(keyring(), { faults: [{ route: 'rc.instances.create', kind: 'provisioning_failed' }] })
    const form = await upToDeploy(rig)
    await rig.wizard.job.deploy({ mode: 'create', form, confirm: true })
    const state = await rig.wizard.job.idle()
    expect(state.steps.wait.status).toBe('failed')
    expect(state.steps.wait.error?.code).toBe('ibm_provisioning_failed')
    expect(state.provisioning?.phase).toBe('failed')
    // A failed provisioning is not resumed by itself after a restart.
    const again = await rig.restart()
    expect((await again.job.idle()).steps.wait.status).toBe('failed')
  })

  it('a password the rules reject is never sent', async () => {
    rig = await startRig(keyring())
    const form = await upToDeploy(rig)
    await rig.wizard.job.deploy({ mode: 'create', form, confirm: true })
    await rig.wizard.job.idle()
    const tasksBefore = rig.sandbox.emulator.state.tasks.size
    const state = await rig.wizard.job.setPassword({ mode: 'enter', password: 'short!pw' })
    expect(state.steps.password.status).toBe('failed')
    expect(state.steps.password.error?.code).toBe('ibm_password_rejected')
    expect(state.steps.password.error?.message).toMatch(/at least 15/)
    expect(rig.sandbox.emulator.state.tasks.size).toBe(tasksBefore)
    const check = await rig.wizard.handlers['wizard.checkPassword']({ password: 'short!pw' }, { signal: new AbortController().signal })
    expect(check.ok).toBe(false)
    const good = await rig.wizard.job.setPassword({ mode: 'enter', password: 'Correct-Horse-Battery-9' })
    expect(good.steps.password.status).toBe('done')
  })

  it('429 and 5xx during the wait are sat out: the wait still ends ready', async () => {
    rig = await startRig(keyring(), {
      faults: [
        { route: 'rc.instances.get', kind: 'rate_limited', times: 14, retryAfterSeconds: 0 },
        { route: 'rc.instances.get', kind: 'server_error', times: 2, after: 1 }
      ]
    })
    const form = await upToDeploy(rig)
    await rig.wizard.job.deploy({ mode: 'create', form, confirm: true })
    const state = await rig.wizard.job.idle()
    expect(state.steps.wait).toMatchObject({ status: 'done', error: null })
    expect(rig.sandbox.emulator.faults.pending()).toBe(0)
    // The 429s the request layer gave up on were sat out, and the state said so while it waited.
    // (A notice with the code, so the UI words it in its language; IBM's own progress text stays in `text`.)
    expect(rig.changes.some((s) => s.provisioning?.noticeCode === 'ibm_rate_limited' && /still waiting/.test(s.provisioning?.notice ?? ''))).toBe(true)
    expect(state.provisioning?.notice).toBeNull()
    expect(rig.sandbox.emulator.state.counters.instancesCreated).toBe(1)
  })

  it('stopped mid-provisioning and started again: it resumes, and the emulator holds exactly one instance', async () => {
    rig = await startRig(keyring(), { provisioningMs: 2_500 })
    const form = await upToDeploy(rig)
    await rig.wizard.job.deploy({ mode: 'create', form, confirm: true })
    expect(rig.wizard.job.state().steps.wait.status).toBe('running')
    await rig.wizard.close() // the app quits mid-wait
    const again = await rig.restart()
    expect(again.job.state().steps.wait.status).toBe('running')
    const state = await again.job.idle()
    expect(state.steps.wait.status).toBe('done')
    // Deploying again with the same form (the user clicking Create twice) adopts, never duplicates.
    await again.job.goTo('deploy')
    await again.job.deploy({ mode: 'create', form, confirm: true })
    await again.job.idle()
    expect(again.job.state().instance?.adopted).toBe(true)
    expect(rig.sandbox.emulator.state.counters.instancesCreated).toBe(1)
    expect([...rig.sandbox.emulator.state.instances.values()].filter((i) => i.state !== 'removed')).toHaveLength(1)
  })

  it('cancel stops waiting and deletes nothing; resume finishes the wait; delete needs the typed name', async () => {
    rig = await startRig(keyring(), { provisioningMs: 2_000 })
    const form = await upToDeploy(rig)
    await rig.wizard.job.deploy({ mode: 'create', form, confirm: true })
    const stopped = await rig.wizard.job.cancel()
    expect(stopped.steps.wait.status).toBe('ready')
    expect(stopped.provisioning?.phase).toBe('stopped')
    expect(stopped.busy).toBe(false)
    const crn = stopped.instance!.id
    expect([...rig.sandbox.emulator.state.instances.values()].map((i) => i.state)).not.toContain('removed')
    // A restart does not restart a wait the user stopped.
    const reopened = await rig.restart()
    expect(reopened.job.state().steps.wait.status).toBe('ready')
    await rig.wizard.job.resume()
    expect((await rig.wizard.job.idle()).steps.wait.status).toBe('done')

    await expect(rig.wizard.job.deleteInstance(crn, 'redis-0101')).rejects.toMatchObject({ code: 'wizard_name_mismatch' })
    const afterDelete = await rig.wizard.job.deleteInstance(crn, 'Redis-0101')
    expect(afterDelete.instance).toBeNull()
    expect(afterDelete.current).toBe('deploy')
    expect([...rig.sandbox.emulator.state.instances.values()].map((i) => i.state)).toContain('removed')
  })

  it('a create whose answer is lost (IBM made it, then answered 500) adopts it: one instance', async () => {
    rig = await startRig(keyring(), { faults: [{ route: 'rc.instances.create', kind: 'lost_answer' }] })
    const form = await upToDeploy(rig)
    const state = await rig.wizard.job.deploy({ mode: 'create', form, confirm: true })
    expect(state.steps.deploy.status).toBe('done')
    expect(state.instance?.adopted).toBe(true)
    expect((await rig.wizard.job.idle()).steps.wait.status).toBe('done')
    expect(rig.sandbox.emulator.state.counters.instancesCreated).toBe(1)
  })
})
