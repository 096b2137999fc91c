import i18next from 'i18next'
import { UsageError } from './command'
import { en } from '../shared/i18n/en'
import { ja } from '../shared/i18n/ja'
import type { Translate } from '../shared/privacy/words'

/** The languages the CLI prints in: the UI's catalogue, shared (src/shared/i18n). */
export const CLI_LANGUAGES = ['en', 'ja'] as const
export type CliLanguage = (typeof CLI_LANGUAGES)[number]

/**
 * --lang when given (en or ja, else a usage error); otherwise the POSIX locale: the first set of
 * LC_ALL, LC_MESSAGES, LANG. ja, ja_JP.UTF-8, ja-JP… are Japanese; anything else is English.
 */
export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): CliLanguage {
  if (flag !== undefined) {
    if ((CLI_LANGUAGES as readonly string[]).includes(flag)) return flag as CliLanguage
    throw new UsageError(`--lang takes ${CLI_LANGUAGES.join(' or ')}, got "${flag}"`)
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return /^ja([_.@-]|$)/i.test(locale) ? 'ja' : 'en'
}

/** i18next's t for `language`, over the same catalogue as the renderer; built synchronously. */
export function cliTranslator(language: CliLanguage): Translate {
  const instance = i18next.createInstance()
  void instance.init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false
  })
  return instance.t.bind(instance) as unknown as Translate
}
