import { useCallback, useEffect, useState } from 'react'
import { AppShell } from './shell/AppShell'
import { AppContext, type AppContextValue } from './shell/app-context'
import { useHashRoute } from './shell/use-hash-route'
import { useCarbonTheme } from './shell/use-theme'
import { call, subscribe } from './api/client'
import { changeLanguage, resolveLanguage } from './i18n'
import type { AppInfo, Settings, SettingsPatch } from '../../shared/schemas/app'
import { WelcomePage } from './pages/WelcomePage'
import { SetupPage } from './pages/SetupPage'
import { ProfilesPage } from './pages/ProfilesPage'
import { SettingsPage } from './pages/SettingsPage'

export function App({ info, initialSettings }: { info: AppInfo; initialSettings: Settings }) {
  const [settings, setSettings] = useState(initialSettings)
  const [route, navigate] = useHashRoute()
  const theme = useCarbonTheme(settings.theme)

  useEffect(() => subscribe('settings.changed', setSettings), [])
  useEffect(() => {
    void changeLanguage(resolveLanguage(settings.language, info.systemLocale || navigator.language))
  }, [settings.language, info.systemLocale])

  const updateSettings = useCallback(async (patch: SettingsPatch) => {
    setSettings(await call('settings.set', patch))
  }, [])
  const context: AppContextValue = { info, settings, updateSettings }

  return (
    <AppContext.Provider value={context}>
      <AppShell route={route} navigate={navigate} theme={theme}>
        {route === 'welcome' && <WelcomePage />}
        {route === 'setup' && <SetupPage />}
        {route === 'profiles' && <ProfilesPage />}
        {route === 'settings' && <SettingsPage />}
      </AppShell>
    </AppContext.Provider>
  )
}
