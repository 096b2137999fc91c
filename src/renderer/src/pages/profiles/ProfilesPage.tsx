import { useState } from 'react'
import type { ImportDraft } from './api'
import { ProfileList } from './ProfileList'
import { ProfileEditor } from './ProfileEditor'

type View = { screen: 'list' } | { screen: 'edit'; id: string } | { screen: 'new'; imported?: ImportDraft }

/** Screens 3 and 4 of UX.md: the profile table, and the editor for one profile. */
export function ProfilesPage() {
  const [view, setView] = useState<View>({ screen: 'list' })
  const back = (): void => setView({ screen: 'list' })
  if (view.screen === 'edit') return <ProfileEditor key={view.id} profileId={view.id} onClose={back} />
  if (view.screen === 'new') return <ProfileEditor key="new" imported={view.imported} onClose={back} />
  return <ProfileList onOpen={(id) => setView({ screen: 'edit', id })} onNew={(imported) => setView({ screen: 'new', imported })} />
}
