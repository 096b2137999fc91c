import { isAppFailure } from '../../shared/errors'
import type { AccountInfo, PrereqItem, PrereqReport } from '../../shared/schemas/ibmcloud'
import { CLI_INSTALL_URL, PLUGIN_NAME, type IbmcloudCli } from './cli-runner'
import { said, worded } from './prerequisites-text'

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
        worded({ id: 'api_key', ok: false, label: 'IBM Cloud API key', advice: said('advice.apiKeyMissing'), link: 'https://cloud.ibm.com/iam/apikeys' }),
        { id: 'account', ok: null, label: 'IBM Cloud account' }
      ]
    }
  }
  try {
    const account = await validate()
    return {
      account,
      items: [
        worded({ id: 'api_key', ok: true, label: 'IBM Cloud API key', ...(account.apiKeyName ? { detail: said('detail.apiKeyName', { name: account.apiKeyName }) } : {}) }),
        { id: 'account', ok: true, label: 'IBM Cloud account', detail: account.accountName ? `${account.accountName} (${account.accountId})` : account.accountId }
      ]
    }
  } catch (e) {
    if (isAppFailure(e) && e.code === 'cancelled') throw e
    return {
      items: [
        worded({ id: 'api_key', ok: false, label: 'IBM Cloud API key', detail: message(e), advice: said('advice.apiKeyCheck'), link: 'https://cloud.ibm.com/iam/apikeys' }),
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
  const cliItem: Parameters<typeof worded>[0] = { id: 'cli', ok: false, label: 'IBM Cloud CLI (ibmcloud)', advice: said('advice.cliInstall'), link: DOCS.cli }
  let version: string | undefined
  if (cli?.bin) {
    try {
      version = await cli.version(deps.signal)
      Object.assign(cliItem, { ok: true, detail: version ? said('detail.cliVersion', { version, path: cli.bin }) : cli.bin, advice: undefined, link: undefined })
    } catch (e) {
      if (isAppFailure(e) && e.code === 'cancelled') throw e
      cliItem.detail = message(e)
    }
  }
  items.push(worded(cliItem))

  let session = false
  if (cliItem.ok && cli) {
    try {
      await cli.ensureSession(deps.signal)
      session = true
      items.push(worded({ id: 'cli_login', ok: true, label: 'CLI login', detail: said(cli.isolated ? 'detail.loginIsolated' : 'detail.loginOwn') }))
    } catch (e) {
      if (isAppFailure(e) && e.code === 'cancelled') throw e
      items.push(worded({ id: 'cli_login', ok: false, label: 'CLI login', detail: message(e), advice: said(cli.isolated ? 'advice.loginIsolated' : 'advice.loginOwn'), command: cli.isolated ? undefined : 'ibmcloud login --sso' }))
    }
  } else {
    items.push({ id: 'cli_login', ok: null, label: 'CLI login' })
  }

  if (cliItem.ok && cli) {
    try {
      const plugin = (await cli.plugins(deps.signal)).find((p) => p.name === PLUGIN_NAME || p.aliases.includes('cdb'))
      if (!plugin) {
        items.push(worded({ id: 'plugin', ok: false, label: 'cloud-databases CLI plugin', advice: said('advice.pluginInstall'), command: `ibmcloud plugin install ${PLUGIN_NAME} -f` }))
      } else if (plugin.updateAvailable) {
        items.push(worded({ id: 'plugin', ok: true, label: 'cloud-databases CLI plugin', detail: said('detail.pluginUpdate', { version: plugin.version ?? '?' }), advice: said('advice.pluginUpdate'), command: `ibmcloud plugin update ${PLUGIN_NAME} -f` }))
      } else {
        items.push(worded({ id: 'plugin', ok: true, label: 'cloud-databases CLI plugin', detail: said('detail.pluginVersion', { version: plugin.version ?? '?' }) }))
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
    items.push(worded({ id: 'vrf', ok: null, label: 'VRF enabled', advice: said('advice.vrfNeedsCli') }))
    items.push({ id: 'service_endpoint', ok: null, label: 'Service endpoints enabled' })
  }

  return { ok: items.every((i) => i.ok === true), items, sandbox: deps.sandbox === true }
}

function flagItem(id: 'vrf' | 'service_endpoint', label: string, value: boolean | undefined, vrf?: boolean): PrereqItem {
  if (value === true) return { id, ok: true, label, detail: 'true' }
  if (value === undefined) {
    const line = id === 'vrf' ? 'VRF Enabled' : 'Service Endpoint Enabled'
    return worded({ id, ok: null, label, detail: said('detail.flagMissing', { line }), advice: said('advice.cliUpdate'), command: 'ibmcloud update' })
  }
  if (id === 'vrf') {
    return worded({ id, ok: false, label, detail: 'false', advice: said('advice.vrfCase', { caseText: VRF_CASE_TEXT }), link: DOCS.support })
  }
  return worded({
    id,
    ok: false,
    label,
    detail: 'false',
    advice: said(vrf === false ? 'advice.endpointsNeedVrf' : 'advice.endpointsEnable'),
    command: 'ibmcloud account update --service-endpoint-enable true',
    link: DOCS.vrf
  })
}

