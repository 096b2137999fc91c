import type { ProbePhase } from '../../schemas/probe'
import type { ProbeNote } from '../../schemas/probe-notes'

/** i18next's t, as the renderer (react-i18next) and the CLI (an i18next instance) both have it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

/** The catalogue key of a note's text: `dns.resolved` → `probeNotes.codes.dns.resolved`. */
export const noteKey = (code: string): string => `probeNotes.codes.${code}`

/**
 * One note in the language of `t`: lists joined the language's way, address classes and SSH login
 * methods named in words. A code this build does not know (a newer main) shows as its code.
 */
export function renderNote(t: Translate, note: ProbeNote): string {
  const values: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(note.params)) {
    if (Array.isArray(value)) values[name] = value.join(t('probeNotes.join.list'))
    else if (name === 'addressClass') values[name] = t(`probeNotes.addressClass.${String(value)}`, { defaultValue: String(value) })
    else if (name === 'method') values[name] = t(`probeNotes.sshMethod.${String(value)}`, { defaultValue: String(value) })
    else values[name] = value
  }
  return t(noteKey(note.code), { ...values, defaultValue: note.code })
}

export function renderNotes(t: Translate, notes: readonly ProbeNote[]): string {
  return notes.map((n) => renderNote(t, n)).join(t('probeNotes.join.sentence') === 'none' ? '' : ' ')
}

/** What a phase found, in the language of `t`; main's English line when it carries no notes (a result from an older main). */
export function phaseText(t: Translate, phase: Pick<ProbePhase, 'detail' | 'notes'>): string {
  return phase.notes?.length ? renderNotes(t, phase.notes) : phase.detail
}
