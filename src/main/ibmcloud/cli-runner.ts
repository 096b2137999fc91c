import { spawn } from 'node:child_process'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../shared/errors'
import { cancelledFailure } from '../util/abort'
import { log } from '../logging/log'
import { findExecutable } from '../util/find-executable'
import { writeFileAtomic } from '../storage/atomic-file'
import { readFileBounded } from '../storage/bounded-read'
import { registerSecret } from '../logging/redact'
import { parseAccountShow, parseCliVersion, parsePluginListJson, parsePluginListText, type AccountShow, type PluginInfo } from './account-show-parser'

export const CliCodes = {
  missing: 'ibmcloud_cli_missing',
  notLoggedIn: 'ibmcloud_cli_not_logged_in',
  pluginMissing: 'ibmcloud_plugin_missing',
  failed: 'ibmcloud_cli_failed',
  timeout: 'ibmcloud_cli_timeout',
  loginFailed: 'ibmcloud_cli_login_failed'
} as const

export const CLI_INSTALL_URL = 'https://cloud.ibm.com/docs/cli?topic=cli-install-ibmcloud-cli'
export const PLUGIN_NAME = 'cloud-databases'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export interface CliRunnerOptions {
  /** The "ibmcloud CLI path" setting; empty = not set. */
  configuredPath?: string
  env?: NodeJS.ProcessEnv
  /** App data folder: the isolated IBMCLOUD_HOME lives under it. */
  dataDir: string
  /** Use the user's own `ibmcloud` login (their IBMCLOUD_HOME) instead of the isolated one. */
  useUserSession?: boolean
  /** The API key to log in with (isolated mode only). Read when needed, never stored by the runner. */
  apiKey?: () => Promise<string | undefined>
  timeoutMs?: number
}

const WINDOWS = process.platform === 'win32'

/** `PSE_IBMCLOUD_BIN`, then the setting, then PATH (ibmcloud / ibmcloud.exe). */
export function findIbmcloud(options: { configuredPath?: string; env?: NodeJS.ProcessEnv }): string | undefined {
  const env = options.env ?? process.env
  for (const explicit of [env.PSE_IBMCLOUD_BIN, options.configuredPath]) {
    if (explicit && explicit.trim()) return fs.existsSync(explicit) ? path.resolve(explicit) : undefined
  }
  return findExecutable(WINDOWS ? ['ibmcloud.exe', 'ibmcloud.cmd', 'ibmcloud.bat'] : ['ibmcloud'], env)
}

/** Variables passed through to the CLI: the basics, proxies, and IBM's endpoint overrides (the sandbox uses them). */
const PASS_THROUGH =
  /^(PATH|Path|HOME|USERPROFILE|APPDATA|LOCALAPPDATA|SYSTEMROOT|SystemRoot|TEMP|TMP|TMPDIR|HTTPS?_PROXY|https?_proxy|NO_PROXY|no_proxy|SSL_CERT_FILE|SSL_CERT_DIR|IBMCLOUD_.*_API_ENDPOINT|PSE_SANDBOX_URL)$/

/**
 * Runs `ibmcloud` without a shell, with a timeout, killed on cancel. In isolated mode it runs in
 * its own IBMCLOUD_HOME under the app data folder (the user's own login is never touched), in
 * English, logged in with the API key through the IBMCLOUD_API_KEY variable (never argv).
 */
export class IbmcloudCli {
  readonly bin: string | undefined
  readonly home: string | undefined
  private readonly env: NodeJS.ProcessEnv
  private loggedIn = false

  constructor(private readonly options: CliRunnerOptions) {
    this.env = options.env ?? process.env
    this.bin = findIbmcloud({ configuredPath: options.configuredPath, env: this.env })
    this.home = options.useUserSession ? undefined : path.join(options.dataDir, 'ibmcloud-home')
  }

  get isolated(): boolean {
    return this.home !== undefined
  }

