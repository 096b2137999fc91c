import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { createIbmCloudClient } from '../../../src/main/ibmcloud/client'
import { afterEach, describe, expect, it } from 'vitest'
import { createOrAdoptInstance } from '../../../src/main/ibmcloud/provisioning'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import {
  ensureEndpointGateway,
  ensureVpeSecurityGroup,
  listEndpointGateways,
  listSubnets,
  listVpcs,
  onePerZone,
  waitForEndpointGateway,
  type EndpointGateway
} from '../../../src/main/ibmcloud/vpc'
import { VPC_API_VERSION } from '../../../src/main/ibmcloud/vpc-api'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import { API_KEY, clientFor, failureOf, fastRetries, redisRequest, startEmulator } from '../../support/ibmcloud/support'

const REGION = 'jp-tok'
const sample = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/ibm-cloud', name), 'utf8')) as Record<string, unknown>

/** The VPC API client (VPCs, subnets, security groups, VPE gateways) through the emulator, with its faults. */
describe('VPC API: VPCs, subnets and VPE gateways', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.close()
    emu = undefined
  })

  async function instanceCrn(e: Emulator): Promise<string> {
    const client = clientFor(e)
    const groupId = (await listResourceGroups(client))[0].id
    return (await createOrAdoptInstance(client, redisRequest(groupId))).instance.id
  }

  it('lists the VPCs of a region and their subnets, following next.href across pages', async () => {
    emu = await startEmulator({
      vpcs: [
        { region: REGION, name: 'app-vpc', zones: 3 },
        { region: REGION, name: 'other-vpc', zones: 2 },
        { region: 'eu-de', name: 'far-vpc' }
      ]
    })
    const client = clientFor(emu)
    const vpcs = await listVpcs(client, REGION)
    expect(vpcs.map((v) => v.name)).toEqual(['app-vpc', 'other-vpc'])
    expect(vpcs[0].crn).toMatch(/^crn:v1:bluemix:public:is:jp-tok:a\/[0-9a-f]+::vpc:r022-/)
    const subnets = await listSubnets(client, REGION, vpcs[0].id)
    expect(subnets.map((s) => s.zone)).toEqual(['jp-tok-1', 'jp-tok-2', 'jp-tok-3'])
    expect(subnets.every((s) => /^10\.\d+\.\d+\.0\/24$/.test(s.cidr) && s.vpcId === vpcs[0].id)).toBe(true)
    expect(await listVpcs(client, 'us-south')).toEqual([])
  })

  it('pins the API version and generation=2 on every call (the emulator refuses a call without them)', async () => {
    emu = await startEmulator()
    const token = await clientFor(emu).auth.accessToken()
    const bare = await fetch(`${emu.url}/vpc/${REGION}/v1/vpcs`, { headers: { authorization: `Bearer ${token}` } })
    expect(bare.status).toBe(400)
    const body = (await bare.json()) as { errors: Array<{ code: string; message: string; more_info: string }> }
    expect(body.errors[0].code).toBe('missing_version')
    const pinned = await fetch(`${emu.url}/vpc/${REGION}/v1/vpcs?version=${VPC_API_VERSION}&generation=2`, { headers: { authorization: `Bearer ${token}` } })
    expect(pinned.status).toBe(200)
  })

  it('creates one VPE gateway (one IP per zone) that goes pending → stable with its IPs bound, and reuses it afterwards', async () => {
    emu = await startEmulator({ gatewayMs: 300 })
    const client = clientFor(emu)
    const crn = await instanceCrn(emu)
    const [vpc] = await listVpcs(client, REGION)
    const subnets = await listSubnets(client, REGION, vpc.id)
    const group = await ensureVpeSecurityGroup(client, REGION, { vpcId: vpc.id, name: 'redis-vpe-sg', port: 6379, clientCidrs: subnets.map((s) => s.cidr) })
    expect(group.rules.map((r) => [r.direction, r.port_min, r.remote?.cidr_block])).toEqual(subnets.map((s) => ['inbound', 6379, s.cidr]))
    const request = { name: 'redis-vpe', vpcId: vpc.id, targetCrn: crn, subnets: [...subnets, subnets[0]], securityGroupIds: [group.id] }
    const first = await ensureEndpointGateway(client, REGION, request)
    expect(first.created).toBe(true)
    expect(first.gateway.lifecycle_state).toBe('pending')
    expect(first.gateway.ips.map((ip) => ip.address)).toEqual(['0.0.0.0', '0.0.0.0', '0.0.0.0'])
    const seen: string[] = []
    const ready = await waitForEndpointGateway(client, REGION, first.gateway.id, { pollIntervalMs: 50, onProgress: (g) => seen.push(g.lifecycle_state) })
    expect(seen[0]).toBe('pending')
    expect(ready.lifecycle_state).toBe('stable')
    expect(ready.ips.every((ip) => /^10\.\d+\.\d+\.\d+$/.test(ip.address) && ip.address !== '0.0.0.0')).toBe(true)
    // The emulator answers every field of the reference body (samples/vpc_endpoint_gateway.json).
    const token = await client.auth.accessToken()
    const raw = (await (
      await fetch(`${emu.url}/vpc/${REGION}/v1/endpoint_gateways/${ready.id}?version=${VPC_API_VERSION}&generation=2`, {
        headers: { authorization: `Bearer ${token}` }
      })
    ).json()) as Record<string, unknown>
    expect(Object.keys(raw).sort()).toEqual(Object.keys(sample('vpc_endpoint_gateway.json')).sort())
    expect(Object.keys((raw.ips as object[])[0]).sort()).toEqual(Object.keys((sample('vpc_endpoint_gateway.json').ips as object[])[0]).sort())
    expect(ready.service_endpoints[0]).toMatch(/\.private\.uhp\.redis\.jp-tok\.dataservices\.appdomain\.cloud$/)
    // A retry (or a restarted wizard) finds the same gateway by its target: never a second one.
    const again = await ensureEndpointGateway(client, REGION, request)
    expect(again).toMatchObject({ created: false, gateway: { id: first.gateway.id } })
    expect((await listEndpointGateways(client, REGION, vpc.id)).length).toBe(1)
    const sameGroup = await ensureVpeSecurityGroup(client, REGION, { vpcId: vpc.id, name: 'redis-vpe-sg', port: 6379, clientCidrs: subnets.map((s) => s.cidr) })
    expect(sameGroup.id).toBe(group.id)
  })

  it('adopts the gateway when the create answer is lost (the request reached IBM Cloud)', async () => {
    emu = await startEmulator({ gatewayMs: 100, faults: [{ route: 'vpc.gateways.create', kind: 'lost_answer' }] })
    const client = clientFor(emu)
    const crn = await instanceCrn(emu)
    const [vpc] = await listVpcs(client, REGION)
    const subnets = onePerZone(await listSubnets(client, REGION, vpc.id)).slice(0, 1)
    const result = await ensureEndpointGateway(client, REGION, { name: 'redis-vpe', vpcId: vpc.id, targetCrn: crn, subnets })
    expect(result.created).toBe(false)
    expect(emu.faults.pending()).toBe(0)
    expect(emu.vpc.gateways).toHaveLength(1)
  })

  it("a gateway that ends failed is ibm_vpe_failed with IBM's reason", async () => {
    emu = await startEmulator({ gatewayMs: 100, faults: [{ route: 'vpc.gateways.create', kind: 'vpe_failed' }] })
    const client = clientFor(emu)
    const crn = await instanceCrn(emu)
    const [vpc] = await listVpcs(client, REGION)
    const { gateway } = await ensureEndpointGateway(client, REGION, {
      name: 'redis-vpe',
      vpcId: vpc.id,
      targetCrn: crn,
      subnets: await listSubnets(client, REGION, vpc.id)
    })
    const f = await failureOf(waitForEndpointGateway(client, REGION, gateway.id, { pollIntervalMs: 40 }))
    expect(f.code).toBe('ibm_vpe_failed')
    expect(f.message).toMatch(/failed state.*internal error/)
  })

  it('sits out 429 and 5xx, and a token that expires mid-wait, while waiting for the gateway', async () => {
    emu = await startEmulator({
      gatewayMs: 400,
      tokenLifetimeMs: 250,
      faults: [
        { route: 'vpc.gateways.get', kind: 'rate_limited', retryAfterSeconds: 0, after: 1 },
        { route: 'vpc.gateways.get', kind: 'server_error', after: 2, times: 2 }
      ]
    })
    const client = clientFor(emu)
    const crn = await instanceCrn(emu)
    const [vpc] = await listVpcs(client, REGION)
    const { gateway } = await ensureEndpointGateway(client, REGION, {
      name: 'redis-vpe',
      vpcId: vpc.id,
      targetCrn: crn,
      subnets: await listSubnets(client, REGION, vpc.id)
    })
    const before = emu.state.counters.tokensIssued
    const ready: EndpointGateway = await waitForEndpointGateway(client, REGION, gateway.id, { pollIntervalMs: 60 })
    expect(ready.lifecycle_state).toBe('stable')
    expect(emu.faults.pending()).toBe(0)
    expect(emu.state.counters.tokensIssued).toBeGreaterThan(before)
  })

  it("refuses what IBM refuses: no subnet, another VPC's subnet, a second gateway for the same target, an unknown VPC", async () => {
    emu = await startEmulator({
      vpcs: [
        { region: REGION, name: 'a' },
        { region: REGION, name: 'b' }
      ]
    })
    const client = clientFor(emu)
    const crn = await instanceCrn(emu)
    const [a, b] = await listVpcs(client, REGION)
    const bSubnets = await listSubnets(client, REGION, b.id)
    expect((await failureOf(ensureEndpointGateway(client, REGION, { name: 'x', vpcId: a.id, targetCrn: crn, subnets: [] }))).code).toBe('ibm_vpc_no_subnet')
    expect((await failureOf(ensureEndpointGateway(client, REGION, { name: 'x', vpcId: a.id, targetCrn: crn, subnets: bSubnets }))).code).toBe(
      'ibm_vpc_no_subnet'
    )
    const token = await client.auth.accessToken()
    const post = (body: unknown) =>
      fetch(`${emu!.url}/vpc/${REGION}/v1/endpoint_gateways?version=${VPC_API_VERSION}&generation=2`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body)
      })
    const good = { name: 'x', target: { crn, resource_type: 'provider_cloud_service' }, vpc: { id: b.id }, ips: [{ subnet: { id: bSubnets[0].id } }] }
    expect((await post(good)).status).toBe(201)
    const dup = await post(good)
    expect(dup.status).toBe(409)
    expect(((await dup.json()) as { errors: Array<{ code: string }> }).errors[0].code).toBe('endpoint_gateway_target_conflict')
    expect((await post({ ...good, vpc: { id: 'r022-nope' } })).status).toBe(404)
    expect((await post({ ...good, vpc: { id: a.id } })).status).toBe(400)
  })

  it('reads the reference bodies served verbatim (samples vpc_endpoint_gateway*.json, vpc_error.json)', async () => {
    const text = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/ibm-cloud', name), 'utf8')
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      const reply = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(body)
      if (url.pathname === '/identity/token') return reply(200, text('iam_token.json'))
      if (url.searchParams.get('version') !== VPC_API_VERSION || url.searchParams.get('generation') !== '2') return reply(400, text('vpc_error.json'))
      if (url.pathname === '/v1/endpoint_gateways') return reply(200, text('vpc_endpoint_gateway_collection.json'))
      if (url.pathname.startsWith('/v1/endpoint_gateways/')) return reply(200, text('vpc_endpoint_gateway.json'))
      return reply(400, text('vpc_error.json'))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const client = createIbmCloudClient({
        apiKey: API_KEY,
        env: { IBMCLOUD_IAM_API_ENDPOINT: url, IBMCLOUD_IS_NG_API_ENDPOINT: `${url}/v1` },
        retryPolicy: fastRetries,
        timeoutMs: 5_000
      })
      const sampleGateway = sample('vpc_endpoint_gateway.json') as { vpc: { id: string }; target: { crn: string }; id: string }
      const [pending] = await listEndpointGateways(client, 'eu-de', sampleGateway.vpc.id)
      expect(pending.lifecycle_state).toBe('pending')
      expect(pending.ips[0].address).toBe('0.0.0.0')
      const ready = await waitForEndpointGateway(client, 'eu-de', sampleGateway.id, { pollIntervalMs: 10 })
      expect(ready.ips[0].address).toBe('10.243.0.6')
      const f = await failureOf(listVpcs(client, 'eu-de'))
      expect(f.detail).toMatch(/HTTP 400 · invalid_value · The `expires_in` field must not exceed `3600`/)
    } finally {
      await new Promise((r) => server.close(r))
    }
  })
})
