import type { z } from 'zod'
import { calls, isCallName, type CallInputSchema, type CallName, type CallOutput } from '../../shared/contract'
import { AppFailure, TransportCodes, type AppError, type Result } from '../../shared/errors'
import { redact } from '../logging/redact'
import { log } from '../logging/log'
import { cancelledFailure } from '../util/abort'

/** Per-call context: cancellation for long calls. */
export interface CallContext {
  signal: AbortSignal
}

export type Handler<N extends CallName> = (input: z.output<CallInputSchema<N>>, ctx: CallContext) => Promise<CallOutput<N>>

export type Handlers = { [N in CallName]: Handler<N> }

const formatIssues = (error: z.ZodError): string => error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ')

/**
 * The one place a contract call is executed, whatever the transport: the name is checked, the
 * input parsed against its schema, the handler run, the output parsed (stripping anything the
 * schema does not name), and every failure turned into an error value. It never throws. Only
 * this call's schemas are built (on its first use), never the whole contract's.
 */
export async function dispatch(handlers: Handlers, name: unknown, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>> {
  if (!isCallName(name)) {
    return {
      ok: false,
      error: { code: TransportCodes.unknownCall, message: 'This request names no known call. Update PSE Wizard so the window and the app match.' }
    }
  }
  let spec: { input: z.ZodType; output: z.ZodType }
  try {
    spec = await calls[name].schemas()
  } catch (e) {
    return internalFailure(name, e)
  }
  const parsed = spec.input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: TransportCodes.invalidInput,
        message: `The request for "${name}" was not valid. Check the highlighted fields and try again.`,
        detail: formatIssues(parsed.error),
        params: { say: 'errors.requestInvalid', call: name }
      }
    }
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown>
    const value = await handler(parsed.data, ctx)
    const out = spec.output.safeParse(value)
    if (!out.success) {
      log.error(`call ${name} returned a value outside its schema: ${formatIssues(out.error)}`)
      return {
        ok: false,
        error: { code: TransportCodes.invalidOutput, message: 'PSE Wizard produced an answer it could not check. Please report this problem.' }
      }
    }
    return { ok: true, value: out.data }
  } catch (e) {
    if (e instanceof AppFailure) return { ok: false, error: redactError(e.toValue()) }
    if (ctx.signal.aborted) return { ok: false, error: cancelledFailure().toValue() }
    return internalFailure(name, e)
  }
}

function internalFailure(name: string, e: unknown): Result<never> {
  const detail = redact(e instanceof Error ? `${e.name}: ${e.message}` : String(e))
  log.error(`call ${name} failed: ${detail}`)
  return {
    ok: false,
    error: {
      code: TransportCodes.internal,
      message: 'Something went wrong inside PSE Wizard. Try again; if it persists, report it with the details below.',
      detail
    }
  }
}

const redactError = (e: AppError) => ({
  ...e,
  message: redact(e.message),
  ...(e.detail !== undefined ? { detail: redact(e.detail) } : {}),
  ...(e.params !== undefined ? { params: Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'string' ? redact(v) : v])) } : {})
})
