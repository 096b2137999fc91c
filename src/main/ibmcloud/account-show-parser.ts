import { AppFailure } from '../../shared/errors'

export const CliParseCodes = {
  unreadable: 'ibmcloud_cli_output_unreadable'
} as const

export interface AccountShow {
  accountId?: string
  accountName?: string
  /** undefined = the CLI printed no such line (older CLIs omit `VRF Enabled:`). */
  vrfEnabled?: boolean
  serviceEndpointEnabled?: boolean
}

// ANSI colour codes, which `ibmcloud` prints unless told not to.
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g

/** Lines with ANSI codes removed, CR dropped, and full-width colons made ASCII. */
export function cleanLines(text: string): string[] {
  return String(text).replace(ANSI, '').replace(/\r/g, '').replace(/\uFF1A/g, ':').split('\n')
}

/** The first word decides: the seed shows annotations after the value ("true   <<--- これと"). */
const bool = (v: string): boolean | undefined => {
  const s = (v.trim().split(/\s+/)[0] ?? '').toLowerCase()
  if (s === 'true' || s === 'yes' || s === 'enabled') return true
  if (s === 'false' || s === 'no' || s === 'disabled') return false
  return undefined
}

/** The value of the first `Label:   value` line whose label matches, tolerant of spacing and case. */
function field(lines: string[], label: RegExp): string | undefined {
  for (const line of lines) {
    const m = /^\s*([^:]{1,80}?)\s*:\s*(.*?)\s*$/.exec(line)
    if (m && label.test(m[1])) return m[2]
  }
  return undefined
}

/**
 * Parses the text of `ibmcloud account show` (API-FACTS §b). The lines we need are in English
 * even when the CLI prints Japanese around them (the seed shows this); anything else is ignored.
 * Throws a typed error when the text has none of the expected lines.
 */
export function parseAccountShow(text: string): AccountShow {
  const lines = cleanLines(text)
  const vrf = field(lines, /^VRF\s+Enabled$/i)
  const se = field(lines, /^Service\s+Endpoint\s+Enabled$/i)
  const id = field(lines, /^Account\s+ID$/i)
  const name = field(lines, /^(Account\s+)?Name$/i)
  const result: AccountShow = {}
  if (id && /^[A-Za-z0-9]{8,64}$/.test(id)) result.accountId = id
  if (name) result.accountName = name
  const vrfValue = vrf === undefined ? undefined : bool(vrf)
  const seValue = se === undefined ? undefined : bool(se)
  if (vrfValue !== undefined) result.vrfEnabled = vrfValue
  if (seValue !== undefined) result.serviceEndpointEnabled = seValue
  if (result.vrfEnabled === undefined && result.serviceEndpointEnabled === undefined && result.accountId === undefined) {
    throw new AppFailure({ code: CliParseCodes.unreadable, message: 'PSE Wizard could not read the output of "ibmcloud account show". Run it yourself and check the "VRF Enabled" and "Service Endpoint Enabled" lines.', detail: String(text).slice(0, 2000) })
  }
  return result
}

export interface PluginInfo {
  name: string
  version?: string
  updateAvailable: boolean
  aliases: string[]
}

/**
 * `ibmcloud plugin list --output json`: an array of objects with `Name`, `Aliases`, `Status`
 * ("Update Available" when newer exists) and a `Version` whose form is UNVERIFIED (a string, or
 * `{Major, Minor, Build}` as in the CLI SDK's PluginMetadata): both are read.
 */
export function parsePluginListJson(text: string): PluginInfo[] {
  let data: unknown
  try {
    data = JSON.parse(String(text).replace(ANSI, '').trim() || 'null')
  } catch {
    throw new AppFailure({ code: CliParseCodes.unreadable, message: 'PSE Wizard could not read the output of "ibmcloud plugin list". Update the IBM Cloud CLI and try again.', detail: String(text).slice(0, 2000) })
  }
  if (!Array.isArray(data)) {
    if (data === null) return []
    throw new AppFailure({ code: CliParseCodes.unreadable, message: 'PSE Wizard could not read the output of "ibmcloud plugin list". Update the IBM Cloud CLI and try again.', detail: String(text).slice(0, 2000) })
  }
  const out: PluginInfo[] = []
  for (const item of data) {
    if (!item || typeof item !== 'object') continue
    const o = item as Record<string, unknown>
    const name = o.Name ?? o.name
    if (typeof name !== 'string') continue
    const status = String(o.Status ?? o.status ?? '')
    const aliases = Array.isArray(o.Aliases ?? o.aliases) ? ((o.Aliases ?? o.aliases) as unknown[]).filter((a): a is string => typeof a === 'string') : []
    const version = versionString(o.Version ?? o.version)
    out.push({ name, ...(version ? { version } : {}), updateAvailable: /update available/i.test(status), aliases })
  }
  return out
}

function versionString(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim()
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    const parts = [o.Major, o.Minor, o.Build].map((x) => (typeof x === 'number' ? x : undefined))
    if (parts.every((x) => x !== undefined)) return parts.join('.')
  }
  return undefined
}

/**
 * The text table of `ibmcloud plugin list` (older CLIs without JSON output):
 * `cloud-databases[cdb]   0.19.2   Update Available   true`.
 */
export function parsePluginListText(text: string): PluginInfo[] {
  const out: PluginInfo[] = []
  for (const line of cleanLines(text)) {
    const m = /^\s*([a-z0-9][a-z0-9._-]*)(?:\[([^\]]*)\])?\s+(\d+(?:\.\d+){1,3})\b(.*)$/i.exec(line)
    if (!m) continue
    out.push({ name: m[1], version: m[3], updateAvailable: /update available/i.test(m[4]), aliases: m[2] ? m[2].split(',').map((s) => s.trim()).filter(Boolean) : [] })
  }
  return out
}

/** `ibmcloud version` → "2.36.0" from "ibmcloud version 2.36.0+f4e8e3d-2025-…". */
export function parseCliVersion(text: string): string | undefined {
  return /\bversion\s+v?(\d+\.\d+(?:\.\d+)?)/i.exec(cleanLines(text).join('\n'))?.[1]
}

/** Compares dotted versions numerically: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0)
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
