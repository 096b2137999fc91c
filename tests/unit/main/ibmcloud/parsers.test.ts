import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareVersions, parseAccountShow, parseCliVersion, parsePluginListJson, parsePluginListText } from '../../../../src/main/ibmcloud/account-show-parser'
import { AppFailure } from '../../../../src/shared/errors'
import { parseOauthTokens } from '../../../../src/main/ibmcloud/cli-session-auth'

const DOC_EXAMPLE = `Retrieving account John Doe's Account of john.doe@email.com...
OK

Account ID:                   d154dfbd0bc2edefthyufffc9b5ca318
Currently Targeted Account:   true
Linked Softlayer Account:     1008967
VRF Enabled:                  true
Service Endpoint Enabled:     true
`

// The seed article: Japanese around the lines, annotations after the values.
const SEED = `root@virtualserver01:~# ibmcloud account show
<中略>
VRF Enabled:                        true   <<--- これと
Service Endpoint Enabled:           false   <<--- これが trueであること
EU Supported                        false
PoC (Commercial Proof of Concept)   false
HIPAA Supported                     false
`

describe('parseAccountShow', () => {
  it('reads the documented example', () => {
    expect(parseAccountShow(DOC_EXAMPLE)).toEqual({ accountId: 'd154dfbd0bc2edefthyufffc9b5ca318', vrfEnabled: true, serviceEndpointEnabled: true })
  })

  it('reads the seed text (Japanese and annotations around the values)', () => {
    expect(parseAccountShow(SEED)).toEqual({ vrfEnabled: true, serviceEndpointEnabled: false })
  })

  it('tolerates CRLF, ANSI colours, full-width colons and odd spacing', () => {
    const text = '\u001b[1mアカウントを取得しています...\u001b[0m\r\nOK\r\n  vrf enabled\uFF1A   \u001b[32mfalse\u001b[0m\r\nService  Endpoint  Enabled :true\r\n'
    expect(parseAccountShow(text)).toEqual({ vrfEnabled: false, serviceEndpointEnabled: true })
  })

  it('an older CLI without the VRF line leaves it unknown', () => {
    expect(parseAccountShow('Account ID: abcdef0123456789\nService Endpoint Enabled: true\n')).toEqual({ accountId: 'abcdef0123456789', serviceEndpointEnabled: true })
  })

  it('never crashes: any text gives a result or a typed AppFailure', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        try {
          const r = parseAccountShow(text)
          expect(typeof r).toBe('object')
        } catch (e) {
          expect(e).toBeInstanceOf(AppFailure)
          expect((e as AppFailure).code).toBe('ibmcloud_cli_output_unreadable')
        }
      }),
      { numRuns: 500 }
    )
  })

  it('finds the flags among arbitrary surrounding lines', () => {
    const noise = fc.array(fc.string({ maxLength: 60 }).filter((l) => !/vrf|service\s*endpoint|account\s*id/i.test(l) && !l.includes('\n') && !l.includes('\r')), { maxLength: 8 })
    fc.assert(
      fc.property(noise, noise, fc.boolean(), fc.boolean(), (before, after, vrf, se) => {
        const text = [...before, `VRF Enabled:      ${vrf}`, `Service Endpoint Enabled:    ${se}`, ...after].join('\n')
        expect(parseAccountShow(text)).toMatchObject({ vrfEnabled: vrf, serviceEndpointEnabled: se })
      }),
      { numRuns: 300 }
    )
  })
})

describe('plugin list parsers', () => {
  it('JSON with a string Version and "Update Available"', () => {
    expect(parsePluginListJson('[{"Name":"cloud-databases","Aliases":["cdb"],"Version":"0.19.2","Status":"Update Available"}]')).toEqual([{ name: 'cloud-databases', version: '0.19.2', updateAvailable: true, aliases: ['cdb'] }])
  })

  it('JSON with the CLI SDK {Major, Minor, Build} Version (UNVERIFIED form)', () => {
    expect(parsePluginListJson('[{"Name":"cloud-databases","Aliases":null,"Version":{"Major":0,"Minor":19,"Build":2},"Status":""}]')).toEqual([{ name: 'cloud-databases', version: '0.19.2', updateAvailable: false, aliases: [] }])
  })

  it('the text table', () => {
    const text = 'Listing installed plug-ins...\n\nPlugin Name                            Version   Status             Private endpoints supported\ncloud-databases[cdb]                   0.19.2    Update Available   true\ncontainer-service[kubernetes-service,ks]   1.0.6   \n'
    expect(parsePluginListText(text)).toEqual([
      { name: 'cloud-databases', version: '0.19.2', updateAvailable: true, aliases: ['cdb'] },
      { name: 'container-service', version: '1.0.6', updateAvailable: false, aliases: ['kubernetes-service', 'ks'] }
    ])
  })

  it('never crash on garbage: JSON parser gives a list or a typed error; text parser always a list', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json()), (text) => {
        try {
          expect(Array.isArray(parsePluginListJson(text))).toBe(true)
        } catch (e) {
          expect((e as AppFailure).code).toBe('ibmcloud_cli_output_unreadable')
        }
        expect(Array.isArray(parsePluginListText(text))).toBe(true)
      }),
      { numRuns: 500 }
    )
  })
})

describe('versions', () => {
  it('reads `ibmcloud version`', () => {
    expect(parseCliVersion('ibmcloud version 2.20.0+f4e8e3d-2023-09-12T20:49:33+00:00')).toBe('2.20.0')
    expect(parseCliVersion('garbage')).toBeUndefined()
  })
  it('compares numerically', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0)
    expect(compareVersions('1.2', '1.2.0')).toBe(0)
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => Number.isFinite(compareVersions(a, b))))
  })
})

describe('iam oauth-tokens', () => {
  it('JSON and text forms', () => {
    expect(parseOauthTokens('{"iam_token":"Bearer abc.def.ghi"}')).toBe('abc.def.ghi')
    expect(parseOauthTokens('IAM token:  Bearer abc.def.ghi\n')).toBe('abc.def.ghi')
  })
  it('never crashes: a token or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.json()), (text) => {
        try {
          expect(typeof parseOauthTokens(text)).toBe('string')
        } catch (e) {
          expect((e as AppFailure).code).toBe('ibmcloud_cli_not_logged_in')
        }
      }),
      { numRuns: 300 }
    )
  })
})
