import type { AppError } from './errors'
import type { Translate } from './i18n/probe-notes/render'

/** A catalogue key main may name: letters, digits, _ and dots (never a path or an i18next option). */
const KEY = /^[A-Za-z][\w.]*$/
const CODE = /^[a-z][a-z0-9_]*$/
const MISSING = '\u0000'

type Said = Pick<AppError, 'message' | 'params'> & { code?: string }

/**
 * A failure in the user's language, from the shared catalogue filled with the failure's facts
 * (its params): the text main named (`params.say`: "profileSay.x", "errors.x", or a bare wizard
 * message id), else the text of its code (`errors.<code>`, src/shared/i18n/errors), else main's
 * own sentence. The UI's error notices and the CLI's failure lines all say a failure this way.
 */
export function saidText(t: Translate, error: Said): string {
  return catalogueText(t, error) ?? error.message
}

/** The catalogue's words for a failure (as saidText), or undefined when the catalogue has none that its facts fill. */
export function catalogueText(t: Translate, error: Said): string | undefined {
  const say = error.params?.say
  const keys = [
    ...(typeof say === 'string' && KEY.test(say) ? [say.includes('.') ? say : `wizardSay.${say}`] : []),
    ...(error.code && CODE.test(error.code) ? [`errors.${error.code}`] : [])
  ]
  for (const key of keys) {
    const text = t(key, { ...error.params, defaultValue: MISSING })
    // A text that still needs a fact this failure does not carry (i18next leaves {{name}} as it is) is not said.
    if (typeof text === 'string' && text !== MISSING && !text.includes('{{')) return text
  }
  return undefined
}
