import { useTranslation } from 'react-i18next'
import { ClickableTile, Stack } from '@carbon/react'
import { ArrowRight } from '@carbon/icons-react'
import { useApp } from '../shell/app-context'

/** First screen: the three ways in (UX.md, screen 1). Tiles link by hash route. */
export function WelcomePage() {
  const { t } = useTranslation()
  const { info } = useApp()
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
        {!info.sandbox && (
          <div className="pse-tile-static" data-testid="welcome-sandbox">
            <h2 className="pse-tile__title">{t('welcome.sandbox')}</h2>
            <p className="pse-tile__hint">{t('welcome.sandboxHint')}</p>
            <p className="pse-tile__hint">
              <code>{t('welcome.sandboxCommand')}</code>
            </p>
          </div>
        )}
      </Stack>
    </section>
  )
}
