import type { MessageRef, PrereqItem } from './schemas/ibmcloud'
import type { Translate } from './i18n/probe-notes/render'

const GEN2_ITEMS = new Set<PrereqItem['id']>(['gen2_catalog', 'vpc', 'subnet', 'iam_roles'])

/** A prerequisite's name in the user's language (main's English when the catalogue has none). */
export const prereqLabel = (t: Translate, item: PrereqItem): string =>
  GEN2_ITEMS.has(item.id) ? t(`prereqGen2.items.${item.id}`, { defaultValue: item.label }) : t(`setup.prereq.items.${item.id}`, { defaultValue: item.label })

/** A detail or advice main sent as a catalogue text, in the user's language; else main's English. */
export const prereqSay = (t: Translate, ref: MessageRef | undefined, english: string | undefined): string | undefined =>
  ref ? t(ref.key, { ...ref.params, defaultValue: english ?? '' }) : english

/** The item's words in the user's language: what the UI's table and `pse-wizard check` show. */
export function prereqWords(t: Translate, item: PrereqItem): { label: string; detail?: string; advice?: string } {
  const detail = prereqSay(t, item.text?.detail, item.detail)
  const advice = prereqSay(t, item.text?.advice, item.advice)
  return { label: prereqLabel(t, item), ...(detail ? { detail } : {}), ...(advice ? { advice } : {}) }
}

export const isGen2Item = (item: PrereqItem): boolean => GEN2_ITEMS.has(item.id)

/** The item's result as one word: ok, failed, or unknown (could not be checked). */
export const prereqResult = (t: Translate, item: PrereqItem): string =>
  item.ok ? t('setup.prereq.ok') : item.ok === false ? t('setup.prereq.fail') : t('setup.prereq.unknown')

/** The words of an item's link: Gen 2's items open the console, the others IBM's documentation. */
export const prereqLinkText = (t: Translate, item: PrereqItem): string => (isGen2Item(item) ? t('prereqGen2.openConsole') : t('setup.prereq.docs'))
