import crypto from 'node:crypto'
import net from 'node:net'
import type { IncomingMessage } from 'node:http'

/**
 * Who may talk to browser mode: requests addressed to our loopback name (Host, against DNS
 * rebinding), from our own page (Origin, against cross-site requests), carrying this run's
 * token (cookie, bearer header, or once in the URL).
 */
export interface GuardConfig {
  port: number
  /** Explicit bind address given with --host, accepted as a Host name too. */
  extraHost?: string
  token: string
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; code: 'unauthorized' | 'forbidden'; message: string }

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

export const tokenCookieName = (port: number): string => `pse_token_${port}`

export function allowedHosts(config: GuardConfig): string[] {
  const names = [...LOOPBACK_NAMES]
  if (config.extraHost) names.push(net.isIPv6(config.extraHost) ? `[${config.extraHost}]` : config.extraHost)
  return names.map((n) => `${n}:${config.port}`)
}

export function checkHostAndOrigin(req: IncomingMessage, config: GuardConfig): GuardVerdict {
  const hosts = allowedHosts(config)
  const host = (req.headers.host ?? '').toLowerCase()
  if (!hosts.includes(host)) {
    return { ok: false, status: 403, code: 'forbidden', message: 'This address is not served here. Open the link that "pse-wizard serve" printed.' }
  }
  const origin = req.headers.origin
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { ok: false, status: 403, code: 'forbidden', message: 'Requests from other sites are refused.' }
  }
  if (req.headers['sec-fetch-site'] === 'cross-site') {
    return { ok: false, status: 403, code: 'forbidden', message: 'Requests from other sites are refused.' }
  }
  return { ok: true }
}

export function presentedToken(req: IncomingMessage, port: number): string | undefined {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim()
  const cookies = req.headers.cookie ?? ''
  const name = tokenCookieName(port)
  for (const part of cookies.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

export const newToken = (): string => crypto.randomBytes(32).toString('base64url')

export const isLoopbackAddress = (address: string): boolean =>
  address === 'localhost' || address === '::1' || (net.isIPv4(address) && address.startsWith('127.'))
