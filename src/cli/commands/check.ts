import { Exit, UsageError, type Command } from '../command'
import { parseArgs } from 'node:util'
import type { PrereqReport } from '../../shared/schemas/ibmcloud'
import { withCore } from '../core'
import { printable, printableJson } from '../printable'

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
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, sandbox: { type: 'boolean' } },
      strict: true,
      allowPositionals: true
    })
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    // --sandbox: a fresh sandbox without Redis; the key is IBMCLOUD_API_KEY's (the sandbox's own there), never the keychain's.
    // The core's close logs the isolated CLI out: no CLI token stays in the data folder after a check (DESIGN "Secrets").
    const report = await withCore(
      io,
      { sandbox: values.sandbox === true, sandboxBackend: 'fake', followEnvironmentSandbox: true, apiKeySource: 'environment' },
      (core) => core.call('ibmcloud.checkPrerequisites', {})
    )
    io.stdout(values.json ? printableJson(report) : formatReport(report))
    return report.ok ? Exit.ok : Exit.failure
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
