import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as m from '../../../../src/main/wizard/machine'
import { cliEquivalents, shellQuote } from '../../../../src/main/wizard/cli-equivalents'
import { WizardStateStore } from '../../../../src/main/wizard/state-store'
import { registerSecret } from '../../../../src/main/logging/redact'
import { WizardState, DeployForm, defaultDeployForm } from '../../../../src/shared/schemas/wizard'
import { conn } from '../../../support/wizard/fake-services'

const instance = { id: 'crn:v1:bluemix:public:databases-for-redis:jp-tok:a/acc:g1::', guid: 'g1', name: 'Redis 0101', region: 'jp-tok', resourceGroupId: 'rg1', serviceEndpoints: 'public-and-private' as const, state: 'active', adopted: false, generation: 'gen1' as const }

describe('wizard transitions', () => {
  it('starts on the account step, everything else pending, and always matches the schema', () => {
    const s = m.initialState({ sandbox: false })
    expect(s.current).toBe('account')
    expect(s.steps.account.status).toBe('ready')
    expect(s.steps.save.status).toBe('pending')
    expect(WizardState.safeParse(s).success).toBe(true)
  })

  it('running → done moves on and readies the next step; failed and blocked stay', () => {
    let s = m.startStep(m.initialState({ sandbox: true }), 'account')
    expect(s).toMatchObject({ busy: true, steps: { account: { status: 'running' } } })
    s = m.completeStep(s, 'account')
    expect(s).toMatchObject({ busy: false, current: 'prerequisites', steps: { account: { status: 'done' }, prerequisites: { status: 'ready' } } })
    const blocked = m.blockStep(s, 'prerequisites', { code: 'wizard_vrf_disabled', message: 'VRF' })
    expect(blocked).toMatchObject({ current: 'prerequisites', steps: { prerequisites: { status: 'blocked', error: { code: 'wizard_vrf_disabled' } } } })
    const stay = m.completeStep(s, 'prerequisites', {}, { stay: true })
    expect(stay.current).toBe('prerequisites')
    expect(stay.steps.deploy.status).toBe('ready')
  })

  it('after a restart nothing is running, and a mid-wait state is recognised (a stopped or failed one is not)', () => {
    let s = m.startStep({ ...m.initialState({ sandbox: true }), instance }, 'wait', {
      provisioning: { percent: 10, text: null, state: 'provisioning', phase: 'provisioning', notice: null, startedAt: new Date().toISOString(), updatedAt: new Date().toISOString() }
    })
    s = m.afterRestart(s)
    expect(s.busy).toBe(false)
    expect(s.steps.wait.status).toBe('ready')
    expect(m.isMidWait(s)).toBe(true)
    expect(m.isMidWait({ ...s, provisioning: { ...s.provisioning!, phase: 'stopped' } })).toBe(false)
    expect(m.isMidWait({ ...s, provisioning: { ...s.provisioning!, phase: 'failed' } })).toBe(false)
    expect(m.isMidWait(m.completeStep(s, 'wait'))).toBe(false)
  })

  it('invalidateAfter clears the data of later steps only', () => {
    let s = m.completeStep(m.completeStep(m.initialState({ sandbox: true }), 'account', { account: { source: 'environment', info: { accountId: 'a' } } }), 'prerequisites')
    s = m.completeStep(s, 'deploy', { instance })
    s = m.invalidateAfter(s, 'prerequisites')
    expect(s.instance).toBeNull()
    expect(s.account).not.toBeNull()
    expect(s.steps.prerequisites.status).toBe('done')
    expect(s.steps.deploy.status).toBe('pending')
  })
})

