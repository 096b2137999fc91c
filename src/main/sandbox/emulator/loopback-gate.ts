import net from 'node:net'

/**
 * A loopback listener in front of a deployment's redis-server, as an endpoint of it: it can be
 * turned off (new connections closed at once, open ones cut) and told who may connect (a
 * restriction in force, by source address: others are closed at once, open ones cut). What it
 * does with an admitted connection is its owner's (a plain pass-through, or the Gen 2 SNI check).
 */
export interface LoopbackGate {
  readonly port: number
  setEnabled(on: boolean): void
  setAdmission(admit: ((source: string) => boolean) | undefined): void
  close(): Promise<void>
}

/** What an admitted connection's handler gets: `track` every socket it opens, so turning the gate off cuts them too. */
export type GateHandler = (client: net.Socket, track: (socket: net.Socket) => void) => void

export async function openLoopbackGate(handle: GateHandler): Promise<LoopbackGate> {
  const sockets = new Set<net.Socket>()
  const clients = new Set<net.Socket>()
  let enabled = true
  let admit: ((source: string) => boolean) | undefined
  const admitted = (client: net.Socket) => !admit || admit(sourceOf(client))
  const track = (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  }
  const server = net.createServer((client) => {
    if (!enabled || !admitted(client)) return void client.destroy()
    track(client)
    clients.add(client)
    client.on('close', () => clients.delete(client))
    handle(client, track)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve())
  })
  return {
    port: (server.address() as net.AddressInfo).port,
    setEnabled(on) {
      enabled = on
      if (!on) for (const s of sockets) s.destroy()
    },
    setAdmission(check) {
      admit = check
      for (const c of clients) if (!admitted(c)) c.destroy()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

/** Both ends of a pass-through: an error or close on either cuts both. */
export function joinSockets(client: net.Socket, upstream: net.Socket): void {
  const cut = () => {
    client.destroy()
    upstream.destroy()
  }
  for (const s of [client, upstream]) {
    s.on('error', cut)
    s.on('close', cut)
  }
  client.pipe(upstream).pipe(client)
}

/** The client's address as IBM Cloud would see it: IPv4-mapped IPv6 (`::ffff:127.0.0.1`) as plain IPv4. */
export const sourceOf = (socket: net.Socket): string => (socket.remoteAddress ?? '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1')
