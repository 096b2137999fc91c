import net from 'node:net'
import { performance } from 'node:perf_hooks'

/**
 * A loopback TCP proxy that behaves like a link with a fixed one-way delay, and counts the round
 * trips each connection really waited for.
 *
 * - Every chunk is held `oneWayDelayMs` in each direction (order kept), so one round trip costs
 *   2 × delay.
 * - The TCP handshake happens on loopback at once, so the first bytes a client sends on a
 *   connection are held 2 × delay longer: they reach the server exactly when they would have
 *   after a real SYN / SYN-ACK exchange. Wall times seen by the client match a real link.
 * - A round trip is counted when the server speaks after the client spoke (the client sent a
 *   flight and something came back before it closed). A flight nobody answers (a close_notify
 *   before FIN) is not a round trip. Each connection adds one round trip for its TCP handshake,
 *   counted separately.
 */
export interface ProxyTarget {
  host: string
  port: number
}

export interface ConnectionTrace {
  /** Milliseconds since the proxy's clock was last reset. */
  acceptedAt: number
  closedAt: number | null
  /** Round trips the client waited for (TCP handshake not included). */
  roundTrips: number
  /** Bursts of client writes (each one after the server last spoke). */
  clientFlights: number
  bytesUp: number
  bytesDown: number
  /** Each client flight: bytes sent, bytes that came back before the next flight, answered or not. */
  flights: Array<{ up: number; down: number; answered: boolean }>
}

export interface ProxyCounts {
  connections: number
  /** One per connection: the TCP handshake. */
  tcpHandshakes: number
  /** Round trips after the handshake (TLS, commands…). */
  roundTrips: number
  /** tcpHandshakes + roundTrips. */
  totalRoundTrips: number
  clientFlights: number
  bytesUp: number
  bytesDown: number
  /** From the first accept to the last close, milliseconds (null while a connection is open). */
  spanMs: number | null
  traces: ConnectionTrace[]
}

export interface DelayProxy {
  host: string
  port: number
  oneWayDelayMs: number
  /** Forget every connection seen so far (call before each measured run). */
  reset(): void
  counts(): ProxyCounts
  /** Resolves once every connection accepted so far has closed on both sides. */
  idle(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

/** A one-direction queue that delivers chunks `delay` after they arrived, in order. */
class DelayedPipe {
  private readonly queue: Array<{ at: number; chunk: Buffer | null }> = []
  private timer: NodeJS.Timeout | undefined
  private last = 0

  constructor(private readonly deliver: (chunk: Buffer | null) => void) {}

  /** `chunk` null means end of stream. */
  push(chunk: Buffer | null, holdMs: number): void {
    const at = Math.max(performance.now() + holdMs, this.last)
    this.last = at
    this.queue.push({ at, chunk })
    this.schedule()
  }

  stop(): void {
    clearTimeout(this.timer)
    this.queue.length = 0
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return
    const wait = Math.max(0, this.queue[0].at - performance.now())
    this.timer = setTimeout(() => {
      this.timer = undefined
      const now = performance.now()
      // A timer may fire up to 1 ms early; never deliver before the due time.
      while (this.queue.length && this.queue[0].at <= now + 0.25) this.deliver(this.queue.shift()!.chunk)
      this.schedule()
    }, wait)
  }
}

export async function startDelayProxy(target: ProxyTarget, oneWayDelayMs: number): Promise<DelayProxy> {
  let epoch = performance.now()
  let traces: ConnectionTrace[] = []
  const open = new Set<() => void>()
  const sockets = new Set<net.Socket>()

  const server = net.createServer({ noDelay: true, allowHalfOpen: true }, (client) => {
    const trace: ConnectionTrace = { acceptedAt: performance.now() - epoch, closedAt: null, roundTrips: 0, clientFlights: 0, bytesUp: 0, bytesDown: 0, flights: [] }
    traces.push(trace)
    const upstream = net.connect({ host: target.host, port: target.port, noDelay: true, allowHalfOpen: true })
    sockets.add(client)
    sockets.add(upstream)
    let lastSpeaker: 'client' | 'server' | null = null
    let clientDone = false
    let first = true
    let closedSides = 0

    const up = new DelayedPipe((chunk) => (chunk ? upstream.write(chunk) : upstream.end()))
    const down = new DelayedPipe((chunk) => (chunk ? client.write(chunk) : client.end()))
    const finish = () => {
      if (++closedSides < 2) return
      trace.closedAt = performance.now() - epoch
      for (const notify of open) notify()
    }
    const teardown = () => {
      up.stop()
      down.stop()
      client.destroy()
      upstream.destroy()
    }

    client.on('data', (chunk: Buffer) => {
      trace.bytesUp += chunk.length
      if (lastSpeaker !== 'client') {
        trace.clientFlights++
        trace.flights.push({ up: 0, down: 0, answered: false })
      }
      trace.flights[trace.flights.length - 1].up += chunk.length
      lastSpeaker = 'client'
      up.push(chunk, oneWayDelayMs * (first ? 3 : 1))
      first = false
    })
    upstream.on('data', (chunk: Buffer) => {
      trace.bytesDown += chunk.length
      const flight = trace.flights[trace.flights.length - 1]
      if (lastSpeaker === 'client' && !clientDone) {
        trace.roundTrips++
        if (flight) flight.answered = true
      }
      if (flight) flight.down += chunk.length
      lastSpeaker = 'server'
      down.push(chunk, oneWayDelayMs)
    })
    let upEnded = false
    let downEnded = false
    const endUp = () => {
      if (upEnded) return
      upEnded = true
      up.push(null, oneWayDelayMs)
    }
    const endDown = () => {
      if (downEnded) return
      downEnded = true
      down.push(null, oneWayDelayMs)
    }
    client.on('end', () => {
      clientDone = true
      endUp()
    })
    upstream.on('end', endDown)
    client.on('error', teardown)
    upstream.on('error', teardown)
    client.on('close', () => {
      clientDone = true
      sockets.delete(client)
      endUp()
      finish()
    })
    upstream.on('close', () => {
      sockets.delete(upstream)
      endDown()
      finish()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0 }, resolve)
  })
  const port = (server.address() as net.AddressInfo).port

  const counts = (): ProxyCounts => {
    const sum = (f: (t: ConnectionTrace) => number) => traces.reduce((n, t) => n + f(t), 0)
    const allClosed = traces.every((t) => t.closedAt !== null)
    const spanMs = traces.length && allClosed ? Math.max(...traces.map((t) => t.closedAt!)) - Math.min(...traces.map((t) => t.acceptedAt)) : null
    const roundTrips = sum((t) => t.roundTrips)
    return {
      connections: traces.length,
      tcpHandshakes: traces.length,
      roundTrips,
      totalRoundTrips: traces.length + roundTrips,
      clientFlights: sum((t) => t.clientFlights),
      bytesUp: sum((t) => t.bytesUp),
      bytesDown: sum((t) => t.bytesDown),
      spanMs,
      traces: traces.map((t) => ({ ...t, flights: t.flights.map((f) => ({ ...f })) }))
    }
  }

  return {
    host: '127.0.0.1',
    port,
    oneWayDelayMs,
    reset() {
      epoch = performance.now()
      traces = []
    },
    counts,
    idle(timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (traces.every((t) => t.closedAt !== null)) {
            clearTimeout(timer)
            open.delete(check)
            resolve()
          }
        }
        const timer = setTimeout(() => {
          open.delete(check)
          reject(new Error(`connections still open after ${timeoutMs} ms`))
        }, timeoutMs)
        open.add(check)
        check()
      })
    },
    async close() {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
