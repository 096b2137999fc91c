import os from 'node:os'
import path from 'node:path'
import SSHConfig from 'ssh-config'
import { AppFailure } from '../../shared/errors'
import { readFileBounded } from '../storage/bounded-read'

/** One SSH server to reach: where, as whom, with which key files (already expanded). */
export interface SshEndpoint {
  host: string
  port: number
  username?: string
  identityFiles: string[]
}

/** An alias resolved like OpenSSH would: the target plus the jump hosts in connection order. */
export interface ResolvedSshHost extends SshEndpoint {
  alias: string
  /** First element is the first server contacted; the target is reached through the last one. */
  jumps: SshEndpoint[]
}

/** `[user@]host[:port]`, as written in ProxyJump or on the command line (`ssh://` also accepted). */
export interface SshHostSpec {
  username?: string
  host: string
  port?: number
}

export const SshConfigCodes = {
  invalid: 'ssh_config_invalid',
  jumpLoop: 'ssh_config_jump_loop'
} as const

const MAX_JUMP_DEPTH = 8

/** An unusable SSH host or config: `say` names its text in the catalogue (errors.<say>), `spec` the user's words. */
const invalid = (message: string, params: { say: 'errors.sshHostEmpty' | 'errors.sshUserEmpty' | 'errors.sshHostInvalid' | 'errors.sshPortInvalid' | 'errors.sshConfigUnreadable'; spec?: string }, detail?: string): AppFailure =>
  new AppFailure({ code: SshConfigCodes.invalid, message, params, ...(detail ? { detail } : {}) })

