import type { CliCommand } from '../../shared/schemas/wizard'
import type { DeployForm } from '../../shared/schemas/wizard-deploy'
import { gen2Parameters } from '../ibmcloud/gen2-parameters'
import { shellQuote } from './shell-quote'

const REDIS_SERVICE = 'databases-for-redis'

/** The Gen 2 plan's name in the catalog and for `ibmcloud resource service-instance-create`. */
export const REDIS_GEN2_PLAN = 'standard-gen2'

export interface Gen2CreateInput {
  name: string
  region: string
  resourceGroupId?: string
  hostFlavor: string
  storageGbPerMember: number
  version?: string
  keyProtectKeyCrn?: string
}

/**
 * `ibmcloud resource service-instance-create NAME databases-for-redis standard-gen2 REGION -p '{"dataservices":{"redis":{…}}}'`:
 * the same `parameters` the app sends (gen2Parameters), no `--service-endpoints` (Gen 2 is private only).
 */
export function gen2CreateCommand(input: Gen2CreateInput): string {
  const params = gen2Parameters(input)
  return (
    `ibmcloud resource service-instance-create ${shellQuote(input.name)} ${REDIS_SERVICE} ${REDIS_GEN2_PLAN} ${shellQuote(input.region)}` +
    (input.resourceGroupId ? ` -g ${shellQuote(input.resourceGroupId)}` : '') +
    ` -p ${shellQuote(JSON.stringify(params))}`
  )
}

/** The deploy and wait commands for a Gen 2 form: create, then watch the instance (there is no `cdb` for Gen 2). */
export function gen2DeployCommands(form: DeployForm, name: string): { deploy: CliCommand[]; wait: CliCommand[] } {
  const command = gen2CreateCommand({
    name,
    region: form.region,
    resourceGroupId: form.resourceGroupId,
    hostFlavor: form.gen2HostFlavor ?? '<host-flavor>',
    storageGbPerMember: form.storageGbPerMember,
    ...(form.version ? { version: form.version } : {}),
    ...(form.keyProtectKeyCrn ? { keyProtectKeyCrn: form.keyProtectKeyCrn } : {})
  })
  const deploy: CliCommand[] = [{ id: 'instance_create', label: 'Create the Databases for Redis Gen 2 instance (private only)', command }]
  if (form.tags.length > 0)
    deploy.push({ id: 'tag_attach', label: 'Attach the tags', command: `ibmcloud resource tag-attach --tag-names ${shellQuote(form.tags.join(','))} --resource-name ${shellQuote(name)}` })
  return {
    deploy,
    wait: [{ id: 'instance_show', label: 'Show the instance state and its last operation', command: `ibmcloud resource service-instance ${shellQuote(name)} --output json` }]
  }
}
