import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Button,
  InlineNotification,
  Select,
  SelectItem,
  Stack,
  StructuredListBody,
  StructuredListCell,
  StructuredListRow,
  StructuredListWrapper,
  TextInput,
  Toggle
} from '@carbon/react'
import { useApp } from '../shell/app-context'
import { call, toAppError } from '../api/client'
import { ErrorNotice } from '../components/ErrorNotice'
import type { Settings } from '../../../shared/schemas/app'
import type { KeychainStatus } from '../../../shared/schemas/profile'
import type { AppError } from '../../../shared/errors'

/** UX.md screen 5: language, theme, the ibmcloud CLI, private API endpoints, keychain, data folder. */
export function SettingsPage() {
  const { t } = useTranslation()
  const { info, settings, updateSettings } = useApp()
  const [error, setError] = useState<AppError>()

  async function save(patch: Partial<Settings>): Promise<void> {
    setError(undefined)
    try {
      await updateSettings(patch)
    } catch (e) {
      setError(toAppError(e))
    }
  }

  return (
    <section className="pse-page" aria-labelledby="settings-title">
      <h1 id="settings-title" className="pse-page__title">
        {t('settings.title')}
      </h1>
      <p className="pse-page__lead">{t('settings.lead')}</p>
      <Stack gap={7} className="pse-settings__form">
        {error && <ErrorNotice error={error} onClose={() => setError(undefined)} />}
        <Stack gap={6}>
          <h2 className="pse-settings__heading">{t('settings.appearance')}</h2>
          <Select
            id="settings-language"
            labelText={t('settings.language')}
            value={settings.language}
            onChange={(e: React.ChangeEvent<HTMLSelectElement>) => void save({ language: e.target.value as Settings['language'] })}
          >
            <SelectItem value="system" text={t('settings.languageSystem')} />
            <SelectItem value="en" text="English" />
            <SelectItem value="ja" text="日本語" />
          </Select>
          <Select
            id="settings-theme"
            labelText={t('settings.theme')}
            value={settings.theme}
            onChange={(e: React.ChangeEvent<HTMLSelectElement>) => void save({ theme: e.target.value as Settings['theme'] })}
          >
            <SelectItem value="system" text={t('settings.themeSystem')} />
            <SelectItem value="light" text={t('settings.themeLight')} />
            <SelectItem value="dark" text={t('settings.themeDark')} />
          </Select>
        </Stack>

        <Stack gap={6}>
          <h2 className="pse-settings__heading">{t('settings.ibmCloud')}</h2>
          <CliPathField value={settings.ibmcloudCliPath} onSave={(ibmcloudCliPath) => save({ ibmcloudCliPath })} />
          <Toggle
            id="settings-cli-session"
            labelText={t('settings.useCliSession')}
            labelA={t('settings.off')}
            labelB={t('settings.on')}
            toggled={settings.useCliSession}
            onToggle={(useCliSession: boolean) => void save({ useCliSession })}
          />
          <p className="pse-settings__help">{t('settings.useCliSessionHelp')}</p>
          <Toggle
            id="settings-private-api"
            labelText={t('settings.privateApiEndpoints')}
            labelA={t('settings.off')}
            labelB={t('settings.on')}
            toggled={settings.privateApiEndpoints}
            onToggle={(privateApiEndpoints: boolean) => void save({ privateApiEndpoints })}
          />
          <p className="pse-settings__help">{t('settings.privateApiEndpointsHelp')}</p>
        </Stack>

        <Stack gap={6}>
          <h2 className="pse-settings__heading">{t('settings.keychain')}</h2>
          <KeychainSection />
        </Stack>

        <StructuredListWrapper isCondensed aria-label={t('settings.about')}>
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

/** Saved when the field loses focus; main validates the path (absolute, or empty for PATH). */
function CliPathField({ value, onSave }: { value: string; onSave(value: string): Promise<void> }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const invalid = draft !== '' && !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(draft)
  return (
    <TextInput
      id="settings-cli-path"
      labelText={t('settings.cliPath')}
      helperText={t('settings.cliPathHelp')}
      placeholder="/usr/local/bin/ibmcloud"
      value={draft}
      invalid={invalid}
      invalidText={t('settings.cliPathInvalid')}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft(e.target.value)}
      onBlur={() => {
        if (!invalid && draft !== value) void onSave(draft.trim())
      }}
    />
  )
}

function KeychainSection() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<KeychainStatus>()
  const [error, setError] = useState<AppError>()

  useEffect(() => {
    call('profiles.keychainStatus', {}).then(setStatus, (e: unknown) => setError(toAppError(e)))
  }, [])

  if (error) return <ErrorNotice error={error} />
  if (!status) return <p className="pse-settings__help">{t('app.loading')}</p>
  const kind = status.mode === 'keychain' ? 'success' : status.mode === 'session' ? 'warning' : 'error'
  return (
    <div data-testid="keychain-status" data-mode={status.mode}>
      <InlineNotification
        kind={kind}
        lowContrast
        hideCloseButton
        title={t(`settings.keychainMode.${status.mode}`)}
        // Main's message carries the advice (what to install) when there is no keychain.
        subtitle={status.mode === 'keychain' ? undefined : status.message}
      />
      {status.mode === 'unavailable' && (
        <Button kind="tertiary" size="md" onClick={() => void call('profiles.useSessionSecrets', {}).then(setStatus)}>
          {t('settings.useSessionSecrets')}
        </Button>
      )}
    </div>
  )
}
