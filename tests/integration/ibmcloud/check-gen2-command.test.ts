import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { checkCommand } from '../../../src/cli/commands/check'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import type { PrereqItem, PrereqReport } from '../../../src/shared/schemas/ibmcloud'
import { runCli, runCliJson } from '../../support/cli/run-cli'

/** `pse-wizard check --generation gen2 --region R`: the Gen 2 prerequisites of a region. */
describe('pse-wizard check --generation gen2', () => {
  let home: string
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-check-gen2-'))
  })
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }))
  const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: home, PSE_WIZARD_HOME: home })

  it('as a whole process against a fresh sandbox: the VPC, subnet and Gen 2 deployment of us-south hold; the IAM roles are unknown, so it exits 1', async () => {
    const run = await runCliJson(['check', '--generation', 'gen2', '--region', 'us-south', '--sandbox', '--json'], baseEnv())
    const report = run.json as unknown as PrereqReport
    expect(report.items.map((i) => [i.id, i.ok])).toEqual([
      ['api_key', true],
      ['account', true],
      ['gen2_catalog', true],
      ['vpc', true],
      ['subnet', true],
      ['iam_roles', null]
    ])
    expect(report.items.some((i) => i.id === 'vrf' || i.id === 'plugin')).toBe(false)
    expect(report.items.find((i) => i.id === 'vpc')?.detail).toBe('sandbox-vpc in us-south')
    expect(report.sandbox).toBe(true)
    // Nothing missing, the IAM roles unknown: 3, as prove says "inconclusive" (0 would be a silent pass).
    expect(run.code).toBe(3)
  }, 60_000)

  it('refuses a bad --generation or --region with the usage (exit 2), never checking Gen 1 instead', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--generation', 'gen3'], /--generation must be gen1 or gen2, not "gen3"/],
      [['--generation', 'gen2'], /--generation gen2 needs --region REGION/],
      [['--region', 'us-south'], /--region is for --generation gen2/],
      [['--generation', 'gen2', '--region', 'US South'], /--region must be a region name such as us-south, not "US South"/]
    ]
    for (const [args, message] of cases) {
      const run = await runCli(['check', ...args, '--sandbox', '--json'], baseEnv())
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stdout, args.join(' ')).toBe('')
      expect(run.stderr.split('\n')[0], args.join(' ')).toMatch(new RegExp(`^pse-wizard check: ${message.source}`))
    }
  }, 60_000)

  describe('against a sandbox the test shapes', () => {
    let sandbox: Sandbox
    beforeAll(async () => {
      sandbox = await startSandbox({ backend: 'fake' })
    })
    afterAll(() => sandbox.close())

    async function run(args: string[]) {
      let stdout = ''
      const code = await checkCommand.run(args, {
        stdout: (t) => (stdout += t),
        stderr: () => undefined,
        env: { ...baseEnv(), ...sandbox.env },
        signal: new AbortController().signal
      })
      return { code, stdout }
    }

    it('no VPC in the region: the report names the fixes, as JSON and as text', async () => {
      const json = await run(['--generation', 'gen2', '--region', 'eu-gb', '--json'])
      expect(json.code).toBe(1)
      const items = (JSON.parse(json.stdout) as PrereqReport).items
      const failing = items.filter((i: PrereqItem) => i.ok === false).map((i) => [i.id, i.command])
      expect(failing).toEqual([
        ['gen2_catalog', undefined],
        ['vpc', 'ibmcloud target -r eu-gb && ibmcloud is vpc-create redis-vpc'],
        ['subnet', 'ibmcloud target -r eu-gb && ibmcloud is subnet-create redis-vpc-subnet-1 redis-vpc --zone eu-gb-1 --ipv4-address-count 256']
      ])
      const text = await run(['--generation', 'gen2', '--region', 'eu-gb'])
      expect(text.stdout).toMatch(/^PSE Wizard check: Gen 2 prerequisites in eu-gb \(SANDBOX: nothing here is IBM Cloud\)\n/)
      expect(text.stdout).toContain('[FAIL] VPC in the region: There is no VPC in eu-gb.')
      expect(text.stdout).toContain('       $ ibmcloud target -r eu-gb && ibmcloud is vpc-create redis-vpc\n')
      expect(text.stdout).toContain('       https://cloud.ibm.com/infrastructure/provision/vpc\n')
      expect(text.stdout).toMatch(/\[\? {3}\] IAM roles for the Gen 2 steps: /)
    })

    it('a VPC without subnets (the emulator shaped by the test): the subnet is missing', async () => {
      sandbox.emulator.vpc.addVpc({ region: 'eu-de', name: 'bare-vpc', zones: 0 })
      const { stdout } = await run(['--generation', 'gen2', '--region', 'eu-de', '--json'])
      const items = (JSON.parse(stdout) as PrereqReport).items
      expect(items.filter((i) => i.ok !== null).map((i) => [i.id, i.ok])).toEqual([
        ['api_key', true],
        ['account', true],
        ['gen2_catalog', true],
        ['vpc', true],
        ['subnet', false]
      ])
    })

    it('without --generation the Gen 1 check is unchanged', async () => {
      const { stdout } = await run(['--json'])
      expect((JSON.parse(stdout) as PrereqReport).items.map((i) => i.id)).toEqual(['api_key', 'account', 'cli', 'cli_login', 'plugin', 'vrf', 'service_endpoint'])
    })
  })
})
