import type { CliCommand, WizardState } from '../../shared/schemas/wizard'
import { defaultDeployForm, type DeployForm } from '../../shared/schemas/wizard-deploy'
import { gen2Parameters } from '../ibmcloud/gen2-parameters'
import { vpcResourceName } from '../../shared/vpc-names'
import { shellQuote } from './shell-quote'

export { vpcResourceName }

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

/** Before any form is sent: the Gen 2 form step 2's Gen 2 check points to (its region, the flavor left to choose), else undefined. */
export function plannedGen2Form(state: WizardState): DeployForm | undefined {
  const checked = state.prerequisites
  if (state.deploy?.form || checked?.generation !== 'gen2' || !checked.region) return undefined
  return defaultDeployForm({ generation: 'gen2', region: checked.region, version: '8.2' })
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
    deploy.push({
      id: 'tag_attach',
      label: 'Attach the tags',
      command: `ibmcloud resource tag-attach --tag-names ${shellQuote(form.tags.join(','))} --resource-name ${shellQuote(name)}`
    })
  return {
    deploy,
    wait: [
      {
        id: 'instance_show',
        label: 'Show the instance state and its last operation',
        command: `ibmcloud resource service-instance ${shellQuote(name)} --output json`
      }
    ]
  }
}

/** What the VPE commands are filled with: this run's names where known, placeholders otherwise. */
export interface VpeCliInput {
  /** Resource names made from it (`<instance>-vpe`, `<instance>-vpe-sg`), as the app names them. */
  gatewayName: string
  securityGroupName: string
  vpcId: string
  targetCrn: string
  /** The client subnets (a rule per CIDR); one reserved IP in the first of each zone. */
  subnets: Array<{ id: string; cidr: string; zone: string }>
  port: number
  /** The group the gateway uses: the user's own, or null when the app makes one. */
  securityGroupId: string | null
  gatewayId: string | null
}

/**
 * Step 6's VPE commands: the security group admitting TCP `port` from the client subnets (when
 * the app makes one), the gateway with one new reserved IP per zone, and the command that shows
 * it (stable, with its IPs).
 */
export function vpeCommands(input: VpeCliInput): CliCommand[] {
  const out: CliCommand[] = []
  const sg = input.securityGroupId ?? input.securityGroupName
  if (input.securityGroupId === null) {
    out.push({
      id: 'vpe_sg_create',
      label: 'Create the security group for the VPE gateway',
      command: `ibmcloud is security-group-create ${shellQuote(input.securityGroupName)} ${shellQuote(input.vpcId)}`
    })
    for (const s of input.subnets)
      out.push({
        id: 'vpe_sg_rule',
        label: `Admit TCP ${input.port} from a client subnet`,
        command: `ibmcloud is security-group-rule-add ${shellQuote(sg)} inbound tcp --port-min ${input.port} --port-max ${input.port} --remote ${shellQuote(s.cidr)}`
      })
  }
  const zones = new Set<string>()
  const ips = input.subnets
    .filter((s) => !zones.has(s.zone) && Boolean(zones.add(s.zone)))
    .map((s) => ` --new-reserved-ip ${shellQuote(JSON.stringify({ subnet: { id: s.id }, auto_delete: true }))}`)
    .join('')
  out.push({
    id: 'vpe_create',
    label: 'Create the VPE gateway to the instance (one reserved IP per zone)',
    command:
      `ibmcloud is endpoint-gateway-create --name ${shellQuote(input.gatewayName)} --vpc-id ${shellQuote(input.vpcId)}` +
      ` --target ${shellQuote(input.targetCrn)} --sg ${shellQuote(sg)}${ips || ' --new-reserved-ip \'{"subnet":{"id":"<subnet-id>"}}\''}`
  })
  out.push({
    id: 'vpe_show',
    label: 'Show the VPE gateway: lifecycle state stable, and its IPs',
    command: `ibmcloud is endpoint-gateway ${shellQuote(input.gatewayId ?? input.gatewayName)}`
  })
  return out
}

/** Gen 2's connection details: the instance's extensions (there is no `cdb deployment-connections` for Gen 2). */
export const gen2ConnectionCommands = (name: string): CliCommand[] => [
  {
    id: 'gen2_connection',
    label: 'Show the connection details (extensions.dataservices.connection)',
    command: `ibmcloud resource service-instance ${shellQuote(name)} --output json`
  }
]

