import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { AppFailure } from '../../shared/errors'
import { keepAside, readFileIfExists, writeFileAtomic } from '../storage/atomic-file'
import { log } from '../logging/log'
import { withFileLock } from '../profiles/file-lock'

/** A server's host key as the user sees it: type and SHA256 fingerprint, as OpenSSH prints them. */
export interface HostKeyInfo {
  host: string
  port: number
  keyType: string
  /** `SHA256:` + unpadded base64 of the SHA-256 of the key blob (what `ssh-keygen -lf` shows). */
  fingerprint: string
}

export const HostKeyCodes = {
  unknown: 'ssh_host_key_unknown',
  changed: 'ssh_host_key_changed',
  revoked: 'ssh_host_key_revoked'
} as const

const PinSchema = z.object({ keyType: z.string(), fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/), acceptedAt: z.string() })
const FileSchema = z.object({ version: z.literal(1), hosts: z.record(z.string(), PinSchema) })
export type HostKeyPin = z.infer<typeof PinSchema>

export const FINGERPRINT_PATTERN = /^SHA256:[A-Za-z0-9+/]{43}$/

/** Fingerprint of a raw SSH public key blob (the `hostVerifier` argument of ssh2). */
export function fingerprintOf(keyBlob: Buffer): { keyType: string; fingerprint: string } {
  const digest = crypto.createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')
  return { keyType: keyTypeOf(keyBlob), fingerprint: `SHA256:${digest}` }
}

/** The key blob starts with its type as an SSH string: uint32 length, then the name. */
function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown'
  const len = blob.readUInt32BE(0)
  if (len === 0 || len > 64 || blob.length < 4 + len) return 'unknown'
  return blob.subarray(4, 4 + len).toString('ascii')
}

/** `[host]:port`, the key OpenSSH itself uses for non-default ports; lower-cased host. */
export const hostKeyId = (host: string, port: number): string => `[${host.toLowerCase()}]:${port}`

/** Where a verdict about the user's own known_hosts came from: file (as shown) and line. */
export interface KnownHostsSource {
  file: string
  line: number
}

/** What to do with a presented key, given the pin (if any). Pure, so it is easy to test. */
export type HostKeyVerdict =
  | { status: 'trusted'; source?: KnownHostsSource }
  | { status: 'unknown'; presented: HostKeyInfo }
  | { status: 'changed'; presented: HostKeyInfo; pinned: string; source?: KnownHostsSource }
  | { status: 'revoked'; presented: HostKeyInfo; source: KnownHostsSource }

export function judgeHostKey(presented: HostKeyInfo, pinnedFingerprint: string | undefined): HostKeyVerdict {
  if (pinnedFingerprint === undefined) return { status: 'unknown', presented }
  if (crypto.timingSafeEqual(Buffer.from(pinnedFingerprint.padEnd(64)), Buffer.from(presented.fingerprint.padEnd(64)))) return { status: 'trusted' }
  return { status: 'changed', presented, pinned: pinnedFingerprint }
}

/** The failure a verdict other than `trusted` turns into: never accepted silently. */
export function hostKeyFailure(verdict: Exclude<HostKeyVerdict, { status: 'trusted' }>): AppFailure {
  const p = verdict.presented
  if (verdict.status === 'unknown') {
    return new AppFailure({
      code: HostKeyCodes.unknown,
      message: `PSE Wizard has not connected to ${p.host}:${p.port} before. Check that its ${p.keyType} key fingerprint is ${p.fingerprint} (ask the server's owner, or run ssh-keygen -lf on the server), then accept it.`,
      detail: `${p.host}:${p.port} ${p.keyType} ${p.fingerprint}`,
      params: { host: p.host, port: p.port, keyType: p.keyType, fingerprint: p.fingerprint }
    })
  }
  if (verdict.status === 'revoked') {
    const where = `${verdict.source.file} line ${verdict.source.line}`
    return new AppFailure({
      code: HostKeyCodes.revoked,
      message: `The host key of ${p.host}:${p.port} (${p.fingerprint}) is marked @revoked in ${where}. PSE Wizard refuses it. Ask the server's owner for the server's current key.`,
      detail: `${p.host}:${p.port} ${p.keyType} ${p.fingerprint} revoked at ${where}`,
      params: { host: p.host, port: p.port, fingerprint: p.fingerprint, file: verdict.source.file, line: verdict.source.line }
    })
  }
  if (verdict.source) {
    const where = `${verdict.source.file} line ${verdict.source.line}`
    return new AppFailure({
      code: HostKeyCodes.changed,
      message: `WARNING: the host key of ${p.host}:${p.port} differs from the one in ${where}. Someone may be intercepting the connection, or the server was reinstalled. PSE Wizard stopped. Confirm the new fingerprint ${p.fingerprint} with the server's owner, then update that file (ssh-keygen -R removes the old entry).`,
      detail: `${p.host}:${p.port} known ${verdict.pinned} at ${where}, presented ${p.keyType} ${p.fingerprint}`,
      params: { say: 'errors.hostKeyChangedInFile', host: p.host, port: p.port, fingerprint: p.fingerprint, file: verdict.source.file, line: verdict.source.line }
    })
  }
  return new AppFailure({
    code: HostKeyCodes.changed,
    message: `WARNING: the host key of ${p.host}:${p.port} has changed. Someone may be intercepting the connection, or the server was reinstalled. PSE Wizard stopped. Confirm the new fingerprint ${p.fingerprint} with the server's owner before replacing the pinned key.`,
    detail: `${p.host}:${p.port} pinned ${verdict.pinned}, presented ${p.keyType} ${p.fingerprint}`,
    params: { host: p.host, port: p.port, fingerprint: p.fingerprint }
  })
}

