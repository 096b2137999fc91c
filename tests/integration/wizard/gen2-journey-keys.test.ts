import { afterEach, describe, expect, it } from 'vitest'
import type { DeployForm } from '../../../src/shared/schemas/wizard'
import { useTestKeyring } from '../../support/keyring'
import { startRig, type Rig } from '../../support/wizard/support'

/**
 * A Gen 2 run through every real wizard step against the sandbox (its Gen 2 deployment: a real TLS
 * Redis behind an SNI front, its name resolving behind the VPE): the Manager key of step 5, the
 * Writer key of step 7, and a test that signs in with the Writer key over TLS with SNI.
 */
describe('setup wizard, Gen 2: credentials, application key, test and save (sandbox)', () => {
  const keyring = useTestKeyring()
  let rig: Rig | undefined
  afterEach(async () => {
    await rig?.close()
    rig = undefined
  })

  it('deploy → wait → Manager key → VPE → Writer key → the test passes with the Writer key → a Gen 2 profile whose one-click test passes', async () => {
    rig = await startRig(keyring(), { provisioningMs: 300, gatewayMs: 300 })
    const job = rig.wizard.job
    await job.account({ source: 'environment' })
    expect((await job.checkPrerequisites({ generation: 'gen2', region: 'jp-tok' })).steps.prerequisites.status).toBe('done')
    const options = await job.options()
    await job.deploy({ mode: 'create', form: { ...options.defaults, name: 'redis-g2' } as DeployForm, confirm: true })
    expect((await job.idle()).steps.wait.status).toBe('done')

    const credentials = await job.createCredentials()
    expect(credentials.steps.password).toMatchObject({ status: 'done', error: null })
    expect(credentials.credentials).toMatchObject({ keyName: 'redis-g2-manager', role: 'Manager', reused: false, storedIn: 'keychain' })
    const emu = rig.sandbox.emulator
    const manager = [...emu.state.keys.values()].find((k) => k.role === 'Manager')!
    expect(await job.revealPassword()).toBe(manager.password)

    const connected = await job.fetchConnection({ createSecurityGroup: true })
    expect(connected.steps.connection).toMatchObject({ status: 'done', error: null })
    const keyed = await job.createServiceKey()
    expect(keyed.serviceKey).toMatchObject({ name: 'redis-g2-writer', role: 'Writer' })

    const tested = await job.test()
    expect(tested.tests.private?.ok, JSON.stringify(tested.tests.private?.phases.map((p) => [p.name, p.ok, p.detail]))).toBe(true)
    expect(tested.tests.private?.target).toMatchObject({ host: connected.vpe!.hostname, servername: connected.vpe!.hostname })
    expect(tested.tests.public).toBeNull()
    expect(tested.steps.test.status).toBe('done')

    const saved = await job.save({})
    const profile = await rig.profiles.get(saved.saved!.privateProfileId!)
    const writer = [...emu.state.keys.values()].find((k) => k.role === 'Writer')!
    expect(profile).toMatchObject({ host: connected.vpe!.hostname, username: writer.username, tls: { caPem: null }, origin: { generation: 'gen2' } })
    const oneClick = await rig.profiles.test(saved.saved!.privateProfileId!)
    expect(oneClick.ok).toBe(true)
  }, 90_000)
})
