import { tryTcp } from '../util/tcp-attempt'

/**
 * The local address this computer opens a TCP connection to host:port from: the address the
 * instance sees when nothing translates it (no NAT, no tunnel). Undefined when it cannot tell.
 */
export async function sourceAddressToward(host: string, port: number, timeoutMs = 3_000): Promise<string | undefined> {
  const attempt = await tryTcp(host, port, timeoutMs)
  return attempt.answered ? (attempt.localAddress ?? undefined) : undefined
}
