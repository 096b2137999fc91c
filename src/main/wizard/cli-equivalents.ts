import type { CliCommand, WizardState } from '../../shared/schemas/wizard'
import { gen2ConnectionCommands, gen2DeployCommands, gen2KeyCommands, plannedGen2Form, vpeCommandsFor } from './cli-equivalents-gen2'
import { shellQuote } from './shell-quote'

/**
 * The `ibmcloud` commands that do what each wizard step does, filled with this run's names,
 * like the seed article types them. Secrets never appear: passwords stay `$PASSWORD`, the API
 * key stays `$IBMCLOUD_API_KEY`.
 */

export { shellQuote }

const cmd = (id: string, label: string, command: string): CliCommand => ({ id, label, command })

export const VRF_DOCS_LINK = 'https://cloud.ibm.com/docs/account?topic=account-vrf-service-endpoint'
export const REDIS_PLAN = 'standard'
export const REDIS_SERVICE = 'databases-for-redis'

/** The `-p` JSON of `service-instance-create`: the broker parameters as the CLI docs write them (strings). */
function createParameters(state: WizardState): Record<string, string> {
  const form = state.deploy?.form
  if (!form) return { members_host_flavor: 'multitenant' }
  const p: Record<string, string> = { members_host_flavor: form.hostFlavor }
  if (form.hostFlavor === 'multitenant') {
    p.members_memory_allocation_mb = String(form.memoryMbPerMember * 2)
    if (form.cpuPerMember > 0) p.members_cpu_allocation_count = String(form.cpuPerMember * 2)
  }
  p.members_disk_allocation_mb = String(form.diskMbPerMember * 2)
  if (form.version) p.version = form.version
  if (form.keyProtectKeyCrn) p.disk_encryption_key_crn = form.keyProtectKeyCrn
  return p
}

/** Gen 2: what the prerequisites step reads, in the region it checked (VRF is not asked). */
const gen2Prerequisites = (region: string): CliCommand[] => [
  cmd('target_region', 'Target the region', `ibmcloud target -r ${shellQuote(region)}`),
  cmd('vpcs', 'List the VPCs of the region', 'ibmcloud is vpcs'),
  cmd('subnets', 'List the subnets (zone and address range)', 'ibmcloud is subnets')
]

/** VRF off: the support case the wizard offers to open (flags UNVERIFIED, docs/ibm-cloud-api-facts.md "Support cases"). */
function vrfCase(state: WizardState): CliCommand[] {
  const p = state.prerequisites
  if (!p?.supportCaseSubject || !p.supportCaseText) return []
  const command = `ibmcloud case create --type technical --subject ${shellQuote(p.supportCaseSubject)} --body ${shellQuote(p.supportCaseText)}`
  return [cmd('case_create', 'Open the support case that asks IBM to enable VRF', command)]
}

