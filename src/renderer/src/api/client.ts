import type { PseBridge } from '../../../shared/bridge'
import type { AppError } from '../../../shared/errors'
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '../../../shared/contract'
import { createHttpBridge } from './http-bridge'

/** The same UI code on both transports: window.pse on the desktop, HTTP in browser mode. */
export const bridge: PseBridge = window.pse ?? createHttpBridge()

/** A failed call, carrying the app's error value for the UI to show. */
export class CallError extends Error {
  constructor(readonly error: AppError) {
    super(error.message)
    this.name = 'CallError'
  }
}

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await bridge.invoke(name, input)
  if (!result.ok) throw new CallError(result.error)
  return result.value
}

export function subscribe<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
  return bridge.on(name, listener)
}
