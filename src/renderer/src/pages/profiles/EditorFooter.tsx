import { useTranslation } from 'react-i18next'
import { Button, InlineLoading } from '@carbon/react'
import { Play, Save } from '@carbon/icons-react'
import { callsCanBeCancelled } from '../../api/client'
import type { ProfileEditorHandle } from './use-profile-editor'
import { LiveProgress } from './LiveProgress'

/** Test and save, Test, Close; the running test's phases (and its Cancel) or "Saving…". */
export function EditorFooter({ editor, invalid, onClose }: { editor: ProfileEditorHandle; invalid: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const { busy, testId, submitted } = editor.state
  const working = busy !== null
  return (
    <div className="pse-editor__footer">
      <Button kind="primary" renderIcon={Save} disabled={working} onClick={() => void editor.testAndSave()} data-testid="profile-test-and-save">
        {t('profiles.editor.testAndSave')}
      </Button>
      <Button kind="secondary" renderIcon={Play} disabled={working} onClick={() => void editor.runTest()} data-testid="profile-test">
        {t('profiles.editor.test')}
      </Button>
      <Button kind="ghost" disabled={working} onClick={onClose}>
        {t('profiles.editor.close')}
      </Button>
      {busy === 'test' &&
        (testId ? (
          <LiveProgress testId={testId} onCancel={callsCanBeCancelled ? editor.cancelTest : undefined} />
        ) : (
          <InlineLoading description={t('profiles.editor.testing')} />
        ))}
      {busy === 'save' && <InlineLoading description={t('profiles.editor.saving')} />}
      {submitted && invalid && <span className="pse-editor__invalid">{t('profiles.editor.fixFields')}</span>}
    </div>
  )
}
