import { useTranslation } from 'react-i18next'
import { RadioButton, RadioButtonGroup } from '@carbon/react'
import type { Generation } from '../../../../../shared/schemas/ibmcloud'
import type { WizardOptions } from '../../../../../shared/schemas/wizard'

/**
 * The deploy step's first choice: Gen 1 or Gen 2, each in one sentence (what you need, what you
 * get); one the account cannot deploy in this region is disabled, saying why in the UI's language.
 */
export function DeployGenerationChoice(props: { options: WizardOptions; value: Generation; onChange: (g: Generation) => void; disabled: boolean }) {
  const { options, value, onChange, disabled } = props
  const { t } = useTranslation()
  const label = (g: WizardOptions['generations'][number]) => (
    <span className="pse-setup__choice">
      <span>{t(`deployGen2.generation.${g.id}`)}</span>
      <span className="pse-setup__hint">{t(`deployGen2.generation.${g.id}Needs`)}</span>
      {!g.available && (
        <span className="pse-setup__hint pse-setup__hint--warning" data-testid={`deploy-generation-reason-${g.id}`}>
          {t('deployGen2.generation.unavailable', { reason: g.reasonCode ? t(`wizardSay.${g.reasonCode}`, g.reasonParams) : (g.reason ?? '') })}
        </span>
      )}
    </span>
  )
  return (
    <RadioButtonGroup
      legendText={t('deployGen2.generation.legend')}
      name="deploy-generation"
      orientation="vertical"
      valueSelected={value}
      disabled={disabled}
      onChange={(v) => onChange(v === 'gen2' ? 'gen2' : 'gen1')}
      data-testid="deploy-generation"
    >
      {options.generations.map((g) => (
        <RadioButton key={g.id} id={`deploy-generation-${g.id}`} value={g.id} labelText={label(g)} disabled={!g.available && g.id !== value} />
      ))}
    </RadioButtonGroup>
  )
}
