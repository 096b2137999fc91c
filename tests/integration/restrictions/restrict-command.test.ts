import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { createApp } from '../../../src/main/app'
import { createIbmCloudClient } from '../../../src/main/ibmcloud/client'
import { ensureEndpointGateway, listSubnets, listVpcs, waitForEndpointGateway } from '../../../src/main/ibmcloud/vpc'
import { dispatch } from '../../../src/main/transport/dispatch'
import { assertSecretService, clearService, uniqueServiceName } from '../../support/keyring'
import { runCli, runCliJson } from '../../support/cli/run-cli'
import { runSetup, sandboxCliEnv } from '../../support/wizard/setup-process'

/**
 * `pse-wizard restrict` against the emulator, which enforces restrictions on its real Redis by
 * source address: the setup wizard saves a tested private profile, then the restriction is
 * applied, checked with that profile's own test, and put back when it would lock this computer
 * out. Everything stays on loopback (127.0.0.1 is this computer; 10.0.0.0/24 is someone else).
 */
describe('pse-wizard restrict (spawned, emulator enforcing on a real Redis)', () => {
  // One keychain service for the whole file: the profile saved in beforeAll serves every test.
  const service = uniqueServiceName('restrict')
  let sandbox: Sandbox
  let dir: string
  let env: NodeJS.ProcessEnv
  let profileId: string

  beforeAll(async () => {
    await assertSecretService()
    sandbox = await startSandbox({ provisioningMs: 300, taskMs: 150 })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-restrict-it-'))
    const config = path.join(dir, 'setup.json')
    fs.writeFileSync(config, JSON.stringify({ name: 'Redis-0101', region: 'jp-tok', resourceGroup: 'Default' }))
    env = sandboxCliEnv(dir, sandbox.env, service)
    const setup = await runSetup(['--config', config, '--json'], env)
    expect(setup.code, setup.stderr).toBe(0)
    profileId = String(setup.lines.at(-1)!.privateProfileId)
  })
  afterAll(async () => {
    await clearService(service)
    await sandbox?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const restrict = async (...args: string[]) => {
    const run = await runCliJson(['restrict', profileId, ...args, '--json'], env)
    return { code: run.code, out: run.json, stderr: run.stderr }
  }
  const instanceGuid = () => [...sandbox.emulator.state.instances.values()][0].guid
  const rulesOnInstance = () => sandbox.emulator.cbr.rules.filter((r) => r.resources.some((res) => res.attributes.some((a) => a.value === instanceGuid())))
  const endpointPort = async () => {
    const shown = await runCliJson(['profiles', 'show', profileId, '--json'], env)
    return Number(shown.json.port)
  }
  /** Whether a connection from this loopback source stays open (a restriction closes it at once). */
  const admitsFrom = (port: number, localAddress: string) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port, localAddress })
      const done = (admitted: boolean) => {
        socket.destroy()
        resolve(admitted)
      }
      socket.once('connect', () => setTimeout(() => done(!socket.destroyed && socket.readyState === 'open'), 150))
      socket.once('close', () => done(false))
      socket.once('error', () => done(false))
    })

  it('refuses a too-broad or malformed entry before touching IBM Cloud', async () => {
    const run = await restrict('--allow', '0.0.0.0/0', '--allow', '10.0.0.1/24')
    expect(run.code).toBe(1)
    expect(run.out).toMatchObject({ ok: false, code: 'restrict_address_invalid' })
    expect(String(run.out.message)).toContain('10.0.0.0/24')
    expect(sandbox.emulator.cbr.zones).toHaveLength(0)
  })

  it('a dry run shows the rule and the ibmcloud commands and changes nothing', async () => {
    const run = await restrict('--allow', '127.0.0.1', '--dry-run')
    expect(run.code, run.stderr).toBe(0)
    expect(run.out).toMatchObject({ outcome: 'planned', mechanism: 'cbr', addresses: ['127.0.0.1'], sourceAddress: '127.0.0.1', check: null })
    expect((run.out.cliEquivalents as string[]).join('\n')).toMatch(
      /ibmcloud cbr zone-create .*127\.0\.0\.1[\s\S]*ibmcloud cbr rule-create .*--enforcement-mode enabled/
    )
    expect(sandbox.emulator.cbr.zones).toHaveLength(0)
  })

  it('speaks the language of the user: LANG=ja_JP.UTF-8 in Japanese, --lang en in English, a bad --lang is a usage error', async () => {
    const ja = await runCli(['restrict', profileId, '--allow', '127.0.0.1', '--dry-run'], { ...env, LANG: 'ja_JP.UTF-8' })
    expect(ja.code, ja.stderr).toBe(0)
    expect(ja.stdout).toContain('プレビュー：まだ何も変更していません\nRedis-0101 (private) に接続できるのは 127.0.0.1 だけになります')
    expect(ja.stdout).toContain('\n同等の CLI コマンド\n  $ ibmcloud cbr zone-create')
    const en = await runCli(['restrict', profileId, '--allow', '10.0.0.1/24', '--lang', 'en'], { ...env, LANG: 'ja_JP.UTF-8' })
    expect(en.code).toBe(1)
    expect(en.stderr).toContain('Subnets that do not start at their network address: 10.0.0.1/24 → 10.0.0.0/24')
    expect((await runCli(['restrict', profileId, '--allow', '127.0.0.1', '--lang', 'de'], env)).code).toBe(2)
  })

  it('a restriction that locks this computer out is put back, and the missing address is named', async () => {
    const run = await restrict('--allow', '10.0.0.0/24')
    expect(run.code).toBe(1)
    expect(run.out).toMatchObject({ ok: false, code: 'restrict_would_lock_out' })
    expect(String(run.out.message)).toContain('127.0.0.1')
    expect(rulesOnInstance()).toHaveLength(0)
    expect(sandbox.emulator.cbr.zones).toHaveLength(0)
    expect(await admitsFrom(await endpointPort(), '127.0.0.2')).toBe(true)
  })

  it('admits only the listed networks once in force, the profile still passing; a second run changes nothing', async () => {
    const run = await restrict('--allow', '127.0.0.1', '--allow', '10.0.0.0/24')
    expect(run.code, JSON.stringify(run.out)).toBe(0)
    expect(run.out).toMatchObject({ outcome: 'applied', check: { ok: true }, addresses: ['127.0.0.1', '10.0.0.0/24'] })
    expect(rulesOnInstance()).toEqual([expect.objectContaining({ enforcementMode: 'enabled' })])
    const port = await endpointPort()
    expect(await admitsFrom(port, '127.0.0.1')).toBe(true)
    expect(await admitsFrom(port, '127.0.0.2')).toBe(false)

    const again = await restrict('--allow', '10.0.0.0/24', '--allow', '127.0.0.1')
    expect(again.code).toBe(0)
    expect(again.out).toMatchObject({ outcome: 'unchanged' })
  })

  it('tightening an existing restriction so that it locks out puts the earlier zone back', async () => {
    const run = await restrict('--allow', '10.0.0.0/24')
    expect(run.code).toBe(1)
    expect(run.out).toMatchObject({ code: 'restrict_would_lock_out' })
    const zone = sandbox.emulator.cbr.zones[0]
    expect(zone.addresses.map((a) => a.value).sort()).toEqual(['10.0.0.0/24', '127.0.0.1'])
    expect(await admitsFrom(await endpointPort(), '127.0.0.2')).toBe(false)
  })

  it('a whole VPC: named by name or CRN, refused when unknown or with the allowlist, put back when it alone would lock this computer out', async () => {
    const unknown = await restrict('--vpc', 'no-such-vpc', '--dry-run')
    expect(unknown.code).toBe(1)
    expect(unknown.out).toMatchObject({ ok: false, code: 'restrict_vpc_unknown' })
    expect(String(unknown.out.message)).toContain('sandbox-vpc')
    expect((await runCli(['restrict', profileId, '--vpc', 'sandbox-vpc', '--allowlist'], env)).code).toBe(2)

    const plan = await restrict('--vpc', 'sandbox-vpc', '--allow', '127.0.0.1', '--dry-run')
    expect(plan.code, JSON.stringify(plan.out)).toBe(0)
    const vpcs = plan.out.vpcs as Array<{ crn: string; name: string; subnets: string[] }>
    expect(vpcs).toEqual([
      { crn: expect.stringMatching(/^crn:v1:bluemix:public:is:jp-tok:a\/[0-9a-f]+::vpc:r022-/), name: 'sandbox-vpc', subnets: expect.any(Array) }
    ])
    expect(vpcs[0].subnets).toHaveLength(3)
    expect((plan.out.cliEquivalents as string[])[0]).toContain(`--addresses ${[...vpcs[0].subnets, '127.0.0.1'].join(',')} --vpc ${vpcs[0].crn}`)
    expect(String(plan.out.summary)).toContain('the VPC “sandbox-vpc”, 127.0.0.1')
    const byCrn = await restrict('--vpc', vpcs[0].crn, '--dry-run')
    expect(byCrn.out).toMatchObject({ outcome: 'planned', vpcs: [{ name: 'sandbox-vpc' }] })

    // The VPC's subnets are 10.240.x.x: this computer (127.0.0.1) is not in it.
    const locked = await restrict('--vpc', 'sandbox-vpc')
    expect(locked.code).toBe(1)
    expect(locked.out).toMatchObject({ code: 'restrict_would_lock_out', params: { missing: '127.0.0.1' } })
    const zone = sandbox.emulator.cbr.zones[0]
    expect(zone.addresses.map((a) => a.value).sort()).toEqual(['10.0.0.0/24', '127.0.0.1'])

    const applied = await restrict('--vpc', 'sandbox-vpc', '--allow', '127.0.0.1')
    expect(applied.code, JSON.stringify(applied.out)).toBe(0)
    expect(applied.out).toMatchObject({ outcome: 'applied', check: { ok: true } })
    // The VPC itself and its subnets (whether VPE traffic matches a vpc entry is UNVERIFIED), then the address.
    expect(sandbox.emulator.cbr.zones[0].addresses).toEqual([
      { type: 'vpc', value: vpcs[0].crn },
      ...vpcs[0].subnets.map((value) => ({ type: 'subnet', value })),
      { type: 'ipAddress', value: '127.0.0.1' }
    ])
    expect(await admitsFrom(await endpointPort(), '127.0.0.2')).toBe(false)
  })

  it('suggests the VPCs that have a VPE gateway to the instance (restrictions.vpcs, through the contract)', async () => {
    const app = await createApp({ dataDir: path.join(dir, 'home'), transport: 'browser', sandbox: false, env })
    try {
      const suggest = async () => {
        const r = await dispatch(app.handlers, 'restrictions.vpcs', { profileId }, { signal: new AbortController().signal })
        if (!r.ok) throw new Error(JSON.stringify(r.error))
        return r.value as { vpcs: Array<{ name: string; gateway: string; subnets: string[] }> }
      }
      expect(await suggest()).toEqual({ vpcs: [] })
      const client = createIbmCloudClient({ apiKey: String(sandbox.env.IBMCLOUD_API_KEY), env: sandbox.env, timeoutMs: 5_000 })
      const [vpc] = await listVpcs(client, 'jp-tok')
      const subnets = await listSubnets(client, 'jp-tok', vpc.id)
      const crn = [...sandbox.emulator.state.instances.values()][0].crn
      const made = await ensureEndpointGateway(client, 'jp-tok', { name: 'redis-vpe', vpcId: vpc.id, targetCrn: crn, subnets: [subnets[0]] })
      await waitForEndpointGateway(client, 'jp-tok', made.gateway.id, { pollIntervalMs: 50 })
      expect(await suggest()).toEqual({ vpcs: [expect.objectContaining({ name: 'sandbox-vpc', gateway: 'redis-vpe', subnets: subnets.map((s) => s.cidr) })] })
    } finally {
      await app.close()
    }
  })

  it('the Gen 1 allowlist: applied when it admits this computer, put back when it would not', async () => {
    const ok = await restrict('--allowlist', '--allow', '127.0.0.0/30')
    expect(ok.code, JSON.stringify(ok.out)).toBe(0)
    expect(ok.out).toMatchObject({ outcome: 'applied', mechanism: 'allowlist', check: { ok: true } })
    const deployment = () => [...sandbox.emulator.state.instances.values()][0].deployment
    expect(deployment().allowlist.map((e) => e.address)).toEqual(['127.0.0.0/30'])

    const locked = await restrict('--allowlist', '--allow', '10.1.1.0/24')
    expect(locked.code).toBe(1)
    expect(locked.out).toMatchObject({ code: 'restrict_would_lock_out' })
    expect(deployment().allowlist.map((e) => e.address)).toEqual(['127.0.0.0/30'])
  })
})
