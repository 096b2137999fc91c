import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Checkbox, CodeSnippet, InlineLoading, MenuButton, MenuItem, Modal } from '@carbon/react'
import type { ExportFormat } from '../../../../shared/schemas/profile'
import type { AppError } from '../../../../shared/errors'
import { toAppError } from '../../api/errors'
import { ErrorNotice } from '../../components/ErrorNotice'
import { profilesApi } from './api'

const formats: ExportFormat[] = ['redli', 'redis-cli', 'env', 'kubernetes', 'json']

/** Export as redli / redis-cli / .env / Kubernetes Secret / JSON; secrets only when ticked. */
export function ExportMenu({ profileId, disabled }: { profileId: string; disabled?: boolean }) {
  const { t } = useTranslation()
  const [format, setFormat] = useState<ExportFormat | null>(null)
  return (
    <>
      <MenuButton label={t('profiles.export.menu')} kind="tertiary" size="md" disabled={disabled} menuAlignment="bottom-end" data-testid="export-menu">
        {formats.map((f) => (
          <MenuItem key={f} label={t(`profiles.export.${f}`)} onClick={() => setFormat(f)} />
        ))}
      </MenuButton>
      {format && <ExportModal profileId={profileId} format={format} onClose={() => setFormat(null)} />}
    </>
  )
}

function ExportModal({ profileId, format, onClose }: { profileId: string; format: ExportFormat; onClose(): void }) {
  const { t } = useTranslation()
  const [withSecrets, setWithSecrets] = useState(false)
  const [text, setText] = useState<string>()
  const [error, setError] = useState<AppError>()

  useEffect(() => {
    let live = true
    setText(undefined)
    setError(undefined)
    profilesApi
      .exportText(profileId, format, withSecrets)
      .then((s) => live && setText(s))
      .catch((e: unknown) => live && setError(toAppError(e)))
    return () => {
      live = false
    }
  }, [profileId, format, withSecrets])

  return (
    <Modal open passiveModal size="lg" modalHeading={t(`profiles.export.${format}`)} onRequestClose={onClose} data-testid="export-modal">
      <Checkbox
        id="export-with-secrets"
        labelText={t('profiles.export.withSecrets')}
        helperText={t('profiles.export.withSecretsHint')}
        checked={withSecrets}
        onChange={(_e: unknown, { checked }: { checked: boolean }) => setWithSecrets(checked)}
      />
      <div className="pse-export__text">
        {text === undefined && !error && <InlineLoading description={t('app.loading')} />}
        {text !== undefined && (
          <CodeSnippet
            type="multi"
            feedback={t('common.copied')}
            aria-label={t('common.copy')}
            wrapText
            maxCollapsedNumberOfRows={30}
            data-testid="export-text"
          >
            {text}
          </CodeSnippet>
        )}
        {error && <ErrorNotice error={error} />}
      </div>
    </Modal>
  )
}
