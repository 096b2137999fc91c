import { useTranslation } from 'react-i18next'
import { Edit, View } from '@carbon/icons-react'
import type { WizardStepId } from '../../../../../shared/schemas/wizard'

/** Steps that change the cloud say so before they run (UX.md); the others say they only read. */
const changesCloud: Partial<Record<WizardStepId, boolean>> = { deploy: true, password: true, serviceKey: true, prerequisites: false, connection: false, wait: false }

export function StepHeader({ step, title, lead }: { step: WizardStepId; title: string; lead: string }) {
  const { t } = useTranslation()
  const changes = changesCloud[step]
  return (
    <header className="pse-setup__header">
      <h2 id="step-title" className="pse-setup__title">
        {title}
      </h2>
      <p className="pse-setup__lead">{lead}</p>
      {changes !== undefined && (
        <p className={`pse-setup__impact pse-setup__impact--${changes ? 'changes' : 'reads'}`} data-testid="step-impact">
          {changes ? <Edit size={16} aria-hidden /> : <View size={16} aria-hidden />}
          {changes ? t('setup.changesCloud') : t('setup.readsCloud')}
        </p>
      )}
    </header>
  )
}
