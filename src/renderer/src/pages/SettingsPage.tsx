import { useTranslation } from 'react-i18next'
import { Select, SelectItem, Stack, StructuredListBody, StructuredListCell, StructuredListRow, StructuredListWrapper } from '@carbon/react'
import { useApp } from '../shell/app-context'
import type { Settings } from '../../../shared/schemas/app'

export function SettingsPage() {
  const { t } = useTranslation()
  const { info, settings, updateSettings } = useApp()
  return (
    <section className="pse-page" aria-labelledby="settings-title">
      <h1 id="settings-title" className="pse-page__title">
        {t('settings.title')}
      </h1>
      <p className="pse-page__lead">{t('settings.lead')}</p>
      <Stack gap={6} className="pse-settings__form">
        <Select
          id="settings-language"
          labelText={t('settings.language')}
          value={settings.language}
          onChange={(e: React.ChangeEvent<HTMLSelectElement>) => void updateSettings({ language: e.target.value as Settings['language'] })}
        >
          <SelectItem value="system" text={t('settings.languageSystem')} />
          <SelectItem value="en" text="English" />
          <SelectItem value="ja" text="日本語" />
        </Select>
        <Select
          id="settings-theme"
          labelText={t('settings.theme')}
          value={settings.theme}
          onChange={(e: React.ChangeEvent<HTMLSelectElement>) => void updateSettings({ theme: e.target.value as Settings['theme'] })}
        >
          <SelectItem value="system" text={t('settings.themeSystem')} />
          <SelectItem value="light" text={t('settings.themeLight')} />
          <SelectItem value="dark" text={t('settings.themeDark')} />
        </Select>
        <StructuredListWrapper isCondensed aria-label={t('settings.title')}>
          <StructuredListBody>
            <StructuredListRow>
              <StructuredListCell noWrap>{t('settings.version')}</StructuredListCell>
              <StructuredListCell>{info.version}</StructuredListCell>
            </StructuredListRow>
            <StructuredListRow>
              <StructuredListCell noWrap>{t('settings.transport')}</StructuredListCell>
              <StructuredListCell>{info.transport === 'desktop' ? t('settings.transportDesktop') : t('settings.transportBrowser')}</StructuredListCell>
            </StructuredListRow>
            <StructuredListRow>
              <StructuredListCell noWrap>{t('settings.dataFolder')}</StructuredListCell>
              <StructuredListCell>
                <code>{info.dataDir}</code>
              </StructuredListCell>
            </StructuredListRow>
          </StructuredListBody>
        </StructuredListWrapper>
      </Stack>
    </section>
  )
}
