#!/usr/bin/env node
'use strict'
/*
 * The sandbox `ibmcloud`: a stand-in for the IBM Cloud CLI that talks to the PSE Wizard emulator
 * (`pse-wizard sandbox`). Plain Node, no dependencies, so it runs on a user's machine as is.
 * It answers the commands the app (and the seed article) use, with the real CLI's texts:
 *   version, config --locale/--check-version, login, logout, iam oauth-tokens, account show,
 *   plugin list/install/update, cdb deployments|ls, cdb deployment-connections|cxn,
 *   cdb deployment-user-password|user-password, resource service-key-create.
 * Endpoints come from IBMCLOUD_*_API_ENDPOINT (as printed by `pse-wizard sandbox`); its state
 * lives in $IBMCLOUD_HOME/.bluemix like the real CLI's.
 */
const fs = require('node:fs')
const path = require('node:path')
const os = require('node:os')

const env = process.env
const HOME = path.join(env.IBMCLOUD_HOME || os.homedir(), '.bluemix')
const CONFIG = path.join(HOME, 'config.json')
const PLUGIN_DIR = path.join(HOME, 'plugins', 'cloud-databases')
const CLI_VERSION = '2.36.0'
const LATEST_PLUGIN = '0.19.2'

const out = (s) => process.stdout.write(s + '\n')
const err = (s) => process.stderr.write(s + '\n')

function readConfig() {
  try {
    return JSON.parse(fs.readFileSync(CONFIG, 'utf8'))
  } catch {
    return {}
  }
}
function writeConfig(c) {
  fs.mkdirSync(HOME, { recursive: true, mode: 0o700 })
  fs.writeFileSync(CONFIG, JSON.stringify(c, null, 2), { mode: 0o600 })
}
const ja = () => /^ja/i.test(readConfig().Locale || '')
const t = (en, jp) => (ja() ? jp : en)

function fail(message, code = 1) {
  out('FAILED')
  out(message)
  process.exit(code)
}

/** The emulator is on this computer: plain http anywhere else would send the API key and tokens in the clear. */
function isLoopbackHost(host) {
  const h = host.replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

function endpoint(name) {
  const v = env[name] || env.PSE_SANDBOX_URL
  if (!v) fail(`${name} is not set. Start the sandbox with "pse-wizard sandbox" and use the variables it prints.`)
  let url
  try {
    url = new URL(v.split('{region}').join('us-south'))
  } catch {
    fail(`${name} is not a valid URL.`)
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    fail(`${name} must be https://, or http:// to this computer (127.0.0.1, localhost, ::1).`)
  }
  return v.replace(/\/+$/, '')
}
const iamUrl = () => endpoint('IBMCLOUD_IAM_API_ENDPOINT')
const rcUrl = () => endpoint('IBMCLOUD_RESOURCE_CONTROLLER_API_ENDPOINT')
function cdbUrl(region) {
  let v = endpoint('IBMCLOUD_ICD_API_ENDPOINT')
  if (!/\/v5\/[a-z]+$/.test(v)) v += '/v5/ibm'
  return v.split('{region}').join(region)
}

async function http(method, url, { token, body, form } = {}) {
  const headers = { accept: 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  let payload
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    payload = new URLSearchParams(form).toString()
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  let res
  try {
    res = await fetch(url, { method, headers, body: payload, signal: AbortSignal.timeout(30000) })
  } catch (e) {
    fail(`Could not connect to ${new URL(url).origin}: ${e.message}`)
  }
  const text = await res.text()
  let data
  try {
    data = text ? JSON.parse(text) : {}
  } catch {
    fail(`Unexpected response from ${new URL(url).origin} (HTTP ${res.status})`)
  }
  return { status: res.status, data }
}

async function session() {
  const c = readConfig()
  if (!c.IAMToken) fail(t("Not logged in. Use 'ibmcloud login' to log in.", "ログインしていません。'ibmcloud login' を使用してログインしてください。"))
  const probe = await http('GET', `${rcUrl()}/sandbox/account`, { token: c.IAMToken })
  if (probe.status === 401 && c.RefreshToken) {
    const r = await http('POST', `${iamUrl()}/identity/token`, { form: { grant_type: 'refresh_token', refresh_token: c.RefreshToken } })
    if (r.status !== 200) fail(t("Session expired. Use 'ibmcloud login' to log in again.", "セッションの有効期限が切れました。'ibmcloud login' を使用して再度ログインしてください。"))
    c.IAMToken = r.data.access_token
    c.RefreshToken = r.data.refresh_token
    writeConfig(c)
    return { config: c, account: (await http('GET', `${rcUrl()}/sandbox/account`, { token: c.IAMToken })).data }
  }
  if (probe.status !== 200) fail(`Could not read the account (HTTP ${probe.status}).`)
  return { config: c, account: probe.data }
}

/** The sandbox CLI state (plugins), which needs no login, shaped like the `cli` part of /sandbox/account. */
async function tryAccount() {
  const base = env.IBMCLOUD_RESOURCE_CONTROLLER_API_ENDPOINT || env.PSE_SANDBOX_URL
  if (!base) return undefined
  try {
    const res = await fetch(`${base.replace(/\/+$/, '')}/sandbox/cli`, { signal: AbortSignal.timeout(10000) })
    return res.ok ? { cli: await res.json() } : undefined
  } catch {
    return undefined
  }
}

function flag(args, ...names) {
  for (let i = 0; i < args.length; i++) {
    for (const n of names) {
      if (args[i] === n) return args[i + 1]
      if (args[i].startsWith(n + '=')) return args[i].slice(n.length + 1)
    }
  }
  return undefined
}
const has = (args, ...names) => args.some((a) => names.includes(a))
const positional = (args, withValue) => {
  const res = []
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('-')) {
      if (withValue.includes(args[i])) i++
      continue
    }
    res.push(args[i])
  }
  return res
}
const json = (args) => (flag(args, '--output', '-o') || '').toLowerCase() === 'json' || has(args, '--json', '-j')

