import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { AppFailure } from '../../shared/errors'
import { alive } from '../storage/file-lock'
import { findExecutable } from '../util/find-executable'

/**
 * Runs a throw-away redis-server (Debian package `redis-server`) on a free loopback port, with
 * or without TLS and with ACL users, for the sandbox mode and the integration tests. Nothing is
 * persisted; the config, certificates and key live in a private temp folder removed by stop().
 */
export interface RedisUser {
  name: string
  password: string
  /** ACL rules after `on >password`; default: everything (`~* &* +@all`). */
  rules?: string
}

export interface RedisServerOptions {
  /** TLS material (PEM). Omit for a plain-text server. */
  tls?: {
    cert: string
    key: string
    /** CA used to verify client certificates; needed when authClients is not 'no'. */
    ca?: string
    authClients?: 'no' | 'optional' | 'yes'
  }
  users?: RedisUser[]
  /**
   * The `default` user: 'nopass' (anyone may run anything), 'off' (every connection must AUTH as a
   * named user), or a password (the classic `requirepass`). Default: 'nopass'.
   */
  defaultUser?: 'nopass' | 'off' | { password: string }
  /** Loopback address to bind; ::1 is bound too when available. Default 127.0.0.1. */
  host?: string
  /** Path of redis-server; default: found on PATH. */
  executable?: string
  /** How long to wait for "Ready to accept connections". Default 10 s. */
  readyTimeoutMs?: number
  /** Extra redis.conf lines (tests only). */
  extraConfig?: string[]
}

export interface RunningRedis {
  host: string
  port: number
  tls: boolean
  pid: number
  stop(): Promise<void>
}

export const SandboxCodes = {
  redisServerMissing: 'redis_server_missing',
  redisServerFailed: 'redis_server_failed'
} as const

/** Children still running; killed if this process exits before calling stop(). */
const running = new Map<ChildProcess, string>()
let exitHookInstalled = false

