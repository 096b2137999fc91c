import os from 'node:os'
import type { ServerHostKeyAlgorithm } from 'ssh2'
import { fingerprintOf, judgeHostKey, type HostKeyVerdict } from './known-hosts'
import { listSshAliases, readUserSshConfig, resolveSshHost, userKnownHostsFiles } from './ssh-config'
import { displayPath, judgeWithKnownHosts, knownKeyTypes, readKnownHostsFiles, type KnownHostsEntry } from './user-known-hosts'
import { log } from '../logging/log'

/**
 * One bastion's host key trust, in OpenSSH's order: a key `@revoked` in the user's known_hosts
 * is refused; a key listed there for this host is trusted without asking; a different key of
 * that type listed there is a hard stop like a changed pin; otherwise the app's own pins decide
 * (unchanged). The user's files are only read.
 */
export interface UserKnownHosts {
  entries: KnownHostsEntry[]
  homeDir: string
}

/**
 * The known_hosts entries that may speak for `host:port`: the files the config names for that
 * host (or for an alias whose HostName and Port are that host's), else the default files.
 * Failing to read the config falls back to the defaults: trust comes only from a listed key.
 */
export async function loadUserKnownHosts(host: string, port: number, homeDir: string = os.homedir()): Promise<UserKnownHosts> {
  let config: string | undefined
  try {
    config = await readUserSshConfig(homeDir)
  } catch (e) {
    log.warn(`~/.ssh/config not read for known_hosts: ${e instanceof Error ? e.message : String(e)}`)
  }
  const files = new Set(userKnownHostsFiles(config, host, port, { homeDir }))
  if (config) {
    for (const alias of safeAliases(config)) {
      try {
        const r = resolveSshHost(config, alias, { homeDir })
        if (r.host.toLowerCase() === host.toLowerCase() && r.port === port) for (const f of userKnownHostsFiles(config, alias, port, { homeDir })) files.add(f)
      } catch {
        /* an alias that does not resolve names no files */
      }
    }
  }
  return { entries: await readKnownHostsFiles([...files]), homeDir }
}

function safeAliases(config: string): string[] {
  try {
    return listSshAliases(config)
  } catch {
    return []
  }
}

/** The verdict for a presented key blob: the user's known_hosts first, then the pin. */
export function judgePresentedKey(host: string, port: number, key: Buffer, user: UserKnownHosts | undefined, pinned: string | undefined): HostKeyVerdict {
  const presented = { host, port, ...fingerprintOf(key) }
  const fromUser = user ? judgeWithKnownHosts(user.entries, host, port, key) : { status: 'none' as const }
  const source = (v: { file: string; line: number }) => ({ file: displayPath(v.file, user?.homeDir), line: v.line })
  if (fromUser.status === 'revoked') return { status: 'revoked', presented, source: source(fromUser) }
  if (fromUser.status === 'match') return { status: 'trusted', source: source(fromUser) }
  if (fromUser.status === 'mismatch') return { status: 'changed', presented, pinned: fingerprintOf(fromUser.key).fingerprint, source: source(fromUser) }
  return judgeHostKey(presented, pinned)
}

/** ssh2's server host key algorithms (its defaults), with those of the keys known_hosts lists first. */
const DEFAULT_HOST_KEY_ALGORITHMS: ServerHostKeyAlgorithm[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa'
]
const ALGORITHMS_OF: Record<string, string[]> = { 'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] }

/**
 * Like OpenSSH, ask the server first for a key type known_hosts lists for it, so a server with
 * several keys shows the one the user already trusts. Undefined when there is nothing to prefer.
 */
export function preferredHostKeyAlgorithms(user: UserKnownHosts | undefined, host: string, port: number): ServerHostKeyAlgorithm[] | undefined {
  if (!user) return undefined
  const known: string[] = knownKeyTypes(user.entries, host, port).flatMap((t) => ALGORITHMS_OF[t] ?? [t])
  const first = DEFAULT_HOST_KEY_ALGORITHMS.filter((a) => known.includes(a))
  if (first.length === 0) return undefined
  return [...first, ...DEFAULT_HOST_KEY_ALGORITHMS.filter((a) => !first.includes(a))]
}
