import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { validateApiKey } from '../../../src/main/ibmcloud/account'
import { IbmcloudCli } from '../../../src/main/ibmcloud/cli-runner'
import { createIbmCloudClient } from '../../../src/main/ibmcloud/client'
import { CliSessionAuthenticator } from '../../../src/main/ibmcloud/cli-session-auth'
import { checkPrerequisites } from '../../../src/main/ibmcloud/prerequisites'
import { createOrAdoptInstance, waitUntilReady } from '../../../src/main/ibmcloud/provisioning'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import type { PrereqReport } from '../../../src/shared/schemas/ibmcloud'
import { failureOf } from '../../support/ibmcloud/support'

/** The CLI runner and the prerequisite checks, against the sandbox `ibmcloud` and the emulator. */
describe('ibmcloud CLI runner and prerequisites (sandbox CLI)', () => {
  let sandbox: Sandbox
  let dataDir: string
  beforeAll(async () => {
    sandbox = await startSandbox({ backend: 'fake', provisioningMs: 200, taskMs: 50 })
  })
  afterAll(() => sandbox.close())
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-cli-test-'))
    Object.assign(sandbox.emulator.state.account, { vrfEnabled: true, serviceEndpointEnabled: true })
    Object.assign(sandbox.emulator.state.cli, { pluginInstalled: true, latestPluginVersion: '0.19.2' })
    sandbox.emulator.faults.clear()
  })
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  const env = () => ({ PATH: process.env.PATH ?? '', HOME: dataDir, ...sandbox.env })
  const cliFor = (overrides: Partial<ConstructorParameters<typeof IbmcloudCli>[0]> = {}) =>
    new IbmcloudCli({ env: env(), dataDir, apiKey: async () => sandbox.env.IBMCLOUD_API_KEY, timeoutMs: 20_000, ...overrides })
  const check = (cli: IbmcloudCli, apiKey = sandbox.env.IBMCLOUD_API_KEY) =>
    checkPrerequisites({ cli, sandbox: true, validate: () => validateApiKey(createIbmCloudClient({ apiKey, env: sandbox.env, timeoutMs: 5_000 })) })
  const item = (r: PrereqReport, id: string) => r.items.find((i) => i.id === id)!

  it('everything passes on a well-configured account; the isolated home is used, not the user one', async () => {
    const cli = cliFor()
    const report = await check(cli)
    expect(report.items.filter((i) => i.ok !== true)).toEqual([])
    expect(report.ok).toBe(true)
    expect(item(report, 'cli').detail).toMatch(/Version 2\.36\.0/)
    expect(fs.existsSync(path.join(dataDir, 'ibmcloud-home', '.bluemix', 'config.json'))).toBe(true)
    expect(fs.existsSync(path.join(dataDir, '.bluemix'))).toBe(false)
  })

  it('the API key reaches the CLI through the environment, never argv', async () => {
    const cli = cliFor()
    await cli.ensureSession()
    const config = fs.readFileSync(path.join(dataDir, 'ibmcloud-home', '.bluemix', 'config.json'), 'utf8')
    expect(config).not.toContain(sandbox.env.IBMCLOUD_API_KEY)
    // The runner source passes it only as extraEnv; argv is ['login', '--no-region'].
    const runner = fs.readFileSync(path.join(__dirname, '../../../src/main/ibmcloud/cli-runner.ts'), 'utf8')
    expect(runner).toMatch(/\['login', '--no-region'\][^\n]*extraEnv: \{ IBMCLOUD_API_KEY: key \}/)
  })

  it('VRF off: the vrf item fails with the support-case advice; service endpoints off: the enable command', async () => {
    sandbox.emulator.state.account.vrfEnabled = false
    sandbox.emulator.state.account.serviceEndpointEnabled = false
    const report = await check(cliFor())
    expect(report.ok).toBe(false)
    expect(item(report, 'vrf')).toMatchObject({ ok: false, detail: 'false' })
    expect(item(report, 'vrf').advice).toMatch(/support case/)
    expect(item(report, 'service_endpoint')).toMatchObject({ ok: false, command: 'ibmcloud account update --service-endpoint-enable true' })
  })

  it('account show is parsed when the CLI speaks Japanese around the lines', async () => {
    const cli = cliFor()
    await cli.ensureSession()
    await cli.run(['config', '--locale', 'ja_JP'])
    const raw = await cli.run(['account', 'show'])
    expect(raw.stdout).toMatch(/取得しています/)
    expect(await cli.accountShow()).toMatchObject({ vrfEnabled: true, serviceEndpointEnabled: true })
  })

  it('plugin missing is explained with the install command; installing it fixes it', async () => {
    sandbox.emulator.state.cli.pluginInstalled = false
    const cli = cliFor()
    let report = await check(cli)
    expect(item(report, 'plugin')).toMatchObject({ ok: false, command: 'ibmcloud plugin install cloud-databases -f' })
    const f = await failureOf(cli.runChecked(['cdb', 'deployments']))
    expect(f.code).toBe('ibmcloud_plugin_missing')
    await cli.installPlugin()
    report = await check(cli)
    expect(item(report, 'plugin').ok).toBe(true)
  })

  it('an outdated plugin is flagged with the update command', async () => {
    sandbox.emulator.state.cli.latestPluginVersion = '0.20.0'
    const report = await check(cliFor())
    expect(item(report, 'plugin')).toMatchObject({ ok: true, command: 'ibmcloud plugin update cloud-databases -f' })
  })

  it('a bad key fails the key and the CLI login, and nothing after them is claimed', async () => {
    const bad = 'wrongKey_0123456789abcdefghijklmnopqrstu'
    const report = await check(cliFor({ apiKey: async () => bad }), bad)
    expect(item(report, 'api_key').ok).toBe(false)
    expect(item(report, 'cli_login').ok).toBe(false)
    expect(item(report, 'vrf').ok).toBeNull()
  })

  it('CLI missing: the install link, and the rest unknown', async () => {
    const cli = cliFor({ env: { ...env(), PSE_IBMCLOUD_BIN: path.join(dataDir, 'no-such-ibmcloud') } })
    const report = await check(cli)
    expect(item(report, 'cli')).toMatchObject({ ok: false, link: 'https://cloud.ibm.com/docs/cli?topic=cli-install-ibmcloud-cli' })
    expect(item(report, 'vrf').ok).toBeNull()
  })

  it("the user's own session mode says when they are not logged in", async () => {
    const cli = cliFor({ useUserSession: true, env: { ...env(), IBMCLOUD_HOME: path.join(dataDir, 'user-home') } })
    const report = await check(cli)
    expect(item(report, 'cli_login')).toMatchObject({ ok: false, command: 'ibmcloud login --sso' })
    expect(item(report, 'cli_login').detail).toMatch(/not logged in/)
  })

  it("the REST clients can use the user's own CLI session instead of an API key", async () => {
    const userEnv = { ...env(), IBMCLOUD_HOME: path.join(dataDir, 'user-home') }
    delete (userEnv as Record<string, string | undefined>).IBMCLOUD_API_KEY
    const cli = cliFor({ useUserSession: true, env: userEnv, apiKey: undefined })
    // The user logs in once, in their own terminal.
    expect((await cli.run(['login'], { extraEnv: { IBMCLOUD_API_KEY: sandbox.env.IBMCLOUD_API_KEY } })).code).toBe(0)
    const client = createIbmCloudClient({ auth: new CliSessionAuthenticator(cli), env: sandbox.env, timeoutMs: 5_000 })
    expect((await validateApiKey(client)).accountId).toBe(sandbox.emulator.state.account.id)
    expect((await listResourceGroups(client)).length).toBeGreaterThan(0)
    expect(fs.existsSync(path.join(dataDir, 'ibmcloud-home'))).toBe(false)
  })

  it('a hanging CLI is killed at the timeout, and on cancel', async () => {
    const cli = cliFor({ timeoutMs: 400 })
    await cli.ensureSession()
    sandbox.emulator.faults.add({ route: 'sandbox.account', kind: 'slow', delayMs: 5_000, times: Infinity })
    expect((await failureOf(cli.run(['account', 'show']))).code).toBe('ibmcloud_cli_timeout')
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 100)
    expect((await failureOf(cli.run(['account', 'show'], { signal: ac.signal, timeoutMs: 10_000 }))).code).toBe('cancelled')
  })

  it('the sandbox CLI answers cdb deployments, cxn and service-key-create against the emulator', async () => {
    const client = createIbmCloudClient({ apiKey: sandbox.env.IBMCLOUD_API_KEY, env: sandbox.env, timeoutMs: 5_000 })
    const group = (await listResourceGroups(client))[0].id
    const { instance } = await createOrAdoptInstance(client, { name: 'Redis-0101', region: 'jp-tok', resourceGroupId: group, serviceEndpoints: 'public-and-private' })
    await waitUntilReady(client, instance.id, { pollIntervalMs: 50 })
    const cli = cliFor()
    await cli.ensureSession()
    expect((await cli.runChecked(['cdb', 'deployments'])).stdout).toMatch(/Redis-0101\s+jp-tok\s+active/)
    const cxn = JSON.parse((await cli.runChecked(['cdb', 'deployment-connections', 'Redis-0101', '-e', 'private', '--output', 'json'])).stdout)
    expect(Object.values(cxn as Record<string, { rediss: { composed: string[] } }>)[0].rediss.composed[0]).toMatch(/^rediss:\/\/admin:\$PASSWORD@127\.0\.0\.1:\d+\/0$/)
    const key = JSON.parse((await cli.runChecked(['resource', 'service-key-create', 'redis-private-key', 'Administrator', '--instance-name', 'Redis-0101', '--service-endpoint', 'private', '--output', 'json'])).stdout)
    expect(key.parameters['service-endpoints']).toBe('private')
    expect((await cli.runChecked(['iam', 'oauth-tokens'])).stdout).toMatch(/^IAM token:\s+Bearer /)
    expect((await cli.runChecked(['cdb', 'user-password', 'Redis-0101', 'admin', 'Abcdefghijk12345'])).stdout).toMatch(/Status\s+completed/)
    expect(sandbox.emulator.state.instances.get(instance.guid)?.deployment.users.get('admin')).toBe('Abcdefghijk12345')
  })
})
