import type { TFunction } from 'i18next'
import type { Profile, ProfileFields } from '../../../../shared/schemas/profile'

/** public / private as IBM Cloud says it; for a manual profile, read from the host name. */
export function endpointType(p: ProfileFields): 'public' | 'private' | 'unknown' {
  if (p.origin.kind === 'ibmcloud') return p.origin.endpointType
  if (/\.private\./i.test(p.host)) return 'private'
  if (/\.databases\.appdomain\.cloud$/i.test(p.host)) return 'public'
  return 'unknown'
}

export function describePath(t: TFunction, p: ProfileFields): string {
  const np = p.networkPath
  if (np.kind === 'ssh') return t('profiles.path.sshVia', { target: `${np.username}@${np.host}${np.port === 22 ? '' : `:${np.port}`}` })
  if (np.kind === 'pod') return t('profiles.path.podIn', { namespace: np.namespace })
  return t('profiles.path.direct')
}

export function formatTime(iso: string, language: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}

export const allTags = (profiles: Profile[]): string[] => [...new Set(profiles.flatMap((p) => p.tags))].sort()

export function matches(p: Profile, search: string, tag: string | null): boolean {
  if (tag && !p.tags.includes(tag)) return false
  const q = search.trim().toLowerCase()
  if (!q) return true
  return [p.name, p.host, ...p.tags].some((s) => s.toLowerCase().includes(q))
}
