import { afterEach, describe, expect, it } from 'vitest'
import { validateApiKey } from '../../../src/main/ibmcloud/account'
import { checkGen2Prerequisites } from '../../../src/main/ibmcloud/prerequisites-gen2'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import type { EmulatorOptions } from '../../../src/main/sandbox/emulator/server'
import { en } from '../../../src/shared/i18n/en'
import { ja } from '../../../src/shared/i18n/ja'
import type { PrereqItem, PrereqReport } from '../../../src/shared/schemas/ibmcloud'
import { clientFor, startEmulator } from '../../support/ibmcloud/support'

const REGION = 'us-south'

/** The Gen 2 prerequisites of a region through the real clients (IAM, Global Catalog, VPC API) against the emulator. */
describe('Gen 2 prerequisites of a region', () => {
  let emu: Emulator | undefined
  afterEach(async () => {
    await emu?.close()
    emu = undefined
  })

  async function check(options: EmulatorOptions = {}, region = REGION, prepare?: (e: Emulator) => void): Promise<PrereqReport> {
    emu = await startEmulator(options)
    prepare?.(emu)
    const client = clientFor(emu)
    return checkGen2Prerequisites({ validate: () => validateApiKey(client), client, region, sandbox: true })
  }
  const byId = (report: PrereqReport) => Object.fromEntries(report.items.map((i) => [i.id, i])) as Record<PrereqItem['id'], PrereqItem>
  const oks = (report: PrereqReport) => report.items.map((i) => [i.id, i.ok])

  it('a region with a VPC and subnets holds; the IAM roles are said to be unknown (never a silent pass), and VRF is not asked', async () => {
    const report = await check({ vpcs: [{ region: REGION, name: 'app-vpc', zones: 3 }] })
    expect(oks(report)).toEqual([
      ['api_key', true],
      ['account', true],
      ['gen2_catalog', true],
      ['vpc', true],
      ['subnet', true],
      ['iam_roles', null]
    ])
    const items = byId(report)
    expect(items.gen2_catalog.detail).toBe('IBM Cloud offers Gen 2 in us-south (catalog deployment databases-for-redis-standard-gen2:us-south).')
    expect(items.vpc.detail).toBe('app-vpc in us-south')
    expect(items.subnet.detail).toMatch(/^app-vpc: app-vpc-subnet-1 \(us-south-1, 10\.240\.0\.0\/24\), app-vpc-subnet-2 \(us-south-2, /)
    expect(items.iam_roles.detail).toMatch(
      /^Viewer on VPC Infrastructure Services is confirmed \(the VPCs were listed\)\. The other roles cannot be read ahead/
    )
    expect(items.iam_roles.advice).toMatch(
      /Editor platform role on Databases for Redis.*Operator, Editor or Administrator on the instance.*Editor on VPC Infrastructure Services/
    )
    expect(report.ok).toBe(false)
    expect(report.sandbox).toBe(true)
  })

  it('no VPC in the region: missing, with the vpc-create and subnet-create commands and the console pages', async () => {
    const report = await check({ vpcs: [{ region: 'jp-tok', name: 'far-vpc' }] })
    const items = byId(report)
    expect(oks(report).slice(3)).toEqual([
      ['vpc', false],
      ['subnet', false],
      ['iam_roles', null]
    ])
    expect(items.vpc.detail).toBe('There is no VPC in us-south.')
    expect(items.vpc.advice).toMatch(/Virtual Private Endpoint gateway/)
    expect(items.vpc.command).toBe('ibmcloud target -r us-south && ibmcloud is vpc-create redis-vpc')
    expect(items.vpc.link).toBe('https://cloud.ibm.com/infrastructure/provision/vpc')
    expect(items.subnet.command).toBe(
      'ibmcloud target -r us-south && ibmcloud is subnet-create redis-vpc-subnet-1 redis-vpc --zone us-south-1 --ipv4-address-count 256'
    )
    expect(items.subnet.link).toBe('https://cloud.ibm.com/infrastructure/network/subnets')
  })

  it('a VPC without subnets: the VPC holds, the subnet is missing with the command naming that VPC', async () => {
    const report = await check({ vpcs: [{ region: REGION, name: 'bare-vpc', zones: 0 }] })
    const items = byId(report)
    expect([items.vpc.ok, items.subnet.ok]).toEqual([true, false])
    expect(items.subnet.detail).toBe('No VPC in us-south has a subnet (bare-vpc).')
    expect(items.subnet.command).toBe(
      'ibmcloud target -r us-south && ibmcloud is subnet-create bare-vpc-subnet-1 bare-vpc --zone us-south-1 --ipv4-address-count 256'
    )
  })

  it('a subnet in the second VPC is enough', async () => {
    const report = await check({
      vpcs: [
        { region: REGION, name: 'bare-vpc', zones: 0 },
        { region: REGION, name: 'app-vpc', zones: 1 }
      ]
    })
    expect(byId(report).subnet).toMatchObject({ ok: true, detail: expect.stringMatching(/^app-vpc: app-vpc-subnet-1 \(us-south-1, /) })
    expect(byId(report).vpc.detail).toBe('bare-vpc, app-vpc in us-south')
  })

  it('sits out VPC API 5xx and 429 like the other clients, then holds', async () => {
    const report = await check({
      faults: [
        { route: 'vpc.vpcs.list', kind: 'server_error', times: 2 },
        { route: 'vpc.subnets.list', kind: 'rate_limited', retryAfterSeconds: 0 }
      ]
    })
    expect(emu!.faults.pending()).toBe(0)
    expect([byId(report).vpc.ok, byId(report).subnet.ok]).toEqual([true, true])
  })

  it('a VPC API that keeps failing: the VPC and subnet are unknown with the reason, never missing or held', async () => {
    const report = await check({ faults: [{ route: 'vpc.vpcs.list', kind: 'server_error', times: Infinity }] })
    const items = byId(report)
    expect([items.vpc.ok, items.subnet.ok, items.iam_roles.ok]).toEqual([null, null, null])
    expect(items.vpc.detail).toMatch(/^The VPCs of us-south could not be listed: IBM Cloud had an internal error .*retrying did not help/)
    expect(items.subnet.detail).toBe('Not checked: the VPCs could not be listed.')
    expect(items.iam_roles.detail).toMatch(/^Not known: the VPCs could not be listed/)
    expect(items.vpc.command).toBeUndefined()
  })

  it('a 401 from the VPC API signs in again once and holds; a 401 that stays is unknown with the reason', async () => {
    const once = await check({ faults: [{ route: 'vpc.vpcs.list', kind: 'expired_token' }] })
    expect(emu!.faults.pending()).toBe(0)
    expect(byId(once).vpc.ok).toBe(true)
    await emu!.close()
    const always = await check({ faults: [{ route: 'vpc.vpcs.list', kind: 'expired_token', times: Infinity }] })
    expect(byId(always).vpc).toMatchObject({ ok: null, detail: expect.stringMatching(/could not be listed: .+/) })
  })

  it('a 403 on the VPCs: the IAM roles item says Viewer on VPC Infrastructure Services is missing', async () => {
    const report = await check({ faults: [{ route: 'vpc.vpcs.list', kind: 'forbidden', times: Infinity }] })
    const items = byId(report)
    expect(items.vpc.ok).toBe(null)
    expect(items.iam_roles).toMatchObject({
      ok: false,
      detail: 'Viewer on VPC Infrastructure Services is missing: IBM Cloud refused to list the VPCs.',
      link: 'https://cloud.ibm.com/iam/users'
    })
  })

  it('the catalog lists Gen 2 elsewhere only: missing, naming the regions that have it', async () => {
    const report = await check({ gen2Regions: ['eu-de', 'ca-mon'] })
    expect(byId(report).gen2_catalog).toMatchObject({
      ok: false,
      detail: 'The Global Catalog lists Gen 2 deployments only in ca-mon, eu-de, not in us-south.',
      advice: expect.stringMatching(/Choose one of those regions .*or use Gen 1 in us-south/)
    })
  })

  it('UNVERIFIED both ways: a catalog that lists no Gen 2 deployment (or no such entry, 404) cannot tell, and says so', async () => {
    const empty = await check({ gen2Regions: [] })
    expect(byId(empty).gen2_catalog).toMatchObject({
      ok: null,
      detail: expect.stringMatching(/lists no deployment of the plan databases-for-redis-gen2-standard/)
    })
    await emu!.close()
    const missing = await check({ faults: [{ route: 'catalog.children', kind: 'not_found' }] })
    expect(byId(missing).gen2_catalog.ok).toBe(null)
    expect(byId(missing).gen2_catalog.detail).toMatch(/cannot tell whether us-south offers Gen 2/)
    await emu!.close()
    const down = await check({ faults: [{ route: 'catalog.children', kind: 'server_error', times: Infinity }] })
    expect(byId(down).gen2_catalog).toMatchObject({ ok: null, detail: expect.stringMatching(/^The Global Catalog could not be read: /) })
  })

  it('pages through the catalog (offset/limit) until every deployment is read', async () => {
    const regions = Array.from({ length: 230 }, (_, i) => `xx-r${i}`).concat(REGION)
    const report = await check({ gen2Regions: regions })
    expect(byId(report).gen2_catalog.ok).toBe(true)
  })

  it('without a working key nothing else is checked, and each item says why', async () => {
    // Faults nobody meets unless a VPC or catalog request is sent.
    emu = await startEmulator({
      faults: [
        { route: 'vpc.vpcs.list', kind: 'server_error' },
        { route: 'catalog.children', kind: 'server_error' }
      ]
    })
    const client = clientFor(emu, { apiKey: 'wrongKey_0123456789abcdefghijklmnopqrstu' })
    const report = await checkGen2Prerequisites({ validate: () => validateApiKey(client), client, region: REGION })
    expect(oks(report)).toEqual([
      ['api_key', false],
      ['account', null],
      ['gen2_catalog', null],
      ['vpc', null],
      ['subnet', null],
      ['iam_roles', null]
    ])
    expect(byId(report).vpc.detail).toBe('Not checked: it needs a working API key (see above).')
    expect(emu.faults.pending()).toBe(2)
  })

  it('every text an item carries is in the English and Japanese catalogues, with the same parameters filled', async () => {
    const report = await check({ vpcs: [] })
    const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], tree)
    const refs = report.items.flatMap((i) => [i.text?.detail, i.text?.advice]).filter((r) => r !== undefined)
    expect(refs.length).toBeGreaterThanOrEqual(6)
    for (const ref of refs) {
      for (const catalogue of [en, ja]) {
        const text = lookup(catalogue, ref.key)
        expect(typeof text, ref.key).toBe('string')
        const names = [...(text as string).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
        expect(names, ref.key).toEqual(Object.keys(ref.params).sort())
      }
    }
  })
})
