import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, ClickableTile, InlineNotification, Stack } from '../shell/carbon'
import { ArrowRight, Debug } from '@carbon/icons-react'
import { useApp } from '../shell/app-context'
import { call, toAppError } from '../api/client'

/** First screen: the three ways in (UX.md, screen 1). Tiles link by hash route. */
export function WelcomePage() {
  const { t } = useTranslation()
  return (
    <section className="pse-page" aria-labelledby="welcome-title">
      <h1 id="welcome-title" className="pse-page__title">
        {t('welcome.title')}
      </h1>
      <p className="pse-page__lead">{t('welcome.lead')}</p>
      <Stack gap={5} className="pse-welcome__choices">
        <ClickableTile href="#/setup" data-testid="welcome-setup">
          <h2 className="pse-tile__title">{t('welcome.setup')}</h2>
          <p className="pse-tile__hint">{t('welcome.setupHint')}</p>
          <ArrowRight className="pse-tile__arrow" size={20} aria-hidden />
        </ClickableTile>
        <ClickableTile href="#/profiles" data-testid="welcome-profiles">
          <h2 className="pse-tile__title">{t('welcome.profiles')}</h2>
          <p className="pse-tile__hint">{t('welcome.profilesHint')}</p>
          <ArrowRight className="pse-tile__arrow" size={20} aria-hidden />
        </ClickableTile>
        <SandboxChoice />
      </Stack>
    </section>
  )
}

/** The sandbox offer: the desktop restarts itself into it; browser mode shows the command. */
function SandboxChoice() {
  const { t } = useTranslation()
  const { info } = useApp()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const enter = !info.sandbox

  async function relaunch(): Promise<void> {
    setBusy(true)
    setError(undefined)
    try {
      await call('app.relaunch', { sandbox: enter })
    } catch (e) {
      setError(toAppError(e).message)
      setBusy(false)
    }
  }

  return (
    <div className="pse-tile-static" data-testid="welcome-sandbox">
      <h2 className="pse-tile__title">{enter ? t('welcome.sandbox') : t('welcome.leaveSandbox')}</h2>
      <p className="pse-tile__hint">{enter ? t('welcome.sandboxHint') : t('welcome.leaveSandboxHint')}</p>
      {info.transport === 'desktop' ? (
        <Button kind="tertiary" size="md" renderIcon={Debug} disabled={busy} onClick={() => void relaunch()} className="pse-tile__action">
          {enter ? t('welcome.sandboxButton') : t('welcome.leaveSandboxButton')}
        </Button>
      ) : (
        <p className="pse-tile__hint">
          <code>{enter ? 'pse-wizard serve --sandbox' : 'pse-wizard serve'}</code> — {t('welcome.browserRestartHint')}
        </p>
      )}
      {error && <InlineNotification kind="error" lowContrast hideCloseButton title={t('app.errorTitle')} subtitle={error} />}
    </div>
  )
}
