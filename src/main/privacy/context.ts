import { AppFailure } from '../../shared/errors'
import type { Claim, ClaimFix, ClaimId, Evidence } from '../../shared/schemas/privacy'
import type { Generation } from '../../shared/schemas/ibmcloud'
import type { Profile } from '../../shared/schemas/profile'
import type { ResourceInstanceBody } from '../ibmcloud/api-shapes'
import type { IbmCloudClient } from '../ibmcloud/client'

/** The instance a report is about, as IBM Cloud describes it. */
export interface ReportTarget {
  crn: string
  guid: string
  accountId: string
  region: string
  name: string | null
  generation: Generation
  /** The Resource Controller's record; null when it could not be read (the claims that need it say so). */
  record: ResourceInstanceBody | null
  recordError: AppFailure | null
}

export interface ClaimContext {
  target: ReportTarget
  profile: Profile | null
  client: IbmCloudClient
  signal: AbortSignal
}

export const evidence = (code: string, params: Evidence['params'] = {}): Evidence => ({ code, params })
export const fix = (code: string, params: ClaimFix['params'], commands: string[]): ClaimFix => ({ code, params, commands })

/** A claim that could not be checked because a read failed: inconclusive, with the service's reason. */
export function unreadable(id: ClaimId, what: 'deployment' | 'restrictions' | 'allowlist', e: unknown, before: Evidence[] = []): Claim {
  if (!(e instanceof AppFailure)) throw e
  return { id, verdict: 'inconclusive', evidence: [...before, evidence(`read_failed_${what}`, { code: e.code, reason: e.message })] }
}
