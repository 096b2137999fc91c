import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { en } from '../../../../src/shared/i18n/en'
import { ja } from '../../../../src/shared/i18n/ja'
import { reportHtml } from '../../../../src/shared/privacy/report-html'
import type { PrivacyReport } from '../../../../src/shared/schemas/privacy'

const t = (lng: string) => {
  const i = i18next.createInstance()
  void i.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng, initAsync: false, interpolation: { escapeValue: false } })
  return i.t.bind(i) as unknown as (k: string, p?: Record<string, unknown>) => string
}

const report = (name: string): PrivacyReport => ({
  verdict: 'fails',
  generatedAt: '2026-12-04T10:00:00.000Z',
  instance: { crn: 'crn:v1:bluemix:public:databases-for-redis:jp-tok:a/acc:guid::', guid: 'guid', name, region: 'jp-tok', generation: 'gen1' },
  profile: { id: 'p1', name, endpointType: 'private' },
  vantage: { kind: 'this_computer', onPrivateNetwork: false, sourceAddress: null },
  claims: [
    { id: 'endpoints', verdict: 'holds', evidence: [{ code: 'endpoints_private_only', params: { source: 'Cloud Databases' } }] },
    { id: 'no_public_answer', verdict: 'holds', evidence: [{ code: 'private_no_answer', params: { host: name, port: 1, count: 1 } }] },
    {
      id: 'restricted',
      verdict: 'fails',
      evidence: [{ code: 'cbr_no_rule', params: {} }],
      fix: { code: 'fix_restrict', params: { profile: name }, commands: [`pse-wizard restrict '${name}' --allow X`] }
    },
    {
      id: 'reachable',
      verdict: 'holds',
      evidence: [],
      timeline: [
        { name: 'dns', ok: true, ms: 1, skipped: false },
        { name: 'tls', ok: false, ms: 20, skipped: false }
      ]
    },
    { id: 'credentials', verdict: 'inconclusive', evidence: [] }
  ]
})

describe('reportHtml: the privacy report as one self-contained page', () => {
  it('escapes every value (a hostile profile name stays text) and loads nothing', () => {
    const html = reportHtml(report('<img src=x onerror=alert(1)>"'), t('en'), 'en')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;')
    expect(html).not.toMatch(/<script|<link|src="|href=/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
  })

  it('draws a verdict per claim, the fix with its commands and the timeline, in the chosen language', () => {
    const html = reportHtml(report('Redis-0101'), t('ja'), 'ja')
    expect(html).toContain('<html lang="ja">')
    expect(html.match(/<section class="claim /g)).toHaveLength(5)
    expect(html).toContain('不成立</span>自分のネットワークだけが接続できる')
    expect(html).toContain('$ pse-wizard restrict &#39;Redis-0101&#39; --allow X')
    expect(html).toMatch(/class="phase failed"[^>]*>tls 20 ms</)
    expect(html).toContain('1 個のアドレスを試行')
  })
})
