import type { AppError } from './errors'
import type { Translate } from './i18n/probe-notes/render'

/**
 * A failure in the user's language: when main named its message (`params.say`: "profileSay.x", or a
 * bare wizard message id), the catalogue's text filled from the failure's facts; else main's own
 * sentence. The UI's error notices and the CLI's failure lines both say it this way.
 */
export function saidText(t: Translate, error: Pick<AppError, 'message' | 'params'>): string {
  const say = error.params?.say
  if (typeof say !== 'string' || !/^[A-Za-z][\w.]*$/.test(say)) return error.message
  const key = say.includes('.') ? say : `wizardSay.${say}`
  return t(key, { ...error.params, defaultValue: error.message })
}
