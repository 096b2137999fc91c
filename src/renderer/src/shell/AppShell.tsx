import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Content, Header, HeaderGlobalAction, HeaderGlobalBar, HeaderName, SideNav, SideNavItems, SideNavLink, SkipToContent, Theme } from './carbon'
import { Home, Settings as SettingsIcon, Flow, DataBase, Translate } from '@carbon/icons-react'
import type { Route } from './use-hash-route'
import { useApp } from './app-context'
import { resolveLanguage } from '../i18n'
import type { CarbonTheme } from './use-theme'

interface Props {
  route: Route
  navigate(route: Route): void
  theme: CarbonTheme
  children: ReactNode
}

const navItems: Array<{ route: Route; icon: typeof Home; label: 'nav.welcome' | 'nav.setup' | 'nav.profiles' | 'nav.settings' }> = [
  { route: 'welcome', icon: Home, label: 'nav.welcome' },
  { route: 'setup', icon: Flow, label: 'nav.setup' },
  { route: 'profiles', icon: DataBase, label: 'nav.profiles' },
  { route: 'settings', icon: SettingsIcon, label: 'nav.settings' }
]

export function AppShell({ route, navigate, theme, children }: Props) {
  const { t } = useTranslation()
  const { info, settings, updateSettings } = useApp()
  const language = resolveLanguage(settings.language, info.systemLocale || navigator.language)
  const other = language === 'ja' ? 'en' : 'ja'

  return (
    <Theme theme={theme}>
      <Theme theme="g100">
        <Header aria-label={t('app.title')}>
          <SkipToContent href="#main-content">{t('app.skipToContent')}</SkipToContent>
          <HeaderName href="#/welcome" prefix="IBM Cloud">
            {t('app.title')}
          </HeaderName>
          <HeaderGlobalBar>
            <HeaderGlobalAction
              aria-label={other === 'ja' ? '日本語に切り替える' : 'Switch to English'}
              tooltipAlignment="end"
              onClick={() => void updateSettings({ language: other })}
              data-testid="language-toggle"
            >
              <Translate size={20} />
            </HeaderGlobalAction>
          </HeaderGlobalBar>
        </Header>
      </Theme>
      {/* Fixed below the header at every width: the window's minimum width leaves room for it. */}
      <SideNav aria-label={t('nav.label')} expanded isFixedNav isChildOfHeader={false} className="pse-sidenav">
        <SideNavItems>
          {navItems.map((item) => (
            <SideNavLink
              key={item.route}
              renderIcon={item.icon}
              href={`#/${item.route}`}
              isActive={route === item.route}
              aria-current={route === item.route ? 'page' : undefined}
              onClick={(e: React.MouseEvent) => {
                e.preventDefault()
                navigate(item.route)
              }}
            >
              {t(item.label)}
            </SideNavLink>
          ))}
        </SideNavItems>
      </SideNav>
      <Content id="main-content" className="pse-content">
        {info.sandbox && (
          <div className="pse-sandbox-banner" role="status" data-testid="sandbox-banner">
            {t('app.sandboxBanner')}
          </div>
        )}
        {children}
      </Content>
    </Theme>
  )
}
