import type { z } from 'zod'
import { AppFailure } from '../../shared/errors'
import { log } from '../logging/log'
import { sleep, abortable } from '../util/abort'
import { MalformedResponse, cancelledFailure, classify, retryAfterSeconds, toAppFailure, whatOf, type OperationContext, type SdkErrorLike } from './errors'

export interface RetryPolicy {
  /** Attempts after the first for 5xx, network errors and malformed bodies (idempotent requests only). */
  maxRetries: number
  /** Extra attempts allowed for 429 (Retry-After is honoured, capped by maxRetryAfterSeconds). */
  maxRateLimitRetries: number
  baseDelayMs: number
  maxDelayMs: number
  maxRetryAfterSeconds: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  maxRateLimitRetries: 5,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterSeconds: 120
}

export interface RequestOptions {
  signal?: AbortSignal
  /** Safe to send again after a network error or 5xx (GET, PATCH to a fixed value, ...). */
  idempotent?: boolean
}

export { sleep, abortable }

/** Something whose token can be dropped so the next request signs in again. */
export interface Invalidatable {
  invalidate(): void
}

/**
 * Runs one IBM Cloud request with the layer's rules: a 401 drops the token and retries once
 * (tokens expire in the middle of long waits); 429 waits for Retry-After; 5xx, network errors
 * and unreadable bodies retry with exponential backoff when the request is idempotent; every
 * other failure becomes an AppFailure with a human message. The body is validated with `schema`.
 */
export class Requester {
  constructor(
    private readonly auth: Invalidatable,
    private readonly policy: RetryPolicy = defaultRetryPolicy
  ) {}

  async run<S extends z.ZodType>(
    ctx: OperationContext,
    schema: S,
    send: () => Promise<{ result: unknown; status?: number }>,
    options: RequestOptions = {}
  ): Promise<z.output<S>> {
    const { signal, idempotent = true } = options
    let retries = 0
    let rateLimited = 0
    let refreshed = false
    for (;;) {
      if (signal?.aborted) throw cancelledFailure()
      try {
        const response = await abortable(send(), signal)
        const parsed = schema.safeParse(response.result)
        if (!parsed.success) {
          throw new MalformedResponse(
            whatOf(ctx),
            parsed.error.issues
              .slice(0, 5)
              .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
              .join('; ')
          )
        }
        return parsed.data
      } catch (e) {
        if (e instanceof AppFailure) throw e
        const kind = classify(e)
        const err = e as SdkErrorLike
        if (kind === 'token_expired' && !refreshed && !isKeyError(err)) {
          refreshed = true
          log.info(`IBM Cloud answered 401 while trying to ${whatOf(ctx)}; getting a fresh token`)
          this.auth.invalidate()
          continue
        }
        if (kind === 'rate_limited' && rateLimited < this.policy.maxRateLimitRetries) {
          const after = retryAfterSeconds(err.headers)
          const waitMs = after !== undefined ? Math.min(after, this.policy.maxRetryAfterSeconds) * 1000 : this.backoff(rateLimited)
          rateLimited++
          log.info(`IBM Cloud rate-limited "${whatOf(ctx)}"; waiting ${Math.round(waitMs / 1000)} s`)
          await sleep(waitMs, signal)
          continue
        }
        const transient = kind === 'server' || kind === 'network' || kind === 'timeout' || kind === 'malformed'
        if (transient && idempotent && retries < this.policy.maxRetries) {
          const waitMs = this.backoff(retries)
          retries++
          log.info(`"${whatOf(ctx)}" failed (${kind}); retry ${retries}/${this.policy.maxRetries} in ${waitMs} ms`)
          await sleep(waitMs, signal)
          continue
        }
        throw toAppFailure(e, ctx)
      }
    }
  }

  /** Exponential backoff with full jitter, never below half the step. */
  private backoff(attempt: number): number {
    const step = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** attempt)
    return Math.round(step / 2 + Math.random() * (step / 2))
  }
}

const isKeyError = (err: SdkErrorLike): boolean => {
  const body = err.result as Record<string, unknown> | undefined
  return !!body && typeof body === 'object' && typeof body.errorCode === 'string' && body.errorCode.startsWith('BXNIM')
}
