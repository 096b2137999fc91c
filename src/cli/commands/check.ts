import { Exit, UsageError, type Command } from '../command'
import { parseArgs } from 'node:util'
import { validateApiKey } from '../../main/ibmcloud/account'
import { IbmcloudCli } from '../../main/ibmcloud/cli-runner'
import { createIbmCloudClient } from '../../main/ibmcloud/client'
import { checkPrerequisites } from '../../main/ibmcloud/prerequisites'
import { resolveDataDir } from '../../main/paths'
import { SettingsStore } from '../../main/settings/store'
import { sandboxOptionsFromEnv, startSandbox } from '../../main/sandbox'
import type { PrereqReport } from '../../shared/schemas/ibmcloud'
import { printable } from '../printable'

const USAGE = `Usage: pse-wizard check [--json] [--sandbox]

Checks what a private Redis connection needs: the API key (IBMCLOUD_API_KEY), the account,
the ibmcloud CLI and its login, the cloud-databases plugin, VRF and service endpoints.
Each item is ok, failed (with advice) or unknown. Exit code 0 when everything is ok, else 1.

  --json      print the report as JSON
  --sandbox   check against a fresh sandbox (emulator and sandbox ibmcloud) instead of IBM Cloud

The API endpoints and CLI come from IBMCLOUD_*_API_ENDPOINT and PSE_IBMCLOUD_BIN when set
(as printed by "pse-wizard sandbox"), else from the settings and PATH.`

export const checkCommand: Command = {
  name: 'check',
  summary: 'check the API key, account, CLI, plugin, VRF and service endpoints',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, sandbox: { type: 'boolean' } }, strict: true, allowPositionals: true })
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    let env = io.env
    let close: (() => Promise<void>) | undefined
    let cli: IbmcloudCli | undefined
    if (values.sandbox) {
      const sandbox = await startSandbox({ ...sandboxOptionsFromEnv(env), backend: 'fake' })
      close = () => sandbox.close()
      env = { ...env, ...sandbox.env }
    }
    try {
      const dataDir = resolveDataDir(env)
      const settings = await new SettingsStore(dataDir).load()
      const apiKey = env.IBMCLOUD_API_KEY?.trim() || undefined
      cli = new IbmcloudCli({ configuredPath: settings.ibmcloudCliPath, env, dataDir, useUserSession: settings.useCliSession, apiKey: async () => apiKey })
      const client = apiKey ? createIbmCloudClient({ apiKey, env, privateEndpoints: settings.privateApiEndpoints }) : undefined
      const report = await checkPrerequisites({
        ...(client ? { validate: () => validateApiKey(client, { signal: io.signal }) } : {}),
        cli,
        sandbox: Boolean(values.sandbox) || Boolean(env.PSE_SANDBOX_URL),
        signal: io.signal
      })
      io.stdout(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report))
      return report.ok ? Exit.ok : Exit.failure
    } finally {
      // No CLI token stays in the data folder after a check (DESIGN "Secrets").
      await cli?.endSession()
      await close?.()
    }
  }
}

export function formatReport(report: PrereqReport): string {
  const lines = [report.sandbox ? 'PSE Wizard check (SANDBOX: nothing here is IBM Cloud)' : 'PSE Wizard check', '']
  for (const item of report.items) {
    const mark = item.ok === true ? 'ok  ' : item.ok === false ? 'FAIL' : '?   '
    lines.push(`[${mark}] ${item.label}${item.detail ? `: ${item.detail}` : ''}`)
    if (item.ok !== true || item.advice) {
      if (item.advice) lines.push(`       ${item.advice}`)
      if (item.command) lines.push(`       $ ${item.command}`)
      if (item.link) lines.push(`       ${item.link}`)
    }
  }
  lines.push('', report.ok ? 'Everything is ready.' : 'Some items need attention (see above).')
  // Details quote IBM Cloud and the ibmcloud CLI: never let them drive the terminal.
  return printable(lines.join('\n')) + '\n'
}
