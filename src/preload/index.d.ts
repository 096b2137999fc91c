import type { PseBridge } from '../shared/bridge'

declare global {
  interface Window {
    /** Present on the desktop only; browser mode uses the HTTP client instead. */
    pse?: PseBridge
  }
}
