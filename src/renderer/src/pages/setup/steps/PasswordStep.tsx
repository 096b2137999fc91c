import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineNotification, RadioButton, RadioButtonGroup, PasswordInput } from '@carbon/react'
import { call } from '../../../api/client'
import { SecretField } from '../../../components/SecretField'
import type { PasswordCheck } from '../../../../../shared/schemas/ibmcloud'
import type { StepProps } from '../step-props'
import { StepHeader } from './StepHeader'
import { Gen2CredentialsPanel } from './Gen2CredentialsPanel'

/** Step 5: Gen 1's admin password; Gen 2 has no admin user, its step 5 creates the Manager key. */
export function PasswordStep(props: StepProps) {
  return props.state.instance?.generation === 'gen2' ? <Gen2CredentialsPanel {...props} /> : <AdminPasswordPanel {...props} />
}

/** Gen 1's step 5: the admin password, generated (default) or typed and checked against the rules before it is sent. */
function AdminPasswordPanel({ state, run, busy }: StepProps) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<'generate' | 'enter'>('generate')
  const [password, setPassword] = useState('')
  const [check, setCheck] = useState<PasswordCheck | null>(null)

  useEffect(() => {
    setCheck(null)
    if (mode !== 'enter' || password === '') return
    const timer = setTimeout(() => {
      call('wizard.checkPassword', { password }).then(setCheck, () => setCheck(null))
    }, 250)
    return () => clearTimeout(timer)
  }, [password, mode])

  const ready = mode === 'generate' || check?.ok === true
  const submit = async () => {
    const after = await run('password', () => call('wizard.setPassword', mode === 'generate' ? { mode } : { mode, password }))
    if (after?.steps.password.status === 'done') setPassword('')
  }
  const done = state.password

  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="password" title={t('setup.password.title')} lead={t('setup.password.lead')} />
      <RadioButtonGroup
        legendText={t('setup.password.modeLegend')}
        name="password-mode"
        orientation="vertical"
        valueSelected={mode}
        onChange={(v) => setMode(v as 'generate' | 'enter')}
        disabled={busy}
      >
        <RadioButton id="password-generate" value="generate" labelText={t('setup.password.mode.generate')} />
        <RadioButton id="password-enter" value="enter" labelText={t('setup.password.mode.enter')} />
      </RadioButtonGroup>
      {mode === 'enter' && (
        <div className="pse-setup__field" data-testid="password-entry">
          <PasswordInput
            id="password-value"
            labelText={t('setup.password.field')}
            helperText={check?.ok ? t('setup.password.fine') : t('setup.password.rules')}
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            invalid={check !== null && !check.ok}
            invalidText={check?.problems.join(' ')}
            showPasswordLabel={t('common.secret.reveal')}
            hidePasswordLabel={t('common.secret.hide')}
          />
        </div>
      )}
      <div className="pse-setup__actions">
        <Button kind={done ? 'tertiary' : 'primary'} disabled={busy || !ready} onClick={() => void submit()} data-testid="password-set">
          {t('setup.password.set')}
        </Button>
      </div>
      {done && (
        <div className="pse-setup__result" data-testid="password-result">
          <InlineNotification
            kind="success"
            lowContrast
            hideCloseButton
            title={t('setup.password.done', { user: done.username, where: t(`setup.password.where.${done.storedIn}`) })}
          />
          <SecretField
            id="admin-password"
            label={`${t('setup.password.stored')} (${done.username})`}
            reveal={() => call('wizard.revealPassword', {}).then((r) => r.password)}
          />
        </div>
      )}
    </section>
  )
}
