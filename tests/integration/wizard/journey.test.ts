import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { useTestKeyring } from '../../support/keyring'
import { startRig, upToDeploy, type Rig } from '../../support/wizard/support'

/** The whole wizard against the emulator and real TLS Redis, from an empty account to a saved private profile that tests green. */
describe('setup wizard journey (emulator + real Redis + keychain)', () => {
  const keyring = useTestKeyring()
  let rig: Rig | undefined
  afterEach(async () => {
    await rig?.close()
    rig = undefined
  })

  it('goes from an empty account to a saved private profile whose one-click test passes', async () => {
    rig = await startRig(keyring())
    const job = rig.wizard.job
    expect(job.state().current).toBe('account')

    const afterAccount = await job.account({ source: 'environment' })
    expect(afterAccount.steps.account).toMatchObject({ status: 'done', error: null })
    expect(afterAccount.account?.info.accountName).toBe('Sandbox Account')
    expect(afterAccount.current).toBe('prerequisites')

    const afterPrereq = await job.checkPrerequisites()
    expect(afterPrereq.steps.prerequisites.status).toBe('done')
    expect(afterPrereq.prerequisites?.items.find((i) => i.id === 'vrf')?.ok).toBe(true)

    const options = await job.options()
    expect(options.regions.map((r) => r.id)).toContain('jp-tok')
    expect(options.defaults).toMatchObject({ name: 'Redis-0101', region: 'jp-tok', serviceEndpoints: 'private', memoryMbPerMember: 1024 })
    expect(options.defaults.resourceGroupId).not.toBe('')

    // Both endpoints, so the journey tests the public one as well as the private one.
    const deploying = await job.deploy({ mode: 'create', form: { ...options.defaults, serviceEndpoints: 'public-and-private' }, confirm: true })
    expect(deploying.instance?.id).toMatch(/^crn:v1:/)
    expect(deploying.steps.deploy.status).toBe('done')
    const waited = await job.idle()
    expect(waited.steps.wait).toMatchObject({ status: 'done', error: null })
    expect(waited.provisioning).toMatchObject({ phase: 'ready', percent: 100 })
    // Progress flowed as events while waiting.
    expect(rig.changes.some((s) => s.steps.wait.status === 'running')).toBe(true)

    const pw = await job.setPassword({ mode: 'generate' })
    expect(pw.steps.password).toMatchObject({ status: 'done', error: null })
    expect(pw.password).toMatchObject({ username: 'admin', generated: true, storedIn: 'keychain' })
    const password = await job.revealPassword()

    const conn = await job.fetchConnection()
    expect(conn.steps.connection.status).toBe('done')
    expect(conn.connections.public?.uri).toContain('$PASSWORD')
    expect(conn.connections.private?.caPem).toContain('BEGIN CERTIFICATE')

    const key = await job.createServiceKey()
    expect(key.steps.serviceKey.status).toBe('done')
    expect(key.serviceKey).toMatchObject({ name: 'Redis-0101-private-key', reused: false })

    const tested = await job.test()
    expect(tested.tests.public?.ok).toBe(true)
    expect(tested.tests.private?.ok).toBe(true)
    expect(tested.steps.test.status).toBe('done')

    const saved = await job.save({})
    expect(saved.steps.save.status).toBe('done')
    const privateId = saved.saved?.privateProfileId
    expect(privateId).toBeTruthy()
    const profile = await rig.profiles.get(privateId!)
    expect(profile).toMatchObject({ origin: { kind: 'ibmcloud', endpointType: 'private' }, tls: { enabled: true, verifyServerCert: true } })
    const oneClick = await rig.profiles.test(privateId!)
    expect(oneClick.ok).toBe(true)

    // The state file on disk holds ids and CRNs but never a secret.
    const onDisk = fs.readFileSync(path.join(rig.dataDir, 'wizard-state.json'), 'utf8')
    expect(onDisk).toContain(saved.instance!.id)
    expect(onDisk).not.toContain(password)
    expect(onDisk).not.toContain(rig.env.IBMCLOUD_API_KEY!)
    // Every step carries its ibmcloud equivalent.
    expect(saved.cli.deploy[0].command).toMatch(/^ibmcloud resource service-instance-create Redis-0101 databases-for-redis standard jp-tok/)
    expect(saved.cli.serviceKey[0].command).toContain('--service-endpoint private')
    expect(rig.sandbox.emulator.state.counters.instancesCreated).toBe(1)
  })

  it('adopts an existing instance instead of creating a second one', async () => {
    rig = await startRig(keyring())
    const form = await upToDeploy(rig)
    await rig.wizard.job.deploy({ mode: 'create', form, confirm: true })
    await rig.wizard.job.idle()
    const options = await rig.wizard.job.options()
    expect(options.instances.map((i) => i.name)).toEqual(['Redis-0101'])
    const adopted = await rig.wizard.job.deploy({ mode: 'adopt', instanceId: options.instances[0].id })
    expect(adopted.instance?.adopted).toBe(true)
    await rig.wizard.job.idle()
    expect(rig.wizard.job.state().steps.wait.status).toBe('done')
    expect(rig.sandbox.emulator.state.counters.instancesCreated).toBe(1)
  })
})
