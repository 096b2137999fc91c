import { describe, expect, it } from 'vitest'
import {
  editorReducer,
  hasUnsavedSecrets,
  hasUnsavedWork,
  initialEditorState,
  secretsToSave,
  showsStoredSecret,
  testsSavedProfile,
  type EditorAction,
  type EditorState
} from '../../../../../src/renderer/src/pages/profiles/editor-state'
import type { ImportDraft, TestResult } from '../../../../../src/renderer/src/pages/profiles/types'
import { defaultProfileFields, type Profile } from '../../../../../src/shared/schemas/profile'

const profile: Profile = {
  ...defaultProfileFields({ name: 'prod', host: 'redis.example.com', port: 31000 }),
  id: 'p-1',
  secrets: { password: 'keychain', clientKey: 'none', sshSecret: 'keychain' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  lastTest: null
}

const result = (ok: boolean): TestResult =>
  ({
    ok,
    code: ok ? null : 'tcp_timeout',
    message: ok ? 'Connected.' : 'Nothing answered.',
    startedAt: '2026-01-01T00:00:00.000Z',
    totalMs: 12,
    target: { host: 'redis.example.com', port: 31000, tls: true, servername: null },
    phases: []
  }) as unknown as TestResult

const imported: ImportDraft = {
  importId: '7c1d2a8e-3b4f-4c5d-8e9f-0a1b2c3d4e5f',
  format: 'url',
  fields: defaultProfileFields({ name: 'from-url', host: '10.0.0.5', port: 6380 }),
  secretsFound: { password: true, clientKey: false },
  notes: []
} as ImportDraft

const run = (s: EditorState, ...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, s)
const blank = () => initialEditorState({})
const loaded = () => run(initialEditorState({ profileId: 'p-1' }), { type: 'loaded', profile })

describe('profile editor state', () => {
  it('starts blank, loading a saved profile (with its last result this session), or from an import', () => {
    expect(blank()).toMatchObject({ busy: null, dirty: false, submitted: false, cancelled: false, importedPassword: false })
    expect(blank().result).toBeUndefined()

    const last = result(true)
    const loading = initialEditorState({ profileId: 'p-1', lastResult: last })
    expect(loading.busy).toBe('prefill')
    expect(loading.result).toBe(last)

    const fromImport = initialEditorState({ imported })
    expect(fromImport).toMatchObject({ dirty: true, importId: imported.importId, importedPassword: true })
    expect(fromImport.draft.host).toBe('10.0.0.5')
  })

  it('shows a loaded profile in the form and stops loading', () => {
    const s = loaded()
    expect(s.busy).toBeNull()
    expect(s.profile).toBe(profile)
    expect(s.draft).toMatchObject({ name: 'prod', host: 'redis.example.com', port: '31000' })
    expect(s.dirty).toBe(false)
  })

  it('an edit changes the draft, marks it unsaved and hides "Profile saved"', () => {
    const s = run(loaded(), { type: 'saved', profile }, { type: 'edited', patch: { port: '31001' } })
    expect(s.draft.port).toBe('31001')
    expect(s.draft.host).toBe('redis.example.com')
    expect(s.dirty).toBe(true)
    expect(s.savedNotice).toBe(false)
  })

  it('remembers touched fields once each', () => {
    const s = run(blank(), { type: 'touched', key: 'port' })
    expect(s.touched.has('port')).toBe(true)
    expect(run(s, { type: 'touched', key: 'port' })).toBe(s)
  })

  it('typed secrets are unsaved work; an SSH secret does not mark the fields dirty', () => {
    const typed = run(loaded(), { type: 'passwordTyped', value: 'pw' })
    expect(typed.dirty).toBe(true)
    const ssh = run(loaded(), { type: 'sshSecretTyped', value: 'pass' })
    expect(ssh.dirty).toBe(false)
    expect(hasUnsavedSecrets(ssh)).toBe(true)
    expect(testsSavedProfile(ssh)).toBe(false)
    expect(hasUnsavedWork(ssh)).toBe(true)
    const key = run(loaded(), { type: 'clientKeyRead', key: { pem: 'KEY', fileName: 'k.pem' } })
    expect(secretsToSave(run(key, { type: 'passwordTyped', value: 'pw' }))).toEqual({ password: 'pw', clientKey: 'KEY' })
    expect(secretsToSave(loaded())).toEqual({})
    // A pasted key emptied again is no key at all (nothing to save, nothing unsaved).
    const cleared = run(key, { type: 'clientKeyRead', key: undefined })
    expect(cleared.clientKey).toBeUndefined()
    expect(hasUnsavedSecrets(cleared)).toBe(false)
    expect(secretsToSave(cleared)).toEqual({})
  })

  it('tests the saved profile only when nothing on screen is unsaved', () => {
    expect(testsSavedProfile(loaded())).toBe(true)
    expect(hasUnsavedWork(loaded())).toBe(false)
    expect(testsSavedProfile(blank())).toBe(false)
    expect(hasUnsavedWork(blank())).toBe(true)
    expect(testsSavedProfile(run(loaded(), { type: 'edited', patch: { db: '1' } }))).toBe(false)
  })

  it('a test clears the last error, "Profile saved" and a cancel; its result ends it', () => {
    const before = run(loaded(), { type: 'failed', error: { code: 'x', message: 'x' } }, { type: 'testCancelled' })
    const s = run(before, { type: 'testStarted', testId: 't-1' })
    expect(s).toMatchObject({ busy: 'test', testId: 't-1', cancelled: false, savedNotice: false })
    expect(s.error).toBeUndefined()
    const r = result(false)
    const done = run(s, { type: 'tested', result: r })
    expect(done).toMatchObject({ busy: null, result: r })
    expect(done.testId).toBeUndefined()
  })

  it('the test recorded after a save keeps "Profile saved" on screen', () => {
    const s = run(loaded(), { type: 'saved', profile }, { type: 'recordStarted' })
    expect(s).toMatchObject({ busy: 'test', savedNotice: true })
  })

  it('a cancelled test ends the test and shows "cancelled" instead of the earlier result', () => {
    const s = run(loaded(), { type: 'tested', result: result(true) }, { type: 'testStarted', testId: 't-2' }, { type: 'testCancelled' })
    expect(s).toMatchObject({ busy: null, cancelled: true })
    expect(s.result).toBeUndefined()
    expect(s.testId).toBeUndefined()
    expect(s.error).toBeUndefined()
  })

  it('a failed call shows its error and ends whatever was running', () => {
    const error = { code: 'internal', message: 'boom' }
    const s = run(loaded(), { type: 'testStarted', testId: 't-3' }, { type: 'failed', error })
    expect(s).toMatchObject({ busy: null, error })
    expect(s.testId).toBeUndefined()
  })

  it('saving and filling in clear the last error; accepting a host key and deleting keep it until they fail', () => {
    const error = { code: 'internal', message: 'boom' }
    const failed = run(loaded(), { type: 'failed', error })
    expect(run(failed, { type: 'started', busy: 'save' }).error).toBeUndefined()
    expect(run(failed, { type: 'started', busy: 'prefill' }).error).toBeUndefined()
    expect(run(failed, { type: 'started', busy: 'accept' }).error).toBe(error)
    expect(run(failed, { type: 'started', busy: 'delete' }).error).toBe(error)
  })

  it('saved: the form is the stored profile, typed secrets and the import are spent', () => {
    const s = run(
      initialEditorState({ imported }),
      { type: 'passwordTyped', value: 'pw' },
      { type: 'sshSecretTyped', value: 'pass' },
      { type: 'clientKeyRead', key: { pem: 'KEY', fileName: 'k.pem' } },
      { type: 'changePassword' },
      { type: 'started', busy: 'save' },
      { type: 'saved', profile }
    )
    expect(s).toMatchObject({
      profile,
      dirty: false,
      password: '',
      sshSecret: '',
      changingPassword: false,
      importedPassword: false,
      savedNotice: true,
      busy: null
    })
    expect(s.clientKey).toBeUndefined()
    expect(s.importId).toBeUndefined()
    expect(s.draft.name).toBe('prod')
  })

  it('filling in from pasted text keeps a name already typed and the network path', () => {
    const typed = run(
      blank(),
      { type: 'edited', patch: { name: 'mine' } },
      { type: 'edited', patch: { path: { ...blank().draft.path, kind: 'ssh' } } },
      { type: 'pasteTyped', text: 'rediss://…' },
      { type: 'started', busy: 'prefill' },
      { type: 'prefilled', imported }
    )
    expect(typed.draft).toMatchObject({ name: 'mine', host: '10.0.0.5', port: '6380' })
    expect(typed.draft.path.kind).toBe('ssh')
    expect(typed).toMatchObject({ paste: '', dirty: true, importId: imported.importId, importedPassword: true, busy: null })

    const unnamed = run(blank(), { type: 'prefilled', imported })
    expect(unnamed.draft.name).toBe('from-url')
  })

  it('a stored secret is shown masked until the user chooses to change it (or reads a new key file)', () => {
    const s = loaded()
    expect(showsStoredSecret(s, 'password')).toBe(true)
    expect(showsStoredSecret(run(s, { type: 'changePassword' }), 'password')).toBe(false)
    expect(showsStoredSecret(s, 'sshSecret')).toBe(true)
    expect(showsStoredSecret(run(s, { type: 'changeSshSecret' }), 'sshSecret')).toBe(false)
    expect(showsStoredSecret(s, 'clientKey')).toBe(false)
    const withKey = run(initialEditorState({ profileId: 'p-1' }), {
      type: 'loaded',
      profile: { ...profile, secrets: { ...profile.secrets, clientKey: 'keychain' } }
    })
    expect(showsStoredSecret(withKey, 'clientKey')).toBe(true)
    expect(showsStoredSecret(run(withKey, { type: 'clientKeyRead', key: { pem: 'K', fileName: 'k' } }), 'clientKey')).toBe(false)
    expect(showsStoredSecret(blank(), 'password')).toBe(false)
  })

  it('the delete confirmation opens and closes; notices are dismissed', () => {
    expect(run(loaded(), { type: 'confirmDelete', open: true }).confirmDelete).toBe(true)
    expect(run(loaded(), { type: 'confirmDelete', open: true }, { type: 'confirmDelete', open: false }).confirmDelete).toBe(false)
    expect(run(loaded(), { type: 'saved', profile }, { type: 'dismissSaved' }).savedNotice).toBe(false)
    expect(run(loaded(), { type: 'failed', error: { code: 'a', message: 'b' } }, { type: 'dismissError' }).error).toBeUndefined()
  })
})
