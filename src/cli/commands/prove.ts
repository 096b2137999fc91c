import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { AppFailure, isAppFailure } from '../../shared/errors'
import { reportHtml } from '../../shared/privacy/report-html'
import type { PrivacyReport } from '../../shared/schemas/privacy'
import { Exit, UsageError, type Command, type ExitCode } from '../command'
import { withCore } from '../core'
import { cliLanguage, loadCliTranslator } from '../locale'
import { printable, printableJson } from '../printable'
import { reportJson, reportText } from '../prove-output'

const USAGE = `Usage: pse-wizard prove PROFILE [--json] [--html FILE] [--lang en|ja]
       pse-wizard prove --instance NAME [--json] [--html FILE] [--lang en|ja]

The privacy report of a Databases for Redis instance: five claims, each checked now and
each "holds", "fails" or "inconclusive" with its evidence (and a fix when it fails):
  1. endpoints         the instance has private endpoints only
  2. no_public_answer  from this computer's network, the private name answers nothing
  3. restricted        an enforced context-based restriction (or Gen 1 allowlist) names your networks
  4. reachable         the profile's own path passes the connection test, TLS verified
  5. credentials       the profile's user is not admin, and no secret of it is in any file the app wrote
Run it from a computer outside IBM Cloud's private network (not on the VPN): proof from inside is no proof.

  --instance NAME  the instance by its exact name (its saved profile is used when there is one)
  --json           print the report as JSON (codes and parameters, with the sentences in the chosen language)
  --html FILE      also write the report as one self-contained HTML page
  --lang en|ja     the language of the sentences (default: LC_ALL, LC_MESSAGES or LANG)

Exit code 0 when every claim holds, 1 when any fails, 3 when none fails but some are inconclusive.`

const EXIT_OF: Record<PrivacyReport['verdict'], ExitCode> = { holds: Exit.ok, fails: Exit.failure, inconclusive: Exit.inconclusive }

export const proveCommand: Command = {
  name: 'prove',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { instance: { type: 'string' }, json: { type: 'boolean' }, html: { type: 'string' }, lang: { type: 'string' } },
      strict: true,
      allowPositionals: true
    })
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`)
    if ((positionals.length === 1) === (values.instance !== undefined)) throw new UsageError('name a profile, or an instance with --instance (not both)')
    if (values.html !== undefined) await checkHtmlTarget(values.html)
    const language = cliLanguage(values.lang, io.env)
    const words = loadCliTranslator(language)
    try {
      // The report takes seconds (IBM Cloud reads, a connection test): say so where a person reads.
      if (!values.json) io.stderr(`${(await words)('privacy.running')}\n`)
      const report = await withCore(io, { followEnvironmentSandbox: true }, async (core) => {
        if (values.instance !== undefined) return core.call('privacy.prove', { instanceName: values.instance })
        const profile = await core.call('profiles.find', { nameOrId: positionals[0] })
        return core.call('privacy.prove', { profileId: profile.id })
      })
      const t = await words
      if (values.html) await writeHtml(values.html, reportHtml(report, t, language))
      io.stdout(values.json ? printableJson(reportJson(report, t)) : printable(reportText(report, t)))
      if (values.html && !values.json) io.stderr(`${printable(path.resolve(values.html))}\n`)
      return EXIT_OF[report.verdict]
    } catch (e) {
      if (!isAppFailure(e)) throw e
      await (await import('../failure')).printFailure(io, 'prove', e, { json: Boolean(values.json), language })
      return Exit.failure
    }
  }
}

/** Before any work: the file's folder must exist and the name must not be a folder (nothing is found out too late). */
async function checkHtmlTarget(file: string): Promise<void> {
  if (file.trim() === '') throw new UsageError('--html takes a file name')
  const target = path.resolve(file)
  const [self, folder] = await Promise.all([fs.stat(target).catch(() => undefined), fs.stat(path.dirname(target)).catch(() => undefined)])
  if (self?.isDirectory()) throw new UsageError(`--html names a folder: ${file}`)
  if (!folder?.isDirectory()) throw new UsageError(`--html: the folder ${path.dirname(target)} does not exist`)
}

async function writeHtml(file: string, html: string): Promise<void> {
  try {
    await fs.writeFile(path.resolve(file), html, { encoding: 'utf8', mode: 0o644 })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    throw new AppFailure({ code: 'prove_html_unwritable', message: `The report could not be written to ${file} (${code}). Choose a file you may write, or leave out --html.`, params: { file, reason: code } })
  }
}