/** The user's `~/.ssh/config`, or undefined when there is none. */
export async function readUserSshConfig(homeDir: string = os.homedir()): Promise<string | undefined> {
  try {
    // Bounded: a planted or mistaken huge file (or a device) must not fill memory.
    return await readFileBounded(path.join(homeDir, '.ssh', 'config'), 4 * 1024 * 1024)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

/** Parses `[user@]host[:port]`, `[user@][v6]:port` or `ssh://[user@]host[:port]`. */
export function parseHostSpec(spec: string): SshHostSpec {
  let s = spec.trim()
  if (s.startsWith('ssh://')) s = s.slice('ssh://'.length).replace(/\/$/, '')
  if (!s) throw invalid('An SSH host is empty. Write it as user@host or user@host:port.', { say: 'errors.sshHostEmpty' })
  let username: string | undefined
  const at = s.lastIndexOf('@')
  if (at >= 0) {
    username = s.slice(0, at)
    s = s.slice(at + 1)
    if (!username) throw invalid(`"${spec}" has an empty user name before "@". Write it as user@host.`, { say: 'errors.sshUserEmpty', spec })
  }
  let host = s
  let portText: string | undefined
  const v6 = /^\[([^\]]+)\](?::(.*))?$/.exec(s)
  if (v6) {
    host = v6[1]
    portText = v6[2]
  } else if (s.split(':').length === 2) {
    ;[host, portText] = s.split(':')
  }
  if (!host || /[\s,@/]/.test(host)) throw invalid(`"${spec}" is not a valid SSH host. Write it as user@host or user@host:port.`, { say: 'errors.sshHostInvalid', spec })
  const result: SshHostSpec = { host }
  if (username !== undefined) result.username = username
  if (portText !== undefined) result.port = parsePort(portText, spec)
  return result
}

/** Formats a spec back to `[user@]host[:port]` (IPv6 in brackets when a port follows). */
export function formatHostSpec(spec: SshHostSpec): string {
  const host = spec.port !== undefined && spec.host.includes(':') ? `[${spec.host}]` : spec.host
  return `${spec.username !== undefined ? `${spec.username}@` : ''}${host}${spec.port !== undefined ? `:${spec.port}` : ''}`
}

/** A ProxyJump value: comma separated specs, or `none`. */
export function parseProxyJump(value: string): SshHostSpec[] {
  const v = value.trim()
  if (!v || v.toLowerCase() === 'none') return []
  return v.split(',').map((part) => parseHostSpec(part))
}

function parsePort(text: string, context: string): number {
  if (!/^\d{1,5}$/.test(text.trim())) throw invalid(`The port in "${context}" is not a number between 1 and 65535.`, { say: 'errors.sshPortInvalid', spec: context })
  const port = Number(text.trim())
  if (port < 1 || port > 65535) throw invalid(`The port in "${context}" is not a number between 1 and 65535.`, { say: 'errors.sshPortInvalid', spec: context })
  return port
}

/** Concrete `Host` names (no wildcard, no negation) the user can pick from, in file order. */
export function listSshAliases(configText: string): string[] {
  const config = parseConfig(configText)
  const names: string[] = []
  for (const line of config) {
    if (line.type !== SSHConfig.DIRECTIVE || line.param.toLowerCase() !== 'host') continue
    const values = typeof line.value === 'string' ? line.value.split(/\s+/) : line.value.map((v) => v.val)
    for (const name of values) if (name && !/[*?!]/.test(name) && !names.includes(name)) names.push(name)
  }
  return names
}

export interface ResolveOptions {
  homeDir?: string
  /** The local user name, for `%u`. */
  localUser?: string
}

/**
 * Resolves `alias` (or any host name) through the config text like OpenSSH: first value wins
 * across matching `Host` blocks; `HostName` may use `%h`; ProxyJump hosts are resolved through
 * the config too, and only the first jump's own ProxyJump applies (as `ssh -J` does).
 * `Match exec` is never evaluated: reading a config must not run commands.
 */
export function resolveSshHost(configText: string | undefined, alias: string, options: ResolveOptions = {}): ResolvedSshHost {
  const config = parseConfig(configText ?? '')
  const chain = expand(config, parseHostSpec(alias), options, [])
  const target = chain[chain.length - 1]
  return { alias, ...target, jumps: chain.slice(0, -1) }
}

function expand(config: SSHConfig, spec: SshHostSpec, options: ResolveOptions, seen: string[]): SshEndpoint[] {
  if (seen.length >= MAX_JUMP_DEPTH || seen.includes(spec.host)) {
    throw new AppFailure({
      code: SshConfigCodes.jumpLoop,
      message: `The ProxyJump settings for "${seen[0] ?? spec.host}" loop or go deeper than ${MAX_JUMP_DEPTH} hops. Check ~/.ssh/config.`,
      detail: [...seen, spec.host].join(' -> '),
      params: { alias: seen[0] ?? spec.host, max: MAX_JUMP_DEPTH }
    })
  }
  const values = config.compute(spec.host, { ignoreCase: true, matchExec: false })
  const endpoint = endpointFrom(spec, values, options)
  const jumpValue = single(values.proxyjump)
  const jumps = jumpValue ? parseProxyJump(jumpValue) : []
  if (jumps.length === 0) return [endpoint]
  const [first, ...rest] = jumps
  const head = expand(config, first, options, [...seen, spec.host])
  const middle = rest.map((j) => endpointFrom(j, config.compute(j.host, { ignoreCase: true, matchExec: false }), options))
  return [...head, ...middle, endpoint]
}

function endpointFrom(spec: SshHostSpec, values: Record<string, string | string[]>, options: ResolveOptions): SshEndpoint {
  const home = options.homeDir ?? os.homedir()
  const hostName = single(values.hostname)
  const host = hostName ? expandTokens(hostName, { h: spec.host }) : spec.host
  const portText = single(values.port)
  const port = spec.port ?? (portText ? parsePort(portText, `Port ${portText} for ${spec.host}`) : 22)
  const username = spec.username ?? single(values.user)
  const tokens = { h: host, p: String(port), d: home, u: options.localUser ?? safeLocalUser(), r: username ?? '' }
  const identityFiles = many(values.identityfile).map((f) => expandPath(expandTokens(f, tokens), home))
  return { host, port, ...(username !== undefined ? { username } : {}), identityFiles }
}

/**
 * The known_hosts files OpenSSH would read for `host`: the `UserKnownHostsFile` values that
 * apply to it in the config (several paths allowed, `~` and `%d %u %h %p` expanded, `none`
 * for none), else `~/.ssh/known_hosts` and `~/.ssh/known_hosts2`, the defaults it replaces.
 */
export function userKnownHostsFiles(configText: string | undefined, host: string, port: number, options: ResolveOptions = {}): string[] {
  const home = options.homeDir ?? os.homedir()
  const defaults = [path.join(home, '.ssh', 'known_hosts'), path.join(home, '.ssh', 'known_hosts2')]
  let values: Record<string, string | string[]>
  try {
    values = parseConfig(configText ?? '').compute(host, { ignoreCase: true, matchExec: false })
  } catch {
    return defaults
  }
  const configured = many(values.userknownhostsfile).flatMap((v) => v.split(/\s+/).filter(Boolean))
  if (configured.length === 0) return defaults
  if (configured.length === 1 && configured[0].toLowerCase() === 'none') return []
  const tokens = { h: host, p: String(port), d: home, u: options.localUser ?? safeLocalUser() }
  return configured.filter((f) => f.toLowerCase() !== 'none').map((f) => path.resolve(home, expandPath(expandTokens(f, tokens), home)))
}

function parseConfig(text: string): SSHConfig {
  try {
    return SSHConfig.parse(text)
  } catch (e) {
    throw invalid(
      'Your SSH config file could not be read. Fix the line named below, or enter the bastion by hand.',
      { say: 'errors.sshConfigUnreadable' },
      e instanceof Error ? e.message : String(e)
    )
  }
}

const single = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)
const many = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

function expandTokens(value: string, tokens: Record<string, string>): string {
  return value.replace(/%(.)/g, (m, t: string) => (t === '%' ? '%' : (tokens[t] ?? m)))
}

function expandPath(p: string, home: string): string {
  if (p === '~') return home
  if (p.startsWith('~/')) return path.join(home, p.slice(2))
  return p
}

function safeLocalUser(): string {
  try {
    return os.userInfo().username
  } catch {
    return ''
  }
}
