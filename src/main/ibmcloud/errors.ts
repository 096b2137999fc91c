import { AppFailure, TransportCodes } from '../../shared/errors'
import { ibmRoles, operationWords, type IbmOperation, type IbmRole, type OperationFacts } from './operations'

/** Stable codes of the IBM Cloud layer. The UI keys its advice on these. */
export const IbmCodes = {
  apiKeyMissing: 'ibm_api_key_missing',
  apiKeyInvalid: 'ibm_api_key_invalid',
  forbidden: 'ibm_forbidden',
  notFound: 'ibm_not_found',
  wrongRegion: 'ibm_wrong_region',
  conflict: 'ibm_conflict',
  refused: 'ibm_refused',
  rateLimited: 'ibm_rate_limited',
  serverError: 'ibm_server_error',
  unreachable: 'ibm_unreachable',
  timeout: 'ibm_timeout',
  malformed: 'ibm_malformed_response',
  provisioningFailed: 'ibm_provisioning_failed',
  taskFailed: 'ibm_task_failed',
  passwordRejected: 'ibm_password_rejected',
  endpointNotEnabled: 'ibm_endpoint_not_enabled',
  insecureEndpoint: 'ibm_insecure_endpoint',
  badRequest: 'ibm_bad_request',
  unauthorized: 'ibm_unauthorized'
} as const

/** What the failing request was for: its operation and facts go into the failure's params and message. */
export interface OperationContext {
  /** The operation by its id (src/main/ibmcloud/operations.ts): "listResourceGroups". */
  op: IbmOperation
  /** The facts its words take (the key's role, the support case number…). */
  facts?: OperationFacts
  /** The IAM access a 403 means is missing. */
  role?: IbmRole
  /** The region the request was sent to (Cloud Databases is regional). */
  region?: string
}

/** The facts an IBM Cloud failure carries, which errors.<code> words in each language. */
export type IbmFailureParams = OperationFacts & {
  op: IbmOperation
  role: IbmRole
  region?: string
  /** IBM Cloud's own words about the failure, shown as a quote. */
  said?: string
  retryAfter?: number
  /** The text to say instead of the code's own, where the code has two (IBM Cloud gave no reason). */
  say?: 'errors.ibmRefusedNoReason' | 'errors.ibmBadRequestNoReason'
}

/** The parts of an ibm-cloud-sdk-core error we read (it is a plain Error with extra fields). */
export interface SdkErrorLike {
  status?: number
  statusText?: string
  message?: string
  result?: unknown
  body?: unknown
  headers?: Record<string, unknown>
  code?: unknown
}

export const statusOf = (e: unknown): number | undefined => {
  const s = (e as SdkErrorLike | undefined)?.status
  return typeof s === 'number' ? s : undefined
}

/** Seconds from a Retry-After header (delta seconds or an HTTP date), else undefined. */
export function retryAfterSeconds(headers: unknown, now = Date.now()): number | undefined {
  if (!headers || typeof headers !== 'object') return undefined
  const entry = Object.entries(headers as Record<string, unknown>).find(([k]) => k.toLowerCase() === 'retry-after')
  const raw = entry?.[1]
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string' && typeof value !== 'number') return undefined
  const text = String(value).trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text)
  const date = Date.parse(text)
  if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000))
  return undefined
}

/** The service's own words from any of the error shapes IBM uses (RC, IAM, CDB, go-sdk-core list). */
export function serviceMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body.length < 500 ? body : undefined
  const b = body as Record<string, unknown>
  if (Array.isArray(b.errors)) {
    const first = b.errors[0] as Record<string, unknown> | undefined
    if (first && typeof first.message === 'string') return first.message
  }
  for (const key of ['message', 'errorMessage', 'error_description', 'error', 'errors', 'description']) {
    if (typeof b[key] === 'string') return b[key] as string
  }
  return undefined
}

