import { AppFailure } from '../../../shared/errors'
import type { ImportFormat } from '../../../shared/schemas/profile'
import { registerSecret } from '../../logging/redact'
import { importIbm } from './ibm'
import { checkJsonDepth } from './json-depth'
import { importProfileJson, isProfileExport } from './json'
import { importRedli } from './redli'
import { ImportCodes, importError, type ImportedProfile } from './types'
import { parseRedisUrl } from './url'

export { ImportCodes, type ImportedProfile } from './types'

const MAX_INPUT = 256 * 1024

/**
 * Turns pasted text into profile fields + secrets: a rediss:// / redis:// URL, an IBM service key,
 * `ibmcloud cdb deployment-connections --output json`, a redli command line, or our profile JSON.
 * Never throws anything but an AppFailure with code import_invalid / import_unrecognized /
 * import_too_deeply_nested.
 */
export function importProfileText(text: string, format?: ImportFormat): ImportedProfile {
  try {
    const result = detectAndImport(text, format)
    registerSecret(result.secrets.password)
    registerSecret(result.secrets.clientKey)
    return result
  } catch (e) {
    if (e instanceof AppFailure) throw e
    throw importError(`This text could not be read as connection data (${e instanceof Error ? e.name : 'error'}).`)
  }
}

function detectAndImport(text: string, format?: ImportFormat): ImportedProfile {
  if (typeof text !== 'string' || text.length > MAX_INPUT) throw importError('The pasted text is too long (256 KiB at most).')
  const trimmed = text.trim()
  if (trimmed === '') throw importError('Nothing to import: paste a rediss:// URL, a service key, or a redli command.')
  if (format === 'url' || (!format && /^rediss?:\/\//i.test(trimmed))) return parseRedisUrl(trimmed)
  if (format === 'redli' || (!format && /(^|[\s/])redli(\s|$)/.test(trimmed) && !/^[[{]/.test(trimmed))) return importRedli(trimmed)
  if (!format || format === 'json' || format === 'ibm-service-key' || format === 'ibm-cdb-connections') {
    if (/^[[{]/.test(trimmed)) {
      checkJsonDepth(trimmed)
      let data: unknown
      try {
        data = JSON.parse(trimmed)
      } catch {
        throw importError('The pasted JSON is not valid JSON. Copy the whole document, braces included.')
      }
      if (isProfileExport(data)) return importProfileJson(data)
      return importIbm(data)
    }
    if (format) throw importError('Expected JSON (it starts with { or [).')
  }
  throw new AppFailure({
    code: ImportCodes.unrecognized,
    message:
      'This is not a format PSE Wizard can import. Paste a rediss:// URL, an IBM Cloud service key (JSON), the JSON of "ibmcloud cdb deployment-connections", a redli command, or a PSE Wizard profile file.'
  })
}
