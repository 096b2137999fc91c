import type { IncomingMessage } from 'node:http'
import { hex } from './state'

/** A response the router writes. */
export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** Error body families: each IBM service has its own (API-FACTS a, d.4, e). */
export type ErrorFamily = 'iam' | 'rc' | 'cdb' | 'vpc' | 'cbr' | 'case'

/** Which service's error body a path gets (its first segment), when no route matched it. */
export const FAMILY_OF_SEGMENT: Record<string, ErrorFamily> = { cdb: 'cdb', vpc: 'vpc', cbr: 'cbr', 'case-management': 'case', identity: 'iam' }

/** The services whose error codes are lower case (`internal_error`); RC and IAM use their own (`RC-…`, `BXNIM…`). */
export const lowerCaseCodes = (family: ErrorFamily) => family === 'cdb' || family === 'vpc' || family === 'cbr' || family === 'case'

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly family: ErrorFamily,
    readonly code?: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

export function errorBody(family: ErrorFamily, status: number, message: string, code?: string): unknown {
  switch (family) {
    case 'iam':
      return {
        errorCode: code ?? 'BXNIM0415E',
        errorMessage: message,
        errorDetails:
          code === 'BXNIM0415E' || code === undefined ? "BXNIM0102E: Unable to find Object. Object Type: 'ApiKey' with ID: '<APIKEY>' not found." : message,
        context: {
          requestId: hex(16),
          requestType: 'incoming.OIDC_Token',
          userAgent: 'pse-wizard',
          clientIp: '127.0.0.1',
          url: 'https://iam.cloud.ibm.com',
          instanceId: 'iamid-sandbox',
          threadId: hex(3),
          host: 'iamid-sandbox',
          startTime: new Date().toUTCString(),
          endTime: new Date().toUTCString(),
          elapsedTime: '1',
          locale: 'en_US'
        }
      }
    case 'rc':
      return { error_code: code ?? 'RC-ServiceBrokerErrorResponse', message, status_code: status, transaction_id: hex(16) }
    case 'vpc':
      // docs §2: {"errors":[{code, message, more_info, target?}], "trace", "status_code"} (samples/vpc_error.json).
      return { errors: [{ code: code ?? 'internal_error', message, more_info: 'https://cloud.ibm.com/docs/vpc' }], status_code: status, trace: hex(16) }
    case 'cbr':
      return { code: code ?? 'internal_error', message, status_code: status, trace: hex(16) }
    case 'case':
      // UNVERIFIED: Case Management's error body; the platform's common {errors: [{code, message}], trace} is assumed.
      return { errors: [{ code: code ?? 'internal_error', message }], status_code: status, trace: hex(16) }
    case 'cdb':
      // The CLI doc quotes {"errors":"not_found"}; the exact schema per status is UNVERIFIED.
      return { errors: code ?? message }
  }
}

const MAX_BODY = 1 << 20

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new HttpError(413, 'Request body too large', 'rc')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function parseJson(text: string, family: ErrorFamily): Record<string, unknown> {
  if (!text) return {}
  try {
    const v = JSON.parse(text) as unknown
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
  } catch {
    // fall through
  }
  throw new HttpError(400, 'The request body is not valid JSON', family, family === 'cdb' ? 'bad_request' : 'RC-BadRequest')
}

/** A fake JWT with the claims IBM tools read (`account.bss`, `iam_id`, `exp`…); the signature is not real. */
export function makeJwt(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${enc({ kid: 'sandbox', alg: 'RS256' })}.${enc(claims)}.${Buffer.from('EMULATOR-FAKE-SIGNATURE-' + hex(8)).toString('base64url')}`
}
