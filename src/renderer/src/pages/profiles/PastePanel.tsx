import { useTranslation } from 'react-i18next'
import { Button, TextArea } from '@carbon/react'
import type { ProfileEditorHandle } from './use-profile-editor'

/** A connection string, redli command or service key pasted here fills in the form. */
export function PastePanel({ editor }: { editor: ProfileEditorHandle }) {
  const { t } = useTranslation()
  const { paste, busy } = editor.state
  return (
    <div className="pse-editor__paste">
      <TextArea
        id="profile-paste"
        labelText={t('profiles.editor.paste')}
        helperText={t('profiles.editor.pasteHint')}
        rows={2}
        value={paste}
        spellCheck={false}
        autoComplete="off"
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => editor.dispatch({ type: 'pasteTyped', text: e.target.value })}
      />
      <Button kind="tertiary" size="md" disabled={paste.trim() === '' || busy !== null} onClick={() => void editor.prefill()} data-testid="profile-prefill">
        {t('profiles.editor.prefill')}
      </Button>
    </div>
  )
}
