import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AppFailure } from '../../shared/errors'
import { HostKeyFingerprint, SshPath } from '../../shared/schemas/network-path'
import type { PathTestResult } from '../../shared/schemas/network'
import { registerSecret } from '../logging/redact'
import type { ProbeTarget } from '../redis/probe'
import type { KnownHostsStore } from './known-hosts'
import { testViaPath, type PathSecrets, type PathTestOptions } from './run-probe-via-path'
import { readUserSshConfig, resolveSshHost } from './ssh-config'

/** The CLI's `--via-ssh USER@HOST[:PORT]` (HOST may be a ~/.ssh/config alias, ProxyJump included). */
export interface OneOffSshOptions {
  /** `--ssh-key FILE`; else the alias's IdentityFile, else ~/.ssh/id_ed25519 | id_ecdsa | id_rsa, else ssh-agent. */
  keyFile?: string
  /** `--ssh-host-key SHA256:…`: the fingerprint the user checked; pinned for this run, saved once it matched. */
  hostKey?: string
  env?: NodeJS.ProcessEnv
  homeDir?: string
}

const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa']

/** Builds an ssh path from a one-off spec; the passphrase comes from $PSE_SSH_PASSPHRASE, never argv. */
export async function sshPathFromSpec(spec: string, options: OneOffSshOptions = {}): Promise<{ path: SshPath; secrets: PathSecrets }> {
  const env = options.env ?? process.env
  const home = options.homeDir ?? os.homedir()
  const fingerprint = options.hostKey === undefined ? null : HostKeyFingerprint.safeParse(options.hostKey)
  if (fingerprint && !fingerprint.success) {
    throw new AppFailure({
      code: 'invalid_input',
      message: '--ssh-host-key takes a fingerprint as ssh-keygen -lf prints it: SHA256: followed by 43 characters.',
      params: { say: 'errors.sshHostKeyOption' }
    })
  }
  const resolved = resolveSshHost(await readUserSshConfig(home), spec, { homeDir: home })
  const keyFile = options.keyFile ?? [...resolved.identityFiles, ...DEFAULT_KEYS.map((k) => path.join(home, '.ssh', k))].find(exists)
  const agent = env.SSH_AUTH_SOCK
  if (!keyFile && !agent) {
    throw new AppFailure({
      code: 'ssh_key_unreadable',
      message: `No SSH key found for ${spec}: pass --ssh-key FILE, or start ssh-agent with your key loaded.`,
      params: { say: 'errors.sshNoKeyFound', spec }
    })
  }
  const localUser = safeUser()
  const candidate = {
    kind: 'ssh' as const,
    host: resolved.host,
    port: resolved.port,
    username: resolved.username ?? localUser,
    auth: keyFile ? { method: 'key' as const, privateKeyPath: path.resolve(keyFile) } : { method: 'agent' as const },
    jumps: resolved.jumps.map((j) => ({
      host: j.host,
      port: j.port,
      username: j.username ?? localUser,
      privateKeyPath: j.identityFiles.find(exists) ?? null
    })),
    sshConfigAlias: resolved.alias,
    hostKeyFingerprint: fingerprint?.success ? fingerprint.data : null
  }
  const parsed = SshPath.safeParse(candidate)
  if (!parsed.success) {
    throw new AppFailure({
      code: 'ssh_config_invalid',
      message: `"${spec}" does not give a usable SSH server. Write it as user@host or user@host:port.`,
      detail: parsed.error.message,
      params: { say: 'errors.sshSpecUnusable', spec }
    })
  }
  const passphrase = env.PSE_SSH_PASSPHRASE
  registerSecret(passphrase)
  return { path: parsed.data, secrets: passphrase ? { sshPassphrase: passphrase } : {} }
}

/** One-off test through `spec`; a fingerprint given with --ssh-host-key is saved once it matched. */
export async function testViaSshSpec(
  target: ProbeTarget,
  spec: string,
  knownHosts: KnownHostsStore,
  options: OneOffSshOptions & Partial<Omit<PathTestOptions, 'knownHosts'>> = {}
): Promise<PathTestResult> {
  const { path: sshPath, secrets } = await sshPathFromSpec(spec, options)
  const result = await testViaPath(target, sshPath, secrets, { ...options, knownHosts })
  await rememberCheckedHostKey(knownHosts, sshPath, result)
  return result
}

/**
 * For `pse-wizard test --via-ssh`: the same fields with their network path replaced by the
 * one-off bastion path (the passphrase, if any, is read by the runner from $PSE_SSH_PASSPHRASE).
 */
export async function fieldsViaSsh<F extends { networkPath: unknown }>(
  fields: F,
  spec: string,
  options: OneOffSshOptions = {}
): Promise<F & { networkPath: SshPath }> {
  const { path: sshPath } = await sshPathFromSpec(spec, options)
  return { ...fields, networkPath: sshPath }
}

/** Saves the fingerprint given with --ssh-host-key once the bastion proved to hold that key. */
export async function rememberCheckedHostKey(knownHosts: KnownHostsStore, sshPath: SshPath, result: Pick<PathTestResult, 'phases'>): Promise<void> {
  const connected = result.phases.some((p) => p.name === 'ssh_auth' && p.ok)
  if (!connected || !sshPath.hostKeyFingerprint) return
  await knownHosts.accept({ host: sshPath.host, port: sshPath.port, keyType: 'ssh', fingerprint: sshPath.hostKeyFingerprint }).catch(() => undefined)
}

function exists(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

function safeUser(): string {
  try {
    return os.userInfo().username
  } catch {
    return 'root'
  }
}
