import type { ProbeOptions } from '../redis/probe'
import { sandboxPrivateDns } from './private-dns'
import { sandboxTrustedRoots } from './sandbox-trust'

/**
 * Everything a sandbox run changes in a direct connection test, to spread into the probe's
 * options: the DNS hook (private-dns.ts: Gen 1 private zone not found, Gen 2 names only behind a
 * stable VPE) and the sandbox trust setting (sandbox-trust.ts: the sandbox public root besides the
 * default roots). Empty outside a sandbox run.
 */
export function sandboxProbeHooks(env: NodeJS.ProcessEnv | undefined): Pick<ProbeOptions, 'resolve' | 'extraRoots'> {
  const resolve = sandboxPrivateDns(env)
  const extraRoots = sandboxTrustedRoots(env)
  return { ...(resolve ? { resolve } : {}), ...(extraRoots ? { extraRoots } : {}) }
}
