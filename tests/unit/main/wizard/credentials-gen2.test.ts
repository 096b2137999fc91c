import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WizardJob } from '../../../../src/main/wizard/job'
import { WizardStateStore } from '../../../../src/main/wizard/state-store'
import { gen2KeySecret, keyPasswordSecret } from '../../../../src/main/wizard/secret-names'
import { defaultDeployForm } from '../../../../src/shared/schemas/wizard'
import { fakeServices, type FakeControl } from '../../../support/wizard/fake-services'
import { GEN2_HOST } from '../../../support/wizard/fake-vpc'

/** The VPE domain step 6 reads from the extensions and puts the gateway on (the fake VPC's). */
const DOMAIN = GEN2_HOST

/** Step 5 (credentials), 7 (application key), 8 and 9 of a Gen 2 instance, against fake IBM services and an in-memory keychain. */
describe('Gen 2 credentials in the wizard (fake services)', () => {
  let dir: string
  let fake: FakeControl
  const open = () => WizardJob.open({ store: new WizardStateStore(dir), services: fake.services, sandbox: true, resumeWait: true, transientDelayMs: 1 })
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wizard-gen2-keys-'))
    fake = fakeServices()
    Object.assign(fake.instance, { generation: 'gen2', serviceEndpoints: 'private', region: 'eu-de', name: 'redis-gen2-01' })
    // Every keychain write is a call too, so the order against IBM's answers can be checked.
    const set = fake.services.secrets.set
    fake.services.secrets.set = async (n, v) => {
      fake.calls.push(`secret:${n}`)
      return set(n, v)
    }
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  const toStep5 = async (generation: 'gen1' | 'gen2' = 'gen2') => {
    const job = await open()
    await job.account({ source: 'environment' })
    await job.checkPrerequisites()
    await job.deploy({
      mode: 'create',
      form:
        generation === 'gen2'
          ? defaultDeployForm({ generation, vpcId: 'vpc-1', gen2HostFlavor: 'bx3d.4x20', region: 'jp-tok', resourceGroupId: 'rg1' })
          : defaultDeployForm({ resourceGroupId: 'rg1' }),
      confirm: true
    })
    fake.finishWait()
    await job.idle()
    return job
  }
  const creates = () => fake.calls.filter((c) => c.startsWith('createGen2Key'))

  it('creates the Manager key <instance>-manager and keeps its credentials in the keychain before anything else', async () => {
    const job = await toStep5()
    const state = await job.createCredentials()
    expect(state.steps.password.status).toBe('done')
    expect(state.current).toBe('connection')
    const key = fake.gen2.keys[0]
    expect(state.credentials).toMatchObject({
      keyId: key.id,
      keyName: 'redis-gen2-01-manager',
      role: 'Manager',
      username: 'ibmcloud_user1',
      storedIn: 'keychain',
      reused: false
    })
    expect(state.credentials?.connection).toMatchObject({ hostname: key.credentials!.hostname, port: 6379, caPem: '', servername: key.credentials!.hostname })
    // The create's answer goes to the keychain first: nothing but the keychain follows the POST.
    const after = fake.calls.slice(fake.calls.indexOf('createGen2Key:redis-gen2-01-manager:Manager') + 1)
    expect(after.slice(0, 2)).toEqual([`secret:${gen2KeySecret(key.id)}`, `secret:${keyPasswordSecret(key.id)}`])
    expect(fake.secrets.get(keyPasswordSecret(key.id))).toBe(key.credentials!.password)
    expect(JSON.parse(fake.secrets.get(gen2KeySecret(key.id))!)).toMatchObject({ username: 'ibmcloud_user1', password: key.credentials!.password })
    // Never in the state (file or memory); the Show button reads the keychain.
    expect(JSON.stringify(state)).not.toContain(key.credentials!.password)
    expect(fs.readFileSync(path.join(dir, 'wizard-state.json'), 'utf8')).not.toContain(key.credentials!.password)
    expect(await job.revealPassword()).toBe(key.credentials!.password)
    expect(state.cli.password[0].command).toBe('ibmcloud resource service-key-create redis-gen2-01-manager Manager --instance-name redis-gen2-01 --output json')
  })

  it('each generation refuses the other one’s step 5 call before anything is sent', async () => {
    const job = await toStep5()
    await expect(job.setPassword({ mode: 'generate' })).rejects.toMatchObject({ code: 'not_ready', params: { say: 'gen2HasNoAdminPassword' } })
    expect(fake.calls).not.toContain('setAdminPassword')

    fake = fakeServices()
    fs.rmSync(dir, { recursive: true, force: true })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wizard-gen2-keys-'))
    const gen1 = await toStep5('gen1')
    await expect(gen1.createCredentials()).rejects.toMatchObject({ code: 'not_ready', params: { say: 'gen1HasAdminPassword' } })
    expect(creates()).toEqual([])
  })

  it('running step 5 again reuses the key whose credentials are in the keychain (no second key)', async () => {
    const job = await toStep5()
    const first = await job.createCredentials()
    await job.goTo('password')
    const again = await job.createCredentials()
    expect(again.credentials).toMatchObject({ keyId: first.credentials!.keyId, reused: true, username: 'ibmcloud_user1' })
    expect(creates()).toHaveLength(1)
  })

  it('a key of that name whose credentials are not in the keychain: the step fails naming the delete command, every retry too, and never creates a second key', async () => {
    const job = await toStep5()
    fake.gen2.keys.push({ id: 'crn:v1:made-elsewhere:resource-key:x1', guid: 'x1', name: 'redis-gen2-01-manager', role: 'Manager' })
    for (let i = 0; i < 2; i++) {
      const failed = await job.createCredentials()
      expect(failed.steps.password.status).toBe('failed')
      expect(failed.steps.password.error).toMatchObject({
        code: 'wizard_key_unreadable',
        params: { say: 'gen2KeyUnreadable', keyName: 'redis-gen2-01-manager' }
      })
      expect(failed.steps.password.error?.message).toContain('(ibmcloud resource service-key-delete crn:v1:made-elsewhere:resource-key:x1 -f)')
      expect(failed.steps.password.error?.message).toMatch(/shows a Gen 2 key’s credentials only once/)
    }
    expect(creates()).toEqual([])
    // The other way out: another name.
    const named = await job.createCredentials({ name: 'redis-gen2-01-manager-2' })
    expect(named.credentials).toMatchObject({ keyName: 'redis-gen2-01-manager-2', reused: false })
    expect(creates()).toEqual(['createGen2Key:redis-gen2-01-manager-2:Manager'])
  })

  it('a create whose answer was lost (found by name, credentials not shown again) fails plainly; a retry creates nothing', async () => {
    const job = await toStep5()
    fake.gen2.loseNextAnswer = true
    const failed = await job.createCredentials()
    expect(failed.steps.password.error?.code).toBe('wizard_key_unreadable')
    expect(failed.credentials).toBeNull()
    const retried = await job.createCredentials()
    expect(retried.steps.password.error?.code).toBe('wizard_key_unreadable')
    expect(creates()).toHaveLength(1)
  })

  it('UNVERIFIED other case: IBM shows the credentials again, so a key missing from the keychain is reused and stored', async () => {
    const job = await toStep5()
    await job.createCredentials()
    fake.secrets.clear()
    fake.gen2.showAgain = true
    const again = await job.createCredentials()
    expect(again.credentials).toMatchObject({ reused: true, username: 'ibmcloud_user1' })
    expect(fake.secrets.get(keyPasswordSecret(fake.gen2.keys[0].id))).toBe(fake.gen2.keys[0].credentials!.password)
    expect(creates()).toHaveLength(1)
  })

  it('step 7 creates the Writer key by default; test and save use it on the VPE domain with system CAs and SNI', async () => {
    const job = await toStep5()
    await job.createCredentials()
    await job.fetchConnection({ createSecurityGroup: true })
    const keyed = await job.createServiceKey()
    const writer = fake.gen2.keys[1]
    expect(creates()).toEqual(['createGen2Key:redis-gen2-01-manager:Manager', 'createGen2Key:redis-gen2-01-writer:Writer'])
    expect(keyed.serviceKey).toMatchObject({
      id: writer.id,
      name: 'redis-gen2-01-writer',
      role: 'Writer',
      reused: false,
      connection: { username: 'ibmcloud_user2' }
    })
    expect(keyed.cli.serviceKey[0].command).toBe('ibmcloud resource service-key-create redis-gen2-01-writer Writer --instance-name redis-gen2-01 --output json')

    const probed: Array<{ hostname: string; servername?: string; caPem: string; username: string; password: string }> = []
    fake.services.probe = async ({ connection, username, password }) => {
      probed.push({ hostname: connection.hostname, servername: connection.servername, caPem: connection.caPem, username, password })
      return fake.probeResults.private
    }
    const tested = await job.test()
    expect(tested.steps.test.status).toBe('done')
    expect(tested.tests.public).toBeNull()
    expect(probed).toEqual([{ hostname: DOMAIN, servername: DOMAIN, caPem: '', username: 'ibmcloud_user2', password: writer.credentials!.password }])
    expect(tested.cli.test.map((c) => c.command).join('\n')).toContain(`redis-cli -h ${DOMAIN} -p 6379 --user ibmcloud_user2 --tls --sni ${DOMAIN} PING`)

    const drafts: unknown[] = []
    fake.services.saveProfile = async (d) => {
      drafts.push(d)
      return { id: 'p-private' }
    }
    const saved = await job.save({})
    expect(saved.saved).toMatchObject({ publicProfileId: null, privateProfileId: 'p-private' })
    expect(drafts).toEqual([
      expect.objectContaining({
        generation: 'gen2',
        username: 'ibmcloud_user2',
        password: writer.credentials!.password,
        connection: expect.objectContaining({ hostname: DOMAIN, caPem: '', servername: DOMAIN })
      })
    ])
  })

  it('step 7 with skip uses the Manager key; with role Manager it creates a separate application key', async () => {
    const job = await toStep5()
    const creds = await job.createCredentials()
    await job.fetchConnection({ createSecurityGroup: true })
    const skipped = await job.createServiceKey({ skip: true })
    expect(skipped.serviceKey).toMatchObject({ id: creds.credentials!.keyId, name: 'redis-gen2-01-manager', role: 'Manager' })
    expect(creates()).toHaveLength(1)
    expect(skipped.cli.serviceKey[0].id).toBe('key_show_manager')

    await job.goTo('serviceKey')
    const manager = await job.createServiceKey({ role: 'Manager' })
    expect(manager.serviceKey).toMatchObject({ name: 'redis-gen2-01-app-manager', role: 'Manager' })
    // A name already used by a key of another role is refused, not reused.
    await job.goTo('serviceKey')
    const clash = await job.createServiceKey({ name: 'redis-gen2-01-app-manager', role: 'Writer' })
    expect(clash.steps.serviceKey.error).toMatchObject({
      code: 'wizard_key_conflict',
      params: { say: 'gen2KeyRoleMismatch', role: 'Manager', wanted: 'Writer' }
    })
  })

  it('step 7 before the credentials exist is refused', async () => {
    const job = await toStep5()
    await expect(job.createServiceKey()).rejects.toMatchObject({ code: 'not_ready' })
  })
})
