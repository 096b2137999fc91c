import net from 'node:net'
import type { OutsideView } from '../privacy/outside-view'
import { tryTcp } from '../util/tcp-attempt'

/** Where the sandbox's private endpoints resolve when seen from the internet: an address in IBM's service network. */
export const SANDBOX_SERVICE_ADDRESS = '166.9.250.10'

/** A loopback port with nothing listening (connections are refused): the internet's view of a private endpoint. */
async function closedLoopbackPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve())
  })
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * The sandbox's view from the internet: its deployments live on loopback, so "outside" is
 * simulated. A private endpoint resolves into 166.8.0.0/14 and its connection goes to a closed
 * loopback port (nothing answers, as from a laptop on the internet); a public endpoint is
 * resolved and connected to for real. No packet leaves loopback.
 */
export function sandboxOutsideView(): OutsideView {
  return {
    kind: 'sandbox',
    resolve: async (host, endpoint) => (endpoint === 'private' ? [SANDBOX_SERVICE_ADDRESS] : net.isIP(host) ? [host] : ['127.0.0.1']),
    connect: async (address, port, endpoint) => (endpoint === 'private' ? tryTcp('127.0.0.1', await closedLoopbackPort()) : tryTcp(address, port))
  }
}
