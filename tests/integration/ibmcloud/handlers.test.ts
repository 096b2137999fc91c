import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ibmCloudHandlers } from '../../../src/main/ibmcloud/handlers'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { dispatch, type Handlers } from '../../../src/main/transport/dispatch'
import { defaultSettings } from '../../../src/shared/schemas/app'

/** The IBM Cloud contract calls, through dispatch (schemas on both sides), against the sandbox. */
describe('IBM Cloud contract calls', () => {
  let sandbox: Sandbox
  let dataDir: string
  let handlers: Handlers
  let noKey: Handlers
  const ctx = { signal: new AbortController().signal }
  beforeAll(async () => {
    sandbox = await startSandbox({ backend: 'fake', provisioningMs: 50 })
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-ibm-handlers-'))
    const env = { PATH: process.env.PATH ?? '', HOME: dataDir, ...sandbox.env }
    const deps = { env, dataDir, sandbox: true, settings: () => defaultSettings }
    handlers = ibmCloudHandlers({ ...deps, apiKey: async () => sandbox.env.IBMCLOUD_API_KEY }) as unknown as Handlers
    noKey = ibmCloudHandlers({ ...deps, apiKey: async () => undefined }) as unknown as Handlers
  })
  afterAll(async () => {
    await sandbox.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('lists for the forms', async () => {
    const regions = await dispatch(handlers, 'ibmcloud.regions', {}, ctx)
    expect(regions.ok && (regions.value as { regions: { id: string }[] }).regions.map((r) => r.id)).toContain('jp-tok')
    const groups = await dispatch(handlers, 'ibmcloud.resourceGroups', {}, ctx)
    expect(groups.ok && (groups.value as { resourceGroups: { isDefault: boolean }[] }).resourceGroups[0].isDefault).toBe(true)
    const versions = await dispatch(handlers, 'ibmcloud.redisVersions', { region: 'jp-tok' }, ctx)
    expect(versions).toMatchObject({ ok: true, value: { versions: [{ version: '8.2', preferred: true }, { version: '7.2' }] } })
    expect(await dispatch(handlers, 'ibmcloud.instances', {}, ctx)).toEqual({ ok: true, value: { instances: [] } })
  })

  it('validates a key and never echoes it', async () => {
    const r = await dispatch(handlers, 'ibmcloud.validateApiKey', { apiKey: sandbox.env.IBMCLOUD_API_KEY }, ctx)
    expect(r).toMatchObject({ ok: true, value: { accountId: sandbox.emulator.state.account.id } })
    expect(JSON.stringify(r)).not.toContain(sandbox.env.IBMCLOUD_API_KEY)
    const bad = await dispatch(handlers, 'ibmcloud.validateApiKey', { apiKey: 'wrongKey_0123456789abcdefghijklmnopqrstu' }, ctx)
    expect(bad).toMatchObject({ ok: false, error: { code: 'ibm_api_key_invalid' } })
  })

  it('prerequisites report, and the plugin install call', async () => {
    sandbox.emulator.state.cli.pluginInstalled = false
    const before = await dispatch(handlers, 'ibmcloud.checkPrerequisites', {}, ctx)
    expect(before).toMatchObject({ ok: true, value: { ok: false, sandbox: true } })
    const after = await dispatch(handlers, 'ibmcloud.installPlugin', {}, ctx)
    expect(after).toMatchObject({ ok: true, value: { ok: true } })
  })

  it('without a key: a clear error, and the report says so', async () => {
    expect(await dispatch(noKey, 'ibmcloud.regions', {}, ctx)).toMatchObject({ ok: false, error: { code: 'ibm_api_key_missing' } })
    const report = await dispatch(noKey, 'ibmcloud.checkPrerequisites', {}, ctx)
    expect(report.ok && (report.value as { items: { id: string; ok: boolean | null }[] }).items[0]).toMatchObject({ id: 'api_key', ok: false })
  })

  it('rejects bad input at the boundary', async () => {
    expect(await dispatch(handlers, 'ibmcloud.redisVersions', { region: '../x' }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch(handlers, 'ibmcloud.regions', { extra: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
