import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineNotification, StructuredListBody, StructuredListWrapper, TextInput } from '@carbon/react'
import { call } from '../../../api/client'
import { ServiceKeyInput } from '../../../../../shared/schemas/wizard'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'
import { Row } from './AccountStep'
import { Gen2ServiceKeyPanel } from './Gen2ServiceKeyPanel'

/** Step 7: Gen 1's private service key; Gen 2's application key with a role. */
export function ServiceKeyStep(props: StepProps) {
  return props.state.instance?.generation === 'gen2' ? <Gen2ServiceKeyPanel {...props} /> : <PrivateKeyPanel {...props} />
}

/** Gen 1's step 7: the private service key (service-endpoints: private), created or reused. */
function PrivateKeyPanel({ state, run, busy }: StepProps) {
  const { t } = useTranslation()
  const [name, setName] = useState(state.serviceKey?.name ?? `${state.instance?.name ?? 'Redis'}-private-key`)
  const valid = ServiceKeyInput.safeParse({ name }).success
  const key = state.serviceKey
  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="serviceKey" title={t('setup.serviceKey.title')} lead={t('setup.serviceKey.lead')} />
      <div className="pse-setup__field">
        <TextInput
          id="service-key-name"
          labelText={t('setup.serviceKey.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          invalid={!valid}
          invalidText={t('setup.deploy.invalid.name')}
        />
      </div>
      <div className="pse-setup__actions">
        <Button
          kind={key ? 'tertiary' : 'primary'}
          disabled={busy || !valid}
          onClick={() => void run('serviceKey', () => call('wizard.createServiceKey', { name: name.trim() }))}
          data-testid="service-key-create"
        >
          {t('setup.serviceKey.create')}
        </Button>
      </div>
      {key && (
        <div className="pse-setup__result" data-testid="service-key-result">
          <InlineNotification
            kind="success"
            lowContrast
            hideCloseButton
            title={key.reused ? t('setup.serviceKey.reused') : t('setup.serviceKey.created')}
            subtitle={t('setup.serviceKey.passwordNote')}
          />
          <StructuredListWrapper isCondensed aria-label={t('setup.serviceKey.title')}>
            <StructuredListBody>
              <Row label={t('setup.serviceKey.keyName')} value={key.name} />
              <Row label={t('setup.serviceKey.host')} value={`${key.connection.hostname}:${key.connection.port}`} />
              <Row label={t('setup.serviceKey.user')} value={key.connection.username} />
            </StructuredListBody>
          </StructuredListWrapper>
        </div>
      )}
    </section>
  )
}
