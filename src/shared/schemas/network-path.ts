import { z } from 'zod'

/**
 * How a profile's connection reaches Redis: directly (VPN, Direct Link, inside IBM Cloud),
 * through an SSH bastion, or from a short-lived pod in the user's cluster. One member per
 * path, keyed by `kind`. No member holds a secret: the SSH passphrase or password lives in the
 * keychain next to the Redis password.
 */
export const DirectPath = z.object({ kind: z.literal('direct') }).strict()

const SSH_HOST = /^(?=.{1,253}$)[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$|^[0-9A-Fa-f:.]{2,45}$/
export const SshHost = z.string().regex(SSH_HOST, 'Enter a host name or an IP address.')
export const SshUser = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.@-]*$/, 'Enter a user name without spaces.')
export const Port = z.number().int().min(1).max(65_535)
/** `SHA256:` + 43 base64 characters, as `ssh-keygen -lf` prints a host key. */
export const HostKeyFingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'Expected an SSH fingerprint such as SHA256:…')
const AbsolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || p.startsWith('~/') || /^[A-Za-z]:[\\/]/.test(p), { message: 'Enter a full path.' })

/** How to log in to the bastion; the passphrase / password are keychain secrets, never here. */
export const SshAuthSettings = z.discriminatedUnion('method', [
  z.object({ method: z.literal('key'), privateKeyPath: AbsolutePath }).strict(),
  z.object({ method: z.literal('agent') }).strict(),
  z.object({ method: z.literal('password') }).strict()
])
export type SshAuthSettings = z.infer<typeof SshAuthSettings>

/** A server to go through before the bastion (ProxyJump), in connection order. */
export const SshJump = z
  .object({
    host: SshHost,
    port: Port,
    username: SshUser,
    /** Its own key file (no passphrase, or the same one); absent: the bastion's login method. */
    privateKeyPath: AbsolutePath.nullable()
  })
  .strict()
export type SshJump = z.infer<typeof SshJump>

export const SshPath = z
  .object({
    kind: z.literal('ssh'),
    host: SshHost,
    port: Port,
    username: SshUser,
    auth: SshAuthSettings,
    jumps: z.array(SshJump).max(8),
    /** The `Host` alias of ~/.ssh/config these values were filled from, for the user's reference. */
    sshConfigAlias: z.string().max(253).nullable(),
    /** A pin for the bastion's host key; null: the key accepted in the app's known-hosts store. */
    hostKeyFingerprint: HostKeyFingerprint.nullable()
  })
  .strict()
export type SshPath = z.infer<typeof SshPath>

/** `oc` / `kubectl`, or a versioned copy of them (`kubectl-1.30`); never any other program. */
const KUBE_BINARY = /(^|[\\/])(oc|kubectl)([-._][A-Za-z0-9.]+)?(\.exe)?$/
export const PodPath = z
  .object({
    kind: z.literal('pod'),
    tool: z.enum(['oc', 'kubectl']),
    /** Full path to the tool; null: found on PATH. */
    binaryPath: AbsolutePath.refine((p) => KUBE_BINARY.test(p), { message: 'The path must end in oc or kubectl.' }).nullable(),
    /** kube context; null: the current one. */
    context: z
      .string()
      .min(1)
      .max(253)
      .regex(/^[^\s]+$/)
      .nullable(),
    namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'A namespace is lower-case letters, digits and dashes.'),
    /** Image with sh and redis-cli; null: the official `redis` image. */
    image: z
      .string()
      .max(512)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/, 'Enter an image reference such as registry.example.com/tools/redis:7.')
      .nullable()
  })
  .strict()
export type PodPath = z.infer<typeof PodPath>

export const NetworkPath = z.discriminatedUnion('kind', [DirectPath, SshPath, PodPath])
export type NetworkPath = z.infer<typeof NetworkPath>
export type NetworkPathKind = NetworkPath['kind']

// ── What the bastion and pod paths add to a test result (used by probe.ts and network.ts) ──

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
  'pod_probe_failed',
  'pod_tls_unverifiable'
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
