import { z } from 'zod'

/**
 * Errors cross every boundary as values: a stable machine code, a human message that says
 * what to do next, and optional raw detail for "Show details". Never put a secret in any of them.
 */
export const AppErrorSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  message: z.string(),
  detail: z.string().optional(),
  /** Seconds the caller should wait before trying again, when the cause is rate limiting. */
  retryAfter: z.number().nonnegative().optional(),
  /** The facts the message was made of (a host, a port, a count), so a front end can say it in its own language. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional()
})
export type AppError = z.infer<typeof AppErrorSchema>

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (error: AppError): Result<never> => ({ ok: false, error })

/** Thrown inside services; transports turn it back into an AppError value. */
export class AppFailure extends Error {
  readonly code: string
  readonly detail?: string
  readonly retryAfter?: number
  readonly params?: AppError['params']

  constructor(error: AppError, options?: { cause?: unknown }) {
    super(error.message, options)
    this.name = 'AppFailure'
    this.code = error.code
    this.detail = error.detail
    this.retryAfter = error.retryAfter
    this.params = error.params
  }

  toValue(): AppError {
    const value: AppError = { code: this.code, message: this.message }
    if (this.detail !== undefined) value.detail = this.detail
    if (this.retryAfter !== undefined) value.retryAfter = this.retryAfter
    if (this.params !== undefined) value.params = this.params
    return value
  }
}

export const isAppFailure = (e: unknown): e is AppFailure => e instanceof AppFailure

/** Codes shared by every transport. Domain modules define their own next to their code. */
export const TransportCodes = {
  invalidInput: 'invalid_input',
  invalidOutput: 'invalid_output',
  unknownCall: 'unknown_call',
  internal: 'internal',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  cancelled: 'cancelled'
} as const