/**
 * Host keys the user accepted, one JSON file in the app data folder (never `~/.ssh/known_hosts`,
 * which stays the user's own). Only an explicit accept adds or replaces a pin.
 */
export class KnownHostsStore {
  readonly file: string

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'ssh-known-hosts.json')
  }

  async lookup(host: string, port: number): Promise<HostKeyPin | undefined> {
    const hosts = await this.read()
    return hosts[hostKeyId(host, port)]
  }

  /**
   * Pins the fingerprint the user accepted. Replacing a different pin needs `replace: true`:
   * a changed key is never overwritten by the first-connection flow.
   */
  async accept(key: HostKeyInfo, options: { replace?: boolean } = {}): Promise<void> {
    if (!FINGERPRINT_PATTERN.test(key.fingerprint)) {
      throw new AppFailure({ code: 'invalid_input', message: 'That is not an SSH SHA256 fingerprint. Copy it exactly as shown, starting with "SHA256:".',
        params: { say: 'errors.fingerprintInvalid' }
      })
    }
    // Under the lock: the desktop app and the CLI may accept keys at the same time.
    await this.locked(async () => {
      const hosts = await this.read()
      const id = hostKeyId(key.host, key.port)
      const existing = hosts[id]
      if (existing && existing.fingerprint !== key.fingerprint && !options.replace) {
        throw hostKeyFailure({ status: 'changed', presented: key, pinned: existing.fingerprint })
      }
      hosts[id] = { keyType: key.keyType, fingerprint: key.fingerprint, acceptedAt: new Date().toISOString() }
      await writeFileAtomic(this.file, JSON.stringify({ version: 1, hosts }, null, 2) + '\n')
    })
  }

  /** Every pin, as `[host]:port` → pin, for listing. */
  async list(): Promise<Array<{ id: string } & HostKeyPin>> {
    const hosts = await this.read()
    return Object.entries(hosts).map(([id, pin]) => ({ id, ...pin }))
  }

  async forget(host: string, port: number): Promise<boolean> {
    return this.locked(async () => {
      const hosts = await this.read()
      const id = hostKeyId(host, port)
      if (!hosts[id]) return false
      delete hosts[id]
      await writeFileAtomic(this.file, JSON.stringify({ version: 1, hosts }, null, 2) + '\n')
      return true
    })
  }

  private async locked<T>(run: () => Promise<T>): Promise<T> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 })
    return withFileLock(this.file, run)
  }

  private async read(): Promise<Record<string, HostKeyPin>> {
    const text = await readFileIfExists(this.file)
    if (text === undefined) return {}
    const hosts = parsePins(text)
    if (hosts) return hosts
    // Unreadable pins are kept for the user to inspect; every host will ask to be accepted again.
    const aside = await keepAside(this.file, 'unreadable')
    log.warn(`SSH host key file was unreadable; kept it as ${aside}. Every bastion will ask for its key again.`)
    return {}
  }
}

function parsePins(text: string): Record<string, HostKeyPin> | undefined {
  try {
    const parsed = FileSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data.hosts : undefined
  } catch {
    return undefined
  }
}
