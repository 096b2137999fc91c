import { useTranslation } from 'react-i18next'
import { RadioButton, RadioButtonGroup, Select, SelectItem } from '@carbon/react'
import type { Generation } from '../../../../../shared/schemas/ibmcloud'
import { VPC_REGIONS } from '../../../../../shared/vpc-regions'

export interface PrereqTarget {
  generation: Generation
  region: string
}

/** Which generation the prerequisites are checked for, each said in one sentence; for Gen 2 the region too. */
export function PrereqTargetPicker({ target, onChange, disabled }: { target: PrereqTarget; onChange: (t: PrereqTarget) => void; disabled: boolean }) {
  const { t } = useTranslation()
  const option = (g: Generation) => (
    <span className="pse-setup__choice">
      <span>{t(`prereqGen2.generation.${g}`)}</span>
      <span className="pse-setup__hint">{t(`prereqGen2.generation.${g}Hint`)}</span>
    </span>
  )
  return (
    <div className="pse-setup__form" data-testid="prereq-target">
      <RadioButtonGroup
        legendText={t('prereqGen2.generation.legend')}
        name="prereq-generation"
        orientation="vertical"
        valueSelected={target.generation}
        disabled={disabled}
        onChange={(v) => onChange({ ...target, generation: v === 'gen2' ? 'gen2' : 'gen1' })}
      >
        {(['gen1', 'gen2'] as const).map((g) => (
          <RadioButton key={g} id={`prereq-generation-${g}`} value={g} labelText={option(g)} />
        ))}
      </RadioButtonGroup>
      {target.generation === 'gen2' && (
        <Select
          id="prereq-region"
          className="pse-setup__field"
          labelText={t('prereqGen2.region')}
          helperText={t('prereqGen2.regionHelp')}
          value={target.region}
          disabled={disabled}
          onChange={(e) => onChange({ ...target, region: e.target.value })}
        >
          {VPC_REGIONS.map((r) => (
            <SelectItem key={r} value={r} text={`${t(`prereqGen2.regions.${r}`)} (${r})`} />
          ))}
        </Select>
      )}
    </div>
  )
}
