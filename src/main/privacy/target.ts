import { AppFailure } from '../../shared/errors'
import { generationOfPlan } from '../../shared/schemas/ibmcloud'
import type { Profile } from '../../shared/schemas/profile'
import type { IbmCloudClient } from '../ibmcloud/client'
import { getInstance, listRedisInstances } from '../ibmcloud/resource-controller'
import { instanceOfCrn } from '../restrictions/plan'
import type { ReportTarget } from './context'

export const ProveCodes = {
  notIbmProfile: 'prove_profile_not_ibm',
  instanceNotFound: 'prove_instance_not_found',
  instanceAmbiguous: 'prove_instance_ambiguous'
} as const

/** The instance behind a CRN, with its Resource Controller record when it can be read. */
export async function targetOfCrn(client: IbmCloudClient, crn: string, fallback: { name: string | null; generation: ReportTarget['generation'] }, signal: AbortSignal): Promise<ReportTarget> {
  const ref = instanceOfCrn(crn)
  if (!ref) throw new AppFailure({ code: ProveCodes.notIbmProfile, message: `"${crn}" is not the CRN of an IBM Cloud instance.`, params: { crn } })
  let record: ReportTarget['record'] = null
  let recordError: AppFailure | null = null
  try {
    record = await getInstance(client, crn, { signal })
  } catch (e) {
    if (!(e instanceof AppFailure)) throw e
    recordError = e
  }
  return {
    ...ref,
    name: record?.name ?? fallback.name,
    generation: record?.resource_plan_id ? generationOfPlan(record.resource_plan_id) : fallback.generation,
    record,
    recordError
  }
}

/** The instance a saved profile was made from: the setup wizard records its CRN. */
export function crnOfProfile(profile: Profile): string {
  if (profile.origin.kind === 'ibmcloud' && profile.origin.crn) return profile.origin.crn
  throw new AppFailure({
    code: ProveCodes.notIbmProfile,
    message: `The profile "${profile.name}" was not saved from an IBM Cloud instance, so there is no instance to report on. Use a profile the setup wizard saved, or name the instance with --instance.`,
    params: { name: profile.name }
  })
}

/** An instance by its exact name: exactly one must match. */
export async function crnOfInstanceName(client: IbmCloudClient, name: string, signal: AbortSignal): Promise<string> {
  const found = (await listRedisInstances(client, { name }, { signal })).filter((i) => i.name === name && i.state !== 'removed')
  if (found.length === 0)
    throw new AppFailure({
      code: ProveCodes.instanceNotFound,
      message: `No Databases for Redis instance is named "${name}" in this account. Check the name (it is case-sensitive) with: ibmcloud resource service-instances --service-name databases-for-redis`,
      params: { name }
    })
  if (found.length > 1)
    throw new AppFailure({
      code: ProveCodes.instanceAmbiguous,
      message: `${found.length} instances are named "${name}" (in ${found.map((i) => i.region_id).join(', ')}). Name a saved profile of the one you mean instead.`,
      params: { name, count: found.length, regions: found.map((i) => i.region_id).join(', ') }
    })
  return found[0].crn
}

/** The saved profile of an instance: its private endpoint's first, else any. */
export function profileOfInstance(profiles: Profile[], crn: string): Profile | null {
  const mine = profiles.filter((p) => p.origin.kind === 'ibmcloud' && p.origin.crn === crn)
  return mine.find((p) => p.origin.kind === 'ibmcloud' && p.origin.endpointType === 'private') ?? mine[0] ?? null
}
