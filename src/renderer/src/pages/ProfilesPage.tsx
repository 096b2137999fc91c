import { useTranslation } from 'react-i18next'

export function ProfilesPage() {
  const { t } = useTranslation()
  return (
    <section className="pse-page" aria-labelledby="profiles-title">
      <h1 id="profiles-title" className="pse-page__title">
        {t('profiles.title')}
      </h1>
      <p className="pse-page__lead">{t('profiles.lead')}</p>
      <p className="pse-empty">{t('profiles.empty')}</p>
    </section>
  )
}
