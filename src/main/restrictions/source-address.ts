import net from 'node:net'

/**
 * The local address this computer opens a TCP connection to host:port from: the address the
 * instance sees when nothing translates it (no NAT, no tunnel). Undefined when it cannot tell.
 */
export function sourceAddressToward(host: string, port: number, timeoutMs = 3_000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (address: string | undefined) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(address)
    }
    const timer = setTimeout(() => done(undefined), timeoutMs)
    socket.once('connect', () => done(socket.localAddress?.replace(/^::ffff:/, '')))
    socket.once('error', () => done(undefined))
  })
}
