import { AppFailure } from '../../../shared/errors'
import type { ImportFormat, ProfileFields } from '../../../shared/schemas/profile'

/** What an importer produces: editable fields, the secrets it found (kept in main), and notes. */
export interface ImportedProfile {
  format: ImportFormat
  fields: ProfileFields
  secrets: { password?: string; clientKey?: string }
  /** Things the user should know (a CA file that was only named, a placeholder password). */
  notes: string[]
}

export const ImportCodes = { invalid: 'import_invalid', unrecognized: 'import_unrecognized', tooDeep: 'import_too_deeply_nested' } as const

export function importError(message: string): AppFailure {
  return new AppFailure({ code: ImportCodes.invalid, message })
}

/** Placeholders IBM Cloud and our exports use instead of a real password. */
export function isPasswordPlaceholder(value: string): boolean {
  return /^\$(\{)?[A-Za-z_][A-Za-z0-9_]*(\})?$/.test(value) || value === '' || value === '<password>'
}

/** Said whenever imported text turns certificate verification off, so it never happens unnoticed. */
export const INSECURE_NOTE =
  'The imported data turns certificate verification OFF (insecure): anyone on the network path could pose as the server and read the password. Turn "Verify the server certificate" back on unless you trust this network.'
