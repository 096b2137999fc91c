import { parseArgs } from 'node:util'
import { isAppFailure } from '../../shared/errors'
import type { Translate } from '../../shared/privacy/words'
import { restrictFailureText, restrictSummaryText } from '../../shared/restrict-words'
import type { RestrictResult } from '../../shared/schemas/restrictions'
import { Exit, UsageError, type Command } from '../command'
import { withCore } from '../core'
import { cliLanguage, loadCliTranslator, loadFailureTranslator } from '../locale'
import { printable, printableJson } from '../printable'

const USAGE = `Usage: pse-wizard restrict PROFILE --allow ADDRESS|--vpc VPC [--allow … --vpc …] [--allowlist] [--dry-run] [--json] [--lang en|ja]

Admits only the given networks to the Databases for Redis instance a saved profile was made
from: a context-based restriction (a network zone and an enforced rule for the instance's data
plane), or with --allowlist the Gen 1 IP allowlist (deprecated; context-based restrictions are
preferred). The profile is tested before and after: if it no longer connects, the previous
setting is put back and the missing address is named. Exit code 0 when in force, else 1.

  --allow ADDRESS  an IPv4/IPv6 address, a range a-b or a CIDR subnet (repeat it; at most 100)
  --vpc VPC        a whole VPC of the instance's region, by name or CRN (Gen 2 and VPE users;
                   repeat it; context-based restrictions only)
  --allowlist      use the Gen 1 IP allowlist instead of a context-based restriction
  --dry-run        show the rule and the ibmcloud commands; change nothing
  --json           print the result as JSON (with the sentences in the chosen language)
  --lang en|ja     the language of the sentences (default: LC_ALL, LC_MESSAGES or LANG)`

export const restrictCommand: Command = {
  name: 'restrict',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        allow: { type: 'string', multiple: true },
        vpc: { type: 'string', multiple: true },
        allowlist: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        lang: { type: 'string' }
      },
      strict: true,
      allowPositionals: true
    })
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `unexpected argument "${positionals[1]}"` : 'name the profile')
    const allow = values.allow ?? []
    const vpcs = values.vpc ?? []
    if (allow.length + vpcs.length === 0) throw new UsageError('name at least one network with --allow or --vpc')
    if (values.allowlist && vpcs.length) throw new UsageError('--vpc needs a context-based restriction: leave out --allowlist')
    const language = cliLanguage(values.lang, io.env)
    const words = loadCliTranslator(language)
    let name = positionals[0]
    try {
      const result = await withCore(io, { followEnvironmentSandbox: true }, async (core) => {
        const profile = await core.call('profiles.find', { nameOrId: positionals[0] })
        name = profile.name
        return core.call('restrictions.apply', {
          profileId: profile.id,
          addresses: allow,
          vpcs,
          mechanism: values.allowlist ? 'allowlist' : 'cbr',
          dryRun: values['dry-run'] === true
        })
      })
      const t = await words
      const summary = restrictSummaryText(t, result, name)
      io.stdout(values.json ? printableJson({ ...result, summary }) : formatResult(result, summary, t))
      return Exit.ok
    } catch (e) {
      if (!isAppFailure(e)) throw e
      const message = restrictFailureText(await loadFailureTranslator(language), e)
      await (await import('../failure')).printFailure(io, 'restrict', e, { json: Boolean(values.json), language, message })
      return Exit.failure
    }
  }
}

function formatResult(r: RestrictResult, summary: string, t: Translate): string {
  const lines = [t(`profiles.restrict.outcome.${r.outcome}`), summary]
  if (r.sourceAddress) lines.push(t('profiles.restrict.source', { address: r.sourceAddress }))
  lines.push('', t('common.cli.title'), ...r.cliEquivalents.map((c) => `  $ ${c}`))
  return printable(lines.join('\n')) + '\n'
}
