import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineNotification, Link, TextInput } from '@carbon/react'
import { call } from '../../../api/client'
import type { StepProps } from '../step-props'
import { RestrictAndProve } from './RestrictAndProve'
import { StepHeader } from './StepHeader'

const profileHref = (id: string) => `#/profiles/${encodeURIComponent(id)}`

/** Step 9: a profile per endpoint, passwords in the keychain, then on to the Profiles page. */
export function SaveStep({ state, run, busy }: StepProps) {
  const { t } = useTranslation()
  const instance = state.instance?.name ?? 'Redis'
  const [publicName, setPublicName] = useState(`${instance} (public)`)
  const [privateName, setPrivateName] = useState(`${instance} (private)`)
  const saved = state.saved
  const hasPublic = state.connections.public !== null
  const ok = (s: string) => s.trim().length > 0 && s.trim().length <= 100

  const save = () =>
    void run('save', () =>
      call('wizard.save', {
        ...(hasPublic ? { publicName: publicName.trim() } : {}),
        privateName: privateName.trim()
      })
    )

  return (
    <section className="pse-setup__step" aria-labelledby="step-title">
      <StepHeader step="save" title={t('setup.save.title')} lead={t('setup.save.lead')} />
      <div className="pse-setup__form">
        {hasPublic && (
          <TextInput id="save-public-name" labelText={t('setup.save.publicName')} value={publicName} maxLength={100} onChange={(e) => setPublicName(e.target.value)} invalid={!ok(publicName)} invalidText={t('setup.deploy.invalid.name')} />
        )}
        <TextInput id="save-private-name" labelText={t('setup.save.privateName')} value={privateName} maxLength={100} onChange={(e) => setPrivateName(e.target.value)} invalid={!ok(privateName)} invalidText={t('setup.deploy.invalid.name')} />
      </div>
      <div className="pse-setup__actions">
        <Button kind={saved ? 'tertiary' : 'primary'} disabled={busy || !ok(privateName) || (hasPublic && !ok(publicName))} onClick={save} data-testid="save-profiles">
          {t('setup.save.save')}
        </Button>
      </div>
      {saved && (
        <div className="pse-setup__result" data-testid="save-result">
          <InlineNotification kind="success" lowContrast hideCloseButton title={t('setup.save.saved')} />
          <ul className="pse-setup__saved">
            {saved.privateProfileId && (
              <li>
                {t('setup.save.privateProfile')}:{' '}
                <Link href={profileHref(saved.privateProfileId)} data-testid="saved-private">
                  {t('setup.save.open')}
                </Link>
              </li>
            )}
            {saved.publicProfileId && (
              <li>
                {t('setup.save.publicProfile')}:{' '}
                <Link href={profileHref(saved.publicProfileId)} data-testid="saved-public">
                  {t('setup.save.open')}
                </Link>
              </li>
            )}
          </ul>
          {saved.privateProfileId && <RestrictAndProve privateProfileId={saved.privateProfileId} />}
          <div className="pse-setup__actions">
            <Button kind="tertiary" href="#/profiles" data-testid="open-profiles">
              {t('setup.save.openAll')}
            </Button>
            <Button kind="ghost" onClick={() => void run('account', () => call('wizard.reset', {}))}>
              {t('setup.save.startOver')}
            </Button>
          </div>
        </div>
      )}
    </section>
  )
}
