import { randomInt } from 'node:crypto'
import type { RouteTable } from './router'
import { HttpError, parseJson } from './http'
import type { Emulator } from './server'

/**
 * Case Management v1 (CaseManagementV1 of @ibm-cloud/platform-services) under /case-management/v1
 * (CASE_MANAGEMENT_URL = <emulator>/case-management/v1): create a case, read one, list and search
 * them. A case moves new → in_progress → resolved on its own, one `caseStepMs` per step; a resolved
 * case that asks for VRF turns the account's VRF on `caseVrfDelayMs` later, as IBM support would.
 */
export const CASE_TYPES = ['technical', 'account_and_access', 'billing_and_invoice', 'sales'] as const
export type CaseStatus = 'new' | 'in_progress' | 'waiting_on_client' | 'resolution_provided' | 'resolved' | 'closed'

export interface CaseRecord {
  number: string
  type: string
  subject: string
  description: string
  severity: number
  offering: unknown
  status: CaseStatus
  createdAt: string
  updatedAt: string
}

export class CaseState {
  readonly cases = new Map<string, CaseRecord>()
  /** How many POSTs really opened a case (tests check that a retry opened none). */
  created = 0

  newNumber(): string {
    for (;;) {
      const number = `CS${randomInt(1_000_000, 9_999_999)}`
      if (!this.cases.has(number)) return number
    }
  }
}

/** The case as Case Management answers it (the SDK's `Case` model). */
function caseBody(emu: Emulator, c: CaseRecord): Record<string, unknown> {
  const user = { name: emu.state.account.name, realm: 'IBMid', user_id: emu.state.account.ownerEmail }
  return {
    number: c.number,
    short_description: c.subject,
    description: c.description,
    created_at: c.createdAt,
    created_by: user,
    updated_at: c.updatedAt,
    updated_by: user,
    contact_type: 'Cloud Support Center',
    contact: user,
    status: c.status,
    severity: c.severity,
    support_tier: 'Basic',
    resolution: c.status === 'resolved' ? 'Resolved by IBM support' : '',
    close_notes: '',
    eu: { support: false, data_center: '' },
    watchlist: [],
    attachments: [],
    offering: c.offering ?? null,
    resources: [],
    comments: []
  }
}

/** `fields=a,b` keeps only those (the SDK joins the array with commas). */
function selected(body: Record<string, unknown>, fields: string | null): Record<string, unknown> {
  if (!fields) return body
  const keep = new Set(fields.split(',').map((f) => f.trim()))
  return Object.fromEntries(Object.entries(body).filter(([k]) => keep.has(k)))
}

const text = (v: unknown, name: string, max: number): string => {
  if (typeof v !== 'string' || v.trim() === '') throw new HttpError(400, `${name} is required`, 'case', 'bad_request')
  if (v.length > max) throw new HttpError(400, `${name} is longer than ${max} characters`, 'case', 'bad_request')
  return v
}

function newCase(emu: Emulator, body: Record<string, unknown>): CaseRecord {
  const type = text(body.type, 'type', 40)
  if (!(CASE_TYPES as readonly string[]).includes(type)) throw new HttpError(400, `type must be one of ${CASE_TYPES.join(', ')}`, 'case', 'bad_request')
  const severity = body.severity ?? 4
  if (typeof severity !== 'number' || !Number.isInteger(severity) || severity < 1 || severity > 4)
    throw new HttpError(400, 'severity must be 1, 2, 3 or 4', 'case', 'bad_request')
  // UNVERIFIED: a technical case names its offering (the console's form asks for it).
  const offering = body.offering as { name?: unknown; type?: { group?: unknown; key?: unknown } } | undefined
  if (type === 'technical' && (typeof offering?.name !== 'string' || typeof offering.type?.group !== 'string' || typeof offering.type?.key !== 'string'))
    throw new HttpError(400, 'offering (name, type.group, type.key) is required for a technical case', 'case', 'bad_request')
  const at = new Date().toISOString()
  return {
    number: emu.cases.newNumber(),
    type,
    subject: text(body.subject, 'subject', 200),
    description: text(body.description, 'description', 32_000),
    severity,
    offering: offering ?? null,
    status: 'new',
    createdAt: at,
    updatedAt: at
  }
}

/** new → in_progress → resolved, then (a VRF request) the account's VRF on. */
function progress(emu: Emulator, c: CaseRecord): void {
  const step = emu.options.caseStepMs
  const move = (status: CaseStatus) => {
    c.status = status
    c.updatedAt = new Date().toISOString()
  }
  emu.later(() => move('in_progress'), step)
  emu.later(() => {
    move('resolved')
    if (/\bVRF\b/.test(`${c.subject} ${c.description}`)) emu.later(() => (emu.state.account.vrfEnabled = true), emu.options.caseVrfDelayMs)
  }, 2 * step)
}

const page = (query: URLSearchParams, name: string, fallback: number, max: number) =>
  Math.min(Math.max(Number(query.get(name) ?? fallback) || fallback, 0), max)

export const caseRoutes: RouteTable = [
  {
    id: 'case.cases.create',
    method: 'POST',
    path: ['case-management', 'v1', 'cases'],
    auth: 'bearer',
    family: 'case',
    async handle({ emu, body }) {
      const c = newCase(emu, parseJson(body, 'case'))
      emu.cases.cases.set(c.number, c)
      emu.cases.created++
      progress(emu, c)
      // UNVERIFIED: 200 or 201 (the SDK accepts both).
      return { status: 200, body: caseBody(emu, c) }
    }
  },
  {
    id: 'case.cases.get',
    method: 'GET',
    path: ['case-management', 'v1', 'cases', ':number'],
    auth: 'bearer',
    family: 'case',
    async handle({ emu, params, query }) {
      const c = emu.cases.cases.get(params.number)
      if (!c) throw new HttpError(404, `Case ${params.number} was not found in this account`, 'case', 'not_found')
      return { status: 200, body: selected(caseBody(emu, c), query.get('fields')) }
    }
  },
  {
    id: 'case.cases.list',
    method: 'GET',
    path: ['case-management', 'v1', 'cases'],
    auth: 'bearer',
    family: 'case',
    async handle({ emu, query }) {
      const search = query.get('search')?.toLowerCase()
      const statuses = query.get('status')?.split(',').filter(Boolean)
      let all = [...emu.cases.cases.values()]
      if (search) all = all.filter((c) => `${c.number} ${c.subject} ${c.description}`.toLowerCase().includes(search))
      if (statuses?.length) all = all.filter((c) => statuses.includes(c.status))
      const sort = query.get('sort') ?? '~updated_at'
      const key = sort.replace(/^~/, '') === 'created_at' ? 'createdAt' : 'updatedAt'
      all.sort((a, b) => (sort.startsWith('~') ? b[key].localeCompare(a[key]) : a[key].localeCompare(b[key])))
      const offset = page(query, 'offset', 0, 100_000)
      const limit = Math.max(page(query, 'limit', 10, 100), 1)
      const href = (o: number) => ({ href: `/case-management/v1/cases?offset=${o}&limit=${limit}` })
      return {
        status: 200,
        body: {
          total_count: all.length,
          first: href(0),
          ...(offset + limit < all.length ? { next: href(offset + limit) } : {}),
          ...(offset > 0 ? { previous: href(Math.max(0, offset - limit)) } : {}),
          last: href(Math.max(0, Math.floor((all.length - 1) / limit) * limit)),
          cases: all.slice(offset, offset + limit).map((c) => selected(caseBody(emu, c), query.get('fields')))
        }
      }
    }
  }
]
