import i18next from 'i18next'
import { translatorFor, type CliLanguage } from '../../../src/cli/locale'
import { en } from '../../../src/shared/i18n/en'
import { ja } from '../../../src/shared/i18n/ja'

/** The CLI's translator built at once (the CLI itself loads only the language it prints in). */
export const cliTranslator = (language: CliLanguage) => translatorFor(i18next, language, language === 'ja' ? ja : en)
