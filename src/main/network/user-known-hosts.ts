import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { readFileBounded } from '../storage/bounded-read'
import { log } from '../logging/log'

/**
 * The user's own OpenSSH known_hosts files, read (never written) so that a bastion the user
 * already reaches with `ssh` is trusted without asking again. Follows sshd(8) "SSH_KNOWN_HOSTS
 * FILE FORMAT": `[marker] hostpatterns keytype base64key [comment]`, hashed `|1|salt|hash`
 * names, `[host]:port` for ports other than 22, comma-separated patterns with `*`, `?` and
 * `!` negation, and the `@revoked` / `@cert-authority` markers.
 */
export interface KnownHostsEntry {
  marker?: 'revoked' | 'cert-authority'
  /** The host field as written (pattern list, or one hashed `|1|salt|hash`). */
  hosts: string
  keyType: string
  key: Buffer
  file: string
  line: number
}

export type UserKnownHostsVerdict =
  | { status: 'revoked'; file: string; line: number }
  | { status: 'match'; file: string; line: number }
  /** An entry for this host with a key of the same type that is not the presented one. */
  | { status: 'mismatch'; file: string; line: number; key: Buffer }
  | { status: 'none' }

const MARKERS: Record<string, KnownHostsEntry['marker']> = { '@revoked': 'revoked', '@cert-authority': 'cert-authority' }
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** Every usable line of a known_hosts text; comments, blank and malformed lines are skipped. */
export function parseKnownHosts(text: string, file: string): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const fields = raw.trim().split(/\s+/)
    if (!fields[0] || fields[0].startsWith('#')) return
    let marker: KnownHostsEntry['marker']
    if (fields[0].startsWith('@')) {
      marker = MARKERS[fields[0].toLowerCase()]
      if (!marker) return
      fields.shift()
    }
    const [hosts, keyType, key64] = fields
    if (!hosts || !keyType || !key64 || !BASE64.test(key64)) return
    const key = Buffer.from(key64, 'base64')
    if (blobType(key) !== keyType) return
    entries.push({ ...(marker ? { marker } : {}), hosts, keyType, key, file, line: i + 1 })
  })
  return entries
}

/** The key type written inside a public key blob (an SSH string at its start). */
function blobType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined
  const len = blob.readUInt32BE(0)
  if (len === 0 || len > 64 || blob.length < 4 + len) return undefined
  return blob.subarray(4, 4 + len).toString('ascii')
}

/** The name OpenSSH looks up: `host` on port 22, else `[host]:port`; lower-cased. */
export const knownHostsName = (host: string, port: number): string => (port === 22 ? host.toLowerCase() : `[${host.toLowerCase()}]:${port}`)

/** `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`, as `ssh-keygen -H` and `HashKnownHosts yes` write. */
export function hashHostName(name: string, salt: Buffer): string {
  const mac = crypto.createHmac('sha1', salt).update(name).digest()
  return `|1|${salt.toString('base64')}|${mac.toString('base64')}`
}

function matchesHashed(field: string, name: string): boolean {
  const parts = field.split('|')
  if (parts.length !== 4 || parts[1] !== '1') return false
  const salt = Buffer.from(parts[2], 'base64')
  const expected = Buffer.from(parts[3], 'base64')
  if (salt.length === 0 || expected.length !== 20) return false
  const mac = crypto.createHmac('sha1', salt).update(name).digest()
  return crypto.timingSafeEqual(mac, expected)
}

/**
 * OpenSSH's match_pattern: `*` any run, `?` one character, case-insensitive, whole string.
 * The greedy two-pointer walk (back to the last `*`) stays O(name x pattern): no regular
 * expression, so a pattern full of stars cannot make it backtrack for long.
 */
export function matchesPattern(name: string, pattern: string): boolean {
  const s = name.toLowerCase()
  const p = pattern.toLowerCase()
  let i = 0
  let j = 0
  let star = -1
  let mark = 0
  while (i < s.length) {
    if (j < p.length && (p[j] === '?' || (p[j] !== '*' && p[j] === s[i]))) {
      i++
      j++
    } else if (j < p.length && p[j] === '*') {
      star = j++
      mark = i
    } else if (star >= 0) {
      j = star + 1
      i = ++mark
    } else return false
  }
  while (j < p.length && p[j] === '*') j++
  return j === p.length
}

/** Whether an entry's host field names `host:port`; a matching `!pattern` vetoes the whole line. */
export function hostFieldMatches(field: string, host: string, port: number): boolean {
  const name = knownHostsName(host, port)
  if (field.startsWith('|')) return matchesHashed(field, name)
  let positive = false
  for (const pattern of field.split(',')) {
    if (!pattern) continue
    if (pattern.startsWith('!')) {
      if (matchesPattern(name, pattern.slice(1))) return false
    } else if (matchesPattern(name, pattern)) positive = true
  }
  return positive
}

/**
 * What the user's known_hosts say about a presented key: a `@revoked` key is refused for every
 * host; a plain entry for this host with this key trusts it; an entry for this host with a
 * different key of the same type is a mismatch (a changed key). A key type the files do not
 * list for this host says nothing (the app's own pins decide), as OpenSSH asks in that case.
 * `@cert-authority` lines never match: ssh2 offers no certificate host key algorithms, so a
 * server's plain key is all we see and a CA cannot vouch for it.
 */
export function judgeWithKnownHosts(entries: KnownHostsEntry[], host: string, port: number, key: Buffer): UserKnownHostsVerdict {
  const revoked = entries.find((e) => e.marker === 'revoked' && e.key.equals(key))
  if (revoked) return { status: 'revoked', file: revoked.file, line: revoked.line }
  const forHost = entries.filter((e) => e.marker === undefined && hostFieldMatches(e.hosts, host, port))
  const match = forHost.find((e) => e.key.equals(key))
  if (match) return { status: 'match', file: match.file, line: match.line }
  const type = blobType(key)
  const differing = forHost.find((e) => e.keyType === type)
  if (differing) return { status: 'mismatch', file: differing.file, line: differing.line, key: differing.key }
  return { status: 'none' }
}

/** The key types the files list for this host, for asking the server for one of those first. */
export const knownKeyTypes = (entries: KnownHostsEntry[], host: string, port: number): string[] => [
  ...new Set(entries.filter((e) => e.marker === undefined && hostFieldMatches(e.hosts, host, port)).map((e) => e.keyType))
]

const MAX_KNOWN_HOSTS_BYTES = 4 * 1024 * 1024

/**
 * Reads the given known_hosts files (missing ones are skipped). A file that cannot be read or
 * is too large is skipped with a warning: it then trusts nothing, and the app's pins decide.
 */
export async function readKnownHostsFiles(files: string[]): Promise<KnownHostsEntry[]> {
  const entries: KnownHostsEntry[] = []
  for (const file of files) {
    try {
      entries.push(...parseKnownHosts(await readFileBounded(file, MAX_KNOWN_HOSTS_BYTES), file))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue
      log.warn(`skipped known_hosts file ${file}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return entries
}

/** `~/.ssh/known_hosts` shown with `~` when it is under the home folder. */
export function displayPath(file: string, homeDir: string = os.homedir()): string {
  const rel = path.relative(homeDir, file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? `~/${rel.split(path.sep).join('/')}` : file
}
