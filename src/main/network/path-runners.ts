import os from 'node:os'
import type { ProfileFields } from '../../shared/schemas/profile'
import type { ProbeResult } from '../../shared/schemas/probe'
import { registerSecret } from '../logging/redact'
import type { ProbeOptions, ProbeTarget } from '../redis/probe'
import type { KnownHostsStore } from './known-hosts'
import type { PathSecrets, PathTestOptions } from './run-probe-via-path'

/**
 * The profiles service's runner shape: one test along one network path. `path.sshSecret` is the
 * SSH passphrase or password (by the path's login method) when the caller has one.
 */
export type NetworkPathRunner = (
  fields: ProfileFields,
  target: ProbeTarget,
  options: ProbeOptions,
  path?: { sshSecret?: string | null }
) => Promise<ProbeResult>

export interface NetworkRunnerDeps {
  dataDir: string
  env?: NodeJS.ProcessEnv
  homeDir?: string
  /**
   * The SSH passphrase or password for a profile's path. Default: $PSE_SSH_PASSPHRASE /
   * $PSE_SSH_PASSWORD (the CLI); the UI passes one typed for the test through network.testPath.
   */
  sshSecrets?: (fields: ProfileFields) => Promise<PathSecrets>
  /** Extra options for every test (timeouts, pod polling); tests use it. */
  testOptions?: Partial<PathTestOptions>
}

/**
 * Runners for the profiles service, one per path kind: `direct` (the probe plus a diagnosis
 * when a private endpoint fails), `ssh` (through a tunnel) and `pod` (from the cluster).
 * Register them with createProfilesService so the app, the CLI and the wizard test every path.
 */
export function networkPathRunners(deps: NetworkRunnerDeps): Record<'direct' | 'ssh' | 'pod', NetworkPathRunner> {
  const env = deps.env ?? process.env
  // The pinned host keys (and the file lock behind them) load with the first SSH host key check.
  let store: Promise<KnownHostsStore> | undefined
  const knownHosts: Pick<KnownHostsStore, 'lookup'> = {
    lookup: async (host, port) => (await (store ??= import('./known-hosts').then(({ KnownHostsStore: Store }) => new Store(deps.dataDir)))).lookup(host, port)
  }
  const secretsFor = deps.sshSecrets ?? (async () => envSecrets(env))
  const secrets = async (fields: ProfileFields, given: string | null | undefined): Promise<PathSecrets> => {
    if (fields.networkPath.kind !== 'ssh') return {}
    if (!given) return secretsFor(fields)
    registerSecret(given)
    return fields.networkPath.auth.method === 'password' ? { sshPassword: given } : { sshPassphrase: given }
  }
  // The path code (and the diagnosis) loads with the first test, not with the profiles service.
  const run: NetworkPathRunner = async (fields, target, options, path) =>
    (await import('./run-probe-via-path')).testViaPath(target, fields.networkPath, await secrets(fields, path?.sshSecret), {
      knownHosts,
      env,
      homeDir: deps.homeDir ?? os.homedir(),
      privateEndpoint: fields.origin.kind === 'ibmcloud' && fields.origin.endpointType === 'private',
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onPhase ? { onPhase: options.onPhase } : {}),
      ...(options.resolve ? { resolve: options.resolve } : {}),
      ...(options.connectTo ? { connectTo: options.connectTo } : {}),
      ...deps.testOptions
    })
  return { direct: run, ssh: run, pod: run }
}

function envSecrets(env: NodeJS.ProcessEnv): PathSecrets {
  const sshPassphrase = env.PSE_SSH_PASSPHRASE || undefined
  const sshPassword = env.PSE_SSH_PASSWORD || undefined
  registerSecret(sshPassphrase)
  registerSecret(sshPassword)
  return { ...(sshPassphrase ? { sshPassphrase } : {}), ...(sshPassword ? { sshPassword } : {}) }
}
