import type { Profile } from '../../../../shared/schemas/profile'
import type { AppError } from '../../../../shared/errors'
import type { ImportDraft, TestResult } from './types'
import { draftFromFields, type Draft, type FieldKey } from './draft'

/**
 * The profile editor's whole state and the one pure function that changes it. The hook
 * (use-profile-editor.ts) runs the calls and says what happened; this file decides what the
 * screen then shows.
 */

export type Busy = null | 'test' | 'save' | 'accept' | 'delete' | 'prefill'

/** A client key read from a file for mutual TLS; sent to main on test / save, never shown. */
export interface ClientKeyFile {
  pem: string
  fileName: string
}

export interface EditorState {
  /** The saved profile being edited; undefined for a new one until it is saved. */
  profile?: Profile
  draft: Draft
  /** Where main keeps the secrets an import found, until the profile is saved. */
  importId?: string
  importedPassword: boolean
  /** Secrets typed (or read from a file) and not saved yet. */
  password: string
  sshSecret: string
  clientKey?: ClientKeyFile
  changingPassword: boolean
  changingSshSecret: boolean
  touched: ReadonlySet<FieldKey>
  /** The user tried to test or save: every field shows its error. */
  submitted: boolean
  /** The form differs from the saved profile (or is not saved at all). */
  dirty: boolean
  busy: Busy
  error?: AppError
  result?: TestResult
  paste: string
  savedNotice: boolean
  confirmDelete: boolean
  /** Id of the running test, whose phases main streams as profiles.testProgress. */
  testId?: string
  /** The last test was cancelled by the user: nothing was recorded. */
  cancelled: boolean
}

export type EditorAction =
  | { type: 'loaded'; profile: Profile }
  | { type: 'failed'; error: AppError }
  | { type: 'edited'; patch: Partial<Draft> }
  | { type: 'touched'; key: FieldKey }
  | { type: 'submitted' }
  | { type: 'passwordTyped'; value: string }
  | { type: 'sshSecretTyped'; value: string }
  | { type: 'clientKeyRead'; key: ClientKeyFile | undefined }
  | { type: 'changePassword' }
  | { type: 'changeSshSecret' }
  | { type: 'pasteTyped'; text: string }
  | { type: 'started'; busy: Exclude<Busy, null | 'test'> }
  | { type: 'testStarted'; testId: string }
  /** The test that records a just-saved profile's "last test": the saved notice stays. */
  | { type: 'recordStarted' }
  | { type: 'tested'; result: TestResult }
  | { type: 'testCancelled' }
  | { type: 'saved'; profile: Profile }
  | { type: 'prefilled'; imported: ImportDraft }
  | { type: 'idle' }
  | { type: 'dismissError' }
  | { type: 'dismissSaved' }
  | { type: 'confirmDelete'; open: boolean }

export interface EditorInit {
  profileId?: string
  imported?: ImportDraft
  /** The result this session last saw for the profile (results-cache). */
  lastResult?: TestResult
}

export function initialEditorState({ profileId, imported, lastResult }: EditorInit): EditorState {
  return {
    draft: draftFromFields(imported?.fields),
    importId: imported?.importId,
    importedPassword: imported?.secretsFound.password ?? false,
    password: '',
    sshSecret: '',
    changingPassword: false,
    changingSshSecret: false,
    touched: new Set(),
    submitted: false,
    dirty: imported !== undefined,
    busy: profileId ? 'prefill' : null,
    result: profileId ? lastResult : undefined,
    paste: '',
    savedNotice: false,
    confirmDelete: false,
    cancelled: false
  }
}

