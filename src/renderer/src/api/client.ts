import type { PseBridge } from '../../../shared/bridge'
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '../../../shared/contract'
import { createHttpBridge } from './http-bridge'
import { CallError } from './errors'

export { CallError, toAppError } from './errors'

/** The same UI code on both transports: window.pse on the desktop, HTTP in browser mode. */
export const bridge: PseBridge = window.pse ?? createHttpBridge()

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await bridge.invoke(name, input)
  if (!result.ok) throw new CallError(result.error)
  return result.value
}

export function subscribe<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void {
  return bridge.on(name, listener)
}
