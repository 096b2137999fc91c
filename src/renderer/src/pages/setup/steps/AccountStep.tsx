import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, RadioButton, RadioButtonGroup, StructuredListBody, StructuredListCell, StructuredListRow, StructuredListWrapper, PasswordInput } from '@carbon/react'
import { call } from '../../../api/client'
import type { AccountInput } from '../../../../../shared/schemas/wizard'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'

type Choice = 'apiKey' | 'keychain' | 'environment' | 'session'
type Choices = { keychain: boolean; environment: boolean; session: boolean }

/** Step 1: which API key to use, then the account it signs in to. */
export function AccountStep({ state, run, busy }: StepProps) {
  const { t } = useTranslation()
  const [choices, setChoices] = useState<Choices | null>(null)
  const [choice, setChoice] = useState<Choice>('apiKey')
  const [apiKey, setApiKey] = useState('')
  const [touched, setTouched] = useState(false)

  useEffect(() => {
    call('wizard.accountChoices', {}).then(
      (c) => {
        setChoices(c)
        setChoice(c.keychain ? 'keychain' : c.environment ? 'environment' : 'apiKey')
      },
      () => setChoices({ keychain: false, environment: false, session: false })
    )
  }, [])

  const keyMissing = choice === 'apiKey' && apiKey.trim() === ''
  const signIn = async () => {
    setTouched(true)
    if (keyMissing) return
    const input: AccountInput = choice === 'apiKey' ? { source: 'apiKey', apiKey } : { source: choice }
    const after = await run('account', () => call('wizard.account', input))
    if (after?.steps.account.status === 'done') setApiKey('')
  }

  const info = state.account?.info
  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="account" title={t('setup.account.title')} lead={t('setup.account.lead')} />
      <RadioButtonGroup
        legendText={t('setup.account.sourceLegend')}
        name="account-source"
        orientation="vertical"
        valueSelected={choice}
        onChange={(v) => setChoice(v as Choice)}
        disabled={busy || !choices}
      >
        <RadioButton id="account-apiKey" value="apiKey" labelText={t('setup.account.source.apiKey')} />
        {choices?.keychain ? <RadioButton id="account-keychain" value="keychain" labelText={t('setup.account.source.keychain')} /> : null}
        {choices?.environment ? <RadioButton id="account-environment" value="environment" labelText={t('setup.account.source.environment')} /> : null}
        <RadioButton
          id="account-session"
          value="session"
          disabled={!choices?.session}
          labelText={choices?.session ? t('setup.account.source.session') : `${t('setup.account.source.session')} (${t('setup.account.sessionUnavailable')})`}
        />
      </RadioButtonGroup>

      {choice === 'apiKey' && (
        <div className="pse-setup__field">
          <PasswordInput
            id="account-api-key"
            labelText={t('setup.account.apiKey')}
            helperText={t('setup.account.apiKeyHelp')}
            autoComplete="off"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
            invalid={touched && keyMissing}
            invalidText={t('setup.account.apiKeyRequired')}
            showPasswordLabel={t('common.secret.reveal')}
            hidePasswordLabel={t('common.secret.hide')}
          />
        </div>
      )}

      <div className="pse-setup__actions">
        <Button kind={state.account ? 'tertiary' : 'primary'} disabled={busy || !choices} onClick={() => void signIn()} data-testid="account-sign-in">
          {t('setup.account.signIn')}
        </Button>
      </div>

      {info && (
        <div className="pse-setup__result" data-testid="account-result">
          <h3 className="pse-setup__subtitle">{t('setup.account.signedIn')}</h3>
          <StructuredListWrapper isCondensed aria-label={t('setup.account.signedIn')}>
            <StructuredListBody>
              <Row label={t('setup.account.accountName')} value={info.accountName ?? t('setup.account.unknown')} />
              <Row label={t('setup.account.accountId')} value={info.accountId} />
              {info.email && <Row label={t('setup.account.user')} value={info.email} />}
              <Row label={t('setup.account.keySource')} value={t(`setup.account.source.${state.account!.source}`) + (info.apiKeyName ? ` (${info.apiKeyName})` : '')} />
            </StructuredListBody>
          </StructuredListWrapper>
        </div>
      )}
    </section>
  )
}

export function Row({ label, value }: { label: string; value: string }) {
  return (
    <StructuredListRow>
      <StructuredListCell noWrap className="pse-setup__key">
        {label}
      </StructuredListCell>
      <StructuredListCell className="pse-setup__value">{value}</StructuredListCell>
    </StructuredListRow>
  )
}
