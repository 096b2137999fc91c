import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import { cliEquivalents, instanceOfCrn, parseAddresses, summaryOf } from '../../../../src/main/restrictions/plan'

const CRN = 'crn:v1:bluemix:public:databases-for-redis:jp-tok:a/abc123:0123abcd-0000-4000-8000-000000000001::'

describe('restriction plan', () => {
  it('reads region, account and GUID from an instance CRN, and nothing from other text', () => {
    expect(instanceOfCrn(CRN)).toEqual({ crn: CRN, region: 'jp-tok', accountId: 'abc123', guid: '0123abcd-0000-4000-8000-000000000001' })
    expect(instanceOfCrn('not-a-crn')).toBeUndefined()
    expect(instanceOfCrn('crn:v1:bluemix:public:databases-for-redis:jp-tok:abc123:guid::')).toBeUndefined()
  })

  it('canonicalises and de-duplicates entries, and refuses all bad ones at once with the reason', () => {
    expect(parseAddresses(['10.0.0.0/24', ' 10.0.0.0/24', '2001:DB8::1'], 'cbr').map((a) => a.value)).toEqual(['10.0.0.0/24', '2001:db8::1'])
    try {
      parseAddresses(['0.0.0.0/0', '10.0.0.1/24', 'nope'], 'cbr')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(AppFailure)
      const f = e as AppFailure
      expect(f.code).toBe('restrict_address_invalid')
      expect(f.message).toMatch(/0\.0\.0\.0\/0.*large part of the internet/)
      expect(f.message).toContain('did you mean 10.0.0.0/24')
      expect(f.message).toContain('"nope"')
    }
  })

  it('the Gen 1 allowlist takes IPv4 addresses and subnets only', () => {
    expect(() => parseAddresses(['2001:db8::/48'], 'allowlist')).toThrow(/IPv4/)
    expect(() => parseAddresses(['10.0.0.1-10.0.0.9'], 'allowlist')).toThrow(/IPv4 addresses and subnets only/)
    expect(parseAddresses(['10.0.0.0/24'], 'allowlist')).toHaveLength(1)
  })

  it('says the rule in words and as ibmcloud commands', () => {
    const addresses = parseAddresses(['10.0.0.0/24', '127.0.0.1'], 'cbr')
    expect(summaryOf('Redis-0101', 'cbr', addresses)).toBe(
      "Only 10.0.0.0/24, 127.0.0.1 may connect to Redis-0101 (a context-based restriction on its data plane, enforced); IBM's own management still can."
    )
    const instance = instanceOfCrn(CRN)!
    expect(cliEquivalents(instance, 'cbr', addresses)[0]).toBe('ibmcloud cbr zone-create --name pse-wizard-redis-0123abcd --addresses 10.0.0.0/24,127.0.0.1')
    expect(cliEquivalents(instance, 'cbr', addresses)[1]).toContain('--service-instance 0123abcd-0000-4000-8000-000000000001')
    expect(cliEquivalents(instance, 'allowlist', addresses)).toEqual([
      `ibmcloud cdb deployment-allowlist-add ${CRN} 10.0.0.0/24 pse-wizard`,
      `ibmcloud cdb deployment-allowlist-add ${CRN} 127.0.0.1 pse-wizard`
    ])
  })
})
