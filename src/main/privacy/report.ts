import { overallVerdict, type PrivacyReport, type ProveInput } from '../../shared/schemas/privacy'
import type { ProbeResult } from '../../shared/schemas/probe'
import type { Profile } from '../../shared/schemas/profile'
import type { IbmCloudClient } from '../ibmcloud/client'
import { credentialsClaim, type CredentialDeps } from './claims/credentials'
import { endpointsClaim } from './claims/endpoints'
import { noPublicAnswerClaim } from './claims/no-public-answer'
import { reachableClaim } from './claims/reachable'
import { restrictedClaim } from './claims/restricted'
import type { ClaimContext } from './context'
import type { OutsideView } from './outside-view'
import { crnOfInstanceName, crnOfProfile, profileOfInstance, targetOfCrn } from './target'

export interface ProveDeps extends CredentialDeps {
  client: () => Promise<IbmCloudClient>
  profile: (id: string) => Promise<Profile>
  profiles: () => Promise<Profile[]>
  /** The profile's own test along its saved path, as the one-click test runs it. */
  test: (profile: Profile, signal: AbortSignal) => Promise<ProbeResult>
  /** Where "no public answer" is tried from. */
  view: OutsideView
  now?: () => Date
}

type Input = { profileId?: string; instanceName?: string } & ProveInput

/** The privacy report of a saved profile's instance (or an instance by name and its saved profile). */
export async function prove(deps: ProveDeps, input: Input, signal: AbortSignal): Promise<PrivacyReport> {
  const generatedAt = (deps.now?.() ?? new Date()).toISOString()
  // A profile that names no instance is refused before IBM Cloud is asked anything.
  const named = input.profileId ? await deps.profile(input.profileId) : null
  if (named) crnOfProfile(named)
  const client = await deps.client()
  let profile: Profile | null
  let crn: string
  if (named) {
    profile = named
    crn = crnOfProfile(named)
  } else {
    crn = await crnOfInstanceName(client, input.instanceName ?? '', signal)
    profile = profileOfInstance(await deps.profiles(), crn)
  }
  const origin = profile?.origin.kind === 'ibmcloud' ? profile.origin : undefined
  const target = await targetOfCrn(client, crn, { name: input.instanceName ?? null, generation: origin?.generation ?? 'gen1' }, signal)
  const ctx: ClaimContext = { target, profile, client, signal }

  const endpoints = await endpointsClaim(ctx)
  const [outside, restricted, reachable, credentials] = await Promise.all([
    noPublicAnswerClaim(ctx, deps.view, endpoints.verdict === 'fails'),
    restrictedClaim(ctx),
    reachableClaim(ctx, (p) => deps.test(p, signal), deps.now?.()),
    credentialsClaim(ctx, deps)
  ])
  const claims = [endpoints, outside.claim, restricted, reachable, credentials]
  return {
    verdict: overallVerdict(claims),
    generatedAt,
    instance: { crn: target.crn, guid: target.guid, name: target.name, region: target.region, generation: target.generation },
    profile: profile ? { id: profile.id, name: profile.name, endpointType: origin?.endpointType ?? 'private' } : null,
    vantage: outside.vantage,
    claims
  }
}