/** A machine code from the body (RC `error_code`, IAM `errorCode`), for "Show details". */
function serviceCode(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined
  const b = body as Record<string, unknown>
  for (const key of ['error_code', 'errorCode', 'code']) if (typeof b[key] === 'string') return b[key] as string
  // VPC: {"errors":[{code, message, more_info}]}
  const first = Array.isArray(b.errors) ? (b.errors[0] as Record<string, unknown> | undefined) : undefined
  return first && typeof first.code === 'string' ? first.code : undefined
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ERR_NETWORK'])
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED', 'ESOCKETTIMEDOUT'])

/** How a failure should be treated by the retry loop. */
export type FailureKind =
  'auth' | 'token_expired' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'server' | 'network' | 'timeout' | 'client' | 'malformed' | 'unknown'

export function classify(e: unknown): FailureKind {
  if (e instanceof MalformedResponse) return 'malformed'
  const err = e as SdkErrorLike
  const status = statusOf(e)
  if (status !== undefined) {
    if (status === 401) return 'token_expired'
    if (status === 400 && isIamKeyError(err.result)) return 'auth'
    if (status === 403) return 'forbidden'
    if (status === 404) return 'not_found'
    if (status === 409 || status === 422) return 'conflict'
    if (status === 429) return 'rate_limited'
    if (status >= 500) return 'server'
    return 'client'
  }
  // ibm-cloud-sdk-core throws this when a 2xx body is not the JSON it announced.
  if (/Error processing HTTP response|SyntaxError|in JSON at position/.test(err?.message ?? '')) return 'malformed'
  // axios refused an answer larger than the client's maxContentLength.
  if (/maxContentLength size of \d+ exceeded/.test(err?.message ?? '')) return 'malformed'
  const code = String(err?.statusText ?? err?.code ?? '')
  if (TIMEOUT_CODES.has(code) || /timeout/i.test(err?.message ?? '')) return 'timeout'
  if (NETWORK_CODES.has(code) || /ECONNREFUSED|ENOTFOUND|socket hang up|network/i.test(err?.message ?? '')) return 'network'
  return 'unknown'
}

/** IAM answers a bad API key with 400 (canonical) or 401 and a BXNIM code. */
export function isIamKeyError(body: unknown): boolean {
  const code = serviceCode(body)
  return typeof code === 'string' && /^BXNIM/.test(code)
}

/** Thrown by our response validation when a body is not the JSON shape the API documents. */
export class MalformedResponse extends Error {
  constructor(
    readonly what: string,
    readonly issues: string
  ) {
    super(`malformed response while trying to ${what}: ${issues}`)
    this.name = 'MalformedResponse'
  }
}

/** The codes a failed IBM Cloud request is told by (errors.<code> words each from IbmFailureParams). */
type RequestFailureCode = (typeof IbmCodes)[
  'apiKeyInvalid' | 'unauthorized' | 'forbidden' | 'wrongRegion' | 'notFound' | 'refused' | 'conflict' | 'rateLimited' | 'serverError' | 'unreachable' | 'timeout' | 'badRequest'
]

/** The English verb phrase of a request's operation ("list resource groups"). */
export const whatOf = (ctx: OperationContext): string => operationWords(ctx.op, ctx.facts)

/** Turns any failure of an IBM Cloud request into an AppFailure with a message that says what to do. */
export function toAppFailure(e: unknown, ctx: OperationContext): AppFailure {
  if (e instanceof AppFailure) return e
  const err = (e ?? {}) as SdkErrorLike
  const kind = classify(e)
  const body = err.result ?? err.body
  const said = serviceMessage(body) ?? err.message
  const code = serviceCode(body)
  const status = statusOf(e)
  const detail = [status !== undefined ? `HTTP ${status}` : undefined, code, said].filter(Boolean).join(' · ') || undefined
  const what = whatOf(ctx)
  const base: IbmFailureParams = { op: ctx.op, role: ctx.role ?? 'missing', ...ctx.facts, ...(ctx.region ? { region: ctx.region } : {}) }
  const make = (c: RequestFailureCode, message: string, extra: { retryAfter?: number; said?: string; say?: 'errors.ibmRefusedNoReason' | 'errors.ibmBadRequestNoReason' } = {}) => {
    const params: IbmFailureParams = { ...base, ...extra }
    return new AppFailure({ code: c, message, ...(detail ? { detail } : {}), params, ...(extra.retryAfter !== undefined ? { retryAfter: extra.retryAfter } : {}) }, { cause: e })
  }
  const keyRejected =
    'IBM Cloud did not accept this API key. Check that it was copied whole and has not been deleted, or create a new one under Manage > Access (IAM) > API keys.'

  switch (kind) {
    case 'auth':
      return make(IbmCodes.apiKeyInvalid, keyRejected)
    case 'token_expired':
      if (isIamKeyError(body)) return make(IbmCodes.apiKeyInvalid, keyRejected)
      return make(IbmCodes.unauthorized, `IBM Cloud refused the sign-in while trying to ${what}, even after a fresh token. Check the API key and try again.`)
    case 'forbidden':
      return make(IbmCodes.forbidden, `Your IBM Cloud access does not allow you to ${what}. Ask an account administrator for ${ibmRoles[base.role]}.`)
    case 'not_found':
      if (ctx.region) {
        return make(
          IbmCodes.wrongRegion,
          `IBM Cloud could not find it while trying to ${what} in region ${ctx.region}. Cloud Databases answers only in the deployment's own region: check the region, or that the instance still exists.`
        )
      }
      return make(IbmCodes.notFound, `IBM Cloud could not find it while trying to ${what}. It may have been deleted; refresh the list and choose again.`)
    case 'conflict':
      return make(
        status === 422 ? IbmCodes.refused : IbmCodes.conflict,
        `IBM Cloud refused to ${what}: ${said ?? 'the request conflicts with the current state'}. Fix the cause it names, then try again.`,
        said ? { said } : { say: 'errors.ibmRefusedNoReason' }
      )
    case 'rate_limited': {
      const retryAfter = retryAfterSeconds(err.headers)
      return make(
        IbmCodes.rateLimited,
        `IBM Cloud is limiting requests. Wait${retryAfter !== undefined ? ` ${retryAfter} seconds` : ' a minute'} and try again.`,
        retryAfter !== undefined ? { retryAfter } : {}
      )
    }
    case 'server':
      return make(
        IbmCodes.serverError,
        `IBM Cloud had an internal error while trying to ${what}, and retrying did not help. Check https://cloud.ibm.com/status and try again later.`
      )
    case 'network':
      return make(IbmCodes.unreachable, `Could not reach IBM Cloud to ${what}. Check the network connection (and proxy or VPN), then try again.`)
    case 'timeout':
      return make(IbmCodes.timeout, `IBM Cloud did not answer in time while trying to ${what}. Check the network connection and try again.`)
    case 'malformed':
      return new AppFailure(
        {
          code: IbmCodes.malformed,
          message: `IBM Cloud sent an answer PSE Wizard could not read while trying to ${what}. Try again; if it persists, report it.`,
          detail: e instanceof MalformedResponse ? e.issues : err.message,
          params: base
        },
        { cause: e }
      )
    case 'client':
      return make(IbmCodes.badRequest, `IBM Cloud rejected the request to ${what}: ${said ?? 'bad request'}. Check the values and try again.`, said ? { said } : { say: 'errors.ibmBadRequestNoReason' })
    default:
      return new AppFailure(
        {
          code: TransportCodes.internal,
          message: `Something went wrong while trying to ${what}. Try again; if it persists, report it with the details.`,
          ...(detail ? { detail } : {}),
          params: { ...base, say: 'errors.ibmInternal' }
        },
        { cause: e }
      )
  }
}

export { cancelledFailure } from '../util/abort'
