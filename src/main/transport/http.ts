import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { TransportCodes, type AppError } from '../../shared/errors'
import { dispatch, type Handlers } from './dispatch'
import type { EventBus } from '../events'
import { CONTENT_SECURITY_POLICY } from './csp'
import { checkHostAndOrigin, newToken, presentedToken, tokenCookieName, tokenMatches, type GuardConfig } from './http-guard'
import { readStatic } from './static-files'
import { OneTimeLinks } from './one-time-links'
import { LINK_REFUSED_PAGE } from './link-page'
import { log } from '../logging/log'

/**
 * Browser mode: the contract over HTTP on a loopback address. Calls are `POST /api/call/<name>`
 * with a JSON body; events stream from `GET /api/events` (Server-Sent Events); everything else
 * serves the built renderer. Every request passes the guard first.
 */
export interface HttpTransportOptions {
  handlers: Handlers
  events: EventBus
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  host?: string
  port?: number
  /** The session token (cookie value and API bearer token); a random one by default. */
  token?: string
}

export interface HttpTransport {
  /** The first link to open: it carries a one-time token, traded for the session cookie on the first visit. */
  url: string
  origin: string
  port: number
  /**
   * The session token: the HttpOnly cookie's value, also accepted as `Authorization: Bearer`.
   * Never printed; a client outside this process gets it by opening a link (the Set-Cookie).
   */
  token: string
  /** A new one-time link (the previous links that were not used yet stay valid). */
  newLink(): string
  close(): Promise<void>
}

const MAX_BODY = 1024 * 1024
const HEARTBEAT_MS = 15_000
/** Events queued for a client that stopped reading: past this the stream is cut (EventSource reconnects). */
const MAX_PENDING_EVENT_BYTES = 1024 * 1024

const baseHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...baseHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

const sendError = (res: ServerResponse, status: number, error: AppError): void => sendJson(res, status, { ok: false, error })

/** A browser opening a used link (or none) gets a page that says how to get a new one. */
function sendLinkRefused(res: ServerResponse): void {
  res.writeHead(401, { ...baseHeaders, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(LINK_REFUSED_PAGE)
}

const statusForError: Record<string, number> = {
  [TransportCodes.invalidInput]: 400,
  [TransportCodes.unknownCall]: 404
}

/**
 * The body, up to MAX_BODY. Past that the rest is read and dropped (not kept, not buffered), so
 * the client is still there to receive the 413 instead of a reset connection.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_BODY) {
      req.resume()
      return reject(new Error('too_large'))
    }
    let size = 0
    const chunks: Buffer[] = []
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        chunks.length = 0
        req.off('data', onData)
        req.resume()
        reject(new Error('too_large'))
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Server-Sent Events: every event main pushes, with a heartbeat; a client that stops reading is cut. */
function openEventStream(events: HttpTransportOptions['events'], streams: Set<ServerResponse>, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { ...baseHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
  res.write(': connected\n\n')
  streams.add(res)
  const send = (text: string) => {
    if (res.writableLength > MAX_PENDING_EVENT_BYTES) return void res.destroy()
    res.write(text)
  }
  const unsubscribe = events.subscribe((name, payload) => send(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`))
  const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS)
  req.on('close', () => {
    clearInterval(heartbeat)
    unsubscribe()
    streams.delete(res)
  })
}

/** The built renderer's files; client-side routes get the app shell. */
async function serveStatic(rendererDir: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, { code: TransportCodes.invalidInput, message: 'Method not allowed.' })
  let file = await readStatic(rendererDir, url.pathname)
  // Client-side routes fall back to the app shell.
  if (!file && !path.extname(url.pathname)) file = await readStatic(rendererDir, '/')
  if (!file) return sendError(res, 404, { code: 'not_found', message: 'Not found.' })
  res.writeHead(200, { ...baseHeaders, 'Content-Type': file.type, 'Cache-Control': file.type.startsWith('text/html') ? 'no-store' : 'private, max-age=3600' })
  res.end(req.method === 'HEAD' ? undefined : file.body)
}

export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? newToken()
  const links = new OneTimeLinks()
  const rendererDir = path.resolve(options.rendererDir)
  const streams = new Set<ServerResponse>()
  let guard: GuardConfig = { port: 0, token, extraHost: host === '127.0.0.1' ? undefined : host }

  async function handleCall(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendError(res, 415, { code: TransportCodes.invalidInput, message: 'Calls must be sent as application/json.' })
    }
    let input: unknown
    try {
      input = JSON.parse(await readBody(req))
    } catch (e) {
      const tooLarge = e instanceof Error && e.message === 'too_large'
      return sendError(res, tooLarge ? 413 : 400, {
        code: TransportCodes.invalidInput,
        message: tooLarge ? 'The request is too large.' : 'The request body is not valid JSON.'
      })
    }
    const controller = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    const result = await dispatch(options.handlers, name, input, { signal: controller.signal })
    if (res.destroyed) return
    sendJson(res, result.ok ? 200 : (statusForError[result.error.code] ?? 200), result)
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = checkHostAndOrigin(req, guard)
    if (!verdict.ok) return sendError(res, verdict.status, { code: verdict.code, message: verdict.message })
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)

    const hasSession = tokenMatches(token, presentedToken(req, guard.port))
    // A link's token works once: traded for the HttpOnly session cookie, then dropped from the address bar.
    const linkToken = url.searchParams.get('token')
    const isPage = req.method === 'GET' && !url.pathname.startsWith('/api/')
    if (linkToken !== null && isPage) {
      // Redeemed even when a session is already there: every link is spent by its first visit.
      const redeemed = links.redeem(linkToken)
      if (!redeemed && !hasSession) return sendLinkRefused(res)
      url.searchParams.delete('token')
      res.writeHead(303, {
        ...baseHeaders,
        Location: url.pathname + (url.search || ''),
        ...(hasSession ? {} : { 'Set-Cookie': `${tokenCookieName(guard.port)}=${token}; HttpOnly; SameSite=Strict; Path=/` }),
        'Cache-Control': 'no-store'
      })
      return void res.end()
    }
    if (!hasSession) {
      if (isPage) return sendLinkRefused(res)
      return sendError(res, 401, {
        code: TransportCodes.unauthorized,
        message: 'Missing or wrong token. Open a new link from "pse-wizard serve" (press Enter where it runs).'
      })
    }
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return sendError(res, 405, { code: TransportCodes.invalidInput, message: 'Calls must use POST.' })
      let name: string
      try {
        name = decodeURIComponent(url.pathname.slice('/api/call/'.length))
      } catch {
        return sendError(res, 404, { code: TransportCodes.unknownCall, message: 'No such call.' })
      }
      return handleCall(req, res, name)
    }
    if (url.pathname === '/api/events') return openEventStream(options.events, streams, req, res)
    if (url.pathname.startsWith('/api/')) return sendError(res, 404, { code: TransportCodes.unknownCall, message: 'No such API route.' })
    return serveStatic(rendererDir, req, res, url)
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      log.error(`browser mode request failed: ${e instanceof Error ? e.message : String(e)}`)
      if (!res.headersSent) sendError(res, 500, { code: TransportCodes.internal, message: 'Something went wrong inside PSE Wizard.' })
      else res.destroy()
    })
  })
  server.requestTimeout = 5 * 60_000
  server.headersTimeout = 30_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  guard = { ...guard, port }
  const shownHost = host.includes(':') ? `[${host}]` : host
  const origin = `http://${shownHost}:${port}`

  return {
    url: `${origin}/?token=${links.issue()}`,
    origin,
    port,
    token,
    newLink: () => `${origin}/?token=${links.issue()}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
