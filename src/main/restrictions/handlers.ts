import type { Handlers } from '../transport/dispatch'
import { restrict, type RestrictDeps } from './apply'
import { sourceAddressToward } from './source-address'

export type RestrictionsCallName = 'restrictions.apply' | 'restrictions.sourceAddress'

export function restrictionsHandlers(deps: RestrictDeps): Pick<Handlers, RestrictionsCallName> {
  return {
    'restrictions.apply': async (input, { signal }) => restrict(deps, input, signal),
    'restrictions.sourceAddress': async ({ profileId }) => {
      const profile = await deps.profile(profileId)
      if (profile.networkPath.kind !== 'direct') return { address: null }
      return { address: (await sourceAddressToward(profile.host, profile.port)) ?? null }
    }
  }
}