/**
 * The VPE lines of step 6 for this state: Gen 2 always, Gen 1 when the deploy form names a VPC
 * (optional there). Filled from `state.vpe` once the step ran, with placeholders before.
 */
export function vpeCommandsFor(state: WizardState): CliCommand[] {
  const form = state.deploy?.form ?? null
  const vpe = state.vpe
  const vpcId = vpe?.vpcId ?? form?.vpcId ?? null
  if (!vpcId) return []
  const name = state.instance?.name ?? form?.name ?? 'Redis-0101'
  const known = vpe?.clientSubnets ?? []
  const subnets = known.length > 0 ? known : (form?.subnetIds ?? []).map((id, i) => ({ id, cidr: '<subnet-cidr>', zone: `zone-${i}` }))
  return vpeCommands({
    gatewayName: vpe?.name ?? vpcResourceName(name, 'vpe'),
    securityGroupName: vpcResourceName(name, 'vpe-sg'),
    vpcId,
    targetCrn: state.instance?.id ?? '<instance-crn>',
    subnets: subnets.length > 0 ? subnets : [{ id: '<subnet-id>', cidr: '<subnet-cidr>', zone: 'zone' }],
    port: vpe?.port ?? state.connections.private?.port ?? 6379,
    securityGroupId: vpe && !vpe.createdSecurityGroup ? vpe.securityGroupId : null,
    gatewayId: vpe?.gatewayId ?? null
  })
}

/** `service-key-create NAME ROLE --instance-name INSTANCE`: a Gen 2 user is a service key with a role (no --service-endpoint: private only). */
export function gen2KeyCreateCommand(keyName: string, role: 'Manager' | 'Writer', instanceName: string): string {
  return `ibmcloud resource service-key-create ${shellQuote(keyName)} ${role} --instance-name ${shellQuote(instanceName)} --output json`
}

const ONCE = 'the credentials show once, in this answer: keep them'

/**
 * Steps 5, 7 and 8 for Gen 2: the Manager key, the application's key (Writer unless chosen
 * otherwise, none when step 7 was skipped) and the test with redis-cli over TLS with the
 * system's CAs and SNI = the VPE domain (facts §1.8). Passwords stay `$PASSWORD`.
 */
export function gen2KeyCommands(state: WizardState): { password: CliCommand[]; serviceKey: CliCommand[]; test: CliCommand[] } {
  const instance = state.instance?.name ?? state.deploy?.form?.name ?? 'Redis-0101'
  const manager = state.credentials?.keyName ?? `${instance}-manager`
  const app = state.serviceKey
  const appRole = app?.role ?? 'Writer'
  const skipped = app !== null && app.id === state.credentials?.keyId
  const password = [
    { id: 'key_create_manager', label: `Create the Manager service key (${ONCE})`, command: gen2KeyCreateCommand(manager, 'Manager', instance) }
  ]
  const serviceKey = skipped
    ? [
        {
          id: 'key_show_manager',
          label: 'No separate key: the application uses the Manager key',
          command: `ibmcloud resource service-key ${shellQuote(manager)}`
        }
      ]
    : [
        {
          id: appRole === 'Writer' ? 'key_create_writer' : 'key_create_app_manager',
          label: `Create the application's ${appRole} service key (${ONCE})`,
          command: gen2KeyCreateCommand(app?.name ?? `${instance}-${appRole === 'Writer' ? 'writer' : 'app-manager'}`, appRole, instance)
        }
      ]
  const host = state.vpe?.hostname || state.connections.private?.hostname || app?.connection.hostname || '<vpe-domain>'
  const port = state.connections.private?.port ?? app?.connection.port ?? 6379
  const user = app?.connection.username ?? '<username>'
  const test = [
    { id: 'nslookup', label: 'From the VPC (or its VPN): the name resolves to the VPE gateway’s IPs', command: `nslookup ${shellQuote(host)}` },
    {
      id: 'rediscli_gen2',
      label: 'Test with redis-cli over TLS (system CAs, SNI = the VPE domain)',
      command: `REDISCLI_AUTH=$PASSWORD redis-cli -h ${shellQuote(host)} -p ${port} --user ${shellQuote(user)} --tls --sni ${shellQuote(host)} PING`
    }
  ]
  return { password, serviceKey, test }
}
