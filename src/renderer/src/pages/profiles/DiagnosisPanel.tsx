import { useTranslation } from 'react-i18next'
import { Button, InlineNotification } from '@carbon/react'
import type { PathDiagnosis } from '../../../../shared/schemas/network'
import type { PathDraft } from './draft'

/**
 * Why a private endpoint fails from here (not on the private network, private DNS unreachable,
 * VPE unreachable), with one button per network path that would work.
 */
export function DiagnosisPanel({ diagnosis, onChoosePath }: { diagnosis: PathDiagnosis; onChoosePath(kind: PathDraft['kind']): void }) {
  const { t } = useTranslation()
  return (
    <div className="pse-diagnosis" data-testid="path-diagnosis" data-case={diagnosis.case}>
      <InlineNotification kind="info" lowContrast hideCloseButton title={t(`profiles.diagnosis.${diagnosis.case}`)} subtitle={diagnosis.message}>
        {diagnosis.addresses.length > 0 && (
          <p className="pse-diagnosis__addresses">
            {t('profiles.diagnosis.addresses')} <code>{diagnosis.addresses.join(', ')}</code>
          </p>
        )}
      </InlineNotification>
      <ul className="pse-diagnosis__paths">
        {diagnosis.suggestions.map((s) => (
          <li key={s.kind} className="pse-diagnosis__path">
            <div>
              <strong>{s.title}</strong>
              <p>{s.action}</p>
            </div>
            {!s.current && (
              <Button kind="tertiary" size="sm" onClick={() => onChoosePath(s.kind)} data-testid={`diagnosis-use-${s.kind}`}>
                {t(`profiles.diagnosis.use_${s.kind}`)}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
