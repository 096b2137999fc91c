import { Exit, UsageError, type Command } from '../command'
import { parseArgs } from 'node:util'
import type { PrereqReport } from '../../shared/schemas/ibmcloud'
import type { Translate } from '../../shared/i18n/probe-notes/render'
import { prereqWords } from '../../shared/prereq-words'
import { withCore } from '../core'
import { isAppFailure } from '../../shared/errors'
import { cliLanguage, loadCliTranslator } from '../locale'
import { printable, printableJson } from '../printable'

const USAGE = `Usage: pse-wizard check [--generation gen1|gen2] [--region REGION] [--json] [--sandbox] [--lang en|ja]

Checks what a private Redis connection needs. Gen 1 (the default): the API key
(IBMCLOUD_API_KEY), the account, the ibmcloud CLI and its login, the cloud-databases plugin,
VRF and service endpoints. Gen 2 (--generation gen2 --region REGION): the API key, the account,
the region's Gen 2 deployment in the Global Catalog, a VPC in the region with a subnet, and the
IAM roles (only what the APIs show; the others are reported unknown). VRF is not asked of Gen 2.
Each item is ok, failed (with advice and the command that fixes it) or unknown (with the reason).
Exit code 0 when every item is ok, 1 when any failed, 3 when none failed but some are unknown.

  --generation G  gen1 (default) or gen2
  --region R      the region to check Gen 2 for (required with gen2), e.g. us-south
  --json          print the report as JSON (each item also with its words in the chosen language)
  --lang en|ja    the language of the report (default: LC_ALL, LC_MESSAGES or LANG)
  --sandbox       check against a fresh sandbox (emulator and sandbox ibmcloud) instead of IBM Cloud

The API endpoints and CLI come from IBMCLOUD_*_API_ENDPOINT (the VPC API: IBMCLOUD_IS_NG_API_ENDPOINT,
the Global Catalog: GLOBAL_CATALOG_URL) and PSE_IBMCLOUD_BIN when set (as printed by
"pse-wizard sandbox"), else from the settings and PATH.`

type Target = { generation: 'gen1' } | { generation: 'gen2'; region: string }

/** --generation and --region, checked: a bad value is a usage error, never a silent Gen 1 check. */
export function targetOf(values: { generation?: string; region?: string }): Target {
  const generation = values.generation ?? 'gen1'
  if (generation !== 'gen1' && generation !== 'gen2') throw new UsageError(`--generation must be gen1 or gen2, not "${generation}"`)
  if (generation === 'gen1') {
    if (values.region !== undefined) throw new UsageError('--region is for --generation gen2 (Gen 1 checks the account, not a region)')
    return { generation }
  }
  if (values.region === undefined) throw new UsageError('--generation gen2 needs --region REGION (for example --region us-south)')
  if (!/^[a-z0-9-]{2,32}$/.test(values.region)) throw new UsageError(`--region must be a region name such as us-south, not "${values.region}"`)
  return { generation, region: values.region }
}

export const checkCommand: Command = {
  name: 'check',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        sandbox: { type: 'boolean' },
        generation: { type: 'string' },
        region: { type: 'string' },
        lang: { type: 'string' }
      },
      strict: true,
      allowPositionals: true
    })
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    const target = targetOf(values)
    const language = cliLanguage(values.lang, io.env)
    const words = loadCliTranslator(language)
    let report: PrereqReport
    try {
      // --sandbox: a fresh sandbox without Redis; the key is IBMCLOUD_API_KEY's (the sandbox's own there), never the keychain's.
      // The core's close logs the isolated CLI out: no CLI token stays in the data folder after a check (DESIGN "Secrets").
      report = await withCore(
        io,
        { sandbox: values.sandbox === true, sandboxBackend: 'fake', followEnvironmentSandbox: true, apiKeySource: 'environment' },
        (core) => core.call('ibmcloud.checkPrerequisites', target)
      )
    } catch (e) {
      if (!isAppFailure(e)) throw e
      await (await import('../failure')).printFailure(io, 'check', e, { json: Boolean(values.json), language })
      return Exit.failure
    }
    const t = await words
    io.stdout(values.json ? printableJson({ ...report, items: report.items.map((i) => ({ ...i, said: prereqWords(t, i) })) }) : formatReport(report, target, t))
    if (report.items.some((i) => i.ok === false)) return Exit.failure
    return report.items.some((i) => i.ok === null) ? Exit.inconclusive : Exit.ok
  }
}

/** The report for people, in the language of `t` (the items' catalogue texts; main's English where an item has none). */
export function formatReport(report: PrereqReport, target: Target, t: Translate): string {
  const heading = target.generation === 'gen2' ? t('cliCheck.titleGen2', { heading: t('prereqGen2.heading', { region: target.region }) }) : t('cliCheck.title')
  const lines = [report.sandbox ? t('cliCheck.sandbox', { title: heading }) : heading, '']
  for (const item of report.items) {
    const mark = item.ok === true ? 'ok  ' : item.ok === false ? 'FAIL' : '?   '
    const said = prereqWords(t, item)
    lines.push(`[${mark}] ${said.label}${said.detail ? `${t('cliCheck.detailSeparator')}${said.detail}` : ''}`)
    if (item.ok !== true || said.advice) {
      if (said.advice) lines.push(`       ${said.advice}`)
      if (item.command) lines.push(`       $ ${item.command}`)
      if (item.link) lines.push(`       ${item.link}`)
    }
  }
  lines.push('', report.ok ? t('cliCheck.ready') : t('cliCheck.attention'))
  // Details quote IBM Cloud and the ibmcloud CLI: never let them drive the terminal.
  return printable(lines.join('\n')) + '\n'
}
