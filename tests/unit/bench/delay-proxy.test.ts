import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDelayProxy, type DelayProxy } from '../../../bench/lib/delay-proxy'

/** A line server: answers "ok <line>" to every line except "bye", which it ignores. */
function startLineServer(): Promise<net.Server> {
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    let buffer = ''
    socket.on('data', (d: Buffer) => {
      buffer += d.toString()
      let i: number
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i)
        buffer = buffer.slice(i + 1)
        if (line !== 'bye') socket.write(`ok ${line}\n`)
      }
    })
    socket.on('end', () => socket.end())
    socket.on('error', () => undefined)
  })
  return new Promise((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, () => resolve(server)))
}

/** A client that reads whole lines. */
async function connect(proxy: DelayProxy) {
  const socket = net.connect({ host: proxy.host, port: proxy.port, allowHalfOpen: true })
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
  let buffer = ''
  const waiters: Array<() => void> = []
  socket.on('data', (d: Buffer) => {
    buffer += d.toString()
    waiters.splice(0).forEach((w) => w())
  })
  const lines = async (n: number): Promise<string[]> => {
    while (buffer.split('\n').length - 1 < n) await new Promise<void>((r) => waiters.push(r))
    const all = buffer.split('\n')
    buffer = all.slice(n).join('\n')
    return all.slice(0, n)
  }
  const closed = new Promise<void>((r) => socket.once('close', () => r()))
  return { socket, lines, closed }
}

describe('the bench delay proxy', () => {
  let server: net.Server
  let proxy: DelayProxy

  beforeAll(async () => {
    server = await startLineServer()
    proxy = await startDelayProxy({ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port }, 2)
  })
  afterAll(async () => {
    await proxy.close()
    await new Promise((r) => server.close(r))
  })

  it('counts one round trip per request the client waited for, plus the TCP handshake', async () => {
    proxy.reset()
    const c = await connect(proxy)
    for (const word of ['a', 'b', 'c']) {
      c.socket.write(`${word}\n`)
      expect(await c.lines(1)).toEqual([`ok ${word}`])
    }
    c.socket.end()
    await c.closed
    await proxy.idle()
    const counts = proxy.counts()
    expect(counts).toMatchObject({ connections: 1, tcpHandshakes: 1, roundTrips: 3, totalRoundTrips: 4, clientFlights: 3 })
  })

  it('counts a pipelined burst as one round trip, even when written in several calls', async () => {
    proxy.reset()
    const c = await connect(proxy)
    c.socket.write('a\n')
    c.socket.write('b\n')
    c.socket.write('c\n')
    expect(await c.lines(3)).toEqual(['ok a', 'ok b', 'ok c'])
    c.socket.end()
    await c.closed
    await proxy.idle()
    expect(proxy.counts()).toMatchObject({ roundTrips: 1, clientFlights: 1, bytesUp: 6, bytesDown: 15 })
    expect(proxy.counts().traces[0].flights).toEqual([{ up: 6, down: 15, answered: true }])
  })

  it('does not count a last flight that nobody answers before the client hangs up', async () => {
    proxy.reset()
    const c = await connect(proxy)
    c.socket.write('a\n')
    await c.lines(1)
    c.socket.end('bye\n')
    await c.closed
    await proxy.idle()
    expect(proxy.counts()).toMatchObject({ roundTrips: 1, clientFlights: 2 })
  })

  it('counts every connection and keeps large transfers intact and in order', async () => {
    proxy.reset()
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`)
    const [one, two] = await Promise.all([connect(proxy), connect(proxy)])
    one.socket.write(words.join('\n') + '\n')
    two.socket.write('x\n')
    expect(await one.lines(words.length)).toEqual(words.map((w) => `ok ${w}`))
    expect(await two.lines(1)).toEqual(['ok x'])
    one.socket.end()
    two.socket.end()
    await Promise.all([one.closed, two.closed])
    await proxy.idle()
    expect(proxy.counts()).toMatchObject({ connections: 2, tcpHandshakes: 2 })
    expect(proxy.counts().spanMs).not.toBeNull()
  })
})
