import { useTranslation } from 'react-i18next'
import { Button, InlineNotification } from '@carbon/react'
import { Checkmark } from '@carbon/icons-react'
import type { HostKeyPrompt } from '../../../../shared/schemas/network'

interface Props {
  hostKey: HostKeyPrompt
  busy: boolean
  onAccept(): void
}

/**
 * A bastion's host key. Unknown (first connection): show the fingerprint and let the user
 * accept it. Changed: a hard stop; the app offers no button to carry on.
 */
export function HostKeyNotice({ hostKey, busy, onAccept }: Props) {
  const { t } = useTranslation()
  const where = `${hostKey.host}:${hostKey.port}`
  const fingerprint = (
    <dl className="pse-hostkey__facts">
      <dt>{t('profiles.hostKey.server')}</dt>
      <dd>
        <code>{where}</code>
      </dd>
      <dt>{t('profiles.hostKey.type')}</dt>
      <dd>
        <code>{hostKey.keyType}</code>
      </dd>
      <dt>{t('profiles.hostKey.fingerprint')}</dt>
      <dd>
        <code data-testid="host-key-fingerprint">{hostKey.fingerprint}</code>
      </dd>
    </dl>
  )
  if (hostKey.status === 'changed') {
    return (
      <InlineNotification
        kind="error"
        lowContrast
        hideCloseButton
        title={t('profiles.hostKey.changedTitle')}
        subtitle={t('profiles.hostKey.changedText', { where })}
        className="pse-hostkey"
        data-testid="host-key-changed"
      >
        {fingerprint}
        <p className="pse-hostkey__advice">{t('profiles.hostKey.changedAdvice')}</p>
      </InlineNotification>
    )
  }
  return (
    <div className="pse-hostkey" data-testid="host-key-unknown">
      <InlineNotification
        kind="warning"
        lowContrast
        hideCloseButton
        title={t('profiles.hostKey.unknownTitle')}
        subtitle={t('profiles.hostKey.unknownText', { where })}
      >
        {fingerprint}
        <p className="pse-hostkey__advice">{t('profiles.hostKey.unknownAdvice')}</p>
      </InlineNotification>
      <div className="pse-hostkey__actions">
        <Button kind="primary" size="md" renderIcon={Checkmark} disabled={busy} onClick={onAccept} data-testid="host-key-accept">
          {busy ? t('profiles.hostKey.accepting') : t('profiles.hostKey.accept')}
        </Button>
      </div>
    </div>
  )
}
