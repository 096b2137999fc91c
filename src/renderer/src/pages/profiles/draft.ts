import { ProfileFields, defaultProfileFields, type Origin } from '../../../../shared/schemas/profile'
import type { NetworkPath } from '../../../../shared/schemas/network-path'

/**
 * The editor's form state: strings as typed (numbers stay text until validated), so every field
 * can show its own error while the user types. `toFields` turns it into `ProfileFields`.
 */
export interface SshJumpDraft {
  host: string
  port: string
  username: string
  privateKeyPath: string
}

export interface PathDraft {
  kind: NetworkPath['kind']
  ssh: {
    host: string
    port: string
    username: string
    method: 'key' | 'agent' | 'password'
    privateKeyPath: string
    /** ProxyJump hops as `ssh -J` takes them: `user@host[:port]`, comma separated, in connection order. */
    jumpsText: string
    sshConfigAlias: string | null
    hostKeyFingerprint: string | null
  }
  pod: { tool: 'oc' | 'kubectl'; binaryPath: string; context: string; namespace: string; image: string }
}

export interface Draft {
  name: string
  tags: string
  host: string
  port: string
  db: string
  username: string
  tlsEnabled: boolean
  caPem: string
  servername: string
  verifyServerCert: boolean
  clientCertPem: string
  connectMs: string
  commandMs: string
  path: PathDraft
  origin: Origin
}

/** Field keys errors are reported under (one per input on screen). */
export type FieldKey =
  | 'name'
  | 'tags'
  | 'host'
  | 'port'
  | 'db'
  | 'username'
  | 'caPem'
  | 'servername'
  | 'clientCertPem'
  | 'connectMs'
  | 'commandMs'
  | 'ssh.host'
  | 'ssh.port'
  | 'ssh.username'
  | 'ssh.privateKeyPath'
  | 'ssh.jumps'
  | 'pod.binaryPath'
  | 'pod.context'
  | 'pod.namespace'
  | 'pod.image'

export type FieldErrors = Partial<Record<FieldKey, string>>

const emptyPath = (): PathDraft => ({
  kind: 'direct',
  ssh: {
    host: '',
    port: '22',
    username: '',
    method: 'key',
    privateKeyPath: '~/.ssh/id_ed25519',
    jumpsText: '',
    sshConfigAlias: null,
    hostKeyFingerprint: null
  },
  pod: { tool: 'kubectl', binaryPath: '', context: '', namespace: 'default', image: '' }
})

export function draftFromFields(f: ProfileFields = defaultProfileFields()): Draft {
  const path = emptyPath()
  const np = f.networkPath
  if (np.kind === 'ssh') {
    path.kind = 'ssh'
    path.ssh = {
      host: np.host,
      port: String(np.port),
      username: np.username,
      method: np.auth.method,
      privateKeyPath: np.auth.method === 'key' ? np.auth.privateKeyPath : path.ssh.privateKeyPath,
      jumpsText: formatJumps(np.jumps.map((j) => ({ host: j.host, port: String(j.port), username: j.username, privateKeyPath: j.privateKeyPath ?? '' }))),
      sshConfigAlias: np.sshConfigAlias,
      hostKeyFingerprint: np.hostKeyFingerprint
    }
  } else if (np.kind === 'pod') {
    path.kind = 'pod'
    path.pod = { tool: np.tool, binaryPath: np.binaryPath ?? '', context: np.context ?? '', namespace: np.namespace, image: np.image ?? '' }
  }
  return {
    name: f.name,
    tags: f.tags.join(', '),
    host: f.host,
    port: String(f.port),
    db: String(f.db),
    username: f.username ?? '',
    tlsEnabled: f.tls.enabled,
    caPem: f.tls.caPem ?? '',
    servername: f.tls.servername ?? '',
    verifyServerCert: f.tls.verifyServerCert,
    clientCertPem: f.tls.clientCertPem ?? '',
    connectMs: String(f.timeouts.connectMs),
    commandMs: String(f.timeouts.commandMs),
    path,
    origin: f.origin
  }
}

