import type { Handlers } from '../transport/dispatch'
import { restrict, type RestrictDeps } from './apply'

export type RestrictionsCallName = 'restrictions.apply'

export function restrictionsHandlers(deps: RestrictDeps): Pick<Handlers, RestrictionsCallName> {
  return {
    'restrictions.apply': async (input, { signal }) => restrict(deps, input, signal)
  }
}
