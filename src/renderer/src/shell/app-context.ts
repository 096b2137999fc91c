import { createContext, useContext } from 'react'
import type { AppInfo, Settings, SettingsPatch } from '../../../shared/schemas/app'

export interface AppContextValue {
  info: AppInfo
  settings: Settings
  updateSettings(patch: SettingsPatch): Promise<void>
}

export const AppContext = createContext<AppContextValue | null>(null)

export function useApp(): AppContextValue {
  const value = useContext(AppContext)
  if (!value) throw new Error('useApp outside AppContext')
  return value
}
