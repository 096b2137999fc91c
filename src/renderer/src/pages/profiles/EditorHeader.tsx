import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Breadcrumb, BreadcrumbItem, Button, Modal, Tag } from '@carbon/react'
import { Locked, Security, TrashCan } from '@carbon/icons-react'
import type { ProfileFields } from '../../../../shared/schemas/profile'
import type { ProfileEditorHandle } from './use-profile-editor'
import { endpointType } from './describe'
import { ExportMenu } from './ExportMenu'
import { RestrictModal, canRestrict } from './RestrictModal'

/** The crumbs back to the list, the profile's name and endpoint type, export and delete. */
export function EditorHeader({ editor, fields, onClose, onPrivacy }: { editor: ProfileEditorHandle; fields?: ProfileFields; onClose(): void; onPrivacy?: () => void }) {
  const { t } = useTranslation()
  const { profile, busy } = editor.state
  const endpoint = fields ? endpointType(fields) : 'unknown'
  const working = busy !== null
  const [restricting, setRestricting] = useState(false)
  return (
    <>
      <Breadcrumb noTrailingSlash className="pse-editor__crumbs">
        <BreadcrumbItem
          href="#/profiles"
          onClick={(e: React.MouseEvent) => {
            e.preventDefault()
            onClose()
          }}
        >
          {t('profiles.title')}
        </BreadcrumbItem>
      </Breadcrumb>
      <div className="pse-editor__head">
        <div className="pse-editor__title">
          <h1 id="profile-editor-title" className="pse-page__title">
            {profile ? profile.name : t('profiles.editor.newTitle')}
          </h1>
          {endpoint !== 'unknown' && (
            <Tag type={endpoint === 'private' ? 'purple' : 'blue'} data-testid="endpoint-type">
              {t(`profiles.endpoint.${endpoint}`)}
            </Tag>
          )}
        </div>
        <div className="pse-editor__actions">
          {profile && canRestrict(profile) && (
            <Button kind="ghost" size="md" renderIcon={Locked} disabled={working} onClick={() => setRestricting(true)} data-testid="restrict-open">
              {t('profiles.restrict.open')}
            </Button>
          )}
          {profile && onPrivacy && canRestrict(profile) && (
            <Button kind="ghost" size="md" renderIcon={Security} disabled={working} onClick={onPrivacy} data-testid="privacy-open">
              {t('privacy.open')}
            </Button>
          )}
          {profile && <ExportMenu profileId={profile.id} disabled={working} />}
          {profile && (
            <Button
              kind="danger--ghost"
              size="md"
              renderIcon={TrashCan}
              disabled={working}
              onClick={() => editor.dispatch({ type: 'confirmDelete', open: true })}
            >
              {t('profiles.editor.delete')}
            </Button>
          )}
        </div>
      </div>
      {profile && restricting && <RestrictModal profile={profile} open={restricting} onClose={() => setRestricting(false)} />}
    </>
  )
}

/** "Delete this profile?" with the keychain consequence spelled out. */
export function DeleteProfileModal({ editor }: { editor: ProfileEditorHandle }) {
  const { t } = useTranslation()
  const { profile, confirmDelete, busy } = editor.state
  if (!profile) return null
  return (
    <Modal
      open={confirmDelete}
      danger
      size="sm"
      modalHeading={t('profiles.editor.deleteTitle', { name: profile.name })}
      primaryButtonText={t('profiles.editor.delete')}
      secondaryButtonText={t('profiles.cancel')}
      primaryButtonDisabled={busy !== null}
      onRequestClose={() => editor.dispatch({ type: 'confirmDelete', open: false })}
      onRequestSubmit={() => void editor.remove()}
      data-testid="delete-modal"
    >
      <p>{t('profiles.editor.deleteText')}</p>
    </Modal>
  )
}
