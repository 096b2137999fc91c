import CaseManagementV1 from '@ibm-cloud/platform-services/case-management/v1'
import type { IbmRole } from './operations'
import { z } from 'zod'
import { DEFAULT_TIMEOUT_MS, MAX_RESPONSE_BYTES, type IbmCloudClient } from './client'
import { IbmCodes } from './errors'
import type { RequestOptions } from './request'
import { isAppFailure } from '../../shared/errors'

/**
 * Support cases through the official SDK (Case Management v1, docs/ibm-cloud-api-facts.md §
 * "Support cases"): the one case PSE Wizard opens for a classic account without VRF, and its
 * status. Creating is not idempotent, so it is never retried blindly: after an answer that was
 * lost (5xx, reset, time-out) the case is looked for by the run's marker in its subject first.
 */
const ROLE: IbmRole = 'editorSupport'

export const CaseBody = z.looseObject({
  number: z.string().min(1).max(64),
  short_description: z.string().max(2000).optional(),
  status: z.string().max(64).default('new'),
  created_at: z.string().max(64).optional()
})
const CaseList = z.looseObject({ total_count: z.number().int().optional(), cases: z.array(CaseBody).max(1000).default([]) })

/** A support case as the wizard keeps it. */
export interface CaseSummary {
  number: string
  status: string
  createdAt: string | null
}

export interface NewCase {
  subject: string
  description: string
}

/** What VRF cases are filed under: the service they are for (UNVERIFIED which offering IBM support routes VRF requests from). */
export const VRF_CASE_OFFERING = { name: 'Databases for Redis', type: { group: 'crn_service_name', key: 'databases-for-redis' } }
/** The lowest severity: a request, nothing is down. */
export const VRF_CASE_SEVERITY = 4

const clients = new WeakMap<IbmCloudClient, CaseManagementV1>()

export function caseClient(client: IbmCloudClient): CaseManagementV1 {
  let cases = clients.get(client)
  if (!cases) {
    cases = new CaseManagementV1({
      authenticator: client.auth,
      serviceUrl: client.endpoints.caseManagement,
      timeout: DEFAULT_TIMEOUT_MS,
      maxContentLength: MAX_RESPONSE_BYTES
    })
    clients.set(client, cases)
  }
  return cases
}

const summary = (c: z.output<typeof CaseBody>): CaseSummary => ({ number: c.number, status: c.status, createdAt: c.created_at ?? null })

export async function getCase(client: IbmCloudClient, caseNumber: string, options: RequestOptions = {}): Promise<CaseSummary> {
  const body = await client.requester.run(
    { op: 'readSupportCase', facts: { caseNumber }, role: ROLE },
    CaseBody,
    () => caseClient(client).getCase({ caseNumber, fields: ['number', 'short_description', 'status', 'created_at'] }),
    options
  )
  return summary(body)
}

/** The newest case whose subject holds `marker` (Case Management's `search`), if any. */
export async function findCase(client: IbmCloudClient, marker: string, options: RequestOptions = {}): Promise<CaseSummary | undefined> {
  const list = await client.requester.run(
    { op: 'findSupportCase', role: ROLE },
    CaseList,
    () => caseClient(client).getCases({ search: marker, sort: '~created_at', limit: 20, fields: ['number', 'short_description', 'status', 'created_at'] }),
    options
  )
  const found = list.cases.find((c) => c.short_description?.includes(marker))
  return found ? summary(found) : undefined
}

/** Sends the create once (never retried): type technical, severity 4, the VRF offering. */
export async function createCase(client: IbmCloudClient, request: NewCase, options: RequestOptions = {}): Promise<CaseSummary> {
  const body = await client.requester.run(
    { op: 'openSupportCase', role: ROLE },
    CaseBody,
    () =>
      caseClient(client).createCase({
        type: 'technical',
        subject: request.subject,
        description: request.description,
        severity: VRF_CASE_SEVERITY,
        offering: VRF_CASE_OFFERING
      }),
    { ...options, idempotent: false }
  )
  return summary(body)
}

/** Answers after which the case may exist although no number came back. */
const LOST_ANSWER = new Set<string>([IbmCodes.serverError, IbmCodes.unreachable, IbmCodes.timeout, IbmCodes.malformed])

/**
 * The run's case: found by `marker` (a case opened earlier whose answer never arrived), else
 * created; after a lost answer to the create, looked for again before the failure is reported.
 * `marker` must be part of `request.subject`.
 */
export async function openCaseOnce(
  client: IbmCloudClient,
  request: NewCase & { marker: string },
  options: RequestOptions = {}
): Promise<CaseSummary & { adopted: boolean }> {
  const earlier = await findCase(client, request.marker, options)
  if (earlier) return { ...earlier, adopted: true }
  try {
    return { ...(await createCase(client, request, options)), adopted: false }
  } catch (e) {
    if (!isAppFailure(e) || !LOST_ANSWER.has(e.code)) throw e
    const created = await findCase(client, request.marker, options).catch(() => undefined)
    if (created) return { ...created, adopted: true }
    throw e
  }
}
