import { useTranslation } from 'react-i18next'
import { Button, PasswordInput, TextArea } from '@carbon/react'
import { SecretField } from '../../components/SecretField'
import { profilesApi } from './api'
import { TextFileInput } from './TextFileInput'
import type { ProfileEditorHandle } from './use-profile-editor'
import { showsStoredSecret } from './editor-state'

/** The Redis password: the stored one (masked, revealed on click) or an input for a new one. */
export function SecretsSection({ editor }: { editor: ProfileEditorHandle }) {
  const { t } = useTranslation()
  const { profile, password, importedPassword } = editor.state
  return (
    <fieldset className="pse-editor__section" data-testid="section-secrets">
      <legend className="pse-editor__legend">{t('profiles.editor.secrets')}</legend>
      <p className="pse-editor__hint">{t('profiles.editor.secretsHint')}</p>
      {profile && showsStoredSecret(editor.state, 'password') ? (
        <div className="pse-editor__secret">
          <SecretField id="profile-password-stored" label={t('profiles.field.password')} reveal={() => profilesApi.revealSecret(profile.id, 'password')} />
          <Button kind="ghost" size="sm" onClick={() => editor.dispatch({ type: 'changePassword' })} data-testid="change-password">
            {t('profiles.editor.changePassword')}
          </Button>
        </div>
      ) : (
        <PasswordInput
          id="profile-password"
          labelText={t('profiles.field.password')}
          helperText={importedPassword && !password ? t('profiles.editor.passwordFromImport') : t('profiles.field.passwordHint')}
          value={password}
          autoComplete="new-password"
          onChange={(e) => editor.dispatch({ type: 'passwordTyped', value: e.target.value })}
          showPasswordLabel={t('common.secret.reveal')}
          hidePasswordLabel={t('common.secret.hide')}
        />
      )}
    </fieldset>
  )
}

/** The mutual-TLS client key: the stored one, or a new one pasted or read from a file. */
export function ClientKeyField({ editor }: { editor: ProfileEditorHandle }) {
  const { t } = useTranslation()
  const { profile, clientKey } = editor.state
  if (profile && showsStoredSecret(editor.state, 'clientKey')) {
    return <SecretField id="profile-client-key-stored" label={t('profiles.field.clientKey')} reveal={() => profilesApi.revealSecret(profile.id, 'clientKey')} />
  }
  return (
    <>
      <TextArea
        id="profile-client-key"
        labelText={t('profiles.field.clientKeyPem')}
        helperText={t('profiles.field.clientKeyHint')}
        rows={4}
        className="pse-editor__pem"
        value={clientKey?.pem ?? ''}
        spellCheck={false}
        autoComplete="off"
        placeholder="-----BEGIN PRIVATE KEY-----"
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
          editor.dispatch({ type: 'clientKeyRead', key: e.target.value.trim() ? { pem: e.target.value, fileName: '' } : undefined })
        }
      />
      <TextFileInput
        id="profile-client-key-file"
        label={t('profiles.field.clientKeyFile')}
        maxBytes={64_000}
        accept=".pem,.key,.txt"
        onText={(pem, fileName) => editor.dispatch({ type: 'clientKeyRead', key: { pem, fileName } })}
      />
    </>
  )
}

/** The stored SSH key passphrase or password, with "Change" (when showsStoredSecret says so). */
export function StoredSshSecret({ editor }: { editor: ProfileEditorHandle }) {
  const { t } = useTranslation()
  const { profile } = editor.state
  if (!profile) return null
  return (
    <div className="pse-editor__secret">
      <SecretField
        id="profile-ssh-secret-stored"
        label={t('profiles.field.sshSecretStored')}
        reveal={() => profilesApi.revealSecret(profile.id, 'sshSecret')}
      />
      <Button kind="ghost" size="sm" onClick={() => editor.dispatch({ type: 'changeSshSecret' })}>
        {t('profiles.editor.changeSshSecret')}
      </Button>
    </div>
  )
}
