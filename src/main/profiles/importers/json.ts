import { z } from 'zod'
import { cleanProfileName } from '../../../shared/profile-name'
import { ProfileFields } from '../../../shared/schemas/profile'
import { validatePemCertificates, validatePrivateKeyPem } from '../pem'
import { INSECURE_NOTE, importError, type ImportedProfile } from './types'

/** Our own profile export: `{"pseWizardProfile": 1, "profile": {…fields}, "secrets"?: {…}}`. */
export const PROFILE_EXPORT_VERSION = 1

const ExportDocument = z.object({
  pseWizardProfile: z.literal(PROFILE_EXPORT_VERSION),
  profile: z.record(z.string(), z.unknown()),
  secrets: z
    .object({ password: z.string().min(1).max(4096).optional(), clientKey: z.string().min(1).max(64_000).optional() })
    .strict()
    .optional()
})

export function isProfileExport(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'pseWizardProfile' in data
}

export function importProfileJson(data: unknown): ImportedProfile {
  const doc = ExportDocument.safeParse(data)
  if (!doc.success) throw importError(`This PSE Wizard profile file is not valid (${doc.error.issues[0]?.path.join('.') || 'layout'}).`)
  const known = Object.keys(ProfileFields.shape)
  const picked = Object.fromEntries(Object.entries(doc.data.profile).filter(([k]) => known.includes(k)))
  // A file may come from elsewhere: its name is cleaned (not refused) like every imported name.
  if (typeof picked.name === 'string') picked.name = cleanProfileName(picked.name.slice(0, 4096))
  const fields = ProfileFields.safeParse(picked)
  if (!fields.success) {
    const issue = fields.error.issues[0]
    throw importError(`The profile in this file is not valid: ${issue?.path.join('.') || 'profile'}: ${issue?.message ?? 'invalid'}.`)
  }
  const f = fields.data
  const notes = untrustedPathSettings(f)
  if (f.tls.caPem) f.tls.caPem = validatePemCertificates(f.tls.caPem)
  if (f.tls.clientCertPem) f.tls.clientCertPem = validatePemCertificates(f.tls.clientCertPem, 'client certificate')
  const secrets: ImportedProfile['secrets'] = {}
  if (doc.data.secrets?.password) secrets.password = doc.data.secrets.password
  if (doc.data.secrets?.clientKey) secrets.clientKey = validatePrivateKeyPem(doc.data.secrets.clientKey)
  if (f.tls.enabled && !f.tls.verifyServerCert) notes.push(INSECURE_NOTE)
  return { format: 'json', fields: f, secrets, notes }
}

/**
 * A profile file may come from someone else. What in it would run a program, start a container
 * that receives the Redis password, or trust an SSH server without asking is not taken over:
 * the pod path uses oc/kubectl from PATH and the official redis image, and the bastion's host
 * key is shown for confirmation on the first test. Each change is noted.
 */
function untrustedPathSettings(f: ProfileFields): string[] {
  const notes: string[] = []
  const path = f.networkPath
  if (path.kind === 'pod') {
    if (path.binaryPath !== null) {
      notes.push(
        `The file names the program ${path.binaryPath} for ${path.tool}; the ${path.tool} found on PATH is used instead. Set the path again in the profile if you trust that program.`
      )
      path.binaryPath = null
    }
    if (path.image !== null) {
      notes.push(
        `The file names the pod image ${path.image}, which would receive the Redis password; the official redis image is used instead. Set the image again in the profile if you trust it.`
      )
      path.image = null
    }
  }
  if (path.kind === 'ssh' && path.hostKeyFingerprint !== null) {
    notes.push(`The file pins the bastion's host key (${path.hostKeyFingerprint}); it is not taken over: check the key PSE Wizard shows on the first test.`)
    path.hostKeyFingerprint = null
  }
  return notes
}
