import net from 'node:net'
import { freeLoopbackPort } from '../../src/main/sandbox/tls-redis'

/** Loopback-only network helpers for tests: no packet ever leaves 127.0.0.1. */
export interface LoopbackEndpoint {
  host: string
  port: number
}

export interface SilentServer extends LoopbackEndpoint {
  /** Sockets accepted so far (they never get a byte back). */
  readonly accepted: number
  close(): Promise<void>
}

/** A loopback port nobody listens on: connecting to it is refused. */
export async function closedPort(): Promise<LoopbackEndpoint> {
  return { host: '127.0.0.1', port: await freeLoopbackPort() }
}

/** A TCP server that accepts connections and never answers: TLS handshakes and commands hang. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<net.Socket>()
  let accepted = 0
  const server = net.createServer((socket) => {
    accepted++
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen({ host: '127.0.0.1', port: 0 }, resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    host: '127.0.0.1',
    port,
    get accepted() {
      return accepted
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
