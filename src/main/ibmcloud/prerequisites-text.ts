import { fillMessage } from '../../shared/i18n/fill'
import { prereqGen1En } from '../../shared/i18n/prereq-gen1/en'
import type { PrereqItem } from '../../shared/schemas/ibmcloud'

/** A catalogue text below `prereqGen1.` (e.g. `detail.loginOwn`) with its parameters. */
export interface Said {
  key: string
  params: Record<string, string>
}

export const said = (key: string, params: Record<string, string> = {}): Said => ({ key, params })

function english(key: string): string {
  const [group, name] = key.split('.') as [keyof typeof prereqGen1En, string]
  const value = (prereqGen1En[group] as Record<string, string> | undefined)?.[name]
  if (typeof value !== 'string') throw new Error(`no prereqGen1 text "${key}"`)
  return value
}

type Draft = Omit<PrereqItem, 'detail' | 'advice' | 'text'> & { detail?: string | Said; advice?: string | Said }

/**
 * A report item whose detail and advice may be catalogue texts: `detail`/`advice` get their
 * English (the CLI, logs), `text` their keys and parameters for the UI's language. A plain string
 * (a failure's own message, IBM's "true") stays as it is.
 */
export function worded({ detail, advice, ...rest }: Draft): PrereqItem {
  const ref = (s: Said) => ({ key: `prereqGen1.${s.key}`, params: s.params })
  const plain = (v: string | Said | undefined) => (v === undefined || typeof v === 'string' ? v : fillMessage(english(v.key), v.params))
  const text = {
    ...(detail !== undefined && typeof detail !== 'string' ? { detail: ref(detail) } : {}),
    ...(advice !== undefined && typeof advice !== 'string' ? { advice: ref(advice) } : {})
  }
  const item = { ...rest, detail: plain(detail), advice: plain(advice), ...(Object.keys(text).length ? { text } : {}) }
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as PrereqItem
}