const int = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s.trim()) : NaN)
const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim())
/** PEM text is kept as pasted (only an empty box means none). */
const pemOrNull = (s: string): string | null => (s.trim() === '' ? null : s)

function pathFromDraft(p: PathDraft): unknown {
  if (p.kind === 'direct') return { kind: 'direct' }
  if (p.kind === 'ssh') {
    const s = p.ssh
    return {
      kind: 'ssh',
      host: s.host.trim(),
      port: int(s.port),
      username: s.username.trim(),
      auth: s.method === 'key' ? { method: 'key', privateKeyPath: s.privateKeyPath.trim() } : { method: s.method },
      jumps:
        parseJumps(s.jumpsText)?.map((j) => ({ host: j.host, port: int(j.port), username: j.username, privateKeyPath: orNull(j.privateKeyPath) })) ??
        'unparsable',
      sshConfigAlias: s.sshConfigAlias,
      hostKeyFingerprint: s.hostKeyFingerprint
    }
  }
  const d = p.pod
  return { kind: 'pod', tool: d.tool, binaryPath: orNull(d.binaryPath), context: orNull(d.context), namespace: d.namespace.trim(), image: orNull(d.image) }
}

/** The candidate object, before validation. */
export function rawFields(d: Draft): unknown {
  return {
    name: d.name.trim(),
    tags: d.tags
      .split(/[,\s]+/)
      .map((t) => t.trim())
      .filter(Boolean),
    host: d.host.trim(),
    port: int(d.port),
    db: int(d.db),
    username: orNull(d.username),
    tls: {
      enabled: d.tlsEnabled,
      caPem: pemOrNull(d.caPem),
      servername: orNull(d.servername),
      verifyServerCert: d.verifyServerCert,
      clientCertPem: pemOrNull(d.clientCertPem)
    },
    timeouts: { connectMs: int(d.connectMs), commandMs: int(d.commandMs) },
    networkPath: pathFromDraft(d.path),
    origin: d.origin
  }
}

/** Maps a zod issue path to the input that shows it. */
function fieldOf(path: PropertyKey[]): FieldKey | undefined {
  const [a, b, c] = path.map(String)
  if (a === 'tls') return b === 'caPem' || b === 'servername' || b === 'clientCertPem' ? b : undefined
  if (a === 'timeouts') return b === 'connectMs' || b === 'commandMs' ? b : undefined
  if (a === 'networkPath') {
    if (b === 'jumps') return 'ssh.jumps'
    if (b === 'auth') return c === 'privateKeyPath' ? 'ssh.privateKeyPath' : undefined
    if (b === 'host' || b === 'port' || b === 'username') return `ssh.${b}`
    if (b === 'binaryPath' || b === 'context' || b === 'namespace' || b === 'image') return `pod.${b}`
    return undefined
  }
  const top: FieldKey[] = ['name', 'tags', 'host', 'port', 'db', 'username']
  return top.find((k) => k === a)
}

/** Validates the whole form with the shared schema; errors are reported per input. */
export function toFields(d: Draft): { fields?: ProfileFields; errors: FieldErrors } {
  const parsed = ProfileFields.safeParse(rawFields(d))
  if (parsed.success) return { fields: parsed.data, errors: {} }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const key = fieldOf(issue.path)
    if (key && !errors[key]) errors[key] = issue.message
  }
  return { errors }
}

/** "user@host:port" entries (ssh -J syntax) into jump drafts; undefined when one does not parse. */
export function parseJumps(text: string): SshJumpDraft[] | undefined {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const jumps: SshJumpDraft[] = []
  for (const part of parts) {
    const m = /^([^@\s]+)@([^:\s]+|\[[0-9A-Fa-f:.]+\])(?::(\d+))?$/.exec(part)
    if (!m) return undefined
    jumps.push({ username: m[1], host: m[2].replace(/^\[|\]$/g, ''), port: m[3] ?? '22', privateKeyPath: '' })
  }
  return jumps
}

export const formatJumps = (jumps: SshJumpDraft[]): string =>
  jumps.map((j) => `${j.username}@${j.host}${j.port && j.port !== '22' ? `:${j.port}` : ''}`).join(', ')
