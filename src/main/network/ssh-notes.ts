import { TransportCodes, type AppFailure } from '../../shared/errors'
import { probeNote as note, type ProbeNote } from '../../shared/schemas/probe-notes'
import { cutText, redactBounded } from '../logging/redact'
import type { HostKeyVerdict } from './known-hosts'

/**
 * What the SSH phases found, as notes (src/shared/schemas/path-notes.ts) the UI and the CLI word
 * in the user's language: the route, where a host key was trusted from, and for a failure the
 * server, user or file it concerns with ssh2's own words quoted. Made from the failure's code and
 * the place the tunnel had reached, so the failures' messages stay where they are.
 */

/** Where the tunnel was when it failed: logging in to a hop, or opening a channel through the previous one. */
export type SshSpot =
  | { kind: 'hop'; host: string; port: number; username: string; method: 'key' | 'agent' | 'password'; keyFile?: string }
  | { kind: 'forward'; host: string; port: number }

export interface SshNoteTimeouts {
  connectMs: number
  authMs: number
  forwardMs: number
}

/** ssh2's (or the file system's) own words in a note: bounded, secrets masked. */
export const said = (text: string | undefined): string => redactBounded((text ?? '').trim(), 400)

/** `user@host:port → …`, as the timeline shows it; bounded to what a note parameter holds. */
export function sshRoute(hops: ReadonlyArray<{ username: string; host: string; port: number }>): string {
  return cutText(hops.map((h) => `${h.username}@${h.host}:${h.port}`).join(' → '), 1900)
}

/** The note of a host key that was not trusted (unknown, changed, revoked). */
export function hostKeyNote(verdict: Exclude<HostKeyVerdict, { status: 'trusted' }>): ProbeNote {
  const { host, port, keyType, fingerprint } = verdict.presented
  if (verdict.status === 'unknown') return note('ssh.host_key_unknown', { host, port, keyType, fingerprint })
  if (verdict.status === 'revoked') return note('ssh.host_key_revoked', { host, port, fingerprint, file: verdict.source.file, line: verdict.source.line })
  if (verdict.source) return note('ssh.host_key_changed_file', { host, port, keyType, fingerprint, file: verdict.source.file, line: verdict.source.line })
  return note('ssh.host_key_changed', { host, port, keyType, fingerprint, pinned: verdict.pinned })
}

/** The note of a host key that was trusted: from the user's known_hosts (file and line) or the app's pin. */
export function trustedKeyNote(host: string, port: number, verdict: Extract<HostKeyVerdict, { status: 'trusted' }>): ProbeNote {
  if (verdict.source) return note('ssh.host_key_from_file', { host, port, file: verdict.source.file, line: verdict.source.line })
  return note('ssh.host_key_pinned', { host, port })
}

/** Notes attached where a failure is made with facts its code alone does not carry (a host key verdict). */
const attached = new WeakMap<object, ProbeNote>()

export function withNote<E extends object>(failure: E, n: ProbeNote): E {
  attached.set(failure, n)
  return failure
}

/**
 * The failing SSH phase's note: what failed, where, with ssh2's words. `phase` is the phase that
 * failed (a timeout while logging in is not one while connecting).
 */
export function sshFailureNote(failure: AppFailure, spot: SshSpot | undefined, phase: string | undefined, timeouts: SshNoteTimeouts): ProbeNote {
  const own = attached.get(failure) ?? (failure.cause && typeof failure.cause === 'object' ? attached.get(failure.cause) : undefined)
  if (own) return own
  if (failure.code === TransportCodes.cancelled) return note('phase.cancelled', {})
  const words = said(failure.detail)
  if (spot?.kind === 'forward') {
    const { host, port } = spot
    if (failure.code === 'ssh_timeout') return note('ssh.forward_timeout', { host, port, ms: timeouts.forwardMs })
    if (failure.code === 'ssh_forward_denied') return note('ssh.forward_denied', { host, port, said: words })
    if (failure.code === 'ssh_forward_failed') return note('ssh.forward_failed', { host, port, said: words })
  }
  if (spot?.kind === 'hop') {
    const { host, port } = spot
    const file = spot.keyFile ?? ''
    switch (failure.code) {
      case 'ssh_timeout':
        return phase === 'ssh_auth'
          ? note('ssh.auth_timeout', { host, port, ms: timeouts.authMs })
          : note('ssh.connect_timeout', { host, port, ms: timeouts.connectMs })
      case 'ssh_connect_refused':
        return note('ssh.connect_refused', { host, port, said: words })
      case 'ssh_host_not_found':
        return note('ssh.host_not_found', { host, said: words })
      case 'ssh_auth_failed':
        return note('ssh.auth_refused', { host, port, user: spot.username, method: spot.method, said: words })
      case 'ssh_agent_unavailable':
        return words ? note('ssh.agent_unreachable', { said: words }) : note('ssh.agent_missing', {})
      case 'ssh_key_unreadable':
        return note('ssh.key_unreadable', { file, said: words })
      case 'ssh_key_too_large':
        return note('ssh.key_too_large', { file })
      case 'ssh_key_passphrase_required':
        return note('ssh.key_passphrase_required', { file })
      case 'ssh_key_passphrase_wrong':
        return note('ssh.key_passphrase_wrong', { file })
      case 'ssh_connect_failed':
        return note('ssh.connect_failed', { host, port, said: words || said(failure.message) })
    }
  }
  // Not a failure the tunnel words itself: what was said, as it was said.
  return note('phase.error', { said: words || said(failure.message) })
}
