import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noPublicAnswerClaim } from '../../../src/main/privacy/claims/no-public-answer'
import { thisComputer } from '../../../src/main/privacy/outside-view'
import { sandboxOutsideView } from '../../../src/main/sandbox/outside-view'
import { offlineContext } from '../../support/privacy'

/**
 * Claim 2 for real on loopback: the private name is answered through the test DNS hook with
 * IBM service-network addresses, and TCP goes to a loopback port through the connect hook, so
 * no packet leaves this computer. A closed port is the internet's view; a listening one is
 * what a computer on the VPN sees.
 */
describe('claim 2 through the test DNS hook, real TCP on loopback', () => {
  let listening: net.Server
  let openPort: number
  let closedPort: number

  const listen = async () => {
    const server = net.createServer((socket) => socket.destroy())
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, () => resolve()))
    return server
  }

  beforeAll(async () => {
    listening = await listen()
    openPort = (listening.address() as net.AddressInfo).port
    const closed = await listen()
    closedPort = (closed.address() as net.AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
  })
  afterAll(() => new Promise<void>((resolve) => listening.close(() => resolve())))

  const resolve = async () => ['166.9.16.209', '166.9.12.208']

  it('holds: 166.8.0.0/14 answers and nothing accepts (connection refused on loopback)', async () => {
    const r = await noPublicAnswerClaim(offlineContext(), thisComputer({ resolve, connectTo: { host: '127.0.0.1', port: closedPort } }), false)
    expect(r.claim.verdict).toBe('holds')
    expect(r.claim.evidence.map((e) => e.code)).toEqual(['vantage_this_computer', 'private_name_service_network', 'private_no_answer'])
    expect(r.vantage.onPrivateNetwork).toBe(false)
  })

  it('inconclusive: the endpoint accepts from here (as on a VPN), with the source address', async () => {
    const r = await noPublicAnswerClaim(offlineContext(), thisComputer({ resolve, connectTo: { host: '127.0.0.1', port: openPort } }), false)
    expect(r.claim.verdict).toBe('inconclusive')
    expect(r.vantage).toEqual({ kind: 'this_computer', onPrivateNetwork: true, sourceAddress: '127.0.0.1' })
  })

  it('the sandbox view answers private names into 166.8.0.0/14 and refuses them on loopback, but reaches public endpoints for real', async () => {
    const view = sandboxOutsideView()
    expect(await view.resolve('127.0.0.1', 'private')).toEqual(['166.9.250.10'])
    expect(await view.connect('166.9.250.10', openPort, 'private')).toEqual({ answered: false, reason: 'refused' })
    expect(await view.connect('127.0.0.1', openPort, 'public')).toMatchObject({ answered: true })
  })
})
