import { describe, expect, it } from 'vitest'
import { noPublicAnswerClaim } from '../../../../src/main/privacy/claims/no-public-answer'
import type { OutsideView } from '../../../../src/main/privacy/outside-view'
import type { TcpAttempt } from '../../../../src/main/util/tcp-attempt'
import { offlineContext } from '../../../support/privacy'

/** A view that answers DNS from a table and TCP from a set of addresses that accept. */
function view(dns: Record<string, string[] | 'ENOTFOUND' | 'EAI_AGAIN'>, accepting: string[] = []): OutsideView & { tried: string[] } {
  const tried: string[] = []
  return {
    kind: 'this_computer',
    tried,
    resolve: async (host) => {
      const answer = dns[host]
      if (answer === undefined || typeof answer === 'string') throw Object.assign(new Error(`getaddrinfo ${answer ?? 'ENOTFOUND'} ${host}`), { code: answer ?? 'ENOTFOUND' })
      return answer
    },
    connect: async (address): Promise<TcpAttempt> => {
      tried.push(address)
      return accepting.includes(address) ? { answered: true, localAddress: '10.8.0.6' } : { answered: false, reason: 'timeout' }
    }
  }
}
const HOST = offlineContext().profile!.host

describe('claim 2: no answer from the internet', () => {
  it('holds when the private name resolves into 166.8.0.0/14 and nothing answers; this computer is outside', async () => {
    const v = view({ [HOST]: ['166.9.16.209', '166.9.12.208'] })
    const r = await noPublicAnswerClaim(offlineContext(), v, false)
    expect(r.claim.verdict).toBe('holds')
    expect(r.claim.evidence.map((e) => e.code)).toEqual(['vantage_this_computer', 'private_name_service_network', 'private_no_answer'])
    expect(r.claim.evidence[2].params).toMatchObject({ count: 2, port: 31234 })
    expect(r.vantage).toEqual({ kind: 'this_computer', onPrivateNetwork: false, sourceAddress: null })
    expect(v.tried).toEqual(['166.9.16.209', '166.9.12.208'])
  })

  it('holds when the private name does not resolve here (only IBM private DNS answers it)', async () => {
    const r = await noPublicAnswerClaim(offlineContext(), view({ [HOST]: 'ENOTFOUND' }), false)
    expect(r.claim).toMatchObject({ verdict: 'holds', evidence: [{ code: 'vantage_this_computer' }, { code: 'private_name_not_resolved' }] })
  })

  it('is inconclusive when the lookup fails for another reason (no DNS at all)', async () => {
    const r = await noPublicAnswerClaim(offlineContext(), view({ [HOST]: 'EAI_AGAIN' }), false)
    expect(r.claim).toMatchObject({ verdict: 'inconclusive', evidence: [{}, { code: 'private_name_lookup_failed', params: { reason: 'EAI_AGAIN' } }] })
  })

  it('fails when the private name resolves to a public address', async () => {
    const r = await noPublicAnswerClaim(offlineContext(), view({ [HOST]: ['203.0.113.7'] }), false)
    expect(r.claim).toMatchObject({ verdict: 'fails', evidence: [{}, { code: 'private_name_public_address', params: { addresses: '203.0.113.7' } }] })
  })

  it('is inconclusive, never a pass, when this computer reaches the private endpoint (on the VPN)', async () => {
    const r = await noPublicAnswerClaim(offlineContext(), view({ [HOST]: ['166.9.16.209'] }, ['166.9.16.209']), false)
    expect(r.claim.verdict).toBe('inconclusive')
    expect(r.claim.evidence.at(-1)).toMatchObject({ code: 'private_answers_here', params: { address: '166.9.16.209' } })
    expect(r.vantage).toEqual({ kind: 'this_computer', onPrivateNetwork: true, sourceAddress: '10.8.0.6' })
  })

  it('is inconclusive when the name points at this computer (a tunnel), and for VPC addresses holds as for 166.8', async () => {
    expect((await noPublicAnswerClaim(offlineContext(), view({ [HOST]: ['127.0.0.1'] }), false)).claim).toMatchObject({
      verdict: 'inconclusive',
      evidence: [{}, { code: 'private_name_loopback' }]
    })
    expect((await noPublicAnswerClaim(offlineContext(), view({ [HOST]: ['10.240.0.5'] }), false)).claim).toMatchObject({
      verdict: 'holds',
      evidence: [{}, { code: 'private_name_vpc' }, { code: 'private_no_answer' }]
    })
  })

  it('tries the public endpoint too when the instance has one (from the public profile), as evidence', async () => {
    const ctx = offlineContext()
    const publicProfile = { ...ctx.profile!, host: 'abc.databases.appdomain.cloud', origin: { ...(ctx.profile!.origin as object), endpointType: 'public' } } as never
    const v = view({ 'abc.databases.appdomain.cloud': ['198.51.100.4'] }, ['198.51.100.4'])
    const r = await noPublicAnswerClaim({ ...ctx, profile: publicProfile, target: { ...ctx.target, generation: 'gen2' } }, v, true)
    expect(r.claim.evidence.map((e) => e.code)).toEqual(['vantage_this_computer', 'public_endpoint_answers', 'private_host_unknown'])
    expect(r.claim.verdict).toBe('inconclusive')
  })
})
