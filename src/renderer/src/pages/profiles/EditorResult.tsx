import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, InlineNotification } from '@carbon/react'
import { ProbeTimeline } from '../../components/ProbeTimeline'
import type { ProfileEditorHandle } from './use-profile-editor'
import { DiagnosisPanel } from './DiagnosisPanel'
import { HostKeyNotice } from './HostKeyNotice'
import { PodRunPanel } from './PodRunPanel'

/** Below the form: the diagnosis, a host key to accept, the timeline, or "cancelled". */
export function EditorResult({ editor }: { editor: ProfileEditorHandle }) {
  const { t } = useTranslation()
  const { result, busy, dirty, profile, draft, cancelled } = editor.state
  const working = busy !== null

  // A new result is scrolled into view: it appears below the form.
  const resultRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (result) resultRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
  }, [result])

  if (cancelled && !working) {
    return (
      <div className="pse-editor__result" data-testid="test-cancelled">
        <InlineNotification kind="info" lowContrast hideCloseButton title={t('common.probe.cancelled.title')} subtitle={t('profiles.editor.cancelledText')} />
      </div>
    )
  }
  if (!result) return null
  return (
    <>
      {result.diagnosis && (
        <DiagnosisPanel
          diagnosis={result.diagnosis}
          host={result.target.host}
          onChoosePath={(kind) => {
            editor.dispatch({ type: 'edited', patch: { path: { ...draft.path, kind } } })
            document.getElementById('section-path')?.scrollIntoView({ behavior: 'smooth' })
          }}
        />
      )}
      {result.hostKey && <HostKeyNotice hostKey={result.hostKey} busy={busy === 'accept'} onAccept={() => void editor.acceptHostKey()} />}
      <div className="pse-editor__result" data-testid="profile-result" ref={resultRef}>
        <ProbeTimeline result={result} id="profile" />
        {result.pod && <PodRunPanel pod={result.pod} />}
        {!result.ok && (dirty || !profile) && (
          <div className="pse-editor__unsaved">
            <InlineNotification
              kind="warning"
              lowContrast
              hideCloseButton
              title={t('profiles.editor.testFailedTitle')}
              subtitle={t('profiles.editor.testFailedText')}
            />
            <Button
              kind="tertiary"
              size="sm"
              disabled={working}
              onClick={() => void editor.save()}
              data-testid="save-anyway"
              className="pse-editor__save-anyway"
            >
              {t('profiles.editor.saveAnyway')}
            </Button>
          </div>
        )}
      </div>
    </>
  )
}
