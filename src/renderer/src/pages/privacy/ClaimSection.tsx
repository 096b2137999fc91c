import { useTranslation } from 'react-i18next'
import { Tag } from '@carbon/react'
import { CheckmarkFilled, ErrorFilled, HelpFilled } from '@carbon/icons-react'
import type { Claim, Verdict } from '../../../../shared/schemas/privacy'
import { claimTitle, evidenceText, fixText, verdictText, type Translate } from '../../../../shared/privacy/words'
import { CliEquivalent } from '../../components/CliEquivalent'
import { formatMs, layoutBars } from '../../components/timeline-layout'

export const verdictTag: Record<Verdict, 'green' | 'red' | 'purple'> = { holds: 'green', fails: 'red', inconclusive: 'purple' }
const icons = { holds: CheckmarkFilled, fails: ErrorFilled, inconclusive: HelpFilled }

/** The reachable claim's connection test as bars, width by milliseconds, with each phase and its time beneath. */
function ClaimTimeline({ timeline }: { timeline: NonNullable<Claim['timeline']> }) {
  const { t } = useTranslation()
  const bars = layoutBars(timeline.map((p) => ({ ...p, detail: '' })))
  const label = (name: string) => t(`common.timeline.phases.${name}`, { defaultValue: name.toUpperCase() })
  const time = (b: (typeof bars)[number]) => (b.state === 'skipped' ? '—' : `${formatMs(b.phase.ms)} ms`)
  return (
    <figure className="pse-privacy__timeline">
      <figcaption className="pse-privacy__timeline-caption">{t('privacy.timelineLabel')}</figcaption>
      <div className="pse-timeline__track pse-privacy__track" aria-hidden>
        {bars.map((b) => (
          <div key={b.phase.name} className={`pse-timeline__bar pse-timeline__bar--${b.state}`} style={{ width: `${b.width}%` }} title={`${label(b.phase.name)} ${time(b)}`} />
        ))}
      </div>
      <ol className="pse-privacy__phases">
        {bars.map((b) => (
          <li key={b.phase.name} data-state={b.state}>
            <span className={`pse-privacy__swatch pse-timeline__bar--${b.state}`} aria-hidden />
            {label(b.phase.name)} {time(b)}
          </li>
        ))}
      </ol>
    </figure>
  )
}

/** One claim: its verdict, the evidence in the UI's language, the timeline, and the fix with its commands. */
export function ClaimSection({ claim }: { claim: Claim }) {
  const { t } = useTranslation()
  const tr = t as unknown as Translate
  const Icon = icons[claim.verdict]
  return (
    <section className={`pse-privacy__claim pse-privacy__claim--${claim.verdict}`} aria-labelledby={`claim-${claim.id}`} data-testid={`claim-${claim.id}`} data-verdict={claim.verdict}>
      <header className="pse-privacy__claim-head">
        <Icon size={20} className="pse-privacy__icon" aria-hidden />
        <h2 id={`claim-${claim.id}`} className="pse-privacy__claim-title">
          {claimTitle(tr, claim)}
        </h2>
        <Tag type={verdictTag[claim.verdict]} size="md">
          {verdictText(tr, claim.verdict)}
        </Tag>
      </header>
      <ul className="pse-privacy__evidence" aria-label={t('privacy.evidenceLabel')}>
        {claim.evidence.map((e, i) => (
          <li key={`${e.code}-${i}`} data-code={e.code}>
            {evidenceText(tr, e)}
          </li>
        ))}
      </ul>
      {claim.timeline && claim.timeline.length > 0 && <ClaimTimeline timeline={claim.timeline} />}
      {claim.fix && (
        <div className="pse-privacy__fix" data-testid={`fix-${claim.id}`}>
          <h3 className="pse-privacy__fix-title">{t('privacy.fixLabel')}</h3>
          <p>{fixText(tr, claim.fix)}</p>
          {claim.fix.commands.length > 0 && <CliEquivalent commands={claim.fix.commands} />}
        </div>
      )}
    </section>
  )
}
