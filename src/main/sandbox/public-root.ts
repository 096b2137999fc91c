import fs from 'node:fs/promises'
import path from 'node:path'
import { createCertificateAuthority, issueIntermediateCa, type CertificateAuthority } from './certs'

/**
 * The sandbox's stand-in for a public CA (Gen 2 uses Let's Encrypt, facts §1.8): one root per
 * emulator and one intermediate under it that issues every Gen 2 deployment's leaf. Clients that
 * trust the root verify a Gen 2 server as they would a public one; nothing else trusts it (it is
 * never put in a system store).
 */
export interface SandboxPki {
  root: CertificateAuthority
  intermediate: CertificateAuthority
}

export const SANDBOX_ROOT_NAME = 'PSE Wizard Sandbox Public Root'

export async function createSandboxPki(): Promise<SandboxPki> {
  const root = await createCertificateAuthority(SANDBOX_ROOT_NAME, { pathLength: 1 })
  const intermediate = await issueIntermediateCa(root, 'PSE Wizard Sandbox Issuing CA R1')
  return { root, intermediate }
}

/** Writes the root certificate (public, no key) into the sandbox's own temp folder; returns its path. */
export async function writeSandboxRoot(dir: string, rootPem: string): Promise<string> {
  const file = path.join(dir, 'sandbox-root-ca.pem')
  await fs.writeFile(file, rootPem, { mode: 0o644 })
  return file
}
