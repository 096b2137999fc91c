import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { useTestKeyring } from '../../support/keyring'
import { runSetup, sandboxCliEnv } from '../../support/wizard/setup-process'

/** `pse-wizard setup --config` with Gen 2 fields, spawned from source against an emulator in this process. */
describe('pse-wizard setup for Gen 2 (headless, spawned)', () => {
  const keyring = useTestKeyring()
  let sandbox: Sandbox | undefined
  let dir: string | undefined
  afterEach(async () => {
    await sandbox?.close()
    sandbox = undefined
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  const setUp = async (options: Parameters<typeof startSandbox>[0] = {}) => {
    sandbox = await startSandbox({ provisioningMs: 1_000, taskMs: 100, backend: 'fake', ...options })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-setup-g2-'))
    const config = path.join(dir, 'setup.json')
    const env = sandboxCliEnv(dir, sandbox.env, keyring())
    const run = (body: Record<string, unknown>) => {
      fs.writeFileSync(config, JSON.stringify({ name: 'redis-g2', region: 'jp-tok', generation: 'gen2', ...body }))
      return runSetup(['--config', config, '--json'], env)
    }
    return { run, env }
  }

  it('Gen 1 fields for Gen 2, a shared flavor, Gen 2 fields for Gen 1, an unknown VPC or subnet: usage errors (exit 2), nothing created', async () => {
    const { run } = await setUp()
    const gen1Sizes = await run({ options: { memoryMbPerMember: 2048, serviceEndpoints: 'public' } })
    expect(gen1Sizes.code).toBe(2)
    expect(gen1Sizes.stderr).toMatch(/options\.memoryMbPerMember: a Gen 1 setting/)
    expect(gen1Sizes.stderr).toMatch(/options\.serviceEndpoints: Gen 2 has private endpoints only/)
    const shared = await run({ options: { hostFlavor: 'multitenant' } })
    expect(shared.code).toBe(2)
    expect(shared.stderr).toMatch(/no shared \(multitenant\) hosts/)
    const gen1WithVpc = await run({ generation: 'gen1', vpc: 'sandbox-vpc', options: { storageGbPerMember: 20 } })
    expect(gen1WithVpc.code).toBe(2)
    expect(gen1WithVpc.stderr).toMatch(/vpc: a Gen 2 setting/)
    expect(gen1WithVpc.stderr).toMatch(/storageGbPerMember: a Gen 2 setting/)

    const noVpc = await run({ vpc: 'nope' })
    expect(noVpc.code).toBe(2)
    expect(noVpc.stderr).toMatch(/vpc: no VPC "nope" in jp-tok\. Use one of: sandbox-vpc\./)
    const noSubnet = await run({ vpc: 'sandbox-vpc', subnets: ['nope'] })
    expect(noSubnet.code).toBe(2)
    expect(noSubnet.stderr).toMatch(/subnets: no subnet "nope" in the VPC sandbox-vpc\. Use one of: .*\(jp-tok-1\)/)
    const badFlavor = await run({ options: { hostFlavor: 'b3c.4x16.encrypted' } })
    expect(badFlavor.code).toBe(2)
    expect(badFlavor.stderr).toMatch(/options\.hostFlavor: "b3c\.4x16\.encrypted" is not offered for Gen 2 in jp-tok\. Use one of: bx3d\.4x20/)
    expect(sandbox!.emulator.state.counters.instancesCreated).toBe(0)
  })

  it('runs every Gen 2 step (VPC by name, subnets one per zone, catalog defaults; Manager key, VPE, Writer key, test, save); an unknown security group stops at step 6 as a usage error and the next run resumes there', async () => {
    const { run, env } = await setUp({ backend: 'real', gatewayMs: 300 })
    const emu = sandbox!.emulator
    const vpc = emu.vpc.vpcs.find((v) => v.region === 'jp-tok')!
    const first = await run({ vpc: 'sandbox-vpc', securityGroup: 'nope', options: { storageGbPerMember: 30, tags: ['env:dev'] } })
    expect(first.code).toBe(2)
    expect(first.stderr).toMatch(/securityGroup: no security group "nope" in the VPC sandbox-vpc\. Use one of: sandbox-vpc-default-sg/)
    expect(first.lines.some((l) => l.step === 'wait' && l.status === 'running' && typeof l.percent === 'number')).toBe(true)
    expect(first.lines.some((l) => l.step === 'wait' && l.status === 'done')).toBe(true)
    expect(first.lines.some((l) => l.step === 'password' && l.status === 'done')).toBe(true)
    const instances = [...emu.state.instances.values()]
    expect(instances).toHaveLength(1)
    expect(instances[0].parameters).toEqual({ dataservices: { redis: { host_flavor: 'bx3d.4x20', members: 2, storage_gb: 30, version: '8.2' } } })
    const saved = JSON.parse(fs.readFileSync(path.join(env.PSE_WIZARD_HOME!, 'wizard-state.json'), 'utf8')) as {
      instance: { generation: string }
      deploy: { form: { vpcId: string; subnetIds: string[]; generation: string } }
      prerequisites: { generation: string; region: string }
    }
    expect(saved.instance.generation).toBe('gen2')
    expect(saved.prerequisites).toMatchObject({ generation: 'gen2', region: 'jp-tok' })
    const zones = new Set(emu.vpc.subnets.filter((s) => s.vpcId === vpc.id).map((s) => s.zone))
    expect(saved.deploy.form).toMatchObject({ generation: 'gen2', vpcId: vpc.id })
    expect(saved.deploy.form.subnetIds).toHaveLength(zones.size)

    // Again without the group: the app makes one admitting 6379 from the VPE's subnets, and the run ends with a tested private profile.
    const again = await run({ vpc: vpc.id, options: { storageGbPerMember: 30, tags: ['env:dev'] } })
    expect(again.code, again.stderr + JSON.stringify(again.lines.at(-1))).toBe(0)
    expect(again.lines.some((l) => l.step === 'deploy' && l.status === 'running')).toBe(false)
    expect(again.lines.some((l) => l.step === 'password' && l.status === 'running')).toBe(false)
    expect(again.lines.at(-1)).toMatchObject({ result: 'ok', instance: instances[0].crn, privateProfileId: expect.any(String) })
    expect(emu.state.counters.instancesCreated).toBe(1)
    expect([...emu.state.keys.values()].map((k) => k.role).sort()).toEqual(['Manager', 'Writer'])
    expect(emu.vpc.gateways).toHaveLength(1)
  }, 120_000)
})
