import type { AuthenticatorInterface } from 'ibm-cloud-sdk-core'
import { AppFailure } from '../../shared/errors'
import { registerSecret } from '../logging/redact'
import { cleanLines } from './account-show-parser'
import { CliCodes, type IbmcloudCli } from './cli-runner'

/**
 * `ibmcloud iam oauth-tokens` output → the bearer token. JSON (`{"iam_token":"Bearer …"}`) or
 * text (`IAM token:  Bearer …`). Throws a typed error when neither is there.
 */
export function parseOauthTokens(text: string): string {
  const raw = String(text)
  try {
    const data = JSON.parse(raw) as unknown
    const token = data && typeof data === 'object' ? (data as Record<string, unknown>).iam_token : undefined
    if (typeof token === 'string') {
      const m = /^Bearer\s+(\S+)$/.exec(token.trim())
      if (m) return m[1]
    }
  } catch {
    // text form below
  }
  for (const line of cleanLines(raw)) {
    const m = /^\s*IAM token:\s*Bearer\s+(\S+)\s*$/i.exec(line)
    if (m) return m[1]
  }
  throw new AppFailure({ code: CliCodes.notLoggedIn, message: 'Your ibmcloud CLI session did not give a token. Run "ibmcloud login" in a terminal, then try again.' })
}

const expiryOf = (token: string): number => {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: number }
    return typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 10 * 60_000
  } catch {
    return Date.now() + 10 * 60_000
  }
}

/**
 * Authenticates SDK requests with the user's own `ibmcloud` login ("Use my CLI session"): the
 * token comes from `ibmcloud iam oauth-tokens` (which refreshes it), cached until a minute
 * before it expires, dropped on a 401.
 */
export class CliSessionAuthenticator implements AuthenticatorInterface {
  private token: string | undefined
  private expires = 0
  private pending: Promise<string> | undefined

  constructor(private readonly cli: IbmcloudCli) {}

  authenticationType(): string {
    return 'bearerToken'
  }

  async authenticate(requestOptions: { headers?: Record<string, unknown> }): Promise<void> {
    const token = await this.accessToken()
    requestOptions.headers = { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${token}` }
  }

  invalidate(): void {
    this.token = undefined
    this.expires = 0
  }

  async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.expires - 60_000) return this.token
    this.pending ??= (async () => {
      try {
        const r = await this.cli.runChecked(['iam', 'oauth-tokens', '--output', 'json'], { timeoutMs: 30_000 })
        const token = parseOauthTokens(r.stdout)
        registerSecret(token)
        this.token = token
        this.expires = expiryOf(token)
        return token
      } finally {
        this.pending = undefined
      }
    })()
    return this.pending
  }
}
