import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { checkCommand } from '../../../src/cli/commands/check'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import type { PrereqReport } from '../../../src/shared/schemas/ibmcloud'

/** `pse-wizard check --json` against the sandbox, as a user would run it with the variables `pse-wizard sandbox` prints. */
describe('pse-wizard check --json', () => {
  let sandbox: Sandbox
  let home: string
  beforeAll(async () => {
    sandbox = await startSandbox({ backend: 'fake' })
  })
  afterAll(() => sandbox.close())
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-check-'))
    Object.assign(sandbox.emulator.state.account, { vrfEnabled: true, serviceEndpointEnabled: true })
    sandbox.emulator.state.cli.pluginInstalled = true
  })
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }))

  async function run(extraEnv: Record<string, string> = {}, args = ['--json']) {
    let stdout = ''
    const code = await checkCommand.run(args, {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
      env: { PATH: process.env.PATH ?? '', HOME: home, PSE_WIZARD_HOME: home, ...sandbox.env, ...extraEnv },
      signal: new AbortController().signal
    })
    return { code, stdout }
  }
  const failing = (stdout: string) => (JSON.parse(stdout) as PrereqReport).items.filter((i) => i.ok === false)

  it('passes against the sandbox', async () => {
    const { code, stdout } = await run()
    const report = JSON.parse(stdout) as PrereqReport
    expect(report.items.map((i) => [i.id, i.ok])).toEqual([
      ['api_key', true],
      ['account', true],
      ['cli', true],
      ['cli_login', true],
      ['plugin', true],
      ['vrf', true],
      ['service_endpoint', true]
    ])
    expect(report.sandbox).toBe(true)
    expect(code).toBe(0)
  })

  it('names VRF off with the support-case advice', async () => {
    sandbox.emulator.state.account.vrfEnabled = false
    const { code, stdout } = await run()
    expect(code).toBe(1)
    const [vrf] = failing(stdout)
    expect(vrf.id).toBe('vrf')
    expect(vrf.advice).toMatch(/support case/)
  })

  it('names service endpoints off with the command that enables them', async () => {
    sandbox.emulator.state.account.serviceEndpointEnabled = false
    const { code, stdout } = await run()
    expect(code).toBe(1)
    expect(failing(stdout).map((i) => [i.id, i.command])).toEqual([['service_endpoint', 'ibmcloud account update --service-endpoint-enable true']])
  })

  it('names the missing plugin with the install command', async () => {
    sandbox.emulator.state.cli.pluginInstalled = false
    const { code, stdout } = await run()
    expect(code).toBe(1)
    expect(failing(stdout).map((i) => [i.id, i.command])).toEqual([['plugin', 'ibmcloud plugin install cloud-databases -f']])
  })

  it('names a bad key', async () => {
    const { code, stdout } = await run({ IBMCLOUD_API_KEY: 'wrongKey_0123456789abcdefghijklmnopqrstu' })
    expect(code).toBe(1)
    const items = failing(stdout)
    expect(items.map((i) => i.id)).toEqual(['api_key', 'cli_login'])
    expect(items[0].detail).toMatch(/did not accept this API key/)
  })

  it('prints a readable report without --json', async () => {
    sandbox.emulator.state.account.vrfEnabled = false
    const { stdout } = await run({}, [])
    expect(stdout).toMatch(/SANDBOX/)
    expect(stdout).toMatch(/\[FAIL\] VRF enabled: false/)
  })

  it('speaks the user’s language: LANG=ja_JP.UTF-8 in Japanese (commands and IBM’s words as they are), --lang en in English; --json adds the words', async () => {
    sandbox.emulator.state.account.vrfEnabled = false
    const ja = await run({ LANG: 'ja_JP.UTF-8' }, [])
    expect(ja.code).toBe(1)
    const lines = ja.stdout.split('\n')
    expect(lines[0]).toBe('PSE Wizard の事前確認（サンドボックス：ここにあるものは IBM Cloud ではありません）')
    expect(lines.at(-2)).toBe('対応が必要な項目があります（上記を参照）。')
    // Every line the report words itself is Japanese; commands ($ …) and links stay as they are.
    const worded = lines.filter((l) => /^\[(ok  |FAIL|\?   )\]/.test(l))
    expect(worded.length).toBeGreaterThan(5)
    for (const line of worded) expect(line, line).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    const en = await run({ LANG: 'ja_JP.UTF-8' }, ['--lang', 'en'])
    expect(en.stdout).toMatch(/\[FAIL\] VRF enabled: false/)
    expect(en.stdout).toContain('Some items need attention (see above).')

    const json = JSON.parse((await run({ LANG: 'ja_JP.UTF-8' }, ['--json'])).stdout) as { items: Array<PrereqReport['items'][number] & { said: { label: string } }> }
    const vrf = json.items.find((i) => i.id === 'vrf')!
    expect(vrf.label).toBe('VRF enabled')
    expect(vrf.said.label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]|VRF/)
    expect(vrf.said).not.toEqual({ label: vrf.label, detail: vrf.detail, advice: vrf.advice })
  })
})
