import type { Messages } from '../shared/i18n/en'
import type { CliLanguage } from './locale'

/** The texts of `serve` and `sandbox` in the user's language: one small catalogue section, no i18next. */
export const serveWords = async (language: CliLanguage): Promise<Messages['cliServe']> =>
  language === 'ja' ? (await import('../shared/i18n/cli-serve/ja')).cliServeJa : (await import('../shared/i18n/cli-serve/en')).cliServeEn
