/**
 * A VPC resource name made from the instance's (the VPE gateway `<instance>-vpe`, its security
 * group `<instance>-vpe-sg`): lower-case letters, digits and hyphens, starting with a letter, at
 * most 63 characters, as the VPC API requires.
 */
export function vpcResourceName(instanceName: string, suffix: string): string {
  let base = instanceName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  if (!/^[a-z]/.test(base)) base = `redis-${base}`.replace(/-$/, '')
  return `${base.slice(0, 62 - suffix.length).replace(/-$/, '')}-${suffix}`
}
