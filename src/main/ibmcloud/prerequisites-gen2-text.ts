import { fillMessage } from '../../shared/i18n/fill'
import { prereqGen2En } from '../../shared/i18n/prereq-gen2/en'
import type { PrereqItem } from '../../shared/schemas/ibmcloud'

type Tree = { [key: string]: string | Tree }

/** The English of a `prereqGen2.*` key (dotted, below the namespace). */
function english(key: string): string {
  const value = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), prereqGen2En as Tree)
  if (typeof value !== 'string') throw new Error(`no prereqGen2 text "${key}"`)
  return value
}

/** A catalogue text: its key (below `prereqGen2.`) and parameters. */
export interface Text {
  key: string
  params?: Record<string, string>
}

export const say = (key: string, params: Record<string, string> = {}): Text => ({ key, params })
export const englishOf = (t: Text): string => fillMessage(english(t.key), t.params)

export interface Gen2Item {
  id: 'gen2_catalog' | 'vpc' | 'subnet' | 'iam_roles'
  ok: boolean | null
  detail?: Text
  advice?: Text
  command?: string
  link?: string
}

/**
 * A report item from catalogue texts: `detail`/`advice` in English (the CLI, logs) and `text`
 * with the keys and parameters the UI shows in its own language.
 */
export function toItem(i: Gen2Item): PrereqItem {
  const ref = (t: Text) => ({ key: `prereqGen2.${t.key}`, params: t.params ?? {} })
  return {
    id: i.id,
    ok: i.ok,
    label: english(`items.${i.id}`),
    ...(i.detail ? { detail: englishOf(i.detail) } : {}),
    ...(i.advice ? { advice: englishOf(i.advice) } : {}),
    ...(i.command ? { command: i.command } : {}),
    ...(i.link ? { link: i.link } : {}),
    ...(i.detail || i.advice ? { text: { ...(i.detail ? { detail: ref(i.detail) } : {}), ...(i.advice ? { advice: ref(i.advice) } : {}) } } : {})
  }
}

/** "a, b, c" with at most `max` names, then "+N". */
export function listOf(names: string[], max = 5): string {
  return names.length > max ? `${names.slice(0, max).join(', ')} +${names.length - max}` : names.join(', ')
}
