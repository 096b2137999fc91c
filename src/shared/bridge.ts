import type { CallName, CallInput, CallOutput, EventName, EventPayload } from './contract'
import type { Result } from './errors'

/**
 * What the renderer sees of the app: `window.pse` on the desktop (preload), or the same shape
 * over loopback HTTP in browser mode. Nothing else crosses.
 */
export interface PseBridge {
  invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void
}

/** IPC channel names. One channel per direction; the call name travels as the first argument. */
export const IPC_CALL = 'pse:call'
export const IPC_EVENT = 'pse:event'
