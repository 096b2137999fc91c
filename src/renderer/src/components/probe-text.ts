import type { TFunction } from 'i18next'
import type { ProbeResult } from '../../../shared/schemas/probe'

/** The failure's title in the UI language (the code itself when no translation exists). */
export function probeTitle(t: TFunction, result: ProbeResult): string {
  if (!result.code) return result.message
  return t(`common.probe.${result.code}.title`, { defaultValue: result.code })
}

/**
 * What to do, in the UI language, with the tested host filled in. Falls back to main's own
 * message (English) for a code this UI does not know.
 */
export function probeAdvice(t: TFunction, result: ProbeResult): string {
  if (!result.code) return result.message
  const { host, port, servername } = result.target
  return t(`common.probe.${result.code}.advice`, { host, port, servername: servername ?? host, defaultValue: result.message })
}
