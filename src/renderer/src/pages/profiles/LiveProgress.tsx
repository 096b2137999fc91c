import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineLoading, Tag } from '@carbon/react'
import type { ProbePhase } from '../../../../shared/schemas/probe'
import { subscribe } from '../../api/client'
import { usePhaseLabel } from '../../components/ProbeTimeline'
import { formatMs } from '../../components/timeline-layout'

/**
 * The phases of the running test as main reports them (profiles.testProgress), for this test id,
 * and a Cancel button when the transport can cancel the call.
 */
export function LiveProgress({ testId, onCancel }: { testId: string; onCancel?: () => void }) {
  const { t } = useTranslation()
  const label = usePhaseLabel()
  const [phases, setPhases] = useState<ProbePhase[]>([])
  useEffect(() => {
    setPhases([])
    return subscribe('profiles.testProgress', (p) => {
      if (p.testId === testId) setPhases((list) => [...list, p.phase])
    })
  }, [testId])
  return (
    <div className="pse-live" data-testid="test-progress" aria-live="polite">
      <InlineLoading description={t('profiles.editor.testing')} />
      {phases.map((p, i) => (
        <Tag key={`${p.name}-${i}`} type={p.skipped ? 'gray' : p.ok ? 'green' : 'red'} size="sm">
          {label(p.name)} {p.skipped ? '' : `${formatMs(p.ms)} ms`}
        </Tag>
      ))}
      {onCancel && (
        <Button kind="ghost" size="sm" onClick={onCancel} data-testid="test-cancel">
          {t('profiles.editor.cancelTest')}
        </Button>
      )}
    </div>
  )
}
