import { isAppFailure } from '../../shared/errors'
import type { AccountInfo, PrereqItem, PrereqReport } from '../../shared/schemas/ibmcloud'
import { CLI_INSTALL_URL, PLUGIN_NAME, type IbmcloudCli } from './cli-runner'

export const DOCS = {
  vrf: 'https://cloud.ibm.com/docs/account?topic=account-vrf-service-endpoint',
  cli: CLI_INSTALL_URL,
  support: 'https://cloud.ibm.com/unifiedsupport/cases/form'
}

/** Text of the support case for enabling VRF (only IBM can do it; it cannot be undone). */
export const VRF_CASE_TEXT =
  'Please enable VRF (Virtual Routing and Forwarding) and service endpoints for my account, so that I can use private service endpoints for IBM Cloud Databases for Redis. I understand that VRF cannot be disabled once enabled.'

export interface PrereqDeps {
  /** Validates the API key (undefined when none is set). */
  validate?: () => Promise<AccountInfo>
  cli?: IbmcloudCli
  sandbox?: boolean
  signal?: AbortSignal
}

const message = (e: unknown) => (isAppFailure(e) ? e.message : (e as Error)?.message ?? String(e))

/** The API key and the account it belongs to (every generation starts with these two). */
export async function checkKeyItems(validate: (() => Promise<AccountInfo>) | undefined): Promise<{ items: PrereqItem[]; account?: AccountInfo }> {
  if (!validate) {
    return {
      items: [
        { id: 'api_key', ok: false, label: 'IBM Cloud API key', advice: 'Enter an API key on the Account step (create one under Manage > Access (IAM) > API keys), or set IBMCLOUD_API_KEY.', link: 'https://cloud.ibm.com/iam/apikeys' },
        { id: 'account', ok: null, label: 'IBM Cloud account' }
      ]
    }
  }
  try {
    const account = await validate()
    return {
      account,
      items: [
        { id: 'api_key', ok: true, label: 'IBM Cloud API key', ...(account.apiKeyName ? { detail: `Key "${account.apiKeyName}"` } : {}) },
        { id: 'account', ok: true, label: 'IBM Cloud account', detail: account.accountName ? `${account.accountName} (${account.accountId})` : account.accountId }
      ]
    }
  } catch (e) {
    if (isAppFailure(e) && e.code === 'cancelled') throw e
    return {
      items: [
        { id: 'api_key', ok: false, label: 'IBM Cloud API key', detail: message(e), advice: 'Check the key on the Account step; create a new one under Manage > Access (IAM) > API keys if it was deleted.', link: 'https://cloud.ibm.com/iam/apikeys' },
        { id: 'account', ok: null, label: 'IBM Cloud account' }
      ]
    }
  }
}

/**
 * Each prerequisite of the journey with ok / fail / unknown and what to do about it:
 * API key, account, CLI, CLI login, cloud-databases plugin, VRF, service endpoints.
 * An item that depends on a failed one is `ok: null` ("could not be checked").
 */
