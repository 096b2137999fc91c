import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineNotification, StructuredListBody, StructuredListWrapper, TextInput } from '@carbon/react'
import { call } from '../../../api/client'
import { SecretField } from '../../../components/SecretField'
import { CreateCredentialsInput } from '../../../../../shared/schemas/wizard'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'
import { Row } from './AccountStep'

/** Step 5 for Gen 2: no admin user; the Manager service key, its credentials shown once and kept in the keychain. */
export function Gen2CredentialsPanel({ state, run, busy }: StepProps) {
  const { t } = useTranslation()
  const done = state.credentials
  const [name, setName] = useState(done?.keyName ?? `${state.instance?.name ?? 'redis'}-manager`)
  const valid = CreateCredentialsInput.safeParse({ name }).success
  const where = done ? t(`setup.password.where.${done.storedIn}`) : ''
  return (
    <section className="pse-setup__step" aria-labelledby="step-title" data-testid="gen2-credentials">
      <StepHeader step="password" title={t('setup.credentials.title')} lead={t('setup.credentials.lead')} />
      <div className="pse-setup__field">
        <TextInput
          id="credentials-name"
          labelText={t('setup.credentials.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          invalid={!valid}
          invalidText={t('setup.deploy.invalid.name')}
        />
      </div>
      <div className="pse-setup__actions">
        <Button
          kind={done ? 'tertiary' : 'primary'}
          disabled={busy || !valid}
          onClick={() => void run('password', () => call('wizard.createCredentials', { name: name.trim() }))}
          data-testid="credentials-create"
        >
          {t('setup.credentials.create')}
        </Button>
      </div>
      {done && (
        <div className="pse-setup__result" data-testid="credentials-result">
          <InlineNotification
            kind="success"
            lowContrast
            hideCloseButton
            title={t(done.reused ? 'setup.credentials.reused' : 'setup.credentials.created', { name: done.keyName, where })}
          />
          <StructuredListWrapper isCondensed aria-label={t('setup.credentials.title')}>
            <StructuredListBody>
              <Row label={t('setup.credentials.keyName')} value={done.keyName} />
              <Row label={t('setup.credentials.role')} value={done.role} />
              <Row label={t('setup.credentials.user')} value={done.username} />
              {done.connection && <Row label={t('setup.credentials.host')} value={`${done.connection.hostname}:${done.connection.port}`} />}
            </StructuredListBody>
          </StructuredListWrapper>
          <SecretField
            id="manager-password"
            label={`${t('setup.credentials.password')} (${done.username})`}
            reveal={() => call('wizard.revealPassword', {}).then((r) => r.password)}
          />
        </div>
      )}
    </section>
  )
}
