import net from 'node:net'

export type TcpAttempt = { answered: true; localAddress: string | null } | { answered: false; reason: 'refused' | 'timeout' | 'unreachable' }

export const CONNECT_TIMEOUT_MS = 3_000

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
