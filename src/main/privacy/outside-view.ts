import dns from 'node:dns'
import net from 'node:net'
import { tryTcp, type TcpAttempt } from '../util/tcp-attempt'

/** How a name looks, and whether a port answers, from one vantage point. */
export interface OutsideView {
  readonly kind: 'this_computer' | 'sandbox'
  /** Addresses the name resolves to; rejects with `code: 'ENOTFOUND'` (or similar) when it does not resolve. */
  resolve(host: string, endpoint: 'public' | 'private'): Promise<string[]>
  /** Opens a TCP connection and closes it at once. */
  connect(address: string, port: number, endpoint: 'public' | 'private'): Promise<TcpAttempt>
}

async function systemResolve(host: string): Promise<string[]> {
  if (net.isIP(host)) return [host]
  const answers = await dns.promises.lookup(host, { all: true, verbatim: true })
  return answers.map((a) => a.address)
}

/** The system resolver and real TCP from this computer. Tests inject answers and route TCP to loopback through the hooks. */
export function thisComputer(hooks: { resolve?: (host: string) => Promise<string[]>; connectTo?: { host: string; port: number } } = {}): OutsideView {
  return {
    kind: 'this_computer',
    resolve: hooks.resolve ?? systemResolve,
    connect: (address, port) => (hooks.connectTo ? tryTcp(hooks.connectTo.host, hooks.connectTo.port) : tryTcp(address, port))
  }
}