export async function checkPrerequisites(deps: PrereqDeps): Promise<PrereqReport> {
  const { items } = await checkKeyItems(deps.validate)
  const cli = deps.cli
  const cliItem: PrereqItem = { id: 'cli', ok: false, label: 'IBM Cloud CLI (ibmcloud)', advice: `Install the IBM Cloud CLI, or set its path in Settings.`, link: DOCS.cli }
  let version: string | undefined
  if (cli?.bin) {
    try {
      version = await cli.version(deps.signal)
      Object.assign(cliItem, { ok: true, detail: version ? `Version ${version} at ${cli.bin}` : cli.bin, advice: undefined, link: undefined })
    } catch (e) {
      if (isAppFailure(e) && e.code === 'cancelled') throw e
      cliItem.detail = message(e)
    }
  }
  items.push(clean(cliItem))

  let session = false
  if (cliItem.ok && cli) {
    try {
      await cli.ensureSession(deps.signal)
      session = true
      items.push({ id: 'cli_login', ok: true, label: 'CLI login', detail: cli.isolated ? 'Logged in with the API key in PSE Wizard’s own CLI folder' : 'Using your own ibmcloud login' })
    } catch (e) {
      if (isAppFailure(e) && e.code === 'cancelled') throw e
      items.push({ id: 'cli_login', ok: false, label: 'CLI login', detail: message(e), advice: cli.isolated ? 'Check the API key on the Account step.' : 'Run "ibmcloud login" in a terminal, or turn off "Use my CLI session" in Settings.', command: cli.isolated ? undefined : 'ibmcloud login --sso' })
    }
  } else {
    items.push({ id: 'cli_login', ok: null, label: 'CLI login' })
  }

  if (cliItem.ok && cli) {
    try {
      const plugin = (await cli.plugins(deps.signal)).find((p) => p.name === PLUGIN_NAME || p.aliases.includes('cdb'))
      if (!plugin) {
        items.push({ id: 'plugin', ok: false, label: 'cloud-databases CLI plugin', advice: 'Install the plugin (PSE Wizard can do it for you).', command: `ibmcloud plugin install ${PLUGIN_NAME} -f` })
      } else if (plugin.updateAvailable) {
        items.push({ id: 'plugin', ok: true, label: 'cloud-databases CLI plugin', detail: `Version ${plugin.version ?? '?'}; a newer version is available`, advice: 'Update the plugin to get the latest fixes.', command: `ibmcloud plugin update ${PLUGIN_NAME} -f` })
      } else {
        items.push({ id: 'plugin', ok: true, label: 'cloud-databases CLI plugin', detail: `Version ${plugin.version ?? '?'}` })
      }
    } catch (e) {
      if (isAppFailure(e) && e.code === 'cancelled') throw e
      items.push({ id: 'plugin', ok: false, label: 'cloud-databases CLI plugin', detail: message(e), command: `ibmcloud plugin install ${PLUGIN_NAME} -f` })
    }
  } else {
    items.push({ id: 'plugin', ok: null, label: 'cloud-databases CLI plugin' })
  }

  if (session && cli) {
    try {
      const shown = await cli.accountShow(deps.signal)
      items.push(flagItem('vrf', 'VRF enabled', shown.vrfEnabled))
      items.push(flagItem('service_endpoint', 'Service endpoints enabled', shown.serviceEndpointEnabled, shown.vrfEnabled))
    } catch (e) {
      if (isAppFailure(e) && e.code === 'cancelled') throw e
      items.push({ id: 'vrf', ok: null, label: 'VRF enabled', detail: message(e), command: 'ibmcloud account show' })
      items.push({ id: 'service_endpoint', ok: null, label: 'Service endpoints enabled', command: 'ibmcloud account show' })
    }
  } else {
    items.push({ id: 'vrf', ok: null, label: 'VRF enabled', advice: 'Needs the CLI: "ibmcloud account show" is the only place IBM Cloud reports it.' })
    items.push({ id: 'service_endpoint', ok: null, label: 'Service endpoints enabled' })
  }

  return { ok: items.every((i) => i.ok === true), items, sandbox: deps.sandbox === true }
}

function flagItem(id: 'vrf' | 'service_endpoint', label: string, value: boolean | undefined, vrf?: boolean): PrereqItem {
  if (value === true) return { id, ok: true, label, detail: 'true' }
  if (value === undefined) {
    return { id, ok: null, label, detail: `"ibmcloud account show" printed no "${id === 'vrf' ? 'VRF Enabled' : 'Service Endpoint Enabled'}" line`, advice: 'Update the IBM Cloud CLI ("ibmcloud update") and check again.', command: 'ibmcloud update' }
  }
  if (id === 'vrf') {
    return { id, ok: false, label, detail: 'false', advice: `Only IBM can enable VRF: open a support case with this text: "${VRF_CASE_TEXT}" It cannot be disabled afterwards. Check again once IBM confirms.`, link: DOCS.support }
  }
  return {
    id,
    ok: false,
    label,
    detail: 'false',
    advice: vrf === false ? 'Service endpoints need VRF first (see above); then enable them with the command below.' : 'Enable service endpoints for the account with the command below (account owner or a user with the classic permission "Manage private endpoint service").',
    command: 'ibmcloud account update --service-endpoint-enable true',
    link: DOCS.vrf
  }
}

const clean = (i: PrereqItem): PrereqItem => Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined)) as PrereqItem

