import os from 'node:os'
import type { z } from 'zod'
import type { NetworkPath, SshPath } from '../../shared/schemas/network-path'
import { sshPathFromSpec } from './one-off-ssh'
import type {
  AcceptHostKeyInput,
  ForgetHostKeyInput,
  PathDiagnosis,
  PathTestResult,
  ResolvedSshAlias,
  SessionTunnel,
  SshConfigAliases,
  SshSpecInput,
  TestPathInput
} from '../../shared/schemas/network'
import type { ProbeTarget } from '../redis/probe'
import { registerSecret } from '../logging/redact'
import { diagnoseReachability, isPrivateEndpointName } from './diagnosis'
import type { KnownHostsStore } from './known-hosts'
import { sshHops, testViaPath, type PathSecrets, type PathTestOptions } from './run-probe-via-path'
import type { Tunnel } from './ssh-tunnel'
import { AppFailure } from '../../shared/errors'
import crypto from 'node:crypto'
import { listSshAliases, readUserSshConfig, resolveSshHost } from './ssh-config'

/** What the network service needs from the profiles side (store + keychain). */
export interface ProfileAccess {
  /** The profile's probe target (Redis secrets included), its path (`networkPath` if given, checked to be fit for the saved secrets) and whether it is a private endpoint. */
  load(profileId: string, networkPath?: NetworkPath): Promise<{ target: ProbeTarget; networkPath: NetworkPath; privateEndpoint: boolean }>
  /** The SSH passphrase or password kept in the keychain for this profile, if any (only for the path it was saved with). */
  sshSecret(profileId: string, networkPath?: NetworkPath): Promise<string | undefined>
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
  const tunnels = new Map<string, { tunnel: Tunnel; info: SessionTunnel }>()
  return {
    async testPath(input: z.output<typeof TestPathInput>, signal?: AbortSignal): Promise<PathTestResult> {
      const { target, networkPath, privateEndpoint } = await deps.profiles.load(input.profileId, input.networkPath)
      registerSecret(input.sshSecret)
      const secret =
        input.sshSecret ??
        (networkPath.kind === 'ssh' && networkPath.auth.method !== 'agent' ? await deps.profiles.sshSecret(input.profileId, networkPath) : undefined)
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
      await deps.knownHosts.accept(
        { host: input.host, port: input.port, keyType: input.keyType, fingerprint: input.fingerprint },
        { replace: input.replace === true }
      )
      return { accepted: true }
    },

    async forgetHostKey(input: z.output<typeof ForgetHostKeyInput>): Promise<{ forgotten: boolean }> {
      return { forgotten: await deps.knownHosts.forget(input.host, input.port) }
    },

    hostKeys: () => deps.knownHosts.list(),

    async sshPathFromSpec(input: z.output<typeof SshSpecInput>): Promise<SshPath> {
      const { spec, keyFile, hostKey } = input
      const { path } = await sshPathFromSpec(spec, {
        ...(keyFile ? { keyFile } : {}),
        ...(hostKey !== undefined ? { hostKey } : {}),
        homeDir: home,
        ...(deps.env ? { env: deps.env } : {})
      })
      return path
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

    /**
     * A tunnel the user asked to keep for a while (to point redis-cli or an app at it): loopback
     * only, closed when its time is up, when asked, or when the app quits.
     */
    async openSessionTunnel(profileId: string, minutes: number, sshSecret?: string): Promise<SessionTunnel> {
      const { target, networkPath } = await deps.profiles.load(profileId)
      if (networkPath.kind !== 'ssh') throw new AppFailure({ code: 'invalid_input', message: 'Only a profile with an SSH bastion path can open a tunnel.', params: { say: 'errors.tunnelNeedsSsh' } })
      registerSecret(sshSecret)
      const secret = sshSecret ?? (networkPath.auth.method !== 'agent' ? await deps.profiles.sshSecret(profileId) : undefined)
      const lifetimeMs = Math.min(Math.max(minutes, 1), MAX_SESSION_MINUTES) * 60_000
      const { openTunnel } = await import('./ssh-tunnel')
      const tunnel = await openTunnel({
        hops: sshHops(networkPath, secretsFor(networkPath, secret), home),
        target: { host: target.host, port: target.port },
        pinnedFingerprint: async (host, port) => (await deps.knownHosts.lookup(host, port))?.fingerprint,
        lifetimeMs
      })
      const id = crypto.randomBytes(8).toString('hex')
      const info: SessionTunnel = {
        id,
        profileId,
        localHost: tunnel.localHost,
        localPort: tunnel.localPort,
        target: `${target.host}:${target.port}`,
        expiresAt: new Date(Date.now() + lifetimeMs).toISOString(),
        sharedWithLocalUsers: true,
        warning: tunnelWarning(tunnel.localHost, tunnel.localPort)
      }
      tunnels.set(id, { tunnel, info })
      void tunnel.closed.then(() => tunnels.delete(id))
      return info
    },

    listSessionTunnels(): SessionTunnel[] {
      return [...tunnels.values()].map((t) => t.info)
    },

    async closeSessionTunnel(id: string): Promise<{ closed: boolean }> {
      const entry = tunnels.get(id)
      if (!entry) return { closed: false }
      await entry.tunnel.close()
      return { closed: true }
    },

    /** For the app's closers: every session tunnel goes when the app quits. */
    async close(): Promise<void> {
      await Promise.all([...tunnels.values()].map((t) => t.tunnel.close()))
    },

    /** Runs the direct test whatever the profile's path, and explains a private endpoint failure. */
    async diagnose(profileId: string, signal?: AbortSignal): Promise<PathDiagnosis | null> {
      const { target, networkPath, privateEndpoint } = await deps.profiles.load(profileId)
      const result = await testViaPath(target, { kind: 'direct' }, {}, { knownHosts: deps.knownHosts, env: deps.env, signal, ...deps.testOptions })
      if (result.ok) return null
      return diagnoseReachability(result, { currentPath: networkPath.kind, privateEndpoint: privateEndpoint || isPrivateEndpointName(target.host) })
    }
  }
}

export type NetworkService = ReturnType<typeof networkService>

export const MAX_SESSION_MINUTES = 120

function secretsFor(p: NetworkPath, secret: string | undefined): PathSecrets {
  if (p.kind !== 'ssh' || !secret) return {}
  return p.auth.method === 'password' ? { sshPassword: secret } : { sshPassphrase: secret }
}

/** What a session tunnel exposes, said when it opens: Redis still asks for its password, but the port itself is open to every local user. */
export function tunnelWarning(host: string, port: number): string {
  return `Other users of this computer can connect to ${host}:${port} while this tunnel is open (Redis still asks for its password). Close the tunnel when you are done; it closes by itself when the time is up or PSE Wizard quits.`
}
