import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '@carbon/react'
import { Locked, Security } from '@carbon/icons-react'
import type { Profile } from '../../../../../shared/schemas/profile'
import { call } from '../../../api/client'
import { RestrictModal, canRestrict } from '../../profiles/RestrictModal'

/**
 * The wizard's end: the saved private profile's instance restricted to the user's networks
 * (the same Restrict access as on the profile, tested before and after), then its privacy report.
 */
export function RestrictAndProve({ privateProfileId }: { privateProfileId: string }) {
  const { t } = useTranslation()
  const [profile, setProfile] = useState<Profile | null>(null)
  const [restricting, setRestricting] = useState(false)
  useEffect(() => {
    call('profiles.get', { id: privateProfileId }).then(setProfile, () => setProfile(null))
  }, [privateProfileId])
  if (!profile || !canRestrict(profile)) return null
  return (
    <section className="pse-setup__restrict" aria-labelledby="setup-restrict-title" data-testid="setup-restrict">
      <h3 id="setup-restrict-title" className="pse-setup__restrict-title">
        {t('setup.save.restrictTitle')}
      </h3>
      <p className="pse-setup__restrict-lead">{t('setup.save.restrictLead')}</p>
      <div className="pse-setup__actions">
        <Button kind="primary" renderIcon={Locked} onClick={() => setRestricting(true)} data-testid="setup-restrict-open">
          {t('setup.save.restrict')}
        </Button>
        <Button kind="tertiary" renderIcon={Security} href={`#/profiles/${encodeURIComponent(profile.id)}/privacy`} data-testid="setup-privacy-open">
          {t('setup.save.privacyReport')}
        </Button>
      </div>
      {restricting && <RestrictModal profile={profile} open={restricting} onClose={() => setRestricting(false)} />}
    </section>
  )
}
