import { z } from 'zod'
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
  const fields = ProfileFields.safeParse(picked)
  if (!fields.success) {
    const issue = fields.error.issues[0]
    throw importError(`The profile in this file is not valid: ${issue?.path.join('.') || 'profile'}: ${issue?.message ?? 'invalid'}.`)
  }
  const f = fields.data
  if (f.tls.caPem) f.tls.caPem = validatePemCertificates(f.tls.caPem)
  if (f.tls.clientCertPem) f.tls.clientCertPem = validatePemCertificates(f.tls.clientCertPem, 'client certificate')
  const secrets: ImportedProfile['secrets'] = {}
  if (doc.data.secrets?.password) secrets.password = doc.data.secrets.password
  if (doc.data.secrets?.clientKey) secrets.clientKey = validatePrivateKeyPem(doc.data.secrets.clientKey)
  return { format: 'json', fields: f, secrets, notes: f.tls.enabled && !f.tls.verifyServerCert ? [INSECURE_NOTE] : [] }
}
