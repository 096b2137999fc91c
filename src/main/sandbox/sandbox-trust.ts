import { certificatesInFile } from '../redis/tls-trust'
import { SANDBOX_URL_VARIABLE } from './sandbox-dns-client'

/**
 * The sandbox trust setting: in a sandbox run (PSE_SANDBOX_URL set) the root named by
 * PSE_SANDBOX_ROOT_CA_FILE (written by startSandbox, public-root.ts) is trusted *in addition to*
 * the default roots, for profiles that pin no CA (Gen 2: publicly trusted certificates). Never
 * put in the user's system store; outside a sandbox run nothing is added.
 */
export const SANDBOX_ROOT_CA_FILE_VARIABLE = 'PSE_SANDBOX_ROOT_CA_FILE'

export function sandboxTrustedRoots(env: NodeJS.ProcessEnv | undefined): string[] | undefined {
  if (!env?.[SANDBOX_URL_VARIABLE]?.trim()) return undefined
  const roots = certificatesInFile(env[SANDBOX_ROOT_CA_FILE_VARIABLE]?.trim())
  return roots.length > 0 ? roots.slice(0, 4) : undefined
}
