import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineNotification, RadioButton, RadioButtonGroup, StructuredListBody, StructuredListWrapper, TextInput } from '@carbon/react'
import { call } from '../../../api/client'
import { ServiceKeyInput } from '../../../../../shared/schemas/wizard'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'
import { Row } from './AccountStep'

type Choice = 'Writer' | 'Manager' | 'skip'
const defaultName = (instance: string, role: 'Writer' | 'Manager') => `${instance}-${role === 'Writer' ? 'writer' : 'app-manager'}`

/** Step 7 for Gen 2: the application's own key, Writer (default) or Manager, or none (the Manager key of step 5). */
export function Gen2ServiceKeyPanel({ state, run, busy }: StepProps) {
  const { t } = useTranslation()
  const key = state.serviceKey
  const instance = state.instance?.name ?? 'redis'
  const skipped = key !== null && key.id === state.credentials?.keyId
  const [choice, setChoice] = useState<Choice>(skipped ? 'skip' : (key?.role ?? 'Writer'))
  const [name, setName] = useState(key && !skipped ? key.name : defaultName(instance, 'Writer'))
  const pick = (next: Choice) => {
    // The default name follows the role until the user types one of their own.
    if (next !== 'skip' && (name === defaultName(instance, 'Writer') || name === defaultName(instance, 'Manager'))) setName(defaultName(instance, next))
    setChoice(next)
  }
  const valid = choice === 'skip' || ServiceKeyInput.safeParse({ name, role: choice }).success
  const submit = () => run('serviceKey', () => call('wizard.createServiceKey', choice === 'skip' ? { skip: true } : { name: name.trim(), role: choice }))
  const result =
    key &&
    (skipped
      ? t('setup.appKey.skipped', { name: key.name })
      : t(key.reused ? 'setup.appKey.reused' : 'setup.appKey.created', { name: key.name, role: key.role }))
  return (
    <section className="pse-setup__step" aria-labelledby="step-title" data-testid="gen2-service-key">
      <StepHeader step="serviceKey" title={t('setup.appKey.title')} lead={t('setup.appKey.lead')} />
      <RadioButtonGroup
        legendText={t('setup.appKey.legend')}
        name="app-key-role"
        orientation="vertical"
        valueSelected={choice}
        onChange={(v) => pick(v as Choice)}
        disabled={busy}
      >
        <RadioButton id="app-key-writer" value="Writer" labelText={t('setup.appKey.role.Writer')} />
        <RadioButton id="app-key-manager" value="Manager" labelText={t('setup.appKey.role.Manager')} />
        <RadioButton id="app-key-skip" value="skip" labelText={t('setup.appKey.role.skip')} />
      </RadioButtonGroup>
      {choice !== 'skip' && (
        <div className="pse-setup__field">
          <TextInput
            id="app-key-name"
            labelText={t('setup.appKey.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            invalid={!valid}
            invalidText={t('setup.deploy.invalid.name')}
          />
        </div>
      )}
      <div className="pse-setup__actions">
        <Button kind={key ? 'tertiary' : 'primary'} disabled={busy || !valid} onClick={() => void submit()} data-testid="service-key-create">
          {choice === 'skip' ? t('setup.appKey.useManager') : t('setup.appKey.create')}
        </Button>
      </div>
      {key && (
        <div className="pse-setup__result" data-testid="service-key-result">
          <InlineNotification kind="success" lowContrast hideCloseButton title={result ?? ''} subtitle={t('setup.appKey.passwordNote')} />
          <StructuredListWrapper isCondensed aria-label={t('setup.appKey.title')}>
            <StructuredListBody>
              <Row label={t('setup.appKey.keyName')} value={key.name} />
              <Row label={t('setup.appKey.roleLabel')} value={key.role ?? ''} />
              <Row label={t('setup.appKey.host')} value={`${key.connection.hostname}:${key.connection.port}`} />
              <Row label={t('setup.appKey.user')} value={key.connection.username} />
            </StructuredListBody>
          </StructuredListWrapper>
        </div>
      )}
    </section>
  )
}
