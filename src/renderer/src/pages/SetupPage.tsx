import { useTranslation } from 'react-i18next'
import { wizardSteps } from '../../../shared/schemas/wizard'
import { SetupWizard } from './setup/SetupWizard'

export const setupSteps = wizardSteps

/** Screen 2 of UX.md: the setup wizard. */
export function SetupPage() {
  const { t } = useTranslation()
  return (
    <section className="pse-page" aria-labelledby="setup-title">
      <h1 id="setup-title" className="pse-page__title">
        {t('setup.title')}
      </h1>
      <p className="pse-page__lead">{t('setup.lead')}</p>
      <SetupWizard />
    </section>
  )
}
