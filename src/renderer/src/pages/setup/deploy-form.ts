import { DeployForm } from '../../../../shared/schemas/wizard'

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

/** Field → first problem, checked with the contract's own schema (the same rules main applies). */
export function checkDraft(d: DeployDraft): { form?: DeployForm; problems: Partial<Record<DraftField, string>> } {
  const parsed = DeployForm.safeParse(fromDraft(d))
  if (parsed.success) return { form: parsed.data, problems: {} }
  const problems: Partial<Record<DraftField, string>> = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as DraftField
    problems[field] ??= issue.message
  }
  return { problems }
}
