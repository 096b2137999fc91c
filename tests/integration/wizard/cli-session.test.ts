import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { useTestKeyring } from '../../support/keyring'
import { runSetup } from '../../support/wizard/setup-process'
import { startRig, type Rig } from '../../support/wizard/support'

/**
 * "Use my own ibmcloud CLI session": the sandbox `ibmcloud` is logged in with a key in its own
 * IBMCLOUD_HOME (as the user would have done), the wizard gets no API key at all, and runs to a
 * saved private profile with the tokens of that login. Tokens expire on the server every two
 * seconds, so the run also proves they are fetched again.
 */
describe('setup wizard with the user’s own ibmcloud CLI session', () => {
  const keyring = useTestKeyring()
  let rig: Rig | undefined
  let cliHome: string | undefined
  afterEach(async () => {
    await rig?.close()
    rig = undefined
    if (cliHome) fs.rmSync(cliHome, { recursive: true, force: true })
  })

  const start = async () => {
    cliHome = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-user-ibmcloud-'))
    // No API key in the wizard's environment: only the CLI login can sign it in.
    rig = await startRig(keyring(), { tokenLifetimeMs: 2_000, env: { IBMCLOUD_API_KEY: undefined, IBMCLOUD_HOME: cliHome } })
    return rig
  }
  /** The user's own `ibmcloud login` (in their IBMCLOUD_HOME), outside PSE Wizard. Async: the emulator answers from this process. */
  const userCli = async (r: Rig, args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...r.sandbox.env, PATH: process.env.PATH ?? '', IBMCLOUD_HOME: cliHome! }
    delete env.IBMCLOUD_API_KEY
    await promisify(execFile)(r.sandbox.ibmcloudBin, args, { env, encoding: 'utf8', timeout: 30_000 })
  }
  const cliConfig = () => JSON.parse(fs.readFileSync(path.join(cliHome!, '.bluemix', 'config.json'), 'utf8')) as Record<string, unknown>

  it('signs in from `ibmcloud iam oauth-tokens` and runs every step on that token to a saved, tested private profile', async () => {
    const r = await start()
    await userCli(r, ['login', '--apikey', r.sandbox.env.IBMCLOUD_API_KEY, '--no-region'])
    const before = cliConfig()
    const issuedAtLogin = r.sandbox.emulator.state.counters.tokensIssued
    const job = r.wizard.job

    expect(await r.wizard.handlers['wizard.accountChoices']({}, { signal: new AbortController().signal })).toMatchObject({ environment: false, session: true })

    const account = await job.account({ source: 'session' })
    expect(account.steps.account).toMatchObject({ status: 'done', error: null })
    expect(account.account).toMatchObject({ source: 'session', info: { accountName: 'Sandbox Account' } })
    expect(account.account?.info.accountId).toEqual(expect.any(String))
    expect(account.cli.account[0].command).toBe('ibmcloud login --sso')

    const prereq = await job.checkPrerequisites()
    expect(prereq.steps.prerequisites.status).toBe('done')
    expect(prereq.prerequisites?.items.find((i) => i.id === 'cli_login')).toMatchObject({ ok: true, detail: 'Using your own ibmcloud login' })

    const options = await job.options()
    await job.deploy({ mode: 'create', form: { ...options.defaults, name: 'Redis-session' }, confirm: true })
    expect((await job.idle()).steps.wait.status).toBe('done')
    expect((await job.setPassword({ mode: 'generate' })).steps.password.status).toBe('done')
    expect((await job.fetchConnection()).steps.connection.status).toBe('done')
    expect((await job.createServiceKey()).steps.serviceKey.status).toBe('done')
    const tested = await job.test()
    expect(tested.tests.private?.ok).toBe(true)
    const saved = await job.save({})
    expect(saved.steps.save.status).toBe('done')
    expect((await r.profiles.test(saved.saved!.privateProfileId!)).ok).toBe(true)
    expect(r.sandbox.emulator.state.counters.instancesCreated).toBe(1)

    // Tokens outlived the server's 2 s: the CLI session gave fresh ones (its refresh token), the run went on.
    expect(r.sandbox.emulator.state.counters.tokensIssued).toBeGreaterThan(issuedAtLogin)
    // PSE Wizard never logged in or configured anything: no isolated CLI home, the user's login untouched.
    expect(fs.existsSync(path.join(r.dataDir, 'ibmcloud-home'))).toBe(false)
    const after = cliConfig()
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
    expect(after.Account).toEqual(before.Account)
    // No token in the state file.
    const onDisk = fs.readFileSync(path.join(r.dataDir, 'wizard-state.json'), 'utf8')
    expect(onDisk).not.toContain(String(after.IAMToken))
    expect(onDisk).not.toContain(String(before.IAMToken))

    // After a restart the session source signs in again by itself.
    await r.wizard.close()
    const again = await r.restart()
    expect((await again.job.fetchConnection()).steps.connection.status).toBe('done')
  })

  it('pse-wizard setup --cli-session runs headless on the same login, with no API key anywhere', async () => {
    const r = await start()
    await userCli(r, ['login', '--apikey', r.sandbox.env.IBMCLOUD_API_KEY, '--no-region'])
    const config = path.join(cliHome!, 'setup.json')
    fs.writeFileSync(config, JSON.stringify({ name: 'Redis-headless', region: 'jp-tok' }))
    const env: NodeJS.ProcessEnv = {
      ...r.env,
      ...(process.env.DBUS_SESSION_BUS_ADDRESS ? { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS } : {}),
      PSE_WIZARD_HOME: path.join(cliHome!, 'app-data'),
      PSE_LOG_LEVEL: 'warn'
    }
    delete env.IBMCLOUD_API_KEY
    const run = await runSetup(['--config', config, '--json', '--cli-session'], env)
    expect(run.code, run.stderr + JSON.stringify(run.lines.at(-1))).toBe(0)
    expect(run.lines.at(-1)).toMatchObject({ result: 'ok', privateProfileId: expect.any(String) })
    const state = JSON.parse(fs.readFileSync(path.join(env.PSE_WIZARD_HOME!, 'wizard-state.json'), 'utf8')) as { account: { source: string } }
    expect(state.account.source).toBe('session')
    expect(fs.existsSync(path.join(env.PSE_WIZARD_HOME!, 'ibmcloud-home'))).toBe(false)
    expect(r.sandbox.emulator.state.counters.instancesCreated).toBe(1)
  })

  it('without a CLI login the choice is not offered, and choosing it says to run ibmcloud login', async () => {
    const r = await start()
    expect((await r.wizard.handlers['wizard.accountChoices']({}, { signal: new AbortController().signal })).session).toBe(false)
    const state = await r.wizard.job.account({ source: 'session' })
    expect(state.steps.account.status).toBe('failed')
    expect(state.steps.account.error?.code).toBe('ibmcloud_cli_not_logged_in')
    expect(state.steps.account.error?.message).toMatch(/ibmcloud login/)
  })
})