function pluginState(account) {
  try {
    return JSON.parse(fs.readFileSync(path.join(PLUGIN_DIR, 'plugin.json'), 'utf8'))
  } catch {
    return account && account.cli && account.cli.plugin_installed ? { version: account.cli.plugin_version } : undefined
  }
}

const commands = {
  async version() {
    out(`ibmcloud version ${CLI_VERSION}+sandbox-2026-11-01T00:00:00+00:00 (PSE Wizard sandbox)`)
  },

  async config(args) {
    const c = readConfig()
    const locale = flag(args, '--locale')
    if (locale) c.Locale = locale
    const check = flag(args, '--check-version')
    if (check !== undefined) c.CheckCLIVersionDisabled = check === 'false'
    writeConfig(c)
    out('OK')
  },

  async login(args) {
    let key = flag(args, '--apikey')
    if (key && key.startsWith('@')) key = fs.readFileSync(key.slice(1), 'utf8').trim()
    if (!key) key = env.IBMCLOUD_API_KEY
    out('API endpoint: https://cloud.ibm.com')
    if (!key) fail('No API key given. Set IBMCLOUD_API_KEY or pass --apikey @file (interactive login is not available in the sandbox).')
    out('Authenticating...')
    const r = await http('POST', `${iamUrl()}/identity/token`, { form: { grant_type: 'urn:ibm:params:oauth:grant-type:apikey', apikey: key } })
    if (r.status !== 200) fail(`Unable to authenticate.\n${r.data.errorCode || ''}: ${r.data.errorMessage || 'unknown error'}`)
    const c = readConfig()
    c.IAMToken = r.data.access_token
    c.RefreshToken = r.data.refresh_token
    writeConfig(c)
    const account = (await http('GET', `${rcUrl()}/sandbox/account`, { token: c.IAMToken })).data
    c.Account = { GUID: account.account_id, Name: account.name, Owner: account.owner }
    writeConfig(c)
    out('OK\n')
    out(`Targeted account ${account.name} (${account.account_id})\n`)
    out(`API endpoint:     https://cloud.ibm.com\nRegion:           ${flag(args, '-r') || ''}\nUser:             ${account.owner}\nAccount:          ${account.name} (${account.account_id})\nResource group:   No resource group targeted, use 'ibmcloud target -g RESOURCE_GROUP'`)
  },

  async logout() {
    const c = readConfig()
    delete c.IAMToken
    delete c.RefreshToken
    delete c.Account
    writeConfig(c)
    out('Logging out...\nOK')
  },

  async iam(args) {
    if (args[0] !== 'oauth-tokens') fail(`'iam ${args[0] || ''}' is not supported by the sandbox CLI.`)
    const { config } = await session()
    if (json(args)) out(JSON.stringify({ iam_token: `Bearer ${config.IAMToken}` }, null, 2))
    else out(`IAM token:  Bearer ${config.IAMToken}`)
  },

  async account(args) {
    if (args[0] !== 'show') fail(`'account ${args[0] || ''}' is not supported by the sandbox CLI.`)
    const { account } = await session()
    if (json(args)) {
      // Key names for VRF / service endpoints in JSON are UNVERIFIED, so the sandbox prints only the known ones.
      out(JSON.stringify({ account_id: account.account_id, name: account.name, ims_account_id: '1008967' }, null, 2))
      return
    }
    out(t(`Retrieving account ${account.name} of ${account.owner}...`, `${account.owner} のアカウント ${account.name} を取得しています...`))
    out('OK\n')
    const rows = [
      ['Account ID:', account.account_id],
      ['Currently Targeted Account:', 'true'],
      ['Linked Softlayer Account:', '1008967'],
      ['VRF Enabled:', String(account.vrf_enabled)],
      ['Service Endpoint Enabled:', String(account.service_endpoint_enabled)],
      ['EU Supported', 'false'],
      ['PoC (Commercial Proof of Concept)', 'false'],
      ['HIPAA Supported', 'false']
    ]
    for (const [k, v] of rows) out(k.padEnd(36) + v)
  },

  async plugin(args) {
    const sub = args[0]
    if (sub === 'list' || sub === 'ls') {
      const account = await tryAccount()
      const p = pluginState(account)
      const latest = (account && account.cli && account.cli.latest_plugin_version) || LATEST_PLUGIN
      const status = p && p.version !== latest ? 'Update Available' : ''
      if (json(args)) {
        out(JSON.stringify(p ? [{ Name: 'cloud-databases', Aliases: ['cdb'], Version: p.version, Status: status, PrivateEndpointSupported: true }] : [], null, 2))
        return
      }
      out('Listing installed plug-ins...\n')
      out('Plugin Name                            Version   Status             Private endpoints supported')
      if (p) out(`cloud-databases[cdb]                   ${p.version.padEnd(9)} ${status.padEnd(18)} true`)
      return
    }
    if (sub === 'install' || sub === 'update') {
      if (args[1] !== 'cloud-databases' && args[1] !== 'cdb') fail(`Plug-in '${args[1] || ''}' was not found in repository 'IBM Cloud' (the sandbox offers only cloud-databases).`)
      const account = await tryAccount()
      const latest = (account && account.cli && account.cli.latest_plugin_version) || LATEST_PLUGIN
      out(t("Looking up 'cloud-databases' from repository 'IBM Cloud'...", "リポジトリー 'IBM Cloud' から 'cloud-databases' を検索しています..."))
      out(t(`Plug-in 'cloud-databases ${latest}' found in repository 'IBM Cloud'`, `プラグイン 'cloud-databases ${latest}' がリポジトリー 'IBM Cloud' 内で見つかりました`))
      fs.mkdirSync(PLUGIN_DIR, { recursive: true })
      fs.writeFileSync(path.join(PLUGIN_DIR, 'plugin.json'), JSON.stringify({ version: latest }))
      out('OK')
      out(t(`Plug-in 'cloud-databases ${latest}' was successfully installed into ${PLUGIN_DIR}.`, `プラグイン 'cloud-databases ${latest}' は ${PLUGIN_DIR} に正常にインストールされました。`))
      return
    }
    fail(`'plugin ${sub || ''}' is not supported by the sandbox CLI.`)
  },

  async cdb(args) {
    const { config, account } = await session()
    if (!pluginState(account)) fail("'cdb' is not a registered command. Check your list of installed plug-ins: ibmcloud plugin list")
    const sub = args[0]
    const rest = args.slice(1)
    const instances = async () => {
      const r = await http('GET', `${rcUrl()}/v2/resource_instances?resource_id=databases-for-redis&limit=100`, { token: config.IAMToken })
      return r.data.resources || []
    }
    const find = async (nameOrCrn) => {
      const found = (await instances()).find((i) => i.name === nameOrCrn || i.id === nameOrCrn)
      if (!found) fail(`Deployment '${nameOrCrn}' not found.`)
      return found
    }
    if (sub === 'deployments' || sub === 'ls') {
      const list = await instances()
      if (json(rest)) return out(JSON.stringify(list.map((i) => ({ name: i.name, id: i.id, location: i.region_id, state: i.state })), null, 2))
      out('Retrieving deployments...\nOK\n')
      out('Name'.padEnd(30) + 'Location'.padEnd(11) + 'State')
      for (const i of list) out(i.name.padEnd(30) + i.region_id.padEnd(11) + i.state)
      return
    }
    if (sub === 'deployment-connections' || sub === 'cxn') {
      const [name] = positional(rest, ['-u', '--user', '-p', '--password', '-e', '--endpoint-type', '--certroot', '--output', '-o', '--only'])
      if (!name) fail('Incorrect Usage: the deployment name or CRN is required.')
      const i = await find(name)
      const type = flag(rest, '-e', '--endpoint-type') || 'public'
      const user = flag(rest, '-u', '--user') || 'admin'
      const r = await http('GET', `${cdbUrl(i.region_id)}/deployments/${encodeURIComponent(i.id)}/users/database/${encodeURIComponent(user)}/connections/${type}`, { token: config.IAMToken })
      if (r.status !== 200) {
        if (json(rest)) out(JSON.stringify(r.data))
        fail(JSON.stringify(r.data))
      }
      if (json(rest)) return out(JSON.stringify(r.data, null, 2))
      out(`Retrieving ${type} connection strings for ${i.name}...\nOK\n`)
      out('Type    Connection String')
      out(`Redis   ${r.data.connection.rediss.composed[0]}`)
      out(`CLI     ${r.data.connection.cli.composed[0]}`)
      return
    }
    if (sub === 'deployment-user-password' || sub === 'user-password') {
      const [name, user, password] = positional(rest, ['--output', '-o'])
      if (!name || !user || !password) fail('Incorrect Usage: ibmcloud cdb deployment-user-password NAME USERNAME NEWPASSWORD')
      const i = await find(name)
      const base = cdbUrl(i.region_id)
      const r = await http('PATCH', `${base}/deployments/${encodeURIComponent(i.id)}/users/database/${encodeURIComponent(user)}`, { token: config.IAMToken, body: { user: { password } } })
      if (r.status !== 202) fail(JSON.stringify(r.data))
      let task = r.data.task
      if (!has(rest, '--nowait')) {
        while (task && task.status !== 'completed') {
          if (task.status === 'failed' || task.status === 'expired') fail(`Task ${task.status}: ${task.description}`)
          await new Promise((res) => setTimeout(res, 300))
          task = (await http('GET', `${base}/tasks/${encodeURIComponent(task.id)}`, { token: config.IAMToken })).data.task
        }
      }
      if (json(rest)) return out(JSON.stringify(r.data.task, null, 2))
      out(`The user's password is being changed with this task:\n\nID          ${r.data.task.id}\nDeployment  ${i.id}\nDescription ${r.data.task.description}\nCreated At  ${r.data.task.created_at}\nStatus      ${task ? task.status : 'completed'}\nOK`)
      return
    }
    fail(`'cdb ${sub || ''}' is not supported by the sandbox CLI.`)
  },

  async resource(args) {
    if (args[0] !== 'service-key-create') fail(`'resource ${args[0] || ''}' is not supported by the sandbox CLI.`)
    const { config } = await session()
    const rest = args.slice(1)
    const [name, role] = positional(rest, ['--instance-name', '--instance-id', '-p', '--parameters', '--service-endpoint', '--output', '-o', '-g'])
    const instanceName = flag(rest, '--instance-name')
    const instanceId = flag(rest, '--instance-id')
    if (!name || (!instanceName && !instanceId)) fail('Incorrect Usage: ibmcloud resource service-key-create NAME [ROLE] (--instance-name NAME | --instance-id ID)')
    let source = instanceId
    if (!source) {
      const r = await http('GET', `${rcUrl()}/v2/resource_instances?name=${encodeURIComponent(instanceName)}`, { token: config.IAMToken })
      const i = (r.data.resources || [])[0]
      if (!i) fail(`Service instance ${instanceName} was not found.`)
      source = i.guid
    }
    const parameters = flag(rest, '-p', '--parameters') ? JSON.parse(flag(rest, '-p', '--parameters')) : {}
    const se = flag(rest, '--service-endpoint')
    if (se) parameters['service-endpoints'] = se
    if (!json(rest)) out(`Creating service key of service instance ${instanceName || instanceId} under account...`)
    const r = await http('POST', `${rcUrl()}/v2/resource_keys`, { token: config.IAMToken, body: { name, source, role: role || 'Manager', parameters } })
    if (r.status !== 201) fail(`${r.data.message || JSON.stringify(r.data)}`)
    if (json(rest)) return out(JSON.stringify(r.data, null, 2))
    out('OK')
    out(`Service key ${r.data.id} was created.\n\nName:          ${r.data.name}\nID:            ${r.data.id}\nState:         active\nCredentials:\n               connection: ${r.data.credentials.connection.rediss.composed[0].replace(/:[^:@/]+@/, ':********@')}`)
  }
}

async function main() {
  const args = process.argv.slice(2)
  if (args[0] === '--version' || args[0] === '-v') return commands.version()
  const cmd = commands[args[0]]
  if (!cmd) fail(`'${args[0] || ''}' is not a registered command. See 'ibmcloud help'.`)
  await cmd(args.slice(1))
}

main().catch((e) => fail(e && e.message ? e.message : String(e)))
