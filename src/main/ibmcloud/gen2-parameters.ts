/** Redis Gen 2 always has two data members ("members are set to 2", docs/ibm-cloud-gen2-and-restrictions-facts.md §1.4). */
export const GEN2_MEMBERS = 2

/**
 * `parameters.dataservices.redis {host_flavor, members: 2, storage_gb, version?}` (+ `encryption.disk`),
 * unchecked: provisioning-gen2.ts validates first; the CLI equivalent shows it for a form still being filled.
 */
export function gen2Parameters(req: { hostFlavor: string; storageGbPerMember: number; version?: string; keyProtectKeyCrn?: string }): Record<string, unknown> {
  const redis: Record<string, unknown> = { host_flavor: req.hostFlavor, members: GEN2_MEMBERS, storage_gb: req.storageGbPerMember }
  if (req.version) redis.version = req.version
  const dataservices: Record<string, unknown> = { redis }
  if (req.keyProtectKeyCrn) dataservices.encryption = { disk: req.keyProtectKeyCrn }
  return { dataservices }
}
