import { useEffect, useState } from 'react'
import type { Settings } from '../../../shared/schemas/app'

export type CarbonTheme = 'white' | 'g100'

const query = '(prefers-color-scheme: dark)'

/** Light or dark, following the OS unless the user chose one in Settings. */
export function useCarbonTheme(setting: Settings['theme']): CarbonTheme {
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const media = window.matchMedia(query)
    const onChange = (e: MediaQueryListEvent): void => setSystemDark(e.matches)
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }, [])
  const dark = setting === 'dark' || (setting === 'system' && systemDark)
  const theme: CarbonTheme = dark ? 'g100' : 'white'
  useEffect(() => {
    document.documentElement.classList.remove('cds--white', 'cds--g100')
    document.documentElement.classList.add(`cds--${theme}`)
    document.documentElement.dataset.theme = dark ? 'dark' : 'light'
  }, [theme, dark])
  return theme
}
