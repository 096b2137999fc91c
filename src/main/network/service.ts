import os from 'node:os'
import type { z } from 'zod'
import type { NetworkPath } from '../../shared/schemas/network-path'
import type { AcceptHostKeyInput, ForgetHostKeyInput, PathDiagnosis, PathTestResult, ResolvedSshAlias, SshConfigAliases, TestPathInput } from '../../shared/schemas/network'
import type { ProbeTarget } from '../redis/probe'
import { registerSecret } from '../logging/redact'
import { diagnoseReachability, isPrivateEndpointName } from './diagnosis'
import type { KnownHostsStore } from './known-hosts'
import { testViaPath, type PathSecrets, type PathTestOptions } from './run-probe-via-path'
import { listSshAliases, readUserSshConfig, resolveSshHost } from './ssh-config'

/** What the network service needs from the profiles side (store + keychain). */
export interface ProfileAccess {
  /** The profile's probe target (Redis secrets included), its saved path and whether it is a private endpoint. */
  load(profileId: string): Promise<{ target: ProbeTarget; networkPath: NetworkPath; privateEndpoint: boolean }>
  /** The SSH passphrase or password kept in the keychain for this profile, if any. */
  sshSecret(profileId: string): Promise<string | undefined>
}

export interface NetworkServiceDeps {
  knownHosts: KnownHostsStore
  profiles: ProfileAccess
  homeDir?: string
  env?: NodeJS.ProcessEnv
  /** Test hooks and timeouts passed to every path test. */
  testOptions?: Partial<PathTestOptions>
}

/**
 * The network paths as the UI uses them: test a profile along its path (or an unsaved one),
 * accept or forget a bastion's host key, offer ~/.ssh/config aliases, explain a failed private
 * endpoint. Transport-free; `handlers.ts` binds it to the contract.
 */
export function networkService(deps: NetworkServiceDeps) {
  const home = deps.homeDir ?? os.homedir()
  return {
    async testPath(input: z.output<typeof TestPathInput>, signal?: AbortSignal): Promise<PathTestResult> {
      const { target, networkPath: saved, privateEndpoint } = await deps.profiles.load(input.profileId)
      const networkPath = input.networkPath ?? saved
      registerSecret(input.sshSecret)
      const secret = input.sshSecret ?? (networkPath.kind === 'ssh' && networkPath.auth.method !== 'agent' ? await deps.profiles.sshSecret(input.profileId) : undefined)
      return testViaPath(target, networkPath, secretsFor(networkPath, secret), {
        knownHosts: deps.knownHosts,
        homeDir: home,
        privateEndpoint,
        ...(deps.env ? { env: deps.env } : {}),
        ...(signal ? { signal } : {}),
        ...deps.testOptions
      })
    },

    async acceptHostKey(input: z.output<typeof AcceptHostKeyInput>): Promise<{ accepted: true }> {
      await deps.knownHosts.accept({ host: input.host, port: input.port, keyType: input.keyType, fingerprint: input.fingerprint }, { replace: input.replace === true })
      return { accepted: true }
    },

    async forgetHostKey(input: z.output<typeof ForgetHostKeyInput>): Promise<{ forgotten: boolean }> {
      return { forgotten: await deps.knownHosts.forget(input.host, input.port) }
    },

    async sshAliases(): Promise<z.output<typeof SshConfigAliases>> {
      const text = await readUserSshConfig(home)
      return { found: text !== undefined, aliases: text ? listSshAliases(text) : [] }
    },

    async resolveSshAlias(alias: string): Promise<z.output<typeof ResolvedSshAlias>> {
      const r = resolveSshHost(await readUserSshConfig(home), alias, { homeDir: home })
      const shape = (e: { host: string; port: number; username?: string; identityFiles: string[] }) => ({
        host: e.host,
        port: e.port,
        username: e.username ?? null,
        identityFile: e.identityFiles[0] ?? null
      })
      return { ...shape(r), jumps: r.jumps.map(shape) }
    },

    /** Runs the direct test whatever the profile's path, and explains a private endpoint failure. */
    async diagnose(profileId: string, signal?: AbortSignal): Promise<PathDiagnosis | null> {
      const { target, networkPath, privateEndpoint } = await deps.profiles.load(profileId)
      const result = await testViaPath(target, { kind: 'direct' }, {}, { knownHosts: deps.knownHosts, ...(signal ? { signal } : {}), ...deps.testOptions })
      if (result.ok) return null
      return diagnoseReachability(result, { currentPath: networkPath.kind, privateEndpoint: privateEndpoint || isPrivateEndpointName(target.host) })
    }
  }
}

export type NetworkService = ReturnType<typeof networkService>

function secretsFor(p: NetworkPath, secret: string | undefined): PathSecrets {
  if (p.kind !== 'ssh' || !secret) return {}
  return p.auth.method === 'password' ? { sshPassword: secret } : { sshPassphrase: secret }
}
