import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Breadcrumb, BreadcrumbItem, Button, InlineLoading, InlineNotification, Modal, PasswordInput, Tag, TextArea } from '@carbon/react'
import { Play, Save, TrashCan } from '@carbon/icons-react'
import type { Profile } from '../../../../shared/schemas/profile'
import { UNREACHABLE_CODES } from '../../../../shared/schemas/probe'
import type { AppError } from '../../../../shared/errors'
import { toAppError } from '../../api/errors'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ProbeTimeline } from '../../components/ProbeTimeline'
import { SecretField } from '../../components/SecretField'
import { profilesApi, type ImportDraft, type TestResult } from './api'
import { draftFromFields, toFields, type Draft, type FieldKey } from './draft'
import type { SectionProps } from './form'
import { ConnectionSection } from './ConnectionSection'
import { TlsSection } from './TlsSection'
import { NetworkPathSection } from './NetworkPathSection'
import { HostKeyNotice } from './HostKeyNotice'
import { DiagnosisPanel } from './DiagnosisPanel'
import { LiveProgress } from './LiveProgress'
import { PodRunPanel } from './PodRunPanel'
import { ExportMenu } from './ExportMenu'
import { TextFileInput } from './TextFileInput'
import { lastResult, rememberResult, forgetResult } from './results-cache'
import { endpointType } from './describe'

