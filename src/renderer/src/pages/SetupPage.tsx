import { useTranslation } from 'react-i18next'
import { InlineNotification, ProgressIndicator, ProgressStep } from '@carbon/react'

export const setupSteps = ['account', 'prerequisites', 'deploy', 'wait', 'password', 'connection', 'serviceKey', 'test', 'save'] as const

export function SetupPage() {
  const { t } = useTranslation()
  return (
    <section className="pse-page" aria-labelledby="setup-title">
      <h1 id="setup-title" className="pse-page__title">
        {t('setup.title')}
      </h1>
      <p className="pse-page__lead">{t('setup.lead')}</p>
      <div className="pse-setup">
        <ProgressIndicator vertical currentIndex={0} className="pse-setup__progress">
          {setupSteps.map((step) => (
            <ProgressStep key={step} label={t(`setup.steps.${step}`)} />
          ))}
        </ProgressIndicator>
        <div className="pse-setup__step">
          <InlineNotification kind="info" lowContrast hideCloseButton title={t('setup.title')} subtitle={t('setup.empty')} />
        </div>
      </div>
    </section>
  )
}
