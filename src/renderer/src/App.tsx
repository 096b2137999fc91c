import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { InlineLoading } from './shell/carbon'
import { useTranslation } from 'react-i18next'
import { AppShell } from './shell/AppShell'
import { AppContext, type AppContextValue } from './shell/app-context'
import { useHashRoute } from './shell/use-hash-route'
import { useCarbonTheme } from './shell/use-theme'
import { call, subscribe } from './api/client'
import { changeLanguage, resolveLanguage } from './i18n'
import type { AppInfo, Settings, SettingsPatch } from '../../shared/schemas/app'
import { WelcomePage } from './pages/WelcomePage'

// The first screen loads with the shell; the others load when first opened (a faster start).
const SetupPage = lazy(() => import('./pages/SetupPage').then((m) => ({ default: m.SetupPage })))
const ProfilesPage = lazy(() => import('./pages/ProfilesPage').then((m) => ({ default: m.ProfilesPage })))
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })))

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
        <Suspense fallback={<PageLoading />}>
          {route === 'setup' && <SetupPage />}
          {route === 'profiles' && <ProfilesPage />}
          {route === 'settings' && <SettingsPage />}
        </Suspense>
      </AppShell>
    </AppContext.Provider>
  )
}

function PageLoading() {
  const { t } = useTranslation()
  return <InlineLoading description={t('app.loading')} />
}
