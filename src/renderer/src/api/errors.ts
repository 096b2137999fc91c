import type { AppError, TransportCodes } from '../../../shared/errors'

// The transport's codes, checked against shared/errors.ts at compile time: importing its values
// would bring zod into the first screen's download.
const INTERNAL: typeof TransportCodes.internal = 'internal'
const CANCELLED: typeof TransportCodes.cancelled = 'cancelled'

/** A failed call, carrying the app's error value for the UI to show. */
export class CallError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'CallError'
  }
}

/**
 * The one way the renderer turns whatever a failed call threw into an error value: a call's own
 * error as main sent it, anything else (a bug, a bridge that threw) under the transport's
 * `internal` code.
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof CallError) return e.error
  return { code: INTERNAL, message: e instanceof Error ? e.message : String(e) }
}

/** What a call the user cancelled fails with (the transport's `cancelled` code, as main uses it). */
export const cancelledError = (): AppError => ({ code: CANCELLED, message: 'Cancelled.' })

export const isCancelled = (e: unknown): boolean => toAppError(e).code === CANCELLED
