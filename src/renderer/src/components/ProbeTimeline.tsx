import { useTranslation } from 'react-i18next'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Tag } from '@carbon/react'
import { CheckmarkFilled, ErrorFilled, CircleDash } from '@carbon/icons-react'
import type { ProbeResult } from '../../../shared/schemas/probe'
import { probeAdvice, probeTitle } from './probe-text'
import { phaseText, type Translate } from '../../../shared/i18n/probe-notes/render'
import { formatMs, layoutBars, type Bar } from './timeline-layout'
import { useFittingLabels } from './use-fitting-labels'

export function usePhaseLabel(): (name: string) => string {
  const { t } = useTranslation()
  return (name) => t(`common.timeline.phases.${name}`, { defaultValue: name.toUpperCase() })
}

/**
 * The connection test as a picture (UX.md): one bar per phase, width by milliseconds, green or
 * red, the failing bar labelled with its advice; numbers on hover and in the table below.
 */
export function ProbeTimeline({ result, id = 'probe' }: { result: ProbeResult; id?: string }) {
  const { t } = useTranslation()
  const label = usePhaseLabel()
  // What each phase found, worded in the UI's language from its notes (codes and parameters).
  const words: Translate = (key, options) => String(t(key, options as never))
  const bars = layoutBars(result.phases)
  const track = useFittingLabels<HTMLDivElement>('.pse-timeline__bar-label', [result, t])
  const failing = bars.find((b) => b.state === 'failed')
  const statusText = (b: Bar) => t(`common.timeline.${b.state === 'ok' ? 'passed' : b.state === 'failed' ? 'failed' : 'skipped'}`)

  return (
    <section
      className="pse-timeline"
      aria-labelledby={`${id}-timeline-title`}
      data-testid="probe-timeline"
      data-result={result.ok ? 'ok' : (result.code ?? 'failed')}
    >
      <header className="pse-timeline__header">
        <h3 id={`${id}-timeline-title`} className="pse-timeline__title">
          {t('common.timeline.title')}
        </h3>
        <Tag type={result.ok ? 'green' : 'red'} size="md" data-testid="probe-status">
          {result.ok ? t('common.timeline.passed') : `${t('common.timeline.failed')}: ${result.code ?? ''}`}
        </Tag>
        <span className="pse-timeline__total">{t('common.timeline.total', { ms: formatMs(result.totalMs) })}</span>
      </header>

      {bars.length === 0 ? (
        <p className="pse-timeline__empty">{t('common.timeline.empty')}</p>
      ) : (
        <div ref={track} className="pse-timeline__track" role="list" aria-label={t('common.timeline.title')}>
          {bars.map((b, i) => {
            const hover = t('common.timeline.hover', { phase: label(b.phase.name), ms: formatMs(b.phase.ms), status: statusText(b) })
            return (
              <div
                key={`${b.phase.name}-${i}`}
                role="listitem"
                tabIndex={0}
                className={`pse-timeline__bar pse-timeline__bar--${b.state}`}
                style={{ width: `${b.width}%` }}
                aria-label={hover}
                data-phase={b.phase.name}
                data-state={b.state}
              >
                <span className="pse-timeline__bar-label">{label(b.phase.name)}</span>
                <span className="pse-timeline__tip" role="tooltip">
                  <strong>{hover}</strong>
                  {(b.phase.notes?.length || b.phase.detail) && <span>{phaseText(words, b.phase)}</span>}
                </span>
              </div>
            )
          })}
        </div>
      )}

      {!result.ok && (
        <div
          className="pse-timeline__advice"
          style={failing ? { marginLeft: `${Math.min(failing.left, 55)}%` } : undefined}
          data-testid="probe-advice"
          role="status"
        >
          {failing && <span className="pse-timeline__advice-pointer" aria-hidden />}
          <ErrorFilled size={16} className="pse-timeline__advice-icon" aria-hidden />
          <div>
            <strong className="pse-timeline__advice-title">{probeTitle(t, result)}</strong>
            <p className="pse-timeline__advice-text">{probeAdvice(t, result)}</p>
          </div>
        </div>
      )}

      <Table size="sm" useZebraStyles={false} className="pse-timeline__table" aria-label={t('common.timeline.tableCaption')}>
        <TableHead>
          <TableRow>
            <TableHeader>{t('common.timeline.phase')}</TableHeader>
            <TableHeader>{t('common.timeline.result')}</TableHeader>
            <TableHeader className="pse-timeline__ms">{t('common.timeline.duration')}</TableHeader>
            <TableHeader>{t('common.timeline.detail')}</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {bars.map((b, i) => (
            <TableRow key={`${b.phase.name}-${i}`} data-phase={b.phase.name}>
              <TableCell>{label(b.phase.name)}</TableCell>
              <TableCell>
                <span className={`pse-timeline__state pse-timeline__state--${b.state}`}>
                  {b.state === 'ok' ? (
                    <CheckmarkFilled size={16} aria-hidden />
                  ) : b.state === 'failed' ? (
                    <ErrorFilled size={16} aria-hidden />
                  ) : (
                    <CircleDash size={16} aria-hidden />
                  )}
                  {statusText(b)}
                </span>
              </TableCell>
              <TableCell className="pse-timeline__ms">{b.state === 'skipped' ? '—' : formatMs(b.phase.ms)}</TableCell>
              <TableCell className="pse-timeline__detail">{phaseText(words, b.phase)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  )
}
