import { AppFailure, TransportCodes } from '../../shared/errors'

/** The one "Cancelled" failure: the user (or the app closing) stopped the call. */
export const cancelledFailure = (): AppFailure => new AppFailure({ code: TransportCodes.cancelled, message: 'Cancelled.' })

/** Throws the cancelled failure when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledFailure()
}

/** Waits `ms`, or rejects with the cancelled failure as soon as the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledFailure())
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(cancelledFailure())
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Settles with `work`, or rejects with `onTimeout()` after `ms`, or with the cancelled failure when
 * the signal fires first. The work itself is not stopped: pass it the same signal for that.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledFailure())
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
    const onAbort = (): void => {
      done()
      reject(cancelledFailure())
    }
    const timer = setTimeout(() => {
      done()
      reject(onTimeout())
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        done()
        resolve(value)
      },
      (error: unknown) => {
        done()
        reject(error)
      }
    )
  })
}

/** Races a promise against the signal (the SDK has no per-request signal; its own timeout bounds the rest). */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(cancelledFailure())
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledFailure())
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        resolve(v)
      },
      (e) => {
        signal.removeEventListener('abort', onAbort)
        reject(e)
      }
    )
  })
}