/** A fresh id for profiles.testProgress (letters, digits, - and _). */
const newTestId = (): string => `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

interface Props {
  /** Editing a saved profile… */
  profileId?: string
  /** …or a new one, blank or prefilled by an import (whose secrets main keeps under importId). */
  imported?: ImportDraft
  onClose(): void
}

/** Codes after which a direct test asks for the network diagnosis. */

type Busy = null | 'test' | 'save' | 'accept' | 'delete' | 'prefill'

/** Screen 4: one profile's fields, its test, its export. */
export function ProfileEditor({ profileId, imported, onClose }: Props) {
  const { t } = useTranslation()
  const [profile, setProfile] = useState<Profile>()
  const [draft, setDraft] = useState<Draft>(() => draftFromFields(imported?.fields))
  const [importId, setImportId] = useState(imported?.importId)
  const [importedPassword, setImportedPassword] = useState(imported?.secretsFound.password ?? false)
  const [password, setPassword] = useState('')
  const [changingPassword, setChangingPassword] = useState(false)
  const [sshSecret, setSshSecret] = useState('')
  const [changingSshSecret, setChangingSshSecret] = useState(false)
  /** A client key read from a file for mutual TLS; sent to main on test / save, never shown. */
  const [clientKey, setClientKey] = useState<{ pem: string; fileName: string }>()
  const [touched, setTouched] = useState<Set<FieldKey>>(new Set())
  const [submitted, setSubmitted] = useState(false)
  const [dirty, setDirty] = useState(imported !== undefined)
  const [busy, setBusy] = useState<Busy>(profileId ? 'prefill' : null)
  const [error, setError] = useState<AppError>()
  const [result, setResult] = useState<TestResult | undefined>(() => (profileId ? lastResult(profileId) : undefined))
  const [paste, setPaste] = useState('')
  const [savedNotice, setSavedNotice] = useState(false)
  const [confirmDelete, setConfirmDelete] = useState(false)
  /** Id of the running test, whose phases main streams as profiles.testProgress. */
  const [testId, setTestId] = useState<string>()
  /** What the user last asked for, repeated after a host key is accepted. */
  const lastAction = useRef<'test' | 'testAndSave'>('test')

  useEffect(() => {
    if (!profileId) return
    profilesApi
      .get(profileId)
      .then((p) => {
        setProfile(p)
        setDraft(draftFromFields(p))
        setBusy(null)
      })
      .catch((e: unknown) => {
        setError(toAppError(e))
        setBusy(null)
      })
  }, [profileId])

  // A new result is scrolled into view: it appears below the form.
  const resultRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (result) resultRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
  }, [result])

  const validation = useMemo(() => toFields(draft), [draft])
  const section: SectionProps = {
    draft,
    update: (patch) => {
      setDraft((d) => ({ ...d, ...patch }))
      setDirty(true)
      setSavedNotice(false)
    },
    error: (key) => (validation.errors[key] && (submitted || touched.has(key)) ? t(`profiles.fieldErrors.${key.replace('.', '_')}`) : undefined),
    touch: (key) => setTouched((s) => new Set(s).add(key))
  }

  const passwordStored = profile !== undefined && profile.secrets.password !== 'none'
  const secretsInput = () => ({ ...(password ? { password } : {}), ...(clientKey ? { clientKey: clientKey.pem } : {}), ...(sshSecret ? { sshSecret } : {}) })
  /** Typed secrets not saved yet: a test must use them, and saving must store them. */
  const unsavedSecrets = Boolean(password || clientKey || sshSecret)

  /** Validates; on failure marks every field so its error shows. */
  function fieldsOrStop() {
    setSubmitted(true)
    return validation.fields
  }

  /** Runs the test on the saved profile, or on the form's fields when they have unsaved changes. */
  async function runTest(): Promise<TestResult | undefined> {
    lastAction.current = 'test'
    const fields = fieldsOrStop()
    if (!fields) return undefined
    const saved = profile
    setBusy('test')
    setError(undefined)
    setSavedNotice(false)
    const id = newTestId()
    setTestId(id)
    try {
      const useSaved = saved !== undefined && !dirty && !unsavedSecrets
      let r =
        useSaved && saved
          ? await profilesApi.test(saved, id)
          : await profilesApi.testDraft(fields, {
              password: password || undefined,
              clientKey: clientKey?.pem,
              sshSecret: sshSecret || undefined,
              importId,
              profileId: profile?.id,
              testId: id
            })
      if (saved && useSaved) r = await withDiagnosis(saved, r)
      setResult(r)
      if (saved) rememberResult(saved.id, r)
      return r
    } catch (e) {
      setError(toAppError(e))
      return undefined
    } finally {
      setBusy(null)
      setTestId(undefined)
    }
  }

  /** A direct test that could not reach the endpoint is explained, with the paths that would work. */
  async function withDiagnosis(saved: Profile, r: TestResult): Promise<TestResult> {
    if (r.ok || r.diagnosis || saved.networkPath.kind !== 'direct' || !UNREACHABLE_CODES.has(r.code ?? '')) return r
    try {
      return { ...r, diagnosis: await profilesApi.diagnose(saved.id) }
    } catch {
      return r
    }
  }

  async function save(): Promise<Profile | undefined> {
    const fields = fieldsOrStop()
    if (!fields) return undefined
    setBusy('save')
    setError(undefined)
    try {
      const saved = profile ? await profilesApi.update(profile.id, fields, secretsInput()) : await profilesApi.create(fields, secretsInput(), importId)
      setProfile(saved)
      setDraft(draftFromFields(saved))
      setDirty(false)
      setPassword('')
      setClientKey(undefined)
      setSshSecret('')
      setChangingPassword(false)
      setChangingSshSecret(false)
      setImportId(undefined)
      setImportedPassword(false)
      setSavedNotice(true)
      if (result) rememberResult(saved.id, result)
      // The address follows the saved profile without remounting this editor.
      if (!profile) window.history.replaceState(null, '', `#/profiles/${encodeURIComponent(saved.id)}`)
      return saved
    } catch (e) {
      setError(toAppError(e))
      return undefined
    } finally {
      setBusy(null)
    }
  }

  /** The primary action: test, and save when the test passes (else offer "Save anyway"). */
  async function testAndSave(): Promise<void> {
    const r = await runTest()
    lastAction.current = 'testAndSave'
    if (!r?.ok || !(dirty || !profile || unsavedSecrets)) return
    const saved = await save()
    // Test the saved profile once more so its "last test" is recorded with it.
    if (saved) await recordTest(saved)
  }

  async function recordTest(saved: Profile): Promise<void> {
    setBusy('test')
    try {
      const r = await profilesApi.test(saved)
      setResult(r)
      rememberResult(saved.id, r)
    } catch (e) {
      setError(toAppError(e))
    } finally {
      setBusy(null)
    }
  }

  async function acceptHostKey(): Promise<void> {
    if (!result?.hostKey) return
    setBusy('accept')
    try {
      await profilesApi.acceptHostKey(result.hostKey)
    } catch (e) {
      setError(toAppError(e))
      setBusy(null)
      return
    }
    setBusy(null)
    await (lastAction.current === 'testAndSave' ? testAndSave() : runTest())
  }

  async function prefill(): Promise<void> {
    setBusy('prefill')
    setError(undefined)
    try {
      const d = await profilesApi.importText(paste)
      const keepName = draft.name.trim() !== '' ? { name: draft.name } : {}
      setDraft({ ...draftFromFields(d.fields), ...keepName, path: draft.path })
      setImportId(d.importId)
      setImportedPassword(d.secretsFound.password)
      setDirty(true)
      setPaste('')
    } catch (e) {
      setError(toAppError(e))
    } finally {
      setBusy(null)
    }
  }

  async function remove(): Promise<void> {
    if (!profile) return
    setBusy('delete')
    try {
      await profilesApi.remove(profile.id)
      forgetResult(profile.id)
      onClose()
    } catch (e) {
      setError(toAppError(e))
      setBusy(null)
    }
  }

  const title = profile ? profile.name : t('profiles.editor.newTitle')
  const endpoint = validation.fields ? endpointType(validation.fields) : 'unknown'
  const working = busy !== null
  const testFailed = result !== undefined && !result.ok
  return (
    <section className="pse-page pse-editor" aria-labelledby="profile-editor-title">
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
            {title}
          </h1>
          {endpoint !== 'unknown' && (
            <Tag type={endpoint === 'private' ? 'purple' : 'blue'} data-testid="endpoint-type">
              {t(`profiles.endpoint.${endpoint}`)}
            </Tag>
          )}
        </div>
        <div className="pse-editor__actions">
          {profile && <ExportMenu profileId={profile.id} disabled={working} />}
          {profile && (
            <Button kind="danger--ghost" size="md" renderIcon={TrashCan} disabled={working} onClick={() => setConfirmDelete(true)}>
              {t('profiles.editor.delete')}
            </Button>
          )}
        </div>
      </div>

      {error && <ErrorNotice error={error} onClose={() => setError(undefined)} />}
      {savedNotice && (
        <InlineNotification kind="success" lowContrast title={t('profiles.editor.saved')} onClose={() => setSavedNotice(false)} data-testid="saved-notice" />
      )}

      <div className="pse-editor__paste">
        <TextArea
          id="profile-paste"
          labelText={t('profiles.editor.paste')}
          helperText={t('profiles.editor.pasteHint')}
          rows={2}
          value={paste}
          spellCheck={false}
          autoComplete="off"
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setPaste(e.target.value)}
        />
        <Button kind="tertiary" size="md" disabled={paste.trim() === '' || working} onClick={() => void prefill()} data-testid="profile-prefill">
          {t('profiles.editor.prefill')}
        </Button>
      </div>

      <ConnectionSection {...section} />

      <fieldset className="pse-editor__section" data-testid="section-secrets">
        <legend className="pse-editor__legend">{t('profiles.editor.secrets')}</legend>
        <p className="pse-editor__hint">{t('profiles.editor.secretsHint')}</p>
        {passwordStored && !changingPassword ? (
          <div className="pse-editor__secret">
            <SecretField id="profile-password-stored" label={t('profiles.field.password')} reveal={() => profilesApi.revealSecret(profile.id, 'password')} />
            <Button kind="ghost" size="sm" onClick={() => setChangingPassword(true)} data-testid="change-password">
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
            onChange={(e) => {
              setPassword(e.target.value)
              setDirty(true)
              setSavedNotice(false)
            }}
            showPasswordLabel={t('common.secret.reveal')}
            hidePasswordLabel={t('common.secret.hide')}
          />
        )}
      </fieldset>

      <TlsSection
        {...section}
        clientKey={
          profile && profile.secrets.clientKey !== 'none' && !clientKey ? (
            <SecretField
              id="profile-client-key-stored"
              label={t('profiles.field.clientKey')}
              reveal={() => profilesApi.revealSecret(profile.id, 'clientKey')}
            />
          ) : (
            <TextFileInput
              id="profile-client-key-file"
              label={t('profiles.field.clientKeyFile')}
              maxBytes={64_000}
              accept=".pem,.key,.txt"
              onText={(pem, fileName) => {
                setClientKey({ pem, fileName })
                setDirty(true)
              }}
            />
          )
        }
      />
      <NetworkPathSection
        {...section}
        sshSecret={sshSecret}
        onSshSecret={(value) => {
          setSshSecret(value)
          setSavedNotice(false)
        }}
        storedSshSecret={
          profile && profile.secrets.sshSecret !== 'none' && !changingSshSecret ? (
            <div className="pse-editor__secret">
              <SecretField
                id="profile-ssh-secret-stored"
                label={t('profiles.field.sshSecretStored')}
                reveal={() => profilesApi.revealSecret(profile.id, 'sshSecret')}
              />
              <Button kind="ghost" size="sm" onClick={() => setChangingSshSecret(true)}>
                {t('profiles.editor.changeSshSecret')}
              </Button>
            </div>
          ) : undefined
        }
      />

      <div className="pse-editor__footer">
        <Button kind="primary" renderIcon={Save} disabled={working} onClick={() => void testAndSave()} data-testid="profile-test-and-save">
          {t('profiles.editor.testAndSave')}
        </Button>
        <Button kind="secondary" renderIcon={Play} disabled={working} onClick={() => void runTest()} data-testid="profile-test">
          {t('profiles.editor.test')}
        </Button>
        <Button kind="ghost" disabled={working} onClick={onClose}>
          {t('profiles.editor.close')}
        </Button>
        {busy === 'test' && (testId ? <LiveProgress testId={testId} /> : <InlineLoading description={t('profiles.editor.testing')} />)}
        {busy === 'save' && <InlineLoading description={t('profiles.editor.saving')} />}
        {submitted && !validation.fields && <span className="pse-editor__invalid">{t('profiles.editor.fixFields')}</span>}
      </div>

      {result?.diagnosis && (
        <DiagnosisPanel
          diagnosis={result.diagnosis}
          onChoosePath={(kind) => {
            section.update({ path: { ...draft.path, kind } })
            document.getElementById('section-path')?.scrollIntoView({ behavior: 'smooth' })
          }}
        />
      )}
      {result?.hostKey && <HostKeyNotice hostKey={result.hostKey} busy={busy === 'accept'} onAccept={() => void acceptHostKey()} />}

      {result && (
        <div className="pse-editor__result" data-testid="profile-result" ref={resultRef}>
          <ProbeTimeline result={result} id="profile" />
          {result.pod && <PodRunPanel pod={result.pod} />}
          {testFailed && (dirty || !profile) && (
            <div className="pse-editor__unsaved">
              <InlineNotification
                kind="warning"
                lowContrast
                hideCloseButton
                title={t('profiles.editor.testFailedTitle')}
                subtitle={t('profiles.editor.testFailedText')}
              />
              <Button kind="tertiary" size="sm" disabled={working} onClick={() => void save()} data-testid="save-anyway" className="pse-editor__save-anyway">
                {t('profiles.editor.saveAnyway')}
              </Button>
            </div>
          )}
        </div>
      )}
      {profile && (
        <Modal
          open={confirmDelete}
          danger
          size="sm"
          modalHeading={t('profiles.editor.deleteTitle', { name: profile.name })}
          primaryButtonText={t('profiles.editor.delete')}
          secondaryButtonText={t('profiles.cancel')}
          primaryButtonDisabled={working}
          onRequestClose={() => setConfirmDelete(false)}
          onRequestSubmit={() => void remove()}
          data-testid="delete-modal"
        >
          <p>{t('profiles.editor.deleteText')}</p>
        </Modal>
      )}
    </section>
  )
}
