import { useEffect, useState } from 'react'
import type { ImportDraft } from './api'
import { ProfileList } from './ProfileList'
import { ProfileEditor } from './ProfileEditor'

/** `#/profiles` is the table, `#/profiles/new` a new profile, `#/profiles/<id>` one profile. */
const subRoute = (): string | null => window.location.hash.replace(/^#\/?/, '').split('/')[1] || null

function useSubRoute(): string | null {
  const [sub, setSub] = useState(subRoute)
  useEffect(() => {
    const onChange = (): void => setSub(subRoute())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return sub
}

const go = (sub: string | null): void => void (window.location.hash = sub ? `#/profiles/${encodeURIComponent(sub)}` : '#/profiles')

/** Screens 3 and 4 of UX.md: the profile table, and the editor for one profile. */
export function ProfilesPage() {
  const sub = useSubRoute()
  const [imported, setImported] = useState<ImportDraft>()
  if (sub === 'new') return <ProfileEditor key={`new-${imported?.importId ?? ''}`} imported={imported} onClose={() => go(null)} />
  if (sub) return <ProfileEditor key={sub} profileId={decodeURIComponent(sub)} onClose={() => go(null)} />
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
