import type { Handlers } from '../transport/dispatch'
import { restrict, type RestrictDeps } from './apply'
import { profileInstance } from './plan'
import { sourceAddressToward } from './source-address'
import { suggestVpcs } from './vpcs'

export type RestrictionsCallName = 'restrictions.apply' | 'restrictions.sourceAddress' | 'restrictions.vpcs'

export function restrictionsHandlers(deps: RestrictDeps): Pick<Handlers, RestrictionsCallName> {
  return {
    'restrictions.apply': async (input, { signal }) => restrict(deps, input, signal),
    'restrictions.sourceAddress': async ({ profileId }) => {
      const profile = await deps.profile(profileId)
      if (profile.networkPath.kind !== 'direct') return { address: null }
      return { address: (await sourceAddressToward(profile.host, profile.port, deps.resolve ? { resolve: deps.resolve } : {})) ?? null }
    },
    'restrictions.vpcs': async ({ profileId }, { signal }) => {
      const profile = await deps.profile(profileId)
      const instance = profileInstance(profile)
      return { vpcs: await suggestVpcs(await deps.client(), instance, { signal }) }
    }
  }
}
