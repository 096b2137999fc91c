import net from 'node:net'
import { readClientHello } from '../tls-client-hello'
import { sourceOf } from './redis-backend'

/**
 * The loopback front of a sandbox Gen 2 deployment: "SNI: Required. Must match the VPE domain"
 * (facts §1.8) checked on the server side. It reads the client's TLS ClientHello (never decrypts
 * anything), and unless its server name is the instance's domain or one label under it (the
 * certificate's `*.` name) it answers a fatal `unrecognized_name` alert and closes; otherwise it
 * passes every byte to the redis-server, so TLS stays end to end with the real server. It also
 * admits sources as a restriction in force says (CBR), and stops when the endpoint is off.
 */
export interface SniFront {
  readonly port: number
  setEnabled(on: boolean): void
  setAdmission(admit: ((source: string) => boolean) | undefined): void
  close(): Promise<void>
}

export interface SniFrontOptions {
  /** The redis-server's TLS port on 127.0.0.1. */
  targetPort: number
  /** The VPE domain the client must name. */
  domain: string
  /** How long a client may take to send its ClientHello (default 10 s). */
  helloTimeoutMs?: number
}

/** TLS alert record: fatal (2) unrecognized_name (112), RFC 8446 §6. */
const UNRECOGNIZED_NAME_ALERT = Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x70])

/** The domain itself or a name one label under it (what `*.<domain>` covers). */
export function sniMatches(serverName: string, domain: string): boolean {
  const d = domain.toLowerCase()
  const n = serverName.toLowerCase()
  if (n === d) return true
  if (!n.endsWith(`.${d}`)) return false
  const label = n.slice(0, -d.length - 1)
  return label.length > 0 && !label.includes('.')
}

export async function startSniFront(options: SniFrontOptions): Promise<SniFront> {
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
    client.on('error', () => client.destroy())
    let received = Buffer.alloc(0)
    const timer = setTimeout(() => client.destroy(), options.helloTimeoutMs ?? 10_000)
    client.on('close', () => clearTimeout(timer))
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      const hello = readClientHello(received)
      if (hello.kind === 'incomplete') return
      clearTimeout(timer)
      client.off('data', onData)
      if (hello.kind === 'invalid') return void client.destroy()
      if (hello.serverName === null || !sniMatches(hello.serverName, options.domain)) return void client.end(UNRECOGNIZED_NAME_ALERT)
      client.pause()
      pipeTo(client, received)
    }
    client.on('data', onData)
  })

  function pipeTo(client: net.Socket, first: Buffer): void {
    const upstream = net.connect({ host: '127.0.0.1', port: options.targetPort })
    track(upstream)
    const cut = () => {
      client.destroy()
      upstream.destroy()
    }
    upstream.on('error', cut)
    client.on('error', cut)
    client.on('close', cut)
    upstream.on('close', cut)
    upstream.write(first)
    client.pipe(upstream).pipe(client)
    client.resume()
  }

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
