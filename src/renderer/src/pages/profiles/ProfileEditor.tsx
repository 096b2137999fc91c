import { useTranslation } from 'react-i18next'
import { InlineNotification } from '@carbon/react'
import { ErrorNotice } from '../../components/ErrorNotice'
import type { SectionProps } from './form'
import { ConnectionSection } from './ConnectionSection'
import { TlsSection } from './TlsSection'
import { NetworkPathSection } from './NetworkPathSection'
import { showsStoredSecret } from './editor-state'
import { useProfileEditor, type ProfileEditorProps } from './use-profile-editor'
import { DeleteProfileModal, EditorHeader } from './EditorHeader'
import { PastePanel } from './PastePanel'
import { ClientKeyField, SecretsSection, StoredSshSecret } from './SecretsSection'
import { EditorFooter } from './EditorFooter'
import { EditorResult } from './EditorResult'

/** Screen 4: one profile's fields, its test, its export. */
export function ProfileEditor(props: ProfileEditorProps) {
  const { t } = useTranslation()
  const editor = useProfileEditor(props)
  const { state, dispatch, validation } = editor
  const section: SectionProps = {
    draft: state.draft,
    update: (patch) => dispatch({ type: 'edited', patch }),
    error: (key) => (validation.errors[key] && (state.submitted || state.touched.has(key)) ? t(`profiles.fieldErrors.${key.replace('.', '_')}`) : undefined),
    touch: (key) => dispatch({ type: 'touched', key })
  }

  return (
    <section className="pse-page pse-editor" aria-labelledby="profile-editor-title">
      <EditorHeader editor={editor} fields={validation.fields} onClose={props.onClose} {...(props.onPrivacy ? { onPrivacy: props.onPrivacy } : {})} />
      {state.error && <ErrorNotice error={state.error} onClose={() => dispatch({ type: 'dismissError' })} />}
      {state.savedNotice && (
        <InlineNotification
          kind="success"
          lowContrast
          title={t('profiles.editor.saved')}
          onClose={() => dispatch({ type: 'dismissSaved' })}
          data-testid="saved-notice"
        />
      )}
      <PastePanel editor={editor} />
      <ConnectionSection {...section} />
      <SecretsSection editor={editor} />
      <TlsSection {...section} clientKey={<ClientKeyField editor={editor} />} />
      <NetworkPathSection
        {...section}
        sshSecret={state.sshSecret}
        onSshSecret={(value) => dispatch({ type: 'sshSecretTyped', value })}
        storedSshSecret={showsStoredSecret(state, 'sshSecret') ? <StoredSshSecret editor={editor} /> : undefined}
      />
      <EditorFooter editor={editor} invalid={!validation.fields} onClose={props.onClose} />
      <EditorResult editor={editor} />
      <DeleteProfileModal editor={editor} />
    </section>
  )
}
