import net from 'node:net'
import { readClientHello } from '../tls-client-hello'
import { joinSockets, openLoopbackGate, type LoopbackGate } from './loopback-gate'

/**
 * The loopback front of a sandbox Gen 2 deployment: "SNI: Required. Must match the VPE domain"
 * (facts §1.8) checked on the server side. It reads the client's TLS ClientHello (never decrypts
 * anything), and unless its server name is the instance's domain or one label under it (the
 * certificate's `*.` name) it answers a fatal `unrecognized_name` alert and closes; otherwise it
 * passes every byte to the redis-server, so TLS stays end to end with the real server. It also
 * admits sources as a restriction in force says (CBR), and stops when the endpoint is off.
 */
export type SniFront = LoopbackGate

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
  return openLoopbackGate((client, track) => {
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
      // The hello already read goes first; the rest flows as is.
      client.pause()
      const upstream = net.connect({ host: '127.0.0.1', port: options.targetPort })
      track(upstream)
      upstream.write(received)
      joinSockets(client, upstream)
      client.resume()
    }
    client.on('data', onData)
  })
}
