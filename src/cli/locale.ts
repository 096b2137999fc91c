import type { i18n } from 'i18next'
import { UsageError } from './command'
import type { Messages } from '../shared/i18n/en'
import type { ErrorMessages } from '../shared/i18n/errors/en'
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

/** i18next's t for `language` over its catalogue (the renderer's, shared); built synchronously. */
export function translatorFor(i18next: i18n, language: CliLanguage, catalogue: Messages, failures?: ErrorMessages): Translate {
  const instance = i18next.createInstance()
  void instance.init({
    resources: { [language]: { translation: failures ? { ...catalogue, errors: failures } : catalogue } },
    lng: language,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false
  })
  return instance.t.bind(instance) as unknown as Translate
}

/**
 * The translator for `language`, loading i18next and that language's catalogue only (the
 * catalogues share their keys: the compiler checks). Start it early, await it to print.
 */
export async function loadCliTranslator(language: CliLanguage): Promise<Translate> {
  const [{ default: i18next }, catalogue] = await Promise.all([
    import('i18next'),
    language === 'ja' ? import('../shared/i18n/ja').then((m) => m.ja) : import('../shared/i18n/en').then((m) => m.en)
  ])
  return translatorFor(i18next, language, catalogue)
}

/**
 * The translator a failure is said with: the language's catalogue and its failure section
 * (src/shared/i18n/errors), which only a failure path loads.
 */
export async function loadFailureTranslator(language: CliLanguage): Promise<Translate> {
  const [{ default: i18next }, catalogue, failures] = await Promise.all([
    import('i18next'),
    language === 'ja' ? import('../shared/i18n/ja').then((m) => m.ja) : import('../shared/i18n/en').then((m) => m.en),
    language === 'ja' ? import('../shared/i18n/errors/ja').then((m) => m.errorsJa) : import('../shared/i18n/errors/en').then((m) => m.errorsEn)
  ])
  return translatorFor(i18next, language, catalogue, failures)
}
