import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../src/main/app'
import { dispatch } from '../../../src/main/transport/dispatch'
import type { WizardState } from '../../../src/shared/schemas/wizard'
import { useTestKeyring } from '../../support/keyring'

/** The wizard through the contract, as the renderer uses it: createApp in sandbox mode, every call dispatched and its output checked. */
describe('wizard over the contract (createApp --sandbox)', () => {
  const keyring = useTestKeyring()
  const apps: App[] = []
  let dataDir: string | undefined
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const start = async () => {
    dataDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'pse-wizard-contract-'))
    const env = { PATH: process.env.PATH ?? '', HOME: dataDir, DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? '', PSE_SANDBOX_PROVISIONING_MS: '1500', PSE_WIZARD_POLL_MS: '150', PSE_WIZARD_KEYCHAIN_SERVICE: keyring() }
    const app = await createApp({ dataDir, transport: 'browser', sandbox: true, env })
    apps.push(app)
    const events: WizardState[] = []
    app.events.subscribe((name, payload) => name === 'wizard.changed' && events.push(payload as WizardState))
    const call = async <T = WizardState>(name: string, input: unknown = {}): Promise<T> => {
      const r = await dispatch(app.handlers, name, input, { signal: new AbortController().signal })
      if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), r.error)
      return r.value as T
    }
    return { app, call, events }
  }

  it('every call answers inside its schema, progress arrives as wizard.changed, and no answer carries a secret', async () => {
    const { call, events } = await start()
    expect((await call('wizard.state')).current).toBe('account')
    expect(await call('wizard.accountChoices')).toMatchObject({ environment: true })
    await call('wizard.account', { source: 'environment' })
    await expect(call('wizard.account', { source: 'apiKey' })).rejects.toMatchObject({ code: 'invalid_input' })
    expect((await call('wizard.checkPrerequisites')).steps.prerequisites.status).toBe('done')
    const options = await call<{ defaults: Record<string, unknown>; resourceGroups: unknown[] }>('wizard.options', {})
    await expect(call('wizard.deploy', { mode: 'create', form: options.defaults })).rejects.toMatchObject({ code: 'invalid_input' })
    await call('wizard.deploy', { mode: 'create', form: options.defaults, confirm: true })
    for (let i = 0; i < 100 && (await call('wizard.state')).steps.wait.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 100))
    expect(events.some((e) => e.steps.wait.status === 'running' && (e.provisioning?.percent ?? 0) > 0)).toBe(true)
    expect(await call('wizard.checkPassword', { password: 'short' })).toMatchObject({ ok: false })
    await call('wizard.setPassword', { mode: 'generate' })
    const { password } = await call<{ password: string }>('wizard.revealPassword')
    await call('wizard.fetchConnection')
    await call('wizard.createServiceKey', {})
    const tested = await call('wizard.test', {})
    expect(tested.tests.private?.ok).toBe(true)
    const saved = await call('wizard.save', {})
    expect(saved.steps.save.error).toBeNull()
    expect(saved.saved?.privateProfileId).toBeTruthy()
    expect(JSON.stringify(events)).not.toContain(password)
    expect(JSON.stringify(saved)).not.toContain(password)
    expect((await call('wizard.back')).current).toBe('test')
    await expect(call('wizard.deleteInstance', { instanceId: saved.instance!.id, typedName: 'wrong' })).rejects.toMatchObject({ code: 'wizard_name_mismatch' })
    expect((await call('wizard.reset')).current).toBe('account')
  })
})
