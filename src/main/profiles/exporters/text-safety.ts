import { AppFailure } from '../../../shared/errors'
import { cleanProfileName } from '../../../shared/profile-name'

/** The profile name as the comment line of an export shows it: nothing in it can end the comment. */
export function commentName(name: string): string {
  return cleanProfileName(name)
}

/** A value no text export can hold: half of a surrogate pair (a file is UTF-8), or `what` when given. */
export function refuseUnwritable(value: string | null | undefined, label: string, format: string, nul = false): void {
  if (value == null) return
  const lone = /\p{Cs}/u.test(value)
  if (!lone && !(nul && value.includes('\u0000'))) return
  throw new AppFailure({
    code: 'export_unrepresentable',
    message: `The ${label} holds ${lone ? 'a lone UTF-16 surrogate' : 'a NUL character'}, which a ${format} file cannot carry exactly. Export without secrets, or use the JSON format.`,
    params: { format }
  })
}

/** JSON.stringify leaves these raw inside strings; a \u escape parses back to the same value. */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

/** Pretty JSON whose text holds no C1 control, separator or bidi control (escaped as \uXXXX). */
export function plainJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n'
}
