import { describe, expect, it } from 'vitest'
import { abortable, cancelledFailure, sleep, throwIfAborted, withTimeout } from '../../../../src/main/util/abort'

const codeOf = (e: unknown) => (e as { code?: string }).code

describe('abort helpers', () => {
  it('sleep resolves after the delay and rejects as cancelled when aborted', async () => {
    await expect(sleep(5)).resolves.toBeUndefined()
    const controller = new AbortController()
    const waiting = sleep(10_000, controller.signal)
    controller.abort()
    await expect(waiting).rejects.toSatisfy((e) => codeOf(e) === 'cancelled')
    await expect(sleep(1, controller.signal)).rejects.toSatisfy((e) => codeOf(e) === 'cancelled')
  })

  it('withTimeout settles with the work, times out with the given error, or is cancelled', async () => {
    await expect(withTimeout(Promise.resolve(7), 1_000, () => new Error('late'))).resolves.toBe(7)
    await expect(withTimeout(new Promise(() => undefined), 5, () => new Error('late'))).rejects.toThrow('late')
    await expect(withTimeout(Promise.reject(new Error('own')), 1_000, () => new Error('late'))).rejects.toThrow('own')
    const controller = new AbortController()
    const pending = withTimeout(new Promise(() => undefined), 10_000, () => new Error('late'), controller.signal)
    controller.abort()
    await expect(pending).rejects.toSatisfy((e) => codeOf(e) === 'cancelled')
  })

  it('abortable and throwIfAborted use the one cancelled failure', async () => {
    const controller = new AbortController()
    const pending = abortable(new Promise(() => undefined), controller.signal)
    controller.abort()
    await expect(pending).rejects.toSatisfy((e) => codeOf(e) === 'cancelled')
    expect(() => throwIfAborted(controller.signal)).toThrow(cancelledFailure().message)
    expect(() => throwIfAborted(undefined)).not.toThrow()
  })
})
