import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { Button, InlineNotification } from '@carbon/react'
import type { PathDiagnosis } from '../../../../shared/schemas/network'
import type { PathDraft } from './draft'

/** Up to three addresses, as main lists them. */
const listed = (a: string[]) => (a.length > 3 ? `${a.slice(0, 3).join(', ')}…` : a.join(', '))

/** Why the private endpoint `host` fails from here, in the UI's language (from the diagnosis's case and addresses). */
export function diagnosisWhy(t: TFunction, diagnosis: PathDiagnosis, host: string): string {
  return t(`profiles.diagnosis.why.${diagnosis.case}`, { host, addresses: listed(diagnosis.addresses) })
}

/**
 * Why a private endpoint fails from here (not on the private network, private DNS unreachable,
 * VPE unreachable), with one button per network path that would work.
 */
export function DiagnosisPanel({ diagnosis, host, onChoosePath }: { diagnosis: PathDiagnosis; host: string; onChoosePath(kind: PathDraft['kind']): void }) {
  const { t } = useTranslation()
  return (
    <div className="pse-diagnosis" data-testid="path-diagnosis" data-case={diagnosis.case}>
      <InlineNotification kind="info" lowContrast hideCloseButton title={t(`profiles.diagnosis.${diagnosis.case}`)} subtitle={diagnosisWhy(t, diagnosis, host)}>
        {diagnosis.addresses.length > 0 && (
          <p className="pse-diagnosis__addresses">
            {t('profiles.diagnosis.addresses')} <code>{diagnosis.addresses.join(', ')}</code>
          </p>
        )}
      </InlineNotification>
      <ul className="pse-diagnosis__paths">
        {diagnosis.suggestions.map((s) => (
          <li key={s.kind} className="pse-diagnosis__path" data-testid={`diagnosis-path-${s.kind}`} data-current={s.current}>
            <div>
              <strong>{t(`profiles.diagnosis.path.${s.kind}`)}</strong>
              <p>{t(`profiles.diagnosis.action.${diagnosis.case}.${s.kind}`)}</p>
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
