import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles/index.scss'
import { App } from './App'
import { call, toAppError } from './api/client'
import { initI18n, resolveLanguage } from './i18n'

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!)
  try {
    const [info, settings] = await Promise.all([call('app.info', {}), call('settings.get', {})])
    await initI18n(resolveLanguage(settings.language, info.systemLocale || navigator.language))
    root.render(
      <StrictMode>
        <App info={info} initialSettings={settings} />
      </StrictMode>
    )
  } catch (e) {
    // The shell could not even start: say so plainly, in both languages.
    const p = document.createElement('p')
    p.className = 'pse-fatal'
    p.textContent = `PSE Wizard could not start / PSE Wizard を起動できませんでした: ${toAppError(e).message}`
    document.body.replaceChildren(p)
  }
}

void start()
