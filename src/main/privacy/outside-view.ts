import dns from 'node:dns'
import net from 'node:net'

/** How a name looks, and whether a port answers, from one vantage point. */
export interface OutsideView {
  readonly kind: 'this_computer' | 'sandbox'
  /** Addresses the name resolves to; rejects with `code: 'ENOTFOUND'` (or similar) when it does not resolve. */
  resolve(host: string, endpoint: 'public' | 'private'): Promise<string[]>
  /** Opens a TCP connection and closes it at once. */
  connect(address: string, port: number, endpoint: 'public' | 'private'): Promise<TcpAttempt>
}

export type TcpAttempt = { answered: true; localAddress: string | null } | { answered: false; reason: 'refused' | 'timeout' | 'unreachable' }

export const CONNECT_TIMEOUT_MS = 3_000

async function systemResolve(host: string): Promise<string[]> {
  if (net.isIP(host)) return [host]
  const answers = await dns.promises.lookup(host, { all: true, verbatim: true })
  return answers.map((a) => a.address)
}

/** One TCP connection attempt to host:port, bounded by a timeout; never sends a byte. */
export function tryTcp(host: string, port: number, timeoutMs = CONNECT_TIMEOUT_MS): Promise<TcpAttempt> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (attempt: TcpAttempt) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(attempt)
    }
    const timer = setTimeout(() => done({ answered: false, reason: 'timeout' }), timeoutMs)
    socket.once('connect', () => done({ answered: true, localAddress: socket.localAddress?.replace(/^::ffff:/, '') ?? null }))
    socket.once('error', (e: NodeJS.ErrnoException) => done({ answered: false, reason: e.code === 'ECONNREFUSED' ? 'refused' : 'unreachable' }))
  })
}

/** The system resolver and real TCP from this computer. Tests inject answers and route TCP to loopback through the hooks. */
export function thisComputer(hooks: { resolve?: (host: string) => Promise<string[]>; connectTo?: { host: string; port: number } } = {}): OutsideView {
  return {
    kind: 'this_computer',
    resolve: hooks.resolve ?? systemResolve,
    connect: (address, port) => (hooks.connectTo ? tryTcp(hooks.connectTo.host, hooks.connectTo.port) : tryTcp(address, port))
  }
}
