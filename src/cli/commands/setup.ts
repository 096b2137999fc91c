import fs from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { Exit, UsageError, type Command } from '../command'
import { isAppFailure, type AppError } from '../../shared/errors'
import type { WizardState } from '../../shared/schemas/wizard'
import { EventBus } from '../../main/events'
import { resolveDataDir } from '../../main/paths'
import { createProfilesService } from '../../main/profiles'
import { sandboxOptionsFromEnv, startSandbox } from '../../main/sandbox'
import { SettingsStore } from '../../main/settings/store'
import { createWizard } from '../../main/wizard'
import { HeadlessConfig, progressLines, runHeadless, type ProgressLine } from '../../main/wizard/headless'
import { registerSecret } from '../../main/logging/redact'
import { endIsolatedCliSession } from '../../main/ibmcloud/cli-runner'

const USAGE = `Usage: pse-wizard setup --config FILE [--json] [--sandbox] [--reset] [--cli-session] [--session-secrets]

Runs the setup wizard without questions: sign in, check prerequisites, create (or find) the
Databases for Redis instance, wait for it, set the admin password, read the connection
information, create the private service key, test, and save public and private profiles.
Run the same command again after a failure or an interruption: it resumes where it stopped
and never creates a second instance.

The API key comes from IBMCLOUD_API_KEY, else from the keychain (saved by the app's Account
step); with --cli-session, from your own "ibmcloud login" (nothing is written to your CLI's
configuration). The admin password is generated (kept in the keychain), or taken from
PSE_WIZARD_ADMIN_PASSWORD.

  --config FILE  JSON: {"name", "region", "resourceGroup"?, "options"?: {"tags", "hostFlavor",
                 "memoryMbPerMember", "diskMbPerMember", "cpuPerMember", "version",
                 "keyProtectKeyCrn", "serviceEndpoints"}, "serviceKeyName"?, "profileTags"?}
  --json         one JSON object per line (progress, then {"result": …})
  --sandbox      run against a fresh in-process sandbox (emulator + real TLS Redis)
  --reset        forget the saved wizard state first (nothing in the cloud is deleted)
  --cli-session  sign in with your own ibmcloud CLI login (ibmcloud iam oauth-tokens)
  --session-secrets  no keychain here: keep the passwords in memory for this run only (the
                 saved profiles then have no stored password; enter it again in the app)

Exit codes: 0 the private profile is saved and its test passed; 1 a step failed (the error
code and advice are printed); 2 bad usage or config.`

async function readConfig(file: string): Promise<HeadlessConfig> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (e) {
    throw new UsageError(`cannot read --config ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new UsageError(`--config ${file} is not valid JSON: ${(e as Error).message}`)
  }
  const parsed = HeadlessConfig.safeParse(raw)
  if (!parsed.success) throw new UsageError(`--config ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`)
  return parsed.data
}

const human = (l: ProgressLine): string => {
  const head = `[${l.index}/9] ${l.step}: ${l.status}`
  const pct = l.percent !== undefined && l.percent !== null ? ` ${l.percent}%` : ''
  const text = l.text ? ` ${l.text}` : ''
  const time = l.elapsedMs !== undefined ? ` (${Math.round(l.elapsedMs / 1000)} s)` : ''
  const err = l.error ? `\n      ${l.error.code}: ${l.error.message}` : ''
  return `${head}${pct}${text}${time}${err}`
}

export const setupCommand: Command = {
  name: 'setup',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        json: { type: 'boolean' },
        sandbox: { type: 'boolean' },
        reset: { type: 'boolean' },
        'cli-session': { type: 'boolean' },
        'session-secrets': { type: 'boolean' }
      }
    })
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    if (!values.config) throw new UsageError('--config FILE is required')
    const config = await readConfig(values.config)
    const json = values.json === true
    const print = (obj: object, text: string) => io.stdout(json ? JSON.stringify(obj) + '\n' : text + '\n')

    let env = io.env
    const closers: Array<() => Promise<void>> = []
    if (values.sandbox) {
      const sandbox = await startSandbox(sandboxOptionsFromEnv(env))
      closers.push(() => sandbox.close())
      env = { ...env, ...sandbox.env }
    }
    const adminPassword = env.PSE_WIZARD_ADMIN_PASSWORD?.trim() || undefined
    registerSecret(adminPassword)
    registerSecret(env.IBMCLOUD_API_KEY)
    try {
      const dataDir = resolveDataDir(env)
      const settings = await new SettingsStore(dataDir).load()
      // Last before the sandbox stops: log the isolated CLI out so no IAM token stays on disk.
      closers.unshift(() => endIsolatedCliSession({ dataDir, configuredPath: settings.ibmcloudCliPath, env }))
      const bus = new EventBus()
      let last: WizardState | undefined
      bus.subscribe((name, payload) => {
        if (name !== 'wizard.changed') return
        for (const line of progressLines(payload as WizardState, last)) print(line, human(line))
        last = payload as WizardState
      })
      const profiles = createProfilesService(dataDir, env)
      if (values['session-secrets']) profiles.useSessionSecrets()
      const wizard = await createWizard({
        dataDir,
        sandbox: values.sandbox === true || Boolean(env.PSE_SANDBOX_URL),
        env,
        settings: () => settings,
        bus,
        profiles,
        secrets: profiles.secrets
      })
      closers.unshift(() => wizard.close())
      const stop = () => void wizard.job.shutdown()
      io.signal.addEventListener('abort', stop, { once: true })
      if (values.reset) await wizard.job.reset()

      let result
      try {
        result = await runHeadless(wizard.job, config, {
          useEnvironmentKey: Boolean(env.IBMCLOUD_API_KEY?.trim()),
          useCliSession: values['cli-session'] === true,
          ...(adminPassword ? { adminPassword } : {})
        })
      } catch (e) {
        if (!isAppFailure(e)) throw e
        result = { ok: false, state: wizard.job.state(), error: e.toValue() }
      }
      io.signal.removeEventListener('abort', stop)
      if (result.ok) {
        const s = result.state
        print(
          { result: 'ok', instance: s.instance?.id, privateProfileId: s.saved?.privateProfileId, publicProfileId: s.saved?.publicProfileId },
          `\nDone: "${s.instance?.name}" is reachable through its private endpoint.\nPrivate profile: ${s.saved?.privateProfileId}${s.saved?.publicProfileId ? `\nPublic profile:  ${s.saved.publicProfileId}` : ''}\nTest it again any time: pse-wizard test ${s.saved?.privateProfileId}`
        )
        return Exit.ok
      }
      const error: AppError = result.error ?? { code: 'wizard_failed', message: 'The setup did not finish.' }
      const unreachable = result.state.tests.privateUnreachable
      print(
        {
          result: 'failed',
          step: result.state.current,
          code: error.code,
          message: error.message,
          ...(error.detail ? { detail: error.detail } : {}),
          ...(unreachable ? { privateUnreachable: unreachable } : {})
        },
        `\nSetup stopped at "${result.state.current}": ${error.code}\n${error.message}${error.detail ? `\n(${error.detail})` : ''}${unreachable ? `\n${unreachable.options.map((o) => `  - ${o.label}: ${o.detail}`).join('\n')}` : ''}\nRun the same command again to resume.`
      )
      return Exit.failure
    } finally {
      for (const close of closers) await close()
    }
  }
}
