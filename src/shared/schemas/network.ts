import { z } from 'zod'
import { ProbeResult } from './probe'
import { HostKeyFingerprint, HostKeyPrompt, NetworkPath, PathDiagnosis, PodRunInfo, Port, SshHost } from './network-path'

export { HostKeyPrompt, PathCode, PathDiagnosis, PathSuggestion, PodRunInfo, ReachabilityCase } from './network-path'

/**
 * What the bastion and pod paths add to a connection test: the host key the user must accept,
 * the diagnosis of an unreachable private endpoint, and what happened to the test pod.
 */

/** The probe's result, with what the path adds always present (null when it does not apply). */
export const PathTestResult = ProbeResult.extend({
  path: z.enum(['direct', 'ssh', 'pod']),
  hostKey: HostKeyPrompt.nullable(),
  diagnosis: PathDiagnosis.nullable(),
  pod: PodRunInfo.nullable()
})
export type PathTestResult = z.infer<typeof PathTestResult>

// ── Contract inputs and outputs ─────────────────────────────────────────────

export const AcceptHostKeyInput = z
  .object({
    host: SshHost,
    port: Port,
    keyType: z.string().min(1).max(64),
    fingerprint: HostKeyFingerprint,
    /** Needed to replace a different pinned key: only after the user confirmed it out of band. */
    replace: z.boolean().optional()
  })
  .strict()

export const ForgetHostKeyInput = z.object({ host: SshHost, port: Port }).strict()

/** A trusted host key as the list shows it: `[host]:port` (or `host` on port 22), type, fingerprint, when accepted. */
export const PinnedHostKey = z.object({ id: z.string(), keyType: z.string(), fingerprint: z.string(), acceptedAt: z.string() })

/** `--via-ssh USER@HOST[:PORT]` (HOST may be a ~/.ssh/config alias), `--ssh-key FILE`, `--ssh-host-key SHA256:…`. */
export const SshSpecInput = z
  .object({ spec: z.string().min(1).max(1000), keyFile: z.string().min(1).max(4096).optional(), hostKey: z.string().max(200).optional() })
  .strict()

export const SshConfigAliases = z.object({
  /** False when there is no ~/.ssh/config. */
  found: z.boolean(),
  aliases: z.array(z.string())
})

export const ResolveSshAliasInput = z.object({ alias: z.string().min(1).max(253) }).strict()

/** An ssh path prefilled from a ~/.ssh/config alias (the UI still asks for the login method). */
export const ResolvedSshAlias = z.object({
  host: z.string(),
  port: z.number().int(),
  username: z.string().nullable(),
  identityFile: z.string().nullable(),
  jumps: z.array(z.object({ host: z.string(), port: z.number().int(), username: z.string().nullable(), identityFile: z.string().nullable() }))
})

/** Test a network path for a saved profile, or a path not saved yet (the editor's "Test"). */
export const TestPathInput = z
  .object({
    profileId: z.string().min(1).max(64),
    /** Overrides the profile's saved path (unsaved edits). */
    networkPath: NetworkPath.optional(),
    /** SSH passphrase or password typed for this test only; otherwise read from the keychain. */
    sshSecret: z.string().min(1).max(4096).optional()
  })
  .strict()

export const DiagnoseInput = z.object({ profileId: z.string().min(1).max(64) }).strict()

/** A tunnel kept open on request (to point redis-cli or an app at it), loopback only, time-limited. */
export const SessionTunnel = z.object({
  id: z.string(),
  profileId: z.string(),
  localHost: z.string(),
  localPort: z.number().int(),
  /** The Redis endpoint behind it: TLS clients must still use this host as servername. */
  target: z.string(),
  expiresAt: z.string(),
  /** A loopback port is not private to this user: anyone logged in to this computer can connect while it is open. */
  sharedWithLocalUsers: z.literal(true),
  warning: z.string()
})
export type SessionTunnel = z.infer<typeof SessionTunnel>

export const OpenTunnelInput = z
  .object({
    profileId: z.string().min(1).max(64),
    minutes: z.number().int().min(1).max(120),
    sshSecret: z.string().min(1).max(4096).optional()
  })
  .strict()

export const CloseTunnelInput = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }).strict()
