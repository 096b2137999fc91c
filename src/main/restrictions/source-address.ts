import { tryTcp } from '../util/tcp-attempt'

/** How a host name becomes addresses (the sandbox's DNS hook); absent: the system resolver, inside the connect. */
export type Resolve = (host: string) => Promise<string[]>

/**
 * The local address this computer opens a TCP connection to host:port from: the address the
 * instance sees when nothing translates it (no NAT, no tunnel). Undefined when it cannot tell.
 */
export async function sourceAddressToward(host: string, port: number, options: { resolve?: Resolve; timeoutMs?: number } = {}): Promise<string | undefined> {
  const address = options.resolve ? (await options.resolve(host).catch(() => []))[0] : host
  if (!address) return undefined
  const attempt = await tryTcp(address, port, options.timeoutMs ?? 3_000)
  return attempt.answered ? (attempt.localAddress ?? undefined) : undefined
}
