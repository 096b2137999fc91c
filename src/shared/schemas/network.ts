import { z } from 'zod'
import { ProbeResult } from './probe'
import { HostKeyFingerprint, NetworkPath, Port, SshHost } from './network-path'

/**
 * What the bastion and pod paths add to a connection test: the host key the user must accept,
 * the diagnosis of an unreachable private endpoint, and what happened to the test pod.
 */

/** Codes the SSH and pod paths add to the probe's codes. */
export const PathCode = z.enum([
  'ssh_host_key_unknown',
  'ssh_host_key_changed',
  'ssh_host_not_found',
  'ssh_connect_refused',
  'ssh_connect_failed',
  'ssh_timeout',
  'ssh_auth_failed',
  'ssh_key_unreadable',
  'ssh_key_passphrase_required',
  'ssh_key_passphrase_wrong',
  'ssh_agent_unavailable',
  'ssh_forward_denied',
  'ssh_forward_failed',
  'ssh_config_invalid',
  'ssh_config_jump_loop',
  'ssh_secret_missing',
  'pod_tool_not_found',
  'pod_rbac_forbidden',
  'pod_not_logged_in',
  'pod_context_not_found',
  'pod_namespace_not_found',
  'pod_cluster_unreachable',
  'pod_tool_failed',
  'pod_timeout',
  'pod_image_pull_failed',
  'pod_failed',
  'pod_output_incomplete',
  'pod_probe_failed'
])
export type PathCode = z.infer<typeof PathCode>

/** A host key waiting for the user's decision (first connection) or a changed one (hard stop). */
export const HostKeyPrompt = z.object({
  host: z.string(),
  port: z.number().int(),
  keyType: z.string(),
  fingerprint: z.string(),
  status: z.enum(['unknown', 'changed'])
})
export type HostKeyPrompt = z.infer<typeof HostKeyPrompt>

export const ReachabilityCase = z.enum([
  /** Resolves into 166.8.0.0/14 but nothing answers: this machine is not on IBM Cloud's private network. */
  'not_on_private_network',
  /** A private endpoint name that does not resolve: IBM Cloud private DNS is not reachable from here. */
  'private_dns_unreachable',
  /** Resolves to a VPC address (a Virtual Private Endpoint) that does not answer from here. */
  'vpe_unreachable'
])
export type ReachabilityCase = z.infer<typeof ReachabilityCase>

export const PathSuggestion = z.object({
  kind: z.enum(['direct', 'ssh', 'pod']),
  /** This profile already uses this path. */
  current: z.boolean(),
  title: z.string(),
  /** What to do, one or two sentences. */
  action: z.string()
})
export type PathSuggestion = z.infer<typeof PathSuggestion>

export const PathDiagnosis = z.object({
  case: ReachabilityCase,
  message: z.string(),
  addresses: z.array(z.string()),
  suggestions: z.array(PathSuggestion)
})
export type PathDiagnosis = z.infer<typeof PathDiagnosis>

export const PodRunInfo = z.object({
  name: z.string(),
  namespace: z.string(),
  image: z.string(),
  cleanedUp: z.boolean(),
  /** For the user when cleanedUp is false. */
  cleanupCommand: z.string(),
  /** The pod's own output, for "Show details" (the probe script prints no secret). */
  output: z.string().max(20_000)
})

/** The probe's result, plus what the path adds. `code` is a probe code or a path code. */
export const PathTestResult = ProbeResult.extend({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/).nullable(),
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
  expiresAt: z.string()
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