  private requireBin(): string {
    if (!this.bin) {
      throw new AppFailure({
        code: CliCodes.missing,
        message: `The IBM Cloud CLI (ibmcloud) was not found. Install it from ${CLI_INSTALL_URL}, or set its path in Settings.`
      })
    }
    return this.bin
  }

  /** Runs one command. Never throws for a non-zero exit: the caller reads the result. */
  async run(args: string[], opts: { signal?: AbortSignal; timeoutMs?: number; extraEnv?: Record<string, string> } = {}): Promise<CliResult> {
    const bin = this.requireBin()
    const env: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(this.env)) if (PASS_THROUGH.test(k) && v !== undefined) env[k] = v
    Object.assign(env, { IBMCLOUD_COLOR: 'false', IBMCLOUD_VERSION_CHECK: 'false', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' })
    if (this.home) env.IBMCLOUD_HOME = this.home
    else if (this.env.IBMCLOUD_HOME) env.IBMCLOUD_HOME = this.env.IBMCLOUD_HOME
    Object.assign(env, opts.extraEnv ?? {})
    // A Node script (the sandbox CLI) runs under this very Node/Electron binary.
    const [file, argv] = /\.c?js$/.test(bin) ? [process.execPath, [bin, ...args]] : [bin, args]
    if (file === process.execPath) env.ELECTRON_RUN_AS_NODE = '1'
    const timeoutMs = opts.timeoutMs ?? this.options.timeoutMs ?? 60_000
    return new Promise<CliResult>((resolve, reject) => {
      if (opts.signal?.aborted) return reject(cancelledFailure())
      let child
      // Its own process group (POSIX), so that a timeout or cancel also stops what it started
      // (ibmcloud runs each plugin as a child process of its own).
      const group = !WINDOWS
      try {
        child = spawn(file, argv, { env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, shell: false, detached: group })
      } catch (e) {
        return reject(this.spawnFailure(e))
      }
      let stdout = ''
      let stderr = ''
      let settled = false
      const cap = (s: string, chunk: Buffer) => (s.length > 4_000_000 ? s : s + chunk.toString('utf8'))
      child.stdout.on('data', (c: Buffer) => (stdout = cap(stdout, c)))
      child.stderr.on('data', (c: Buffer) => (stderr = cap(stderr, c)))
      const signal = (name: NodeJS.Signals) => {
        try {
          if (group && child.pid) process.kill(-child.pid, name)
          else child.kill(name)
        } catch {
          // already gone
        }
      }
      const kill = () => {
        signal('SIGTERM')
        setTimeout(() => signal('SIGKILL'), 2_000).unref()
      }
      const finish = (fn: () => void) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        opts.signal?.removeEventListener('abort', onAbort)
        fn()
      }
      const timer = setTimeout(() => {
        kill()
        finish(() =>
          reject(
            new AppFailure({
              code: CliCodes.timeout,
              message: `"ibmcloud ${args.slice(0, 2).join(' ')}" did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped. Check the network, then try again.`
            })
          )
        )
      }, timeoutMs)
      const onAbort = () => {
        kill()
        finish(() => reject(cancelledFailure()))
      }
      opts.signal?.addEventListener('abort', onAbort, { once: true })
      child.on('error', (e) => finish(() => reject(this.spawnFailure(e))))
      child.on('close', (code) => finish(() => resolve({ code: code ?? 1, stdout, stderr })))
    })
  }

