import { DeployForm, deployFormProblems } from '../../../../shared/schemas/wizard'

/** What the form's inputs hold: text as typed, turned into a DeployForm only when checked. */
export interface DeployDraft {
  name: string
  region: string
  resourceGroupId: string
  tags: string
  hostFlavor: DeployForm['hostFlavor']
  memoryMbPerMember: string
  diskMbPerMember: string
  cpuPerMember: string
  version: string
  keyProtectKeyCrn: string
  serviceEndpoints: DeployForm['serviceEndpoints']
  generation: DeployForm['generation']
  gen2HostFlavor: DeployForm['gen2HostFlavor']
  storageGbPerMember: string
  vpcId: DeployForm['vpcId']
  subnetIds: DeployForm['subnetIds']
}

export type DraftField = keyof DeployDraft

export const toDraft = (f: DeployForm): DeployDraft => ({
  ...f,
  tags: f.tags.join(', '),
  memoryMbPerMember: String(f.memoryMbPerMember),
  diskMbPerMember: String(f.diskMbPerMember),
  cpuPerMember: String(f.cpuPerMember),
  storageGbPerMember: String(f.storageGbPerMember),
  keyProtectKeyCrn: f.keyProtectKeyCrn ?? ''
})

const num = (s: string): number => (s.trim() === '' ? NaN : Number(s))

export const fromDraft = (d: DeployDraft): Record<keyof DeployForm, unknown> => ({
  ...d,
  tags: d.tags
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  memoryMbPerMember: num(d.memoryMbPerMember),
  diskMbPerMember: num(d.diskMbPerMember),
  cpuPerMember: num(d.cpuPerMember),
  storageGbPerMember: num(d.storageGbPerMember),
  keyProtectKeyCrn: d.keyProtectKeyCrn.trim() === '' ? null : d.keyProtectKeyCrn.trim()
})

/** The Gen 2 fields, whose texts live in the deployGen2 catalogue. */
const GEN2_FIELDS = new Set<DraftField>(['generation', 'gen2HostFlavor', 'storageGbPerMember', 'vpcId', 'subnetIds'])

/** The catalogue key that words a field's problem in the UI's language. */
const invalidKey = (field: DraftField) => (GEN2_FIELDS.has(field) ? `deployGen2.invalid.${field}` : `setup.deploy.invalid.${field}`)

/**
 * Field → the catalogue key of its first problem, checked with the contract's own rules (the
 * schema, then deployFormProblems: what main refuses together), so the form says it in the UI's
 * language and never shows the schema's English.
 */
export function checkDraft(d: DeployDraft): { form?: DeployForm; problems: Partial<Record<DraftField, string>> } {
  const parsed = DeployForm.safeParse(fromDraft(d))
  const problems: Partial<Record<DraftField, string>> = {}
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as DraftField
      problems[field] ??= invalidKey(field)
    }
    return { problems }
  }
  for (const p of deployFormProblems(parsed.data)) problems[p.path] ??= `deployGen2.problem.${p.code}`
  return Object.keys(problems).length ? { problems } : { form: parsed.data, problems }
}
