import { afterEach, describe, expect, it } from 'vitest'
import {
  ensureRedisRule,
  ensureZone,
  getZone,
  ruleZoneIds,
  rulesForInstance,
  DATA_PLANE,
  type ZoneAddress
} from '../../../src/main/ibmcloud/context-based-restrictions'
import { cbrClient } from '../../../src/main/ibmcloud/context-based-restrictions'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import { clientFor, failureOf, startEmulator } from '../../support/ibmcloud/support'

const GUID = '07d523b1-6eea-4263-bd03-c17edf355e0b'
/** What someone else puts in the zone from the console. */
const CONSOLE_EDIT: ZoneAddress[] = [{ type: 'ipAddress', value: '1.2.3.4' }]
const ADDRESSES: ZoneAddress[] = [
  { type: 'subnet', value: '10.240.0.0/24' },
  { type: 'ipAddress', value: '169.23.56.234' }
]

/** CBR through the official SDK (ContextBasedRestrictionsV1) against the emulator: zones, rules, ETags, and Cloud Databases' refusals. */
describe('context-based restrictions', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.close()
    emu = undefined
  })

  const zoneRequest = (e: Emulator, addresses = ADDRESSES) => ({
    accountId: e.state.account.id,
    name: 'redis-clients',
    description: 'Who may reach Redis',
    addresses
  })

  it('creates a zone, reuses it when unchanged, and replaces it (If-Match) when its addresses change', async () => {
    emu = await startEmulator()
    const client = clientFor(emu)
    const first = await ensureZone(client, zoneRequest(emu))
    expect(first).toMatchObject({ changed: true, zone: { name: 'redis-clients', addresses: ADDRESSES } })
    expect(first.etag).toMatch(/^"1-/)
    expect((await ensureZone(client, zoneRequest(emu, [...ADDRESSES].reverse()))).changed).toBe(false)
    const wider = [...ADDRESSES, { type: 'ipRange' as const, value: '10.0.0.1-10.0.0.9' }]
    const second = await ensureZone(client, zoneRequest(emu, wider))
    expect(second).toMatchObject({ changed: true, zone: { id: first.zone.id, addresses: wider } })
    expect(second.etag).toMatch(/^"2-/)
    expect(emu.cbr.zones).toHaveLength(1)
  })

  it('a zone changed elsewhere while PSE Wizard replaces it is ibm_cbr_changed_meanwhile (412 on the stale If-Match), never overwritten', async () => {
    emu = await startEmulator({ faults: [{ route: 'cbr.zones.replace', kind: 'slow', delayMs: 400 }] })
    const client = clientFor(emu)
    const { zone, etag } = await ensureZone(client, zoneRequest(emu))
    // Our replace is held at the server; the console edits the zone meanwhile with the same ETag.
    const ours = failureOf(ensureZone(client, zoneRequest(emu, [{ type: 'ipAddress', value: '10.9.9.9' }])))
    await new Promise((r) => setTimeout(r, 150))
    await cbrClient(client).replaceZone({
      zoneId: zone.id,
      ifMatch: etag,
      accountId: emu.state.account.id,
      name: zone.name,
      description: 'edited in the console',
      addresses: CONSOLE_EDIT
    })
    const f = await ours
    expect(f.code).toBe('ibm_cbr_changed_meanwhile')
    expect(f.message).toMatch(/changed by someone else/)
    expect((await getZone(client, zone.id)).body.description).toBe('edited in the console')
  })

  it('a zone name taken between the look-up and the create is ibm_cbr_zone_name_taken (409)', async () => {
    emu = await startEmulator({ faults: [{ route: 'cbr.zones.create', kind: 'slow', delayMs: 400 }] })
    const client = clientFor(emu)
    const ours = failureOf(ensureZone(client, zoneRequest(emu)))
    await new Promise((r) => setTimeout(r, 150))
    const raw = cbrClient(client).createZone({ accountId: emu.state.account.id, name: 'redis-clients', addresses: CONSOLE_EDIT })
    const f = await ours
    await raw
    expect(f.code).toBe('ibm_cbr_zone_name_taken')
  })

  it('creates one data-plane rule for the instance, reuses it, and replaces it when the zone or mode changes', async () => {
    emu = await startEmulator()
    const client = clientFor(emu)
    const accountId = emu.state.account.id
    const { zone } = await ensureZone(client, zoneRequest(emu))
    const request = { accountId, instanceGuid: GUID, zoneId: zone.id, description: 'Redis-0101: only redis-clients', enforcementMode: 'enabled' as const }
    const created = await ensureRedisRule(client, request)
    expect(created.changed).toBe(true)
    expect(ruleZoneIds(created.rule)).toEqual([zone.id])
    expect(created.rule.operations?.api_types).toEqual([{ api_type_id: DATA_PLANE }])
    expect(created.rule.enforcement_mode).toBe('enabled')
    expect((await ensureRedisRule(client, request)).changed).toBe(false)
    const other = await ensureZone(client, { ...zoneRequest(emu), name: 'other-clients' })
    const moved = await ensureRedisRule(client, { ...request, zoneId: other.zone.id })
    expect(moved).toMatchObject({ changed: true, rule: { id: created.rule.id } })
    expect(ruleZoneIds(moved.rule)).toEqual([other.zone.id])
    expect(await rulesForInstance(client, accountId, GUID)).toHaveLength(1)
    expect(await rulesForInstance(client, accountId, 'another-guid')).toHaveLength(0)
  })

  it('refuses what Cloud Databases refuses: report-only mode, a non data-plane API type, a zone that does not exist', async () => {
    emu = await startEmulator()
    const client = clientFor(emu)
    const accountId = emu.state.account.id
    const { zone } = await ensureZone(client, zoneRequest(emu))
    const rule = (over: Record<string, unknown>) =>
      cbrClient(client).createRule({
        contexts: [{ attributes: [{ name: 'networkZoneId', value: zone.id }] }],
        resources: [
          {
            attributes: [
              { name: 'accountId', value: accountId },
              { name: 'serviceName', value: 'databases-for-redis' },
              { name: 'serviceInstance', value: GUID }
            ]
          }
        ],
        operations: { api_types: [{ api_type_id: DATA_PLANE }] },
        ...over
      })
    await expect(rule({ enforcementMode: 'report' })).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/Report-only/) })
    await expect(
      rule({ operations: { api_types: [{ api_type_id: 'crn:v1:bluemix:public:context-based-restrictions::::api-type:control-plane' }] } })
    ).rejects.toMatchObject({ status: 400 })
    await expect(rule({ contexts: [{ attributes: [{ name: 'networkZoneId', value: 'nope' }] }] })).rejects.toMatchObject({ status: 400 })
    await expect(rule({})).resolves.toMatchObject({ status: 201 })
  })

  it('sits out 429 and 5xx on the CBR API', async () => {
    emu = await startEmulator({
      faults: [
        { route: 'cbr.zones.list', kind: 'rate_limited', retryAfterSeconds: 0 },
        { route: 'cbr.zones.create', kind: 'server_error' }
      ]
    })
    const client = clientFor(emu)
    const f = await failureOf(ensureZone(client, zoneRequest(emu)))
    // A create is not retried blindly after a 500 (it may have happened): the failure says so.
    expect(f.code).toBe('ibm_server_error')
    expect(emu.faults.pending()).toBe(0)
    expect((await ensureZone(client, zoneRequest(emu))).changed).toBe(true)
  })
})
