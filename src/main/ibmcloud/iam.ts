import { IamAuthenticator, IamTokenManager } from 'ibm-cloud-sdk-core'
import { AppFailure } from '../../shared/errors'
import { registerSecret } from '../logging/redact'
import { IbmCodes } from './errors'

/** A token manager that can be told its cached token is no longer good (a 401 mid-wait). */
class InvalidatableTokenManager extends IamTokenManager {
  invalidate(): void {
    this.accessToken = ''
    this.expireTime = 0
    this.refreshTime = 0
  }
}

/**
 * The SDK's IamAuthenticator (token fetch, caching, refresh before expiry), plus `invalidate()`
 * so that a service answering 401 (token revoked or clocks apart) makes the next request fetch
 * a fresh token instead of failing a 20-minute wait.
 */
export class RefreshingIamAuthenticator extends IamAuthenticator {
  readonly #apiKey: string

  constructor(options: { apikey: string; url: string; timeoutMs: number }) {
    // A token answer is a few KB: a far larger one is not IAM.
    const tokenOptions = { apikey: options.apikey, url: options.url, timeout: options.timeoutMs, maxContentLength: 1024 * 1024 }
    super(tokenOptions)
    registerSecret(options.apikey)
    this.#apiKey = options.apikey
    this.tokenManager = new InvalidatableTokenManager(tokenOptions)
  }

  /** The key itself, for the one IAM call that takes it as a header (API key details). */
  apiKey(): string {
    return this.#apiKey
  }

  invalidate(): void {
    ;(this.tokenManager as InvalidatableTokenManager).invalidate()
  }

  /** The current access token (fetching one if needed). Registered as a secret before returning. */
  async accessToken(): Promise<string> {
    const token = (await this.tokenManager.getToken()) as string
    registerSecret(token)
    return token
  }
}

export interface TokenClaims {
  accountId: string
  iamId?: string
  email?: string
  expiresAt?: number
}

/** Reads the claims IBM's tools read from the IAM access token (no signature check: we just got it from IAM over TLS). */
export function decodeAccessToken(token: string): TokenClaims {
  const part = token.split('.')[1]
  try {
    const json = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
    const account = json.account as Record<string, unknown> | undefined
    const accountId = typeof account?.bss === 'string' ? account.bss : undefined
    if (!accountId) throw new Error('no account.bss claim')
    return {
      accountId,
      iamId: typeof json.iam_id === 'string' ? json.iam_id : typeof json.id === 'string' ? json.id : undefined,
      email: typeof json.email === 'string' ? json.email : undefined,
      expiresAt: typeof json.exp === 'number' ? json.exp : undefined
    }
  } catch (e) {
    throw new AppFailure({ code: IbmCodes.malformed, message: 'IBM Cloud returned a sign-in token PSE Wizard could not read. Try again; if it persists, report it.', detail: (e as Error).message })
  }
}

/** API keys are 44 characters of [A-Za-z0-9_-] today; accept a broader range but reject obvious junk early. */
export function checkApiKeyShape(key: string): string {
  const trimmed = key.trim()
  if (!/^[A-Za-z0-9_\-]{20,200}$/.test(trimmed)) {
    throw new AppFailure({ code: IbmCodes.apiKeyInvalid, message: 'This does not look like an IBM Cloud API key (letters, digits, - and _ only, usually 44 characters). Paste the key itself, not its name or ID.' })
  }
  return trimmed
}
