import { lazy, Suspense, useEffect, useState } from 'react'
import type { ImportDraft } from './api'
import { ProfileList } from './ProfileList'
import { ProfileEditor } from './ProfileEditor'

const PrivacyReportPage = lazy(() => import('../privacy/PrivacyReportPage').then((m) => ({ default: m.PrivacyReportPage })))

/** `#/profiles` is the table, `#/profiles/new` a new profile, `#/profiles/<id>` one profile, `#/profiles/<id>/privacy` its privacy report. */
const subRoute = (): string[] => window.location.hash.replace(/^#\/?/, '').split('/').slice(1).filter(Boolean)

function useSubRoute(): string[] {
  const [sub, setSub] = useState(subRoute)
  useEffect(() => {
    const onChange = (): void => setSub(subRoute())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return sub
}

const go = (sub: string | null, page?: 'privacy'): void =>
  void (window.location.hash = sub ? `#/profiles/${encodeURIComponent(sub)}${page ? `/${page}` : ''}` : '#/profiles')

/** Screens 3 and 4 of UX.md: the profile table, and the editor for one profile. */
export function ProfilesPage() {
  const [sub, page] = useSubRoute()
  const [imported, setImported] = useState<ImportDraft>()
  if (sub && page === 'privacy')
    return (
      <Suspense fallback={null}>
        <PrivacyReportPage key={sub} profileId={decodeURIComponent(sub)} onBack={() => go(sub)} onList={() => go(null)} />
      </Suspense>
    )
  if (sub === 'new') return <ProfileEditor key={`new-${imported?.importId ?? ''}`} imported={imported} onClose={() => go(null)} />
  if (sub) return <ProfileEditor key={sub} profileId={decodeURIComponent(sub)} onClose={() => go(null)} onPrivacy={() => go(sub, 'privacy')} />
  return (
    <ProfileList
      onOpen={(id) => go(id)}
      onNew={(draft) => {
        setImported(draft)
        go('new')
      }}
    />
  )
}
