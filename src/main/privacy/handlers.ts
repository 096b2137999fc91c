import type { Handlers } from '../transport/dispatch'
import { prove, type ProveDeps } from './report'

export type PrivacyCallName = 'privacy.prove'

export function privacyHandlers(deps: ProveDeps): Pick<Handlers, PrivacyCallName> {
  return {
    'privacy.prove': async (input, { signal }) => prove(deps, input, signal)
  }
}
