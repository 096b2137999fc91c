import { describe, expect, it } from 'vitest'
import { dispatch, type Handlers } from '../../../../src/main/transport/dispatch'
import { AppFailure } from '../../../../src/shared/errors'
import { defaultSettings } from '../../../../src/shared/schemas/app'
import { registerSecret } from '../../../../src/main/logging/redact'
import { log } from '../../../../src/main/logging/log'

const ctx = { signal: new AbortController().signal }

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.info': async () => ({
      name: 'PSE Wizard',
      version: '0',
      platform: 'linux',
      transport: 'browser',
      sandbox: false,
      dataDir: '/tmp/x',
      systemLocale: 'en-US'
    }),
    'settings.get': async () => defaultSettings,
    'settings.set': async (patch) => ({ ...defaultSettings, ...patch }),
    ...overrides
  } as Handlers
}

describe('dispatch', () => {
  it('runs a call with a valid payload', async () => {
    expect(await dispatch(handlers(), 'settings.set', { language: 'ja' }, ctx)).toEqual({ ok: true, value: { ...defaultSettings, language: 'ja' } })
  })

  it('rejects an invalid payload with a typed error naming the field', async () => {
    const result = await dispatch(handlers(), 'settings.set', { theme: 'purple' }, ctx)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.detail).toContain('theme')
  })

  it('refuses an ibmcloud CLI path that is relative or carries a NUL byte (it is run as a program)', async () => {
    for (const ibmcloudCliPath of ['ibmcloud', './bin/ibmcloud', '/usr/bin/ibmcloud\0 --evil']) {
      const result = await dispatch(handlers(), 'settings.set', { ibmcloudCliPath }, ctx)
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input')
    }
    for (const ibmcloudCliPath of ['', '/usr/local/bin/ibmcloud', 'C:\\Program Files\\IBM\\Cloud\\bin\\ibmcloud.exe']) {
      expect((await dispatch(handlers(), 'settings.set', { ibmcloudCliPath }, ctx)).ok).toBe(true)
    }
  })

  it('rejects fields the schema does not know instead of passing them on', async () => {
    const result = await dispatch(handlers(), 'settings.set', { language: 'en', admin: true }, ctx)
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input')
  })

  it('rejects unknown call names, including prototype keys', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 42, undefined]) {
      const result = await dispatch(handlers(), name, {}, ctx)
      expect(result.ok ? 'ok' : result.error.code).toBe('unknown_call')
    }
  })

  it('strips anything outside the output schema, so an extra field cannot leak to the UI', async () => {
    const leaky = handlers({ 'settings.get': async () => ({ ...defaultSettings, password: 'hunter2-secret' }) as never })
    const result = await dispatch(leaky, 'settings.get', {}, ctx)
    expect(JSON.stringify(result)).not.toContain('hunter2-secret')
  })

  it('reports an output that breaks its schema as invalid_output, not as success', async () => {
    const broken = handlers({ 'settings.get': async () => ({ language: 'klingon' }) as never })
    const lines: string[] = []
    const remove = log.addSink((_l, line) => lines.push(line))
    try {
      const result = await dispatch(broken, 'settings.get', {}, ctx)
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_output')
    } finally {
      remove()
    }
  })

  it('turns an AppFailure into its error value', async () => {
    const failing = handlers({
      'settings.get': async () => {
        throw new AppFailure({ code: 'keychain_unavailable', message: 'Install gnome-keyring.' })
      }
    })
    expect(await dispatch(failing, 'settings.get', {}, ctx)).toEqual({ ok: false, error: { code: 'keychain_unavailable', message: 'Install gnome-keyring.' } })
  })

  it('turns an unexpected exception into internal, with registered secrets and URL passwords masked', async () => {
    registerSecret('s3cr3t-pa55word')
    const failing = handlers({
      'settings.get': async () => {
        throw new Error('connect rediss://admin:other-pass@host:1 failed with s3cr3t-pa55word')
      }
    })
    const lines: string[] = []
    const remove = log.addSink((_l, line) => lines.push(line))
    try {
      const result = await dispatch(failing, 'settings.get', {}, ctx)
      expect(result.ok ? 'ok' : result.error.code).toBe('internal')
      const seen = JSON.stringify(result) + lines.join('\n')
      expect(seen).not.toContain('s3cr3t-pa55word')
      expect(seen).not.toContain('other-pass')
      expect(seen).toContain('rediss://admin:***@')
    } finally {
      remove()
    }
  })
})

describe('app.relaunch', () => {
  it('explains the command to run when the transport cannot restart itself (browser mode)', async () => {
    const { appInfoHandlers } = await import('../../../../src/main/app-info')
    const h = appInfoHandlers({ dataDir: '/tmp/x', transport: 'browser', sandbox: false, systemLocale: 'en' }) as unknown as Handlers
    const result = await dispatch(h, 'app.relaunch', { sandbox: true }, ctx)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('relaunch_not_supported')
      expect(result.error.message).toContain('pse-wizard serve --sandbox')
    }
  })

  it('asks the desktop to restart with the sandbox flag, after answering', async () => {
    const { appInfoHandlers } = await import('../../../../src/main/app-info')
    const asked: boolean[] = []
    const h = appInfoHandlers({
      dataDir: '/tmp/x',
      transport: 'desktop',
      sandbox: false,
      systemLocale: 'en',
      relaunch: ({ sandbox }) => asked.push(sandbox)
    }) as unknown as Handlers
    expect(await dispatch(h, 'app.relaunch', { sandbox: true }, ctx)).toEqual({ ok: true, value: { restarting: true } })
    await expect.poll(() => asked).toEqual([true])
  })
})
