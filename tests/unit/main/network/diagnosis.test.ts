import { describe, expect, it } from 'vitest'
import { diagnoseReachability, isPrivateEndpointName } from '../../../../src/main/network/diagnosis'

const result = (code: string | null, addresses: string[], host = 'abc.c1.private.databases.appdomain.cloud') => ({
  code,
  target: { host, port: 31000, tls: true, servername: host, connectedTo: null },
  dns: { addresses, classification: null, classes: [] }
})

describe('private endpoint diagnosis', () => {
  it('166.8.0.0/14 without an answer: not on the private network, every path offered, the current one last', () => {
    const d = diagnoseReachability(result('private_endpoint_unreachable', ['166.9.16.209']), { currentPath: 'direct' })
    expect(d?.case).toBe('not_on_private_network')
    expect(d?.message).toContain('166.9.16.209')
    expect(d?.suggestions.map((s) => s.kind)).toEqual(['ssh', 'pod', 'direct'])
    expect(d?.suggestions.at(-1)?.current).toBe(true)
  })

  it('a private name that does not resolve: private DNS not reachable', () => {
    expect(diagnoseReachability(result('dns_not_found', []), { currentPath: 'ssh' })?.case).toBe('private_dns_unreachable')
    // A public name that does not resolve is a typo, not a network question.
    expect(diagnoseReachability(result('dns_not_found', [], 'typo.example.com'), { currentPath: 'direct' })).toBeNull()
  })

  it('an RFC 1918 address of a private name that does not answer: an unreachable VPE', () => {
    const d = diagnoseReachability(result('tcp_timeout', ['10.240.64.6']), { currentPath: 'pod' })
    expect(d?.case).toBe('vpe_unreachable')
    expect(d?.suggestions.find((s) => s.current)?.kind).toBe('pod')
  })

  it('says nothing for failures that are not about reachability', () => {
    for (const code of ['auth_failed', 'tls_untrusted_ca', 'tcp_refused', null]) {
      expect(diagnoseReachability(result(code, ['166.9.16.209']), { currentPath: 'direct' })).toBeNull()
    }
  })

  it('recognises IBM Cloud private endpoint names', () => {
    expect(isPrivateEndpointName('3a3e.c437.private.databases.appdomain.cloud')).toBe(true)
    expect(isPrivateEndpointName('api.us-south.private.databases.cloud.ibm.com')).toBe(true)
    expect(isPrivateEndpointName('private.us-south.iam.cloud.ibm.com')).toBe(true)
    expect(isPrivateEndpointName('3a3e.c437.databases.appdomain.cloud')).toBe(false)
  })
})
