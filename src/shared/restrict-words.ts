import type { AppError } from './errors'
import type { RestrictResult } from './schemas/restrictions'
import type { Translate } from './privacy/words'
import { saidText } from './said-text'

/**
 * A restriction's outcome and failures in one language, from the shared catalogue
 * (profiles.restrict): the Restrict access modal and `pse-wizard restrict` say the same.
 */
export function restrictSummaryText(t: Translate, result: RestrictResult, name: string): string {
  const vpcs = (result.vpcs ?? []).map((v) => t('profiles.restrict.vpcEntry', { name: v.name }))
  const list = [...vpcs, ...result.addresses].join(t('common.listSeparator'))
  return t(result.mechanism === 'cbr' ? 'profiles.restrict.summaryCbr' : 'profiles.restrict.summaryAllowlist', { list, name })
}

/** The failure's message from its code and parameters; for another failure, its own words (saidText), else main's English. */
export function restrictFailureText(t: Translate, error: Pick<AppError, 'code' | 'message' | 'params'>): string {
  const p = error.params ?? {}
  const key =
    error.code === 'restrict_would_lock_out'
      ? p.missing
        ? 'lockedOutMissing'
        : p.path === 'direct'
          ? 'lockedOutDirect'
          : 'lockedOutPath'
      : error.code === 'restrict_address_invalid' && p.corrections
        ? 'addressInvalidCorrected'
        : error.code
  // Not a restriction's own failure (a profile not found, a keychain error): worded from its facts where main named them.
  return t(`profiles.restrict.messages.${key}`, { ...p, defaultValue: saidText(t, error) })
}