export function editorReducer(s: EditorState, a: EditorAction): EditorState {
  switch (a.type) {
    case 'loaded':
      return { ...s, profile: a.profile, draft: draftFromFields(a.profile), busy: null }
    case 'failed':
      return { ...s, error: a.error, busy: null, testId: undefined }
    case 'edited':
      return { ...s, draft: { ...s.draft, ...a.patch }, dirty: true, savedNotice: false }
    case 'touched':
      return s.touched.has(a.key) ? s : { ...s, touched: new Set(s.touched).add(a.key) }
    case 'submitted':
      return { ...s, submitted: true }
    case 'passwordTyped':
      return { ...s, password: a.value, dirty: true, savedNotice: false }
    case 'sshSecretTyped':
      // Typed SSH secrets count as unsaved through hasUnsavedSecrets, not through dirty.
      return { ...s, sshSecret: a.value, savedNotice: false }
    case 'clientKeyRead':
      return { ...s, clientKey: a.key, dirty: true }
    case 'changePassword':
      return { ...s, changingPassword: true }
    case 'changeSshSecret':
      return { ...s, changingSshSecret: true }
    case 'pasteTyped':
      return { ...s, paste: a.text }
    case 'started':
      return { ...s, busy: a.busy, error: a.busy === 'save' || a.busy === 'prefill' ? undefined : s.error }
    case 'testStarted':
      return { ...s, busy: 'test', testId: a.testId, error: undefined, savedNotice: false, cancelled: false }
    case 'recordStarted':
      return { ...s, busy: 'test', testId: undefined }
    case 'tested':
      return { ...s, result: a.result, busy: null, testId: undefined }
    case 'testCancelled':
      // The earlier result stays in the session cache; on screen, the cancel is what happened last.
      return { ...s, result: undefined, busy: null, testId: undefined, cancelled: true }
    case 'saved':
      return savedState(s, a.profile)
    case 'prefilled':
      return prefilledState(s, a.imported)
    case 'idle':
      return { ...s, busy: null, testId: undefined }
    case 'dismissError':
      return { ...s, error: undefined }
    case 'dismissSaved':
      return { ...s, savedNotice: false }
    case 'confirmDelete':
      return { ...s, confirmDelete: a.open }
  }
}

/** Saved: the form is the stored profile again, typed secrets and the import are spent. */
function savedState(s: EditorState, profile: Profile): EditorState {
  return {
    ...s,
    profile,
    draft: draftFromFields(profile),
    dirty: false,
    password: '',
    clientKey: undefined,
    sshSecret: '',
    changingPassword: false,
    changingSshSecret: false,
    importId: undefined,
    importedPassword: false,
    savedNotice: true,
    busy: null
  }
}

/** A pasted connection string fills the form; a name already typed and the network path stay. */
function prefilledState(s: EditorState, imported: ImportDraft): EditorState {
  const keepName = s.draft.name.trim() !== '' ? { name: s.draft.name } : {}
  return {
    ...s,
    draft: { ...draftFromFields(imported.fields), ...keepName, path: s.draft.path },
    importId: imported.importId,
    importedPassword: imported.secretsFound.password,
    dirty: true,
    paste: '',
    busy: null
  }
}

/** Typed secrets not saved yet: a test must use them, and saving must store them. */
export const hasUnsavedSecrets = (s: EditorState): boolean => Boolean(s.password || s.clientKey || s.sshSecret)

/** The secrets a save sends: only the ones typed. */
export function secretsToSave(s: EditorState): { password?: string; clientKey?: string; sshSecret?: string } {
  return {
    ...(s.password ? { password: s.password } : {}),
    ...(s.clientKey ? { clientKey: s.clientKey.pem } : {}),
    ...(s.sshSecret ? { sshSecret: s.sshSecret } : {})
  }
}

/** A test runs on the saved profile (and records its "last test") only when nothing on screen is unsaved. */
export const testsSavedProfile = (s: EditorState): boolean => s.profile !== undefined && !s.dirty && !hasUnsavedSecrets(s)

/** Saving is part of "Test and save" when something is unsaved. */
export const hasUnsavedWork = (s: EditorState): boolean => s.dirty || s.profile === undefined || hasUnsavedSecrets(s)

/** Whether a secret the keychain keeps is shown (masked, with Reveal) instead of an input for a new one. */
export function showsStoredSecret(s: EditorState, secret: 'password' | 'clientKey' | 'sshSecret'): boolean {
  if (!s.profile || s.profile.secrets[secret] === 'none') return false
  if (secret === 'password') return !s.changingPassword
  if (secret === 'sshSecret') return !s.changingSshSecret
  return !s.clientKey
}
