import net from 'node:net'
import tls from 'node:tls'
import { describe, expect, it } from 'vitest'
import { useRedisHarness } from '../../support/redis'

const harness = useRedisHarness()

function tlsConnect(port: number, ca: string): Promise<tls.TLSSocket | Error> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: '127.0.0.1', port, ca, servername: 'localhost' })
    socket.once('secureConnect', () => resolve(socket)).once('error', resolve)
  })
}

describe('redis harness', () => {
  it('the good server verifies with the harness CA and not with the unrelated one', async () => {
    const h = harness()
    const good = await tlsConnect(h.tls.port, h.ca.cert)
    expect(good).toBeInstanceOf(tls.TLSSocket)
    ;(good as tls.TLSSocket).destroy()
    const bad = await tlsConnect(h.tls.port, h.otherCa.cert)
    expect((bad as NodeJS.ErrnoException).code).toMatch(/^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN)$/)
  })

  it('the broken variants fail the way their names say', async () => {
    const h = harness()
    expect(((await tlsConnect(h.expired.port, h.ca.cert)) as NodeJS.ErrnoException).code).toBe('CERT_HAS_EXPIRED')
    expect(((await tlsConnect(h.wrongHost.port, h.ca.cert)) as NodeJS.ErrnoException).code).toBe('ERR_TLS_CERT_ALTNAME_INVALID')
    const refused = await new Promise<string>((resolve) =>
      net.connect(h.closed.port, h.closed.host).on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? ''))
    )
    expect(refused).toBe('ECONNREFUSED')
    const before = h.silent.accepted
    const socket = net.connect(h.silent.port, h.silent.host)
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.destroy()
    await expect.poll(() => h.silent.accepted).toBe(before + 1)
    expect(h.silent.accepted).toBe(before + 1)
  })
})
