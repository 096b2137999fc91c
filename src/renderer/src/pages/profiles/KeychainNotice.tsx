import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineNotification } from '@carbon/react'
import type { KeychainStatus } from '../../../../shared/schemas/profile'
import { profilesApi } from './api'

/**
 * Where secrets go. With no OS keychain: what to install, and the explicit "this session only"
 * choice (secrets in memory until the app quits; never a plaintext file).
 */
export function KeychainNotice() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<KeychainStatus>()
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    profilesApi.keychainStatus().then(setStatus, () => setStatus(undefined))
  }, [])

  if (!status || status.mode === 'keychain') return null
  if (status.mode === 'session')
    return (
      <InlineNotification
        kind="info"
        lowContrast
        hideCloseButton
        title={t('profiles.keychain.sessionTitle')}
        subtitle={status.message}
        data-testid="keychain-session"
      />
    )
  return (
    <div className="pse-keychain" data-testid="keychain-unavailable">
      <InlineNotification kind="warning" lowContrast hideCloseButton title={t('profiles.keychain.unavailableTitle')} subtitle={status.message} />
      <Button
        kind="tertiary"
        size="sm"
        disabled={busy}
        onClick={() => {
          setBusy(true)
          profilesApi.useSessionSecrets().then(setStatus, () => setBusy(false))
        }}
      >
        {t('profiles.keychain.useSession')}
      </Button>
    </div>
  )
}
