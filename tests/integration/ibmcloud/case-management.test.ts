import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { caseClient, createCase, findCase, getCase, openCaseOnce, VRF_CASE_OFFERING } from '../../../src/main/ibmcloud/case-management'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import { clientFor, failureOf, startEmulator } from '../../support/ibmcloud/support'

const MARKER = 'PSE Wizard 1c0ffee0-0000-4000-8000-000000000001'
const request = {
  subject: `Enable VRF and service endpoints [${MARKER}]`,
  description: 'Please enable VRF (Virtual Routing and Forwarding) and service endpoints for my account.',
  marker: MARKER
}

/** Support cases through the official SDK (CaseManagementV1) against the emulator's Case Management routes. */
describe('case management', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.close()
    emu = undefined
  })

  it('opens a technical case of severity 4 with the offering, reads it back, and finds it by the marker', async () => {
    emu = await startEmulator({ caseStepMs: 60_000 })
    const client = clientFor(emu)
    const opened = await createCase(client, request)
    expect(opened).toMatchObject({ number: expect.stringMatching(/^CS\d{7}$/), status: 'new' })
    const stored = emu.cases.cases.get(opened.number)!
    expect(stored).toMatchObject({ type: 'technical', severity: 4, subject: request.subject, description: request.description, offering: VRF_CASE_OFFERING })
    expect(await getCase(client, opened.number)).toEqual(opened)
    expect(await findCase(client, MARKER)).toEqual(opened)
    expect(await findCase(client, 'PSE Wizard another-run')).toBeUndefined()
  })

  it('the raw SDK answer has the Case model’s fields, and `fields` narrows it', async () => {
    emu = await startEmulator({ caseStepMs: 60_000 })
    const sdk = caseClient(clientFor(emu))
    const created = await sdk.createCase({ type: 'technical', subject: 's', description: 'd', severity: 4, offering: VRF_CASE_OFFERING })
    expect(Object.keys(created.result).sort()).toEqual(
      [
        'attachments',
        'close_notes',
        'comments',
        'contact',
        'contact_type',
        'created_at',
        'created_by',
        'description',
        'eu',
        'number',
        'offering',
        'resolution',
        'resources',
        'severity',
        'short_description',
        'status',
        'support_tier',
        'updated_at',
        'updated_by',
        'watchlist'
      ].sort()
    )
    const narrow = await sdk.getCase({ caseNumber: created.result.number!, fields: ['number', 'status'] })
    expect(narrow.result).toEqual({ number: created.result.number, status: 'new' })
    const list = await sdk.getCases({ search: 's', limit: 1 })
    expect(list.result).toMatchObject({ total_count: 1, cases: [{ number: created.result.number }] })
  })

  it('refuses a case without its required fields (400), as the API does', async () => {
    emu = await startEmulator()
    const sdk = caseClient(clientFor(emu))
    await expect(sdk.createCase({ type: 'technical', subject: 's', description: 'd' })).rejects.toMatchObject({ status: 400 })
    await expect(sdk.createCase({ type: 'nonsense', subject: 's', description: 'd', offering: VRF_CASE_OFFERING })).rejects.toMatchObject({ status: 400 })
    expect(emu.cases.created).toBe(0)
  })

  it('moves new → in_progress → resolved, then turns the account’s VRF on after the configured delay', async () => {
    emu = await startEmulator({ account: { vrfEnabled: false }, caseStepMs: 150, caseVrfDelayMs: 200 })
    const client = clientFor(emu)
    const { number } = await createCase(client, request)
    const seen = new Set<string>()
    const until = Date.now() + 5_000
    while (!emu.state.account.vrfEnabled && Date.now() < until) {
      seen.add((await getCase(client, number)).status)
      if (seen.has('resolved')) expect(emu.state.account.vrfEnabled || (await getCase(client, number)).status === 'resolved').toBe(true)
      await new Promise((r) => setTimeout(r, 40))
    }
    expect([...seen]).toEqual(['new', 'in_progress', 'resolved'])
    expect(emu.state.account.vrfEnabled).toBe(true)
  })

  it('a 401 on the create (token expired) signs in again and opens exactly one case', async () => {
    emu = await startEmulator({ faults: [{ route: 'case.cases.create', kind: 'expired_token' }] })
    const client = clientFor(emu)
    const opened = await openCaseOnce(client, request)
    expect(opened.adopted).toBe(false)
    expect(emu.cases.created).toBe(1)
    expect(emu.state.counters.tokensIssued).toBe(2)
  })

  it('a 5xx on the create is not retried blindly: it is looked for, not found, reported; the next try opens one', async () => {
    emu = await startEmulator({ faults: [{ route: 'case.cases.create', kind: 'server_error' }] })
    const client = clientFor(emu)
    const failure = await failureOf(openCaseOnce(client, request))
    expect(failure.code).toBe('ibm_server_error')
    expect(emu.hits.get('case.cases.create')).toBe(1)
    expect(emu.cases.created).toBe(0)
    expect((await openCaseOnce(client, request)).adopted).toBe(false)
    expect(emu.cases.created).toBe(1)
  })

  it('a 5xx on a read is retried (reads are idempotent)', async () => {
    emu = await startEmulator({ caseStepMs: 60_000 })
    const client = clientFor(emu)
    const { number } = await createCase(client, request)
    emu.faults.add({ route: 'case.cases.get', kind: 'server_error', times: 2 })
    expect((await getCase(client, number)).status).toBe('new')
    expect(emu.hits.get('case.cases.get')).toBe(3)
  })

  it('a lost answer (created, then 500) or a reset connection: the retry adopts the case, never a second one', async () => {
    for (const kind of ['lost_answer', 'reset'] as const) {
      emu = await startEmulator({ faults: [{ route: 'case.cases.create', kind }] })
      const client = clientFor(emu)
      if (kind === 'lost_answer') {
        const opened = await openCaseOnce(client, request)
        expect(opened).toMatchObject({ adopted: true, status: 'new' })
        expect(emu.cases.created).toBe(1)
      } else {
        // The reset happens before the work: nothing exists, the failure is reported; the next try opens it.
        expect((await failureOf(openCaseOnce(client, request))).code).toMatch(/^ibm_(unreachable|server_error|timeout)$/)
        expect(emu.cases.created).toBe(0)
        await openCaseOnce(client, request)
      }
      // Again (a retry, a restart): the case is found by its marker, nothing new is opened.
      expect((await openCaseOnce(client, request)).adopted).toBe(true)
      expect(emu.cases.created).toBe(1)
      await emu.close()
      emu = undefined
    }
  })

  it('an unknown case number is a 404 with the service’s error body', async () => {
    emu = await startEmulator()
    const failure = await failureOf(getCase(clientFor(emu), 'CS0000000'))
    expect(failure.code).toBe('ibm_not_found')
    const body = await new Promise<string>((resolve) =>
      http.get(`${emu!.url}/case-management/v1/cases/CS0000000`, (res) => {
        let text = ''
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve(text))
      })
    )
    expect(JSON.parse(body)).toMatchObject({ errors: [{ code: 'unauthorized' }], status_code: 401 })
  })
})