export function cliEquivalents(state: WizardState): WizardState['cli'] {
  const form = state.deploy?.form ?? null
  const name = state.instance?.name ?? form?.name ?? 'Redis-0101'
  const region = state.instance?.region ?? form?.region ?? 'jp-tok'
  const group = state.instance?.resourceGroupId ?? form?.resourceGroupId ?? ''
  const n = shellQuote(name)
  const keyName = state.serviceKey?.name ?? `${name}-private-key`
  const endpoints = state.instance?.serviceEndpoints ?? form?.serviceEndpoints ?? 'private'

  const account = [
    state.account?.source === 'session'
      ? cmd('login_sso', 'Sign in to IBM Cloud', 'ibmcloud login --sso')
      : cmd('login_apikey', 'Sign in with the API key', 'ibmcloud login --apikey "$IBMCLOUD_API_KEY"' + (region ? ` -r ${shellQuote(region)}` : '')),
    cmd('account_show', 'Show the account name and id', 'ibmcloud account show')
  ]

  const gen2 = state.prerequisites?.generation === 'gen2' ? state.prerequisites.region : null
  const prerequisites = gen2
    ? gen2Prerequisites(gen2)
    : [
        cmd('account_show', 'Check "VRF Enabled: true" and "Service Endpoint Enabled: true"', 'ibmcloud account show'),
        ...vrfCase(state),
        cmd(
          'service_endpoint_enable',
          'Enable service endpoints (needs VRF; otherwise it offers a support case)',
          'ibmcloud account update --service-endpoint-enable true'
        ),
        cmd('plugin_install', 'Install the Cloud Databases plugin (cdb)', 'ibmcloud plugin install cloud-databases'),
        cmd('plugin_list', 'Check the installed plugins', 'ibmcloud plugin list')
      ]

  const deploy: CliCommand[] = []
  const gen2Form = form ?? plannedGen2Form(state)
  const gen2Deploy = gen2Form?.generation === 'gen2' && state.deploy?.mode !== 'adopt' ? gen2DeployCommands(gen2Form, name) : null
  if (gen2Deploy) deploy.push(...gen2Deploy.deploy)
  else if (state.deploy?.mode === 'adopt') {
    deploy.push(cmd('instances_list', 'List your Databases for Redis instances', `ibmcloud resource service-instances --service-name ${REDIS_SERVICE}`))
  } else {
    const params = JSON.stringify(createParameters(state))
    deploy.push(
      cmd(
        'instance_create',
        'Create the Databases for Redis instance',
        `ibmcloud resource service-instance-create ${n} ${REDIS_SERVICE} ${REDIS_PLAN} ${shellQuote(region)}` +
          (group ? ` -g ${shellQuote(group)}` : '') +
          ` -p ${shellQuote(params)} --service-endpoints ${endpoints}`
      )
    )
    if (form && form.tags.length > 0)
      deploy.push(cmd('tag_attach', 'Attach the tags', `ibmcloud resource tag-attach --tag-names ${shellQuote(form.tags.join(','))} --resource-name ${n}`))
  }

  const wait = gen2Deploy?.wait ?? [
    cmd('instance_show', 'Show the instance state and its last operation', `ibmcloud resource service-instance ${n}`),
    cmd('cdb_deployments', 'List Cloud Databases deployments and their state', 'ibmcloud cdb deployments')
  ]

  const admin = state.password?.username ?? 'admin'
  const password = [
    cmd('user_password', 'Set the admin password (replace $PASSWORD)', `ibmcloud cdb deployment-user-password ${n} ${shellQuote(admin)} "$PASSWORD"`)
  ]

  // Gen 2: the details are in the instance's extensions (no cdb); its VPE lines follow. Gen 1: a VPE when the form names a VPC.
  const gen2Instance = (state.instance?.generation ?? form?.generation) === 'gen2'
  const connection: CliCommand[] = gen2Instance ? gen2ConnectionCommands(name) : []
  if (!gen2Instance && endpoints !== 'private') connection.push(cmd('connections_public', 'Public connection strings', `ibmcloud cdb deployment-connections ${n} -e public`))
  if (!gen2Instance && endpoints !== 'public') connection.push(cmd('connections_private', 'Private connection strings', `ibmcloud cdb deployment-connections ${n} -e private`))
  if (!gen2Instance) connection.push(cmd('cacert', 'Save the TLS certificate (CA)', `ibmcloud cdb deployment-cacert ${n} --save`))
  connection.push(...vpeCommandsFor(state))

  const serviceKey = [
    cmd(
      'key_create',
      'Create the private service key',
      `ibmcloud resource service-key-create ${shellQuote(keyName)} Manager --instance-name ${n} --service-endpoint private`
    ),
    cmd('key_show', 'Show its credentials', `ibmcloud resource service-key ${shellQuote(keyName)} --output json`)
  ]

  const test: CliCommand[] = []
  const pub = state.connections.public
  if (pub)
    test.push(
      cmd(
        'redli_public',
        'Test the public endpoint with redli',
        `redli -u ${shellQuote(`rediss://${pub.username}:$PASSWORD@${pub.hostname}:${pub.port}/${pub.database}`)} --certfile ./redis-cert.pem`
      )
    )
  const priv = state.serviceKey?.connection ?? state.connections.private
  if (priv)
    test.push(
      cmd(
        'redli_private',
        'Test the private endpoint with redli (from inside IBM Cloud\u2019s private network)',
        `redli -u ${shellQuote(`rediss://${priv.username}:$PASSWORD@${priv.hostname}:${priv.port}/${priv.database}`)} --certfile ./redis-cert.pem`
      )
    )
  if (test.length === 0) test.push(cmd('redli', 'Test with redli', 'redli -u "rediss://admin:$PASSWORD@<host>:<port>/0" --certfile ./redis-cert.pem'))
  // redis-cli (6+) speaks TLS too; REDISCLI_AUTH keeps the password out of the process list. An
  // assignment's value is neither split nor globbed by the shell, so $PASSWORD needs no quotes.
  const redisCli = (c: { username: string; hostname: string; port: number; database: number }) =>
    `REDISCLI_AUTH=$PASSWORD redis-cli --tls --cacert ./redis-cert.pem -h ${shellQuote(c.hostname)} -p ${c.port} --user ${shellQuote(c.username)} -n ${c.database} PING`
  if (pub) test.push(cmd('rediscli_public', 'Test the public endpoint with redis-cli', redisCli(pub)))
  if (priv) test.push(cmd('rediscli_private', 'Test the private endpoint with redis-cli (from inside IBM Cloud\u2019s private network)', redisCli(priv)))

  const save: CliCommand[] = []
  if (state.saved?.privateProfileId)
    save.push(cmd('test_private_profile', 'Test the saved private profile again', `pse-wizard test ${shellQuote(state.saved.privateProfileId)}`))
  if (state.saved?.publicProfileId)
    save.push(cmd('test_public_profile', 'Test the saved public profile again', `pse-wizard test ${shellQuote(state.saved.publicProfileId)}`))

  // Gen 2: keys with roles instead of the admin password, and a test with the system's CAs.
  const gen2Keys = (state.instance?.generation ?? form?.generation) === 'gen2' ? gen2KeyCommands(state) : null
  return { account, prerequisites, deploy, wait, connection, save, password, serviceKey, test, ...gen2Keys }
}
