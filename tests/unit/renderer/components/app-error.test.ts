import { describe, expect, it } from 'vitest'
import { CallError, toAppError } from '../../../../src/renderer/src/api/errors'

describe('toAppError: the renderer turns a failed call into an error value one way', () => {
  it("keeps a call's own error exactly as main sent it", () => {
    const error = { code: 'auth_failed', message: 'The password was refused.', detail: 'WRONGPASS', params: { host: '127.0.0.1' } }
    expect(toAppError(new CallError(error))).toBe(error)
  })

  it('files anything else under the one fallback code, internal, with its message', () => {
    expect(toAppError(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'x is undefined' })
    expect(toAppError('boom')).toEqual({ code: 'internal', message: 'boom' })
    expect(toAppError(undefined)).toEqual({ code: 'internal', message: 'undefined' })
  })
})
