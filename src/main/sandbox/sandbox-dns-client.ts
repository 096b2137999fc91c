import http from 'node:http'
import net from 'node:net'

/**
 * Asks the sandbox emulator's private DNS (`GET /sandbox/v1/dns?name=`, emulator/gen2-dns.ts)
 * about a Gen 2 name. Only a loopback emulator is asked, with node:http straight to it (no proxy,
 * no system resolver), so no DNS question about these names leaves the machine.
 */
export const SANDBOX_URL_VARIABLE = 'PSE_SANDBOX_URL'
const DNS_TIMEOUT_MS = 2_000
const MAX_ANSWER_BYTES = 16_384

/** The emulator's base URL when it is plain http on a loopback address; undefined otherwise. */
export function loopbackEmulatorUrl(raw: string | undefined): URL | undefined {
  if (!raw) return undefined
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return undefined
  }
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const loopback = host === 'localhost' || host === '::1' || (net.isIPv4(host) && host.startsWith('127.'))
  return url.protocol === 'http:' && loopback ? url : undefined
}

export const dnsError = (host: string, code: 'ENOTFOUND' | 'EAI_AGAIN', why: string) =>
  Object.assign(new Error(`getaddrinfo ${code} ${host} (${why})`), { code, hostname: host })

/** Loopback addresses only: whatever the emulator says, nothing else is handed to a client. */
const loopbackAddress = (a: unknown): a is string => typeof a === 'string' && (a === '::1' || (net.isIPv4(a) && a.startsWith('127.')))

export function askSandboxDns(base: URL, host: string, timeoutMs = DNS_TIMEOUT_MS): Promise<string[]> {
  const url = new URL('/sandbox/v1/dns', base)
  url.searchParams.set('name', host)
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: timeoutMs, headers: { accept: 'application/json' } }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
        if (body.length > MAX_ANSWER_BYTES) req.destroy(new Error('answer too large'))
      })
      res.on('end', () => {
        if (res.statusCode === 404) return reject(dnsError(host, 'ENOTFOUND', 'no VPE gateway serves it in the sandbox'))
        let addresses: unknown
        try {
          addresses = (JSON.parse(body) as { addresses?: unknown }).addresses
        } catch {
          addresses = undefined
        }
        const found = Array.isArray(addresses) ? addresses.filter(loopbackAddress) : []
        if (res.statusCode !== 200 || found.length === 0) return reject(dnsError(host, 'EAI_AGAIN', `the sandbox DNS answered ${res.statusCode}`))
        resolve(found)
      })
      res.on('error', (e) => reject(dnsError(host, 'EAI_AGAIN', e.message)))
    })
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', (e) => reject(dnsError(host, 'EAI_AGAIN', `the sandbox DNS did not answer: ${e.message}`)))
  })
}
