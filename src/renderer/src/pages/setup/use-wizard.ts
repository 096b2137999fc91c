import { useCallback, useEffect, useRef, useState } from 'react'
import { call, subscribe, toAppError } from '../../api/client'
import type { AppError } from '../../../../shared/errors'
import type { WizardState } from '../../../../shared/schemas/wizard'

export interface WizardHandle {
  state: WizardState | null
  loadError: AppError | null
  /** The last call that failed as a call (busy, invalid input…); a failed step lives in the state. */
  callError: AppError | null
  clearCallError: () => void
  /** Runs a wizard call and takes its answer as the new state. Undefined when the call failed. */
  perform: (work: () => Promise<WizardState>) => Promise<WizardState | undefined>
}

/** The state main keeps for the wizard: read once, then every `wizard.changed` event. */
export function useWizard(): WizardHandle {
  const [state, setState] = useState<WizardState | null>(null)
  const [loadError, setLoadError] = useState<AppError | null>(null)
  const [callError, setCallError] = useState<AppError | null>(null)
  const latest = useRef<string>('')

  // Answers and events can cross: keep the newest state by its own timestamp.
  const accept = useCallback((next: WizardState) => {
    if (next.updatedAt < latest.current) return
    latest.current = next.updatedAt
    setState(next)
  }, [])

  useEffect(() => {
    const off = subscribe('wizard.changed', accept)
    call('wizard.state', {}).then(accept, (e) => setLoadError(toAppError(e)))
    return off
  }, [accept])

  const perform = useCallback(
    async (work: () => Promise<WizardState>) => {
      setCallError(null)
      try {
        const next = await work()
        accept(next)
        return next
      } catch (e) {
        setCallError(toAppError(e))
        return undefined
      }
    },
    [accept]
  )

  return { state, loadError, callError, clearCallError: () => setCallError(null), perform }
}