  private spawnFailure(e: unknown): AppFailure {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EACCES') {
      return new AppFailure({
        code: CliCodes.missing,
        message: `The IBM Cloud CLI could not be started from ${this.bin}. Install it from ${CLI_INSTALL_URL}, or fix its path in Settings.`,
        detail: String(code)
      })
    }
    return new AppFailure({ code: CliCodes.failed, message: 'The IBM Cloud CLI could not be started.', detail: (e as Error).message })
  }

  /** Runs a command and throws a typed, explained error when it fails. */
  async runChecked(args: string[], opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<CliResult> {
    const r = await this.run(args, opts)
    if (r.code !== 0) throw explainFailure(args, r)
    return r
  }

  async version(signal?: AbortSignal): Promise<string | undefined> {
    const r = await this.run(['version'], { signal, timeoutMs: 20_000 })
    return parseCliVersion(r.stdout + '\n' + r.stderr)
  }

  /**
   * Makes sure the CLI has a session. Isolated mode: prepares the private IBMCLOUD_HOME (English
   * locale, no version check) and logs in with the API key in IBMCLOUD_API_KEY. User-session
   * mode: only checks that the user is logged in.
   */
  async ensureSession(signal?: AbortSignal): Promise<void> {
    if (this.loggedIn) return
    if (!this.isolated) {
      await this.runChecked(['iam', 'oauth-tokens'], { signal, timeoutMs: 30_000 })
      this.loggedIn = true
      return
    }
    await fsp.mkdir(this.home!, { recursive: true, mode: 0o700 })
    // The CLI keeps its session (IAM and refresh tokens) in there: the user's alone, even when
    // the folder was made earlier with looser permissions (mkdir's mode applies only to new folders).
    if (!WINDOWS) await fsp.chmod(this.home!, 0o700)
    await this.run(['config', '--locale', 'en_US'], { signal, timeoutMs: 20_000 })
    await this.run(['config', '--check-version', 'false'], { signal, timeoutMs: 20_000 })
    const key = await this.options.apiKey?.()
    if (!key) {
      throw new AppFailure({
        code: CliCodes.notLoggedIn,
        message: 'No IBM Cloud API key is set for the CLI. Enter one on the Account step, or choose "Use my CLI session" in Settings.'
      })
    }
    registerSecret(key)
    const r = await this.run(['login', '--no-region'], { signal, timeoutMs: 90_000, extraEnv: { IBMCLOUD_API_KEY: key } })
    if (r.code !== 0) {
      throw new AppFailure({
        code: CliCodes.loginFailed,
        message: 'The IBM Cloud CLI could not log in with the API key. Check the key on the Account step.',
        detail: tail(r)
      })
    }
    this.loggedIn = true
  }

  /**
   * Isolated mode: logs the CLI out and removes the IAM tokens it keeps in its config file, so
   * none stays at rest in the data folder (the next ensureSession logs in again). Never touches
   * the user's own CLI login.
   */
  async endSession(): Promise<void> {
    this.loggedIn = false
    if (this.isolated) await endIsolatedCliSession({ dataDir: this.options.dataDir, configuredPath: this.options.configuredPath, env: this.env })
  }

  async accountShow(signal?: AbortSignal): Promise<AccountShow> {
    await this.ensureSession(signal)
    const r = await this.runChecked(['account', 'show'], { signal })
    return parseAccountShow(r.stdout)
  }

  async plugins(signal?: AbortSignal): Promise<PluginInfo[]> {
    const r = await this.run(['plugin', 'list', '--output', 'json'], { signal, timeoutMs: 30_000 })
    if (r.code === 0 && /^\s*[[{n]/.test(r.stdout)) return parsePluginListJson(r.stdout)
    const text = await this.runChecked(['plugin', 'list'], { signal, timeoutMs: 30_000 })
    return parsePluginListText(text.stdout)
  }

  async installPlugin(signal?: AbortSignal, update = false): Promise<void> {
    log.info(`${update ? 'updating' : 'installing'} the ibmcloud ${PLUGIN_NAME} plugin`)
    await this.runChecked(['plugin', update ? 'update' : 'install', PLUGIN_NAME, '-f'], { signal, timeoutMs: 300_000 })
  }
}

/** Top-level fields in which the CLI keeps its session: IAMToken, IAMRefreshToken, UAAToken, UAARefreshToken (the sandbox: RefreshToken). */
const TOKEN_FIELD = /token/i

/** The config file of the isolated CLI (IBMCLOUD_HOME under the data folder). */
export const isolatedCliConfig = (dataDir: string): string => path.join(dataDir, 'ibmcloud-home', '.bluemix', 'config.json')

/**
 * Ends the isolated CLI session of a data folder: `ibmcloud logout`, then removes any token
 * field still in its config.json (a logout that failed or timed out, a CLI that keeps more).
 * Does nothing (spawns nothing) when no token is there. Never throws: it runs while closing.
 */
export async function endIsolatedCliSession(options: { dataDir: string; configuredPath?: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  const file = isolatedCliConfig(options.dataDir)
  try {
    if (!(await hasTokens(file))) return
    const cli = new IbmcloudCli({ ...options, useUserSession: false })
    if (cli.bin) await cli.run(['logout'], { timeoutMs: 20_000 }).catch(() => undefined)
    await removeTokens(file)
  } catch (e) {
    log.warn(`could not clear the isolated ibmcloud session in ${path.dirname(file)}: ${(e as Error).message}`)
  }
}

/**
 * Removes the token fields from the isolated CLI's config without running the CLI: quick, for
 * app start (tokens a previous run could not clear, e.g. a desktop app that quit before its
 * closers finished). Never throws.
 */
export async function removeIsolatedCliTokens(dataDir: string): Promise<void> {
  const file = isolatedCliConfig(dataDir)
  try {
    await removeTokens(file)
  } catch (e) {
    log.warn(`could not clear the isolated ibmcloud session in ${path.dirname(file)}: ${(e as Error).message}`)
  }
}

async function readConfig(file: string): Promise<Record<string, unknown> | 'unreadable' | undefined> {
  let text: string
  try {
    text = await readFileBounded(file, 1024 * 1024)
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable'
  }
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : 'unreadable'
  } catch {
    return 'unreadable'
  }
}

async function hasTokens(file: string): Promise<boolean> {
  const config = await readConfig(file)
  return config === 'unreadable' || (config !== undefined && Object.keys(config).some((k) => TOKEN_FIELD.test(k)))
}

async function removeTokens(file: string): Promise<void> {
  const config = await readConfig(file)
  if (config === undefined) return
  // Ours alone and rebuilt by the next login: one we cannot read may hold tokens, so it goes.
  if (config === 'unreadable') return fsp.rm(file, { force: true })
  const kept = Object.fromEntries(Object.entries(config).filter(([k]) => !TOKEN_FIELD.test(k)))
  if (Object.keys(kept).length !== Object.keys(config).length) await writeFileAtomic(file, JSON.stringify(kept, null, 2))
}

const tail = (r: CliResult) => (r.stdout + '\n' + r.stderr).trim().split('\n').slice(-15).join('\n')

/** Turns a failed CLI run into advice: not logged in, plugin missing, or the CLI's own words. */
export function explainFailure(args: string[], r: CliResult): AppFailure {
  const text = `${r.stdout}\n${r.stderr}`
  if (/not logged in|ログインしていません|log in with .ibmcloud login/i.test(text)) {
    return new AppFailure({
      code: CliCodes.notLoggedIn,
      message: 'The IBM Cloud CLI is not logged in. Run "ibmcloud login" (or let PSE Wizard log in with your API key), then check again.',
      detail: tail(r)
    })
  }
  if (/'?(cdb|cloud-databases)'? is not a registered command|not a registered command.*plug-?in/i.test(text)) {
    return new AppFailure({
      code: CliCodes.pluginMissing,
      message: `The ${PLUGIN_NAME} plugin is not installed. Install it with "ibmcloud plugin install ${PLUGIN_NAME} -f".`,
      detail: tail(r)
    })
  }
  return new AppFailure({
    code: CliCodes.failed,
    message: `"ibmcloud ${args.slice(0, 2).join(' ')}" failed. The details show what the CLI said.`,
    detail: tail(r)
  })
}
