import fs from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { Exit, UsageError, type Command, type ExitCode } from '../command'
import { isAppFailure, type AppError } from '../../shared/errors'
import type { WizardState } from '../../shared/schemas/wizard'
import { registerSecret } from '../../main/core'
import { openCore } from '../core'
import { CONFIG_INVALID } from '../headless-gen2'
import { HeadlessConfig, progressLines, runHeadless, type HeadlessResult, type ProgressLine } from '../headless-setup'
import { printable, printableJsonLine } from '../printable'
import { restrictAfterSetup } from '../setup-restrict'
import type { Translate } from '../../shared/i18n/probe-notes/render'
import { cliLanguage, loadCliTranslator } from '../locale'
import { doneText, failureText, progressText, stoppedText } from '../setup-output'

const USAGE = `Usage: pse-wizard setup --config FILE [--json] [--sandbox] [--reset] [--cli-session] [--session-secrets] [--lang en|ja]

Runs the setup wizard without questions: sign in, check prerequisites, create (or find) the
Databases for Redis instance, wait for it, set the admin password, read the connection
information, create the private service key, test, and save public and private profiles.
Run the same command again after a failure or an interruption: it resumes where it stopped
and never creates a second instance.

The API key comes from IBMCLOUD_API_KEY, else from the keychain (saved by the app's Account
step); with --cli-session, from your own "ibmcloud login" (nothing is written to your CLI's
configuration). Gen 1: the admin password is generated (kept in the keychain), or taken from
PSE_WIZARD_ADMIN_PASSWORD.

  --config FILE  JSON: {"name", "region", "resourceGroup"?, "generation"?: "gen1" | "gen2",
                 "options"?: {"tags", "hostFlavor", "memoryMbPerMember", "diskMbPerMember",
                 "cpuPerMember", "version", "keyProtectKeyCrn", "serviceEndpoints"},
                 "serviceKeyName"?, "profileTags"?,
                 "restrict"?: {"allow": [ADDRESS, …], "mechanism"?: "cbr" | "allowlist"}}
                 Gen 2 ("generation": "gen2", private only): "vpc"? (id or name; default the
                 region's first VPC with a subnet), "subnets"? (ids or names; default one per
                 zone), "options": {"hostFlavor"? (default the first offered, e.g. bx3d.4x20),
                 "storageGbPerMember"? (10–4000, default 10), "version", "keyProtectKeyCrn",
                 "tags"}, "securityGroup"? (id or name in that VPC; default: the app creates
                 one admitting TCP 6379 from the VPE's subnets); the Gen 1 sizes (memory, disk
                 MB, CPU) are refused for Gen 2. Gen 2 runs the Manager key (step 5), the VPE
                 gateway (step 6) and the Writer key (step 7) instead of the admin password.
                 With "restrict", the instance then admits only those networks, checked with the
                 private profile's own test as "pse-wizard restrict" does.
  --json         one JSON object per line (progress, then {"result": …}): the codes and
                 parameters, and "said", the line's words in the chosen language
  --lang en|ja   the language of what is printed for people (default: LC_ALL, LC_MESSAGES
                 or LANG)
  --sandbox      run against a fresh in-process sandbox (emulator + real TLS Redis)
  --reset        forget the saved wizard state first (nothing in the cloud is deleted)
  --cli-session  sign in with your own ibmcloud CLI login (ibmcloud iam oauth-tokens)
  --session-secrets  no keychain here: keep the passwords in memory for this run only (the
                 saved profiles then have no stored password; enter it again in the app)

Exit codes: 0 the private profile is saved and its test passed; 1 a step failed (the error
code and advice are printed); 2 bad usage or config.`

/** Why a file could not be read, in words rather than as an errno code. */
function whyUnreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file (check the path)'
  if (code === 'EISDIR') return 'it is a folder, not a file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (check who may read it)'
  return (e as Error).message
}

