import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../src/main/app'
import { dispatch } from '../../../src/main/transport/dispatch'

/** `--sandbox`: createApp starts the emulator and the sandbox CLI and points every IBM client at them. */
describe('sandbox mode (createApp)', () => {
  let app: App
  let dataDir: string
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-sandbox-app-'))
    app = await createApp({ dataDir, transport: 'browser', sandbox: true, env: { PATH: process.env.PATH ?? '', HOME: dataDir, PSE_SANDBOX_REDIS: 'fake', PSE_SANDBOX_VRF: 'off' } })
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('the IBM calls answer from the emulator, and the flags given to the sandbox show in the report', async () => {
    const signal = new AbortController().signal
    const groups = await dispatch(app.handlers, 'ibmcloud.resourceGroups', {}, { signal })
    expect(groups).toMatchObject({ ok: true, value: { resourceGroups: [{ name: 'Default' }, { name: 'redis-sandbox' }] } })
    const report = await dispatch(app.handlers, 'ibmcloud.checkPrerequisites', {}, { signal })
    expect(report.ok).toBe(true)
    const value = (report as { value: { sandbox: boolean; items: { id: string; ok: boolean | null }[] } }).value
    expect(value.sandbox).toBe(true)
    expect(value.items.filter((i) => i.ok !== true).map((i) => i.id)).toEqual(['vrf'])
    const info = await dispatch(app.handlers, 'app.info', {}, { signal })
    expect(info).toMatchObject({ ok: true, value: { sandbox: true } })
  })
})
