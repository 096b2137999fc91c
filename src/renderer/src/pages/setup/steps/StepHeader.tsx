import { useTranslation } from 'react-i18next'
import { Edit, View } from '@carbon/icons-react'
import type { WizardStepId } from '../../../../../shared/schemas/wizard'

/** Steps that change the cloud say so before they run (UX.md); the others say they only read. */
const changesCloud: Partial<Record<WizardStepId, boolean>> = { deploy: true, password: true, serviceKey: true, prerequisites: false, connection: false, wait: false }

/** `changes` overrides the step's default (Gen 2's connection step creates a VPE gateway). */
export function StepHeader({ step, title, lead, changes: override }: { step: WizardStepId; title: string; lead: string; changes?: boolean }) {
  const { t } = useTranslation()
  const changes = override ?? changesCloud[step]
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