async function readConfig(file: string): Promise<HeadlessConfig> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (e) {
    throw new UsageError(`cannot read --config ${file}: ${whyUnreadable(e)}`)
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

/** One progress line for people, in the language of `t` (Gen 2 names its own steps 5 and 7). */
export const human = (l: ProgressLine, t: Translate, gen2 = false): string => progressText(t, l, gen2)

/** A progress line as --json prints it: as the wizard reported it, with its words (`said`) beside. */
const jsonLine = (l: ProgressLine, said: string) => ({ ...l, said })

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
        'session-secrets': { type: 'boolean' },
        lang: { type: 'string' }
      }
    })
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    if (!values.config) throw new UsageError('--config FILE is required')
    const language = cliLanguage(values.lang, io.env)
    const config = await readConfig(values.config)
    const json = values.json === true
    const gen2 = config.generation === 'gen2'
    const t = await loadCliTranslator(language)
    // Human lines quote IBM Cloud (error messages, instance names): never let them drive the terminal.
    const print = (obj: object, text: string) => io.stdout(json ? printableJsonLine(obj) : printable(text) + '\n')

    const adminPassword = io.env.PSE_WIZARD_ADMIN_PASSWORD?.trim() || undefined
    registerSecret(adminPassword)
    registerSecret(io.env.IBMCLOUD_API_KEY)
    // --sandbox: a fresh sandbox (emulator + real TLS Redis) inside the core; its close logs the
    // isolated CLI out (no IAM token stays on disk) before the sandbox stops.
    const core = await openCore(io, { sandbox: values.sandbox === true, followEnvironmentSandbox: true })
    const stop = () => void core.core.stopWork()
    try {
      let last: WizardState | undefined
      core.core.events.subscribe((name, payload) => {
        if (name !== 'wizard.changed') return
        for (const line of progressLines(payload as WizardState, last)) {
          const said = human(line, t, gen2)
          print(jsonLine(line, said), said)
        }
        last = payload as WizardState
      })
      if (values['session-secrets']) await core.call('profiles.useSessionSecrets', {})
      io.signal.addEventListener('abort', stop, { once: true })
      if (values.reset) await core.call('wizard.reset', {})

      let result: HeadlessResult
      try {
        result = await runHeadless(core, config, {
          // In the sandbox the key is the sandbox's own, in the environment of the core.
          useEnvironmentKey: values.sandbox === true || Boolean(io.env.IBMCLOUD_API_KEY?.trim()),
          useCliSession: values['cli-session'] === true,
          ...(adminPassword ? { adminPassword } : {})
        })
      } catch (e) {
        if (!isAppFailure(e)) throw e
        // The config named a VPC, subnet or flavor the account does not offer: bad usage, exit 2.
        if (e.code === CONFIG_INVALID) throw new UsageError(`--config ${values.config}: ${e.message}`)
        result = { ok: false, state: await core.call('wizard.state', {}), error: e.toValue() }
      }
      io.signal.removeEventListener('abort', stop)
      const privateProfileId = result.state.saved?.privateProfileId
      if (result.ok && config.restrict && privateProfileId) {
        const restricted = await restrictAfterSetup(core, privateProfileId, config.restrict, print, t)
        return restricted ? report(result, print, t, { extra: restricted, gen2 }) : Exit.failure
      }
      return report(result, print, t, { gen2 })
    } finally {
      await core.close()
    }
  }
}

/**
 * The last line(s) in the language of `t`: the profiles saved, or where the setup stopped and why.
 * --json keeps main's message, code and parameters, and adds `said`: the message in that language.
 */
export function report(
  result: HeadlessResult,
  print: (obj: object, text: string) => void,
  t: Translate,
  { extra = {}, gen2 = false }: { extra?: Record<string, unknown>; gen2?: boolean } = {}
): ExitCode {
  if (result.ok) {
    const s = result.state
    const said = doneText(t, s)
    print(
      {
        result: 'ok',
        instance: s.instance?.id,
        privateProfileId: s.saved?.privateProfileId,
        publicProfileId: s.saved?.publicProfileId,
        ...extra,
        said: said.trim()
      },
      said
    )
    return Exit.ok
  }
  const error: AppError = result.error ?? { code: 'wizard_failed', message: 'The setup did not finish.', params: { say: 'cliSetup.notFinished' } }
  const unreachable = result.state.tests.privateUnreachable
  print(
    {
      result: 'failed',
      step: result.state.current,
      code: error.code,
      message: error.message,
      ...(error.params ? { params: error.params } : {}),
      ...(error.detail ? { detail: error.detail } : {}),
      ...(unreachable ? { privateUnreachable: unreachable } : {}),
      said: failureText(t, error)
    },
    stoppedText(t, result.state, error, gen2)
  )
  return Exit.failure
}
