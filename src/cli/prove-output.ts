import { claimTitle, evidenceText, fixText, instanceText, vantageText, verdictText, type Translate } from '../shared/privacy/words'
import type { PrivacyReport } from '../shared/schemas/privacy'

const phaseLabel = (t: Translate, name: string) => t(`common.timeline.phases.${name}`, { defaultValue: name.toUpperCase() })

const MARK = { holds: '✓', fails: '✗', inconclusive: '?' } as const

/** The report for a terminal: one block per claim, evidence as bullets, the fix and its commands. */
export function reportText(r: PrivacyReport, t: Translate): string {
  const lines = [
    `${t('privacy.title')}: ${instanceText(r)}`,
    `  ${t('privacy.profile')}: ${r.profile?.name ?? t('privacy.noProfile')}`,
    `  ${t('privacy.vantageLabel')}: ${vantageText(t, r.vantage)}`,
    `  ${t('privacy.generatedAt', { date: r.generatedAt })}`,
    ''
  ]
  for (const c of r.claims) {
    lines.push(`${MARK[c.verdict]} ${verdictText(t, c.verdict)}: ${claimTitle(t, c)}`)
    for (const e of c.evidence) lines.push(`    - ${evidenceText(t, e)}`)
    if (c.timeline?.length) lines.push(`    ${c.timeline.map((p) => `${phaseLabel(t, p.name)} ${p.skipped ? '–' : p.ok ? `${p.ms.toFixed(1)} ms` : '✗'}`).join(' · ')}`)
    if (c.fix) {
      lines.push(`    ${t('privacy.fixLabel')}: ${fixText(t, c.fix)}`)
      for (const cmd of c.fix.commands) lines.push(`      $ ${cmd}`)
    }
    lines.push('')
  }
  lines.push(`${MARK[r.verdict]} ${verdictText(t, r.verdict)}: ${t(`privacy.overall.${r.verdict}`)}`)
  return lines.join('\n') + '\n'
}

/** The report as --json prints it: the codes and parameters, each with its sentence in the chosen language. */
export function reportJson(r: PrivacyReport, t: Translate) {
  return {
    ...r,
    claims: r.claims.map((c) => ({
      ...c,
      title: claimTitle(t, c),
      evidence: c.evidence.map((e) => ({ ...e, message: evidenceText(t, e) })),
      ...(c.fix ? { fix: { ...c.fix, message: fixText(t, c.fix) } } : {})
    }))
  }
}
