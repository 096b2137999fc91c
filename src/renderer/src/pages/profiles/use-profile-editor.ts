import { useEffect, useMemo, useReducer, useRef, type Dispatch } from 'react'
import type { Profile } from '../../../../shared/schemas/profile'
import { UNREACHABLE_CODES } from '../../../../shared/schemas/probe'
import { isCancelled, toAppError } from '../../api/errors'
import { profilesApi, type ImportDraft, type TestResult } from './api'
import { toFields } from './draft'
import { editorReducer, hasUnsavedWork, initialEditorState, secretsToSave, testsSavedProfile, type EditorAction, type EditorState } from './editor-state'
import { forgetResult, lastResult, rememberResult } from './results-cache'

/** A fresh id for profiles.testProgress (letters, digits, - and _). */
const newTestId = (): string => `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`

export interface ProfileEditorProps {
  /** Editing a saved profile… */
  profileId?: string
  /** …or a new one, blank or prefilled by an import (whose secrets main keeps under importId). */
  imported?: ImportDraft
  onClose(): void
  /** Opens the saved profile's privacy report. */
  onPrivacy?: () => void
}

export interface ProfileEditorHandle {
  state: EditorState
  dispatch: Dispatch<EditorAction>
  validation: ReturnType<typeof toFields>
  runTest(): Promise<TestResult | undefined>
  testAndSave(): Promise<void>
  save(): Promise<Profile | undefined>
  /** Stops the running test; nothing is recorded and the screen says it was cancelled. */
  cancelTest(): void
  acceptHostKey(): Promise<void>
  prefill(): Promise<void>
  remove(): Promise<void>
}

/** The editor's state (editor-state.ts) and the calls its buttons make. */
export function useProfileEditor({ profileId, imported, onClose }: ProfileEditorProps): ProfileEditorHandle {
  const [state, dispatch] = useReducer(editorReducer, { profileId, imported, lastResult: profileId ? lastResult(profileId) : undefined }, initialEditorState)
  /** What the user last asked for, repeated after a host key is accepted. */
  const lastAction = useRef<'test' | 'testAndSave'>('test')
  const running = useRef<AbortController | undefined>(undefined)
  const validation = useMemo(() => toFields(state.draft), [state.draft])
  const { profile } = state

  useEffect(() => {
    if (!profileId) return
    profilesApi.get(profileId).then(
      (p) => dispatch({ type: 'loaded', profile: p }),
      (e: unknown) => dispatch({ type: 'failed', error: toAppError(e) })
    )
  }, [profileId])

  /** Validates; on failure every field shows its error. */
  function fieldsOrStop() {
    dispatch({ type: 'submitted' })
    return validation.fields
  }

  /** Runs the test on the saved profile, or on the form's fields when they have unsaved changes. */
  async function runTest(): Promise<TestResult | undefined> {
    lastAction.current = 'test'
    const fields = fieldsOrStop()
    if (!fields) return undefined
    const id = newTestId()
    const controller = new AbortController()
    running.current = controller
    dispatch({ type: 'testStarted', testId: id })
    const saved = testsSavedProfile(state) ? profile : undefined
    try {
      let r = saved
        ? await profilesApi.test(saved, id, { signal: controller.signal })
        : await profilesApi.testDraft(
            fields,
            {
              password: state.password || undefined,
              clientKey: state.clientKey?.pem,
              sshSecret: state.sshSecret || undefined,
              importId: state.importId,
              profileId: profile?.id,
              testId: id
            },
            { signal: controller.signal }
          )
      if (saved) r = await withDiagnosis(saved, r)
      if (controller.signal.aborted) return void dispatch({ type: 'testCancelled' })
      dispatch({ type: 'tested', result: r })
      if (profile) rememberResult(profile.id, r)
      return r
    } catch (e) {
      dispatch(controller.signal.aborted || isCancelled(e) ? { type: 'testCancelled' } : { type: 'failed', error: toAppError(e) })
      return undefined
    } finally {
      if (running.current === controller) running.current = undefined
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
    dispatch({ type: 'started', busy: 'save' })
    try {
      const secrets = secretsToSave(state)
      const saved = profile ? await profilesApi.update(profile.id, fields, secrets) : await profilesApi.create(fields, secrets, state.importId)
      dispatch({ type: 'saved', profile: saved })
      if (state.result) rememberResult(saved.id, state.result)
      // The address follows the saved profile without remounting this editor.
      if (!profile) window.history.replaceState(null, '', `#/profiles/${encodeURIComponent(saved.id)}`)
      return saved
    } catch (e) {
      dispatch({ type: 'failed', error: toAppError(e) })
      return undefined
    }
  }

  /** The primary action: test, and save when the test passes (else offer "Save anyway"). */
  async function testAndSave(): Promise<void> {
    const r = await runTest()
    lastAction.current = 'testAndSave'
    if (!r?.ok || !hasUnsavedWork(state)) return
    const saved = await save()
    // Test the saved profile once more so its "last test" is recorded with it.
    if (saved) await recordTest(saved)
  }

  async function recordTest(saved: Profile): Promise<void> {
    dispatch({ type: 'recordStarted' })
    try {
      const r = await profilesApi.test(saved)
      dispatch({ type: 'tested', result: r })
      rememberResult(saved.id, r)
    } catch (e) {
      dispatch({ type: 'failed', error: toAppError(e) })
    }
  }

  async function acceptHostKey(): Promise<void> {
    if (!state.result?.hostKey) return
    dispatch({ type: 'started', busy: 'accept' })
    try {
      await profilesApi.acceptHostKey(state.result.hostKey)
    } catch (e) {
      return dispatch({ type: 'failed', error: toAppError(e) })
    }
    dispatch({ type: 'idle' })
    await (lastAction.current === 'testAndSave' ? testAndSave() : runTest())
  }

  async function prefill(): Promise<void> {
    dispatch({ type: 'started', busy: 'prefill' })
    try {
      dispatch({ type: 'prefilled', imported: await profilesApi.importText(state.paste) })
    } catch (e) {
      dispatch({ type: 'failed', error: toAppError(e) })
    }
  }

  async function remove(): Promise<void> {
    if (!profile) return
    dispatch({ type: 'started', busy: 'delete' })
    try {
      await profilesApi.remove(profile.id)
      forgetResult(profile.id)
      onClose()
    } catch (e) {
      dispatch({ type: 'failed', error: toAppError(e) })
    }
  }

  const cancelTest = () => running.current?.abort()

  return { state, dispatch, validation, runTest, testAndSave, save, cancelTest, acceptHostKey, prefill, remove }
}
