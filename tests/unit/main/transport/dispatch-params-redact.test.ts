import { describe, expect, it } from 'vitest'
import { dispatch, type Handlers } from '../../../../src/main/transport/dispatch'
import { AppFailure } from '../../../../src/shared/errors'
import { registerSecret } from '../../../../src/main/logging/redact'

describe('dispatch redacts an error params', () => {
  it('a secret in a string param never reaches the caller; numbers and booleans are kept', async () => {
    const secret = 'hunter2-params-secret'
    registerSecret(secret)
    const handlers = {
      'settings.get': async () => {
        throw new AppFailure({ code: 'x_failed', message: 'failed', params: { host: `h-${secret}`, port: 6380, tls: true } })
      }
    } as unknown as Handlers
    const result = await dispatch(handlers, 'settings.get', {}, { signal: new AbortController().signal })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(JSON.stringify(result.error)).not.toContain(secret)
    expect(result.error.params).toMatchObject({ port: 6380, tls: true })
    expect(result.error.params?.host).toMatch(/^h-/)
  })
})
