import type { PseBridge } from '../../../shared/bridge'
import type { Result } from '../../../shared/errors'
import type { CallInput, CallName, CallOutput } from '../../../shared/contract'
import { cancelledError } from './errors'

/** The HTTP bridge can also cancel: aborting the request makes main abort the call. */
export interface HttpBridge extends PseBridge {
  invoke<N extends CallName>(name: N, input: CallInput<N>, options?: { signal?: AbortSignal }): Promise<Result<CallOutput<N>>>
}

/**
 * Browser mode's bridge: the same shape as the desktop's window.pse, over the loopback server.
 * The per-run token travels in an HttpOnly cookie set when the printed link was opened.
 */
export function createHttpBridge(base = ''): HttpBridge {
  let source: EventSource | undefined
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  /** One stream for all events; each event name is listened to from its first subscriber on. */
  function listen(name: string): Set<(payload: unknown) => void> {
    source ??= new EventSource(`${base}/api/events`, { withCredentials: true })
    let set = listeners.get(name)
    if (!set) {
      const subscribers = new Set<(payload: unknown) => void>()
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as unknown
        for (const l of subscribers) l(payload)
      })
      listeners.set(name, subscribers)
      set = subscribers
    }
    return set
  }

  return {
    async invoke(name, input, options = {}) {
      let response: Response
      try {
        response = await fetch(`${base}/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          signal: options.signal
        })
      } catch {
        if (options.signal?.aborted) return { ok: false, error: cancelledError() }
        return { ok: false, error: { code: 'app_unreachable', message: 'PSE Wizard is not answering. Is "pse-wizard serve" still running?' } }
      }
      try {
        return (await response.json()) as Result<never>
      } catch {
        if (options.signal?.aborted) return { ok: false, error: cancelledError() }
        return {
          ok: false,
          error: {
            code: 'app_unreachable',
            message: `PSE Wizard answered with HTTP ${response.status}. Reload the page, or open the link printed by "pse-wizard serve" again.`
          }
        }
      }
    },
    on(name, listener) {
      const set = listen(name)
      set.add(listener as (payload: unknown) => void)
      return () => set.delete(listener as (payload: unknown) => void)
    }
  }
}
