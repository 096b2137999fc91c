import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { gen2EndpointOf } from '../../../src/main/ibmcloud/gen2-extensions'
import { gen2Extensions } from '../../../src/main/sandbox/emulator/gen2-instances'
import * as m from '../../../src/main/wizard/machine'
import { WizardStateStore } from '../../../src/main/wizard/state-store'
import { gen2KeyConnection } from '../../../src/main/wizard/steps/credentials-gen2'
import { useTestKeyring } from '../../support/keyring'
import { seedGen2AtStep5 } from '../../support/wizard/gen2-seed'
import { startRig, type Rig } from '../../support/wizard/support'

/**
 * Steps 5, 7, 8 and 9 of a Gen 2 instance through the real clients against the emulator, with the
 * real keychain: the Manager and Writer keys, credentials stored from the create's answer only.
 */
describe('Gen 2 credentials in the wizard (emulator + keychain)', () => {
  const keyring = useTestKeyring()
  let rig: Rig | undefined
  afterEach(async () => {
    await rig?.close()
    rig = undefined
  })

  const atStep5 = async () => {
    rig = await startRig(keyring(), { provisioningMs: 200 })
    await seedGen2AtStep5(rig.dataDir, rig.sandbox.env)
    return (await rig.restart()).job
  }
  const emu = () => rig!.sandbox.emulator
  const keys = () => [...emu().state.keys.values()]

  /** What step 6 for Gen 2 records (another part of the wizard): the extensions' host on the VPE domain, system CAs. */
  const connectionStepDone = async () => {
    const store = new WizardStateStore(rig!.dataDir)
    const state = (await store.load())!
    const record = emu().state.findInstance(state.instance!.id)!
    const ep = gen2EndpointOf({ extensions: gen2Extensions(record) })!
    const priv = { ...gen2KeyConnection({ username: '$USERNAME', hostname: ep.hostname, port: ep.port, database: ep.database }) }
    await store.save(m.completeStep(state, 'connection', { connections: { public: null, private: priv } }))
    return (await rig!.restart()).job
  }

  it('creates the Manager key, keeps its credentials in the keychain (never in the state file), and Show reads them back', async () => {
    const job = await atStep5()
    const state = await job.createCredentials()
    expect(state.steps.password).toMatchObject({ status: 'done', error: null })
    const [key] = keys()
    expect(keys()).toHaveLength(1)
    expect(key).toMatchObject({ name: 'redis-gen2-01-manager', role: 'Manager' })
    expect(state.credentials).toMatchObject({ keyId: key.crn, keyName: key.name, role: 'Manager', username: key.username, storedIn: 'keychain', reused: false })
    expect(await job.revealPassword()).toBe(key.password)
    expect(fs.readFileSync(path.join(rig!.dataDir, 'wizard-state.json'), 'utf8')).not.toContain(key.password)
    // The wizard refuses Gen 1's call for it.
    await expect(job.setPassword({ mode: 'generate' })).rejects.toMatchObject({ code: 'not_ready' })

    // Again: the key and its keychain entry are reused, IBM Cloud gets no second POST.
    await job.goTo('password')
    const again = await job.createCredentials()
    expect(again.credentials).toMatchObject({ keyId: key.crn, reused: true })
    expect(emu().hits.get('rc.keys.create')).toBe(1)
  })

  it('a create whose answer is lost: the key cannot be read again, the step says so with the delete command and never makes a second key', async () => {
    const job = await atStep5()
    emu().faults.add({ route: 'rc.keys.create', kind: 'lost_answer', times: 1 })
    const failed = await job.createCredentials()
    const [orphan] = keys()
    expect(failed.steps.password.error).toMatchObject({ code: 'wizard_key_unreadable', params: { keyName: 'redis-gen2-01-manager' } })
    expect(failed.steps.password.error?.message).toContain(`ibmcloud resource service-key-delete ${orphan.crn} -f`)
    const retried = await job.createCredentials()
    expect(retried.steps.password.error?.code).toBe('wizard_key_unreadable')
    expect(emu().state.counters.keysCreated).toBe(1)
    // Another name is the way on without deleting it.
    const named = await job.createCredentials({ name: 'redis-gen2-01-manager-2' })
    expect(named.credentials).toMatchObject({ keyName: 'redis-gen2-01-manager-2', reused: false })
    expect(emu().state.counters.keysCreated).toBe(2)
  })

  it('429 and a 5xx that created nothing on the POST: the step completes with exactly one key', async () => {
    const job = await atStep5()
    emu().faults.add({ route: 'rc.keys.create', kind: 'rate_limited', retryAfterSeconds: 0, times: 1 })
    emu().faults.add({ route: 'rc.keys.create', kind: 'server_error', times: 1, after: 1 })
    const state = await job.createCredentials()
    expect(state.steps.password.status).toBe('done')
    expect(emu().state.counters.keysCreated).toBe(1)
    expect(await job.revealPassword()).toBe(keys()[0].password)
  }, 30_000)

  it('step 7 makes the Writer key; test and save use it on the VPE domain with system CAs; the profile records Gen 2', async () => {
    await (await atStep5()).createCredentials()
    const job = await connectionStepDone()
    const keyed = await job.createServiceKey()
    const writer = keys().find((k) => k.role === 'Writer')!
    expect(writer.name).toBe('redis-gen2-01-writer')
    expect(keyed.serviceKey).toMatchObject({ id: writer.crn, role: 'Writer', connection: { username: writer.username, caPem: '' } })

    // The VPE domain resolves only inside the VPC: unreachable from here, saving still allowed.
    const tested = await job.test()
    expect(tested.tests.public).toBeNull()
    const record = emu().state.findInstance(tested.instance!.id)!
    const domain = `${record.guid}.private.uhp.redis.eu-de.dataservices.appdomain.cloud`
    // The port the extensions show (6379 on IBM Cloud; the sandbox deployment's own port here).
    const port = gen2Extensions(record).dataservices.connection.rediss.port
    expect(tested.tests.private?.target).toMatchObject({ host: domain, port, tls: true, servername: domain })
    expect(tested.tests.privateUnreachable).not.toBeNull()
    expect(tested.steps.save.status).toBe('ready')
    const saved = await job.save({})
    expect(saved.saved?.publicProfileId).toBeNull()
    const profile = await rig!.profiles.get(saved.saved!.privateProfileId!)
    const host = tested.tests.private!.target.host
    // SNI = the domain: the store keeps a servername equal to the host as null ("the host").
    expect(profile).toMatchObject({
      host,
      port,
      username: writer.username,
      tls: { enabled: true, caPem: null, servername: null, verifyServerCert: true },
      origin: { kind: 'ibmcloud', generation: 'gen2', endpointType: 'private' }
    })
  }, 60_000)

  it('step 7 skipped: the application uses the Manager key, no second key is made', async () => {
    await (await atStep5()).createCredentials()
    const job = await connectionStepDone()
    const skipped = await job.createServiceKey({ skip: true })
    expect(skipped.serviceKey).toMatchObject({ id: keys()[0].crn, role: 'Manager', name: 'redis-gen2-01-manager' })
    expect(emu().state.counters.keysCreated).toBe(1)
  })
})
