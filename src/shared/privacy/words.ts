import type { Translate } from '../i18n/probe-notes/render'
import type { Claim, ClaimFix, Evidence, PrivacyReport } from '../schemas/privacy'

/** i18next's t as the report needs it: the one the probe's notes use. */
export type { Translate }

/** The privacy report's sentences in one language, from the shared catalogue (src/shared/i18n/privacy). */
export const evidenceText = (t: Translate, e: Evidence): string => t(`privacy.evidence.${e.code}`, e.params)
export const fixText = (t: Translate, f: ClaimFix): string => t(`privacy.fix.${f.code}`, f.params)
export const claimTitle = (t: Translate, c: Pick<Claim, 'id'>): string => t(`privacy.claim.${c.id}`)
export const verdictText = (t: Translate, v: Claim['verdict']): string => t(`privacy.verdict.${v}`)

/** "This computer, outside IBM Cloud's private network, connections left from 192.0.2.4". */
export function vantageText(t: Translate, v: PrivacyReport['vantage']): string {
  const position = v.onPrivateNetwork === null ? 'unknown' : v.onPrivateNetwork ? 'inside' : 'outside'
  const parts = [t(`privacy.vantage.${v.kind}`), t(`privacy.vantage.${position}`)]
  if (v.sourceAddress) parts.push(t('privacy.vantage.source', { address: v.sourceAddress }))
  return parts.join(t('privacy.separator'))
}

export function instanceText(r: PrivacyReport): string {
  const gen = r.instance.generation === 'gen2' ? 'Gen 2' : 'Gen 1'
  return `${r.instance.name ?? r.instance.guid} (${r.instance.region}, ${gen})`
}
