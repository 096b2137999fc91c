import fs from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../src/main/app'
import { startHttpTransport, type HttpTransport } from '../../../src/main/transport/http'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

function request(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers, timeout: 5_000 },
      (res) => {
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
      }
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('browser mode transport', () => {
  let app: App
  let server: HttpTransport
  let home: string
  const json = { 'Content-Type': 'application/json' }
  const host = () => ({ Host: `127.0.0.1:${server.port}` })
  const auth = () => ({ ...host(), Authorization: `Bearer ${server.token}` })
  const callApi = (name: string, body: unknown, headers: Record<string, string> = auth()) =>
    request(server.port, { method: 'POST', path: `/api/call/${name}`, headers: { ...json, ...headers }, body: JSON.stringify(body) })

  beforeAll(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-http-'))
    const renderer = path.join(home, 'renderer')
    await fs.mkdir(renderer)
    await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>shell</title>')
    await fs.writeFile(path.join(home, 'secret.txt'), 'outside the renderer folder')
    app = await createApp({ dataDir: path.join(home, 'data'), transport: 'browser', sandbox: false })
    server = await startHttpTransport({ handlers: app.handlers, events: app.events, rendererDir: renderer })
  })
  afterAll(async () => {
    await server?.close()
    await app?.close()
  })

  it('listens on 127.0.0.1 and prints a link carrying a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/)
  })

  it('answers a call that carries the token', async () => {
    const reply = await callApi('app.info', {})
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { transport: 'browser' } })
  })

  it('refuses a request with no token, or a wrong one', async () => {
    expect((await callApi('app.info', {}, host())).status).toBe(401)
    expect((await callApi('app.info', {}, { ...host(), Authorization: 'Bearer wrong' })).status).toBe(401)
    expect((await callApi('app.info', {}, { ...host(), Authorization: `Bearer ${server.token}x` })).status).toBe(401)
    expect((await request(server.port, { headers: host() })).status).toBe(401)
    expect((await request(server.port, { path: '/?token=nope', headers: host() })).status).toBe(401)
    const events = await request(server.port, { path: '/api/events', headers: host() })
    expect(events.status).toBe(401)
  })

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    const reply = await callApi('app.info', {}, { Host: `evil.example:${server.port}`, Authorization: `Bearer ${server.token}` })
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body).error.code).toBe('forbidden')
    expect((await callApi('app.info', {}, { Host: '127.0.0.1:1', Authorization: `Bearer ${server.token}` })).status).toBe(403)
  })

  it('refuses a foreign Origin even with the right token', async () => {
    const reply = await callApi('app.info', {}, { ...auth(), Origin: 'http://evil.example' })
    expect(reply.status).toBe(403)
    expect((await callApi('app.info', {}, { ...auth(), Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200)
    expect((await callApi('app.info', {}, { ...auth(), 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
  })

  it('rejects an invalid payload with a typed error and changes nothing', async () => {
    const reply = await callApi('settings.set', { theme: 'purple' })
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const notJson = await request(server.port, { method: 'POST', path: '/api/call/settings.set', headers: { ...json, ...auth() }, body: '{' })
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body).error.code).toBe('invalid_input')
    const unknown = await callApi('settings.destroy', {})
    expect(unknown.status).toBe(404)
    expect(JSON.parse((await callApi('settings.get', {})).body).value.theme).toBe('system')
  })

  it('turns the link token into an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const first = await request(server.port, { path: new URL(server.url).search ? `/${new URL(server.url).search}` : '/', headers: host() })
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/')
    const cookie = String(first.headers['set-cookie'])
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    const page = await request(server.port, { headers: { ...host(), Cookie: cookie.split(';')[0] } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>shell</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['x-frame-options']).toBe('DENY')
  })

  it('a link works once: the second visit is refused with a page that says how to get a new link', async () => {
    const link = server.newLink()
    const path = `/${new URL(link).search}`
    const first = await request(server.port, { path, headers: host() })
    expect(first.status).toBe(303)
    const cookie = String(first.headers['set-cookie']).split(';')[0]
    expect(cookie).toBe(`pse_token_${server.port}=${server.token}`)
    const second = await request(server.port, { path, headers: host() })
    expect(second.status).toBe(401)
    expect(second.headers['content-type']).toContain('text/html')
    expect(second.headers['set-cookie']).toBeUndefined()
    expect(second.body).toContain('works once')
    expect(second.body).toContain('press Enter')
    expect(second.body).toContain('kill -USR1')
    // The cookie from the first visit keeps working, for pages and for calls.
    expect((await request(server.port, { headers: { ...host(), Cookie: cookie } })).status).toBe(200)
    expect((await callApi('app.info', {}, { ...host(), Cookie: cookie })).status).toBe(200)
    // A browser that already has the session is sent on, but gets no new cookie from a spent link.
    const again = await request(server.port, { path, headers: { ...host(), Cookie: cookie } })
    expect(again.status).toBe(303)
    expect(again.headers['set-cookie']).toBeUndefined()
  })

  it('a new link works once too, and every link is spent by its first visit', async () => {
    const a = `/${new URL(server.newLink()).search}`
    const b = `/${new URL(server.newLink()).search}`
    expect(a).not.toBe(b)
    expect((await request(server.port, { path: b, headers: host() })).status).toBe(303)
    expect((await request(server.port, { path: a, headers: host() })).status).toBe(303)
    expect((await request(server.port, { path: a, headers: host() })).status).toBe(401)
    expect((await request(server.port, { path: b, headers: host() })).status).toBe(401)
    // The session token is not a link, and a link is not an API token.
    expect((await request(server.port, { path: `/?token=${server.token}`, headers: host() })).status).toBe(401)
    const unused = new URL(server.newLink()).searchParams.get('token')!
    expect((await callApi('app.info', {}, { ...host(), Authorization: `Bearer ${unused}` })).status).toBe(401)
  })

  it('a page visit with no session gets the how-to-get-a-link page, an API call a JSON error', async () => {
    const page = await request(server.port, { path: '/#/profiles', headers: host() })
    expect(page.status).toBe(401)
    expect(page.body).toContain('pse-wizard serve')
    const call = await callApi('app.info', {}, host())
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  it('serves nothing outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const reply = await request(server.port, { path: p, headers: auth() })
      expect(reply.body).not.toContain('outside the renderer folder')
    }
  })

  it('streams contract events over Server-Sent Events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: auth() }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream')
        let buffer = ''
        res.on('data', (d: Buffer) => {
          buffer += d.toString()
          if (buffer.includes('event: settings.changed')) {
            req.destroy()
            resolve(buffer)
          } else if (buffer.includes(': connected')) {
            void callApi('settings.set', { language: 'ja' })
          }
        })
      })
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)))
      req.end()
    })
    const stream = await received
    expect(stream).toContain('"language":"ja"')
  })
})
