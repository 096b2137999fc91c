import http from 'node:http'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EventBus } from '../../../src/main/events'
import type { Handlers } from '../../../src/main/transport/dispatch'
import { startHttpTransport, type HttpTransport } from '../../../src/main/transport/http'

/** Browser mode's answers to requests it must refuse: a clear status and error value, never a dropped connection or a 500. */
describe('browser mode: refused requests get a proper answer', () => {
  let server: HttpTransport
  const bus = new EventBus()
  beforeAll(async () => {
    server = await startHttpTransport({ handlers: {} as Handlers, events: bus, rendererDir: __dirname })
  })
  afterAll(() => server.close())

  const post = (path: string, write: (req: http.ClientRequest) => void, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path,
          headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...headers }
        },
        (res) => {
          let body = ''
          res.on('data', (d: Buffer) => (body += d.toString()))
          res.on('end', () => resolve({ status: res.statusCode!, body }))
        }
      )
      req.on('error', reject)
      write(req)
    })

  it('a body over 1 MiB is answered 413 (with a Content-Length or streamed in chunks)', async () => {
    const sized = await post('/api/call/app.info', (req) => req.end(Buffer.alloc(3 * 1024 * 1024, 0x20)))
    expect(sized.status).toBe(413)
    expect(JSON.parse(sized.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const chunked = await post('/api/call/app.info', (req) => {
      for (let i = 0; i < 48; i++) req.write(Buffer.alloc(64 * 1024, 0x20))
      req.end()
    })
    expect(chunked.status).toBe(413)
  })

  it('a call name that is not valid percent-encoding is an unknown call, not an internal error', async () => {
    const reply = await post('/api/call/%E0%A4%A', (req) => req.end('{}'))
    expect(reply.status).toBe(404)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
  })

  it('an event stream whose client stopped reading is cut once 1 MiB waits for it, not buffered without end', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: server.port })
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\n\r\n`)
    socket.pause()
    const closed = new Promise<boolean>((resolve) => {
      socket.once('close', () => resolve(true))
      setTimeout(() => resolve(false), 10_000)
    })
    await new Promise((r) => setTimeout(r, 200))
    // 30 MB of events: more than the loopback socket buffers hold, so the rest queues in the server.
    const ids = Array.from({ length: 1000 }, (_, i) => `${i}`.padStart(100, 'x'))
    for (let i = 0; i < 300; i++) bus.emit('profiles.changed', { ids })
    socket.resume()
    socket.on('data', () => undefined)
    try {
      expect(await closed).toBe(true)
    } finally {
      socket.destroy()
    }
  })
})
