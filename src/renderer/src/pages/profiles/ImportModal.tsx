import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Modal, TextArea } from '@carbon/react'
import type { AppError } from '../../../../shared/errors'
import { toAppError } from '../../api/errors'
import { ErrorNotice } from '../../components/ErrorNotice'
import { profilesApi, type ImportDraft } from './api'
import { TextFileInput } from './TextFileInput'

export type ImportKind = 'url' | 'service-key' | 'file'

interface Props {
  kind: ImportKind
  onClose(): void
  onImported(draft: ImportDraft): void
}

/** "New profile from…": paste a URL or a service key, or pick a file; main parses it. */
export function ImportModal({ kind, onClose, onImported }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError>()

  async function submit(): Promise<void> {
    setBusy(true)
    setError(undefined)
    try {
      onImported(await profilesApi.importText(text))
    } catch (e) {
      setError(toAppError(e))
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      modalHeading={t(`profiles.import.${kind}.title`)}
      primaryButtonText={t('profiles.import.continue')}
      secondaryButtonText={t('profiles.cancel')}
      primaryButtonDisabled={busy || text.trim() === ''}
      onRequestSubmit={() => void submit()}
      onRequestClose={onClose}
      data-testid="import-modal"
      size="md"
    >
      <p className="pse-modal__lead">{t(`profiles.import.${kind}.hint`)}</p>
      {kind === 'file' ? (
        <TextFileInput id="import-file" label={t('profiles.import.file.pick')} maxBytes={256_000} onText={(s) => setText(s)} />
      ) : (
        <TextArea
          id="import-text"
          labelText={t(`profiles.import.${kind}.label`)}
          placeholder={kind === 'url' ? 'rediss://user:password@host:port/0' : '{ "connection": { "rediss": … } }'}
          rows={kind === 'url' ? 3 : 10}
          value={text}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)}
          data-testid="import-text"
          autoComplete="off"
          spellCheck={false}
        />
      )}
      {error && <ErrorNotice error={error} title={t('profiles.import.failed')} />}
    </Modal>
  )
}
