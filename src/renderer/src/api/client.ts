import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '../../../shared/contract'
import { createHttpBridge, type HttpBridge } from './http-bridge'
import { CallError, cancelledError } from './errors'

export { CallError, toAppError } from './errors'

/** The same UI code on both transports: window.pse on the desktop, HTTP in browser mode. */
const http: HttpBridge | undefined = window.pse ? undefined : createHttpBridge()
export const bridge = window.pse ?? http!

/**
 * Whether a running call can be cancelled: browser mode cancels when its HTTP request is
 * aborted; the desktop's IPC has no way to say "cancel" yet.
 */
export const callsCanBeCancelled = http !== undefined

export interface CallOptions {
  /** Aborting it cancels the call in main (where the transport can); the call then fails as cancelled. */
  signal?: AbortSignal
}

export async function call<N extends CallName>(name: N, input: CallInput<N>, options: CallOptions = {}): Promise<CallOutput<N>> {
  if (options.signal?.aborted) throw new CallError(cancelledError())
  // An AbortSignal cannot cross the desktop's context bridge: only the HTTP bridge is given one.
  const result = http ? await http.invoke(name, input, options) : await bridge.invoke(name, input)
  if (!result.ok) throw new CallError(result.error)
  return result.value
}

export function subscribe<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
  return bridge.on(name, listener)
}
