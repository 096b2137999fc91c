import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from '../../../shared/i18n/en'
import { ja } from '../../../shared/i18n/ja'
import type { Language } from '../../../shared/schemas/app'

export const languages: Language[] = ['en', 'ja']

/** 'system' follows the OS locale: Japanese for any ja-* locale, English otherwise. */
export function resolveLanguage(setting: 'system' | Language, systemLocale: string): Language {
  if (setting !== 'system') return setting
  return systemLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en'
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false
  })
  document.documentElement.lang = language
  return i18next
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language)
  document.documentElement.lang = language
}
