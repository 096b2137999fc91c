import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from '../../../shared/i18n/en'
import { ja } from '../../../shared/i18n/ja'
import { errorsEn } from '../../../shared/i18n/errors/en'
import { errorsJa } from '../../../shared/i18n/errors/ja'
import type { Language } from '../../../shared/schemas/app'

export const languages: Language[] = ['en', 'ja']

/** 'system' follows the OS locale: Japanese for any ja-* locale, English otherwise. */
export function resolveLanguage(setting: 'system' | Language, systemLocale: string): Language {
  if (setting !== 'system') return setting
  return systemLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en'
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    // Failures are said from their code (errors.<code>, src/shared/said-text.ts).
    resources: { en: { translation: { ...en, errors: errorsEn } }, ja: { translation: { ...ja, errors: errorsJa } } },
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