describe('CLI equivalents', () => {
  it('quote for a POSIX shell', () => {
    expect(shellQuote('Redis-0101')).toBe('Redis-0101')
    expect(shellQuote('Redis 0101')).toBe("'Redis 0101'")
    expect(shellQuote("it's")).toBe(`'it'\\''s'`)
  })

  it('follow the seed, filled with this run, and carry no secret', () => {
    const s = { ...m.initialState({ sandbox: false }), deploy: { mode: 'create' as const, form: defaultDeployForm({ name: 'Redis 0101', resourceGroupId: 'rg1', tags: ['env:dev'] }) }, instance, connections: { public: conn('public'), private: conn('private') } }
    const cli = cliEquivalents(s)
    expect(cli.deploy[0].command).toBe(
      `ibmcloud resource service-instance-create 'Redis 0101' databases-for-redis standard jp-tok -g rg1 -p '{"members_host_flavor":"multitenant","members_memory_allocation_mb":"2048","members_disk_allocation_mb":"2048"}' --service-endpoints public-and-private`
    )
    expect(cli.prerequisites.map((c) => c.command)).toContain('ibmcloud account show')
    expect(cli.password[0].command).toBe(`ibmcloud cdb deployment-user-password 'Redis 0101' admin "$PASSWORD"`)
    expect(cli.connection.map((c) => c.command)).toEqual([`ibmcloud cdb deployment-connections 'Redis 0101' -e public`, `ibmcloud cdb deployment-connections 'Redis 0101' -e private`, `ibmcloud cdb deployment-cacert 'Redis 0101' --save`])
    expect(cli.serviceKey[0].command).toBe(`ibmcloud resource service-key-create 'Redis 0101-private-key' Manager --instance-name 'Redis 0101' --service-endpoint private`)
    expect(cli.test[0].command).toContain('redli -u')
    expect(cli.test[0].command).toContain('$PASSWORD')
    // redis-cli too, with the password in REDISCLI_AUTH (never in the process list) and TLS on.
    const redisCli = cli.test.find((c) => c.id === 'rediscli_private')!.command
    expect(redisCli).toMatch(/^REDISCLI_AUTH=\$PASSWORD redis-cli --tls --cacert \.\/redis-cert\.pem -h \S+ -p \d+ --user \S+ -n 0 PING$/)
    expect(cli.test.map((c) => c.id)).toEqual(['redli_public', 'redli_private', 'rediscli_public', 'rediscli_private'])
  })
})

describe('DeployForm validation', () => {
  it('accepts the seed defaults and names what is wrong with each field', () => {
    expect(DeployForm.safeParse(defaultDeployForm({ resourceGroupId: 'rg1' })).success).toBe(true)
    const bad = DeployForm.safeParse({ ...defaultDeployForm(), name: 'a/b', memoryMbPerMember: 1000, diskMbPerMember: 512, keyProtectKeyCrn: 'nope' })
    expect(bad.success).toBe(false)
    const fields = bad.error!.issues.map((i) => i.path[0])
    expect(fields).toEqual(expect.arrayContaining(['name', 'resourceGroupId', 'memoryMbPerMember', 'diskMbPerMember', 'keyProtectKeyCrn']))
  })
})

describe('wizard state file', () => {
  it('round-trips, keeps an unreadable file aside, and refuses to write a secret', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wizard-store-'))
    try {
      const store = new WizardStateStore(dir)
      expect(await store.load()).toBeUndefined()
      const s = { ...m.initialState({ sandbox: true }), connections: { public: conn('public'), private: null } }
      await store.save(s)
      expect(await store.load()).toEqual(s)
      expect(fs.statSync(store.file).mode & 0o777).toBe(0o600)

      const secret = 'Sup3rSecretAdminPassword'
      registerSecret(secret)
      await expect(store.save({ ...s, deploy: { mode: 'create', form: defaultDeployForm({ name: secret, resourceGroupId: 'rg1' }) } })).rejects.toMatchObject({ code: 'wizard_state_secret' })
      expect(fs.readFileSync(store.file, 'utf8')).not.toContain(secret)

      fs.writeFileSync(store.file, '{"version": 1, "half')
      expect(await store.load()).toBeUndefined()
      expect(fs.readdirSync(dir).some((f) => f.startsWith('wizard-state.json.corrupt-'))).toBe(true)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