function installExitHook(): void {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.on('exit', () => {
    for (const [child, dir] of running) {
      try {
        child.kill('SIGKILL')
      } catch {
        // already gone
      }
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
}

function redisServerPath(explicit?: string): string {
  const found = explicit ?? findExecutable('redis-server') ?? ['/usr/bin/redis-server', '/usr/sbin/redis-server'].find((p) => fs.existsSync(p))
  if (!found || !fs.existsSync(found)) {
    throw new AppFailure({
      code: SandboxCodes.redisServerMissing,
      message: 'redis-server was not found on PATH. Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) and try again.'
    })
  }
  return found
}

/** A port nobody listens on right now (the OS picks it). */
export async function freeLoopbackPort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.once('error', reject)
    server.listen({ host, port: 0, exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** The ACL password form `#<sha256>`: no escaping issues, and no plaintext in the config file. */
function passwordRule(password: string): string {
  return `#${createHash('sha256').update(password, 'utf8').digest('hex')}`
}

function userLine(user: RedisUser): string {
  if (!/^[A-Za-z0-9_.@-]+$/.test(user.name)) throw new Error(`Invalid ACL user name: ${user.name}`)
  return `user ${user.name} reset on ${passwordRule(user.password)} ${user.rules ?? '~* &* +@all'}`
}

function defaultUserLine(spec: RedisServerOptions['defaultUser']): string {
  if (spec === 'off') return 'user default reset off'
  if (spec && typeof spec === 'object') return `user default reset on ${passwordRule(spec.password)} ~* &* +@all`
  return 'user default reset on nopass ~* &* +@all'
}

async function writeConfig(dir: string, port: number, host: string, options: RedisServerOptions): Promise<string> {
  const lines = [
    `bind ${host}${host === '127.0.0.1' ? ' -::1' : ''}`,
    'protected-mode yes',
    'daemonize no',
    'logfile ""',
    'loglevel notice',
    `dir ${dir}`,
    'save ""',
    'appendonly no',
    'databases 16',
    defaultUserLine(options.defaultUser),
    ...(options.users ?? []).map(userLine)
  ]
  if (options.tls) {
    const write = (name: string, pem: string) => fsp.writeFile(path.join(dir, name), pem, { mode: 0o600 })
    await write('server.crt', options.tls.cert)
    await write('server.key', options.tls.key)
    lines.push('port 0', `tls-port ${port}`, `tls-cert-file ${path.join(dir, 'server.crt')}`, `tls-key-file ${path.join(dir, 'server.key')}`)
    if (options.tls.ca) {
      await write('ca.crt', options.tls.ca)
      lines.push(`tls-ca-cert-file ${path.join(dir, 'ca.crt')}`)
    }
    lines.push(`tls-auth-clients ${options.tls.authClients ?? 'no'}`, 'tls-protocols "TLSv1.2 TLSv1.3"')
  } else {
    lines.push(`port ${port}`)
  }
  lines.push(...(options.extraConfig ?? []))
  const file = path.join(dir, 'redis.conf')
  await fsp.writeFile(file, lines.join('\n') + '\n', { mode: 0o600 })
  return file
}

/** On Linux, ask the kernel to kill redis-server if this process dies, even by SIGKILL. */
function command(executable: string, conf: string): [string, string[]] {
  const setpriv = process.platform === 'linux' ? findExecutable('setpriv') : undefined
  return setpriv ? [setpriv, ['--pdeathsig', 'KILL', executable, conf]] : [executable, [conf]]
}

function waitReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => finish(new Error(`redis-server was not ready after ${timeoutMs} ms`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000)
      if (output.includes('Ready to accept connections')) finish()
    }
    const onExit = (code: number | null) => finish(new Error(`redis-server exited (code ${code}) before it was ready`))
    function finish(error?: Error) {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.stderr?.off('data', onData)
      child.off('exit', onExit)
      child.stdout?.resume()
      child.stderr?.resume()
      if (!error) return resolve()
      const failure = new AppFailure({
        code: SandboxCodes.redisServerFailed,
        message: `${error.message}. Its last output is in the details.`,
        detail: output.trim()
      })
      reject(Object.assign(failure, { addressInUse: /Address already in use/i.test(output) }))
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', onExit)
  })
}

async function stopChild(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
    await exited
    clearTimeout(timer)
  }
  running.delete(child)
  await fsp.rm(dir, { recursive: true, force: true })
}

const TEMP_PREFIX = 'pse-redis-'
const OWNER_FILE = 'owner.pid'

/** Removes temp folders left by processes that died without stop() (SIGKILL leaves no exit hook). */
async function sweepOrphans(): Promise<void> {
  let names: string[]
  try {
    names = (await fsp.readdir(os.tmpdir())).filter((n) => n.startsWith(TEMP_PREFIX))
  } catch {
    return
  }
  for (const name of names) {
    const dir = path.join(os.tmpdir(), name)
    try {
      const owner = Number(await fsp.readFile(path.join(dir, OWNER_FILE), 'utf8'))
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) await fsp.rm(dir, { recursive: true, force: true })
    } catch {
      // not ours, or not readable: leave it
    }
  }
}

async function startOnce(executable: string, options: RedisServerOptions): Promise<RunningRedis> {
  const host = options.host ?? '127.0.0.1'
  await sweepOrphans()
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), TEMP_PREFIX))
  await fsp.chmod(dir, 0o700)
  await fsp.writeFile(path.join(dir, OWNER_FILE), String(process.pid), { mode: 0o600 })
  let child: ChildProcess | undefined
  try {
    const port = await freeLoopbackPort(host)
    const conf = await writeConfig(dir, port, host, options)
    const [file, args] = command(executable, conf)
    // Only what it needs: the app's environment may hold IBMCLOUD_API_KEY, REDIS_PASSWORD…
    child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } })
    installExitHook()
    running.set(child, dir)
    await waitReady(child, options.readyTimeoutMs ?? 10_000)
    const started = child
    let stopping: Promise<void> | undefined
    return {
      host,
      port,
      tls: Boolean(options.tls),
      pid: started.pid ?? -1,
      stop: () => (stopping ??= stopChild(started, dir))
    }
  } catch (e) {
    if (child) await stopChild(child, dir)
    else await fsp.rm(dir, { recursive: true, force: true })
    throw e
  }
}

/** Starts redis-server and resolves once it accepts connections. Retries when the port was taken meanwhile. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RunningRedis> {
  const executable = redisServerPath(options.executable)
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(executable, options)
    } catch (e) {
      if (attempt < 3 && (e as { addressInUse?: boolean }).addressInUse) continue
      throw e
    }
  }
}
