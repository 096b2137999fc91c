import { isAppFailure } from '../shared/errors'
import type { Translate } from '../shared/i18n/probe-notes/render'
import { restrictFailureText, restrictSummaryText } from '../shared/restrict-words'
import type { RestrictionMechanism } from '../shared/schemas/restrictions'
import type { CliCore } from './core'
import { restrictLine } from './setup-output'

/**
 * The last step of `setup --config` when the config names networks: the same restriction as
 * `pse-wizard restrict`, on the private profile just saved and tested. Run again, it changes
 * nothing when the restriction is already in force. Returns what the result line adds, or
 * undefined after printing where it stopped.
 */
export async function restrictAfterSetup(
  core: CliCore,
  profileId: string,
  restrict: { allow: string[]; vpcs: string[]; mechanism: RestrictionMechanism },
  print: (obj: object, text: string) => void,
  t: Translate
): Promise<Record<string, unknown> | undefined> {
  const running = restrictLine(t, t('cliSetup.restrictRunning'))
  print({ step: 'restrict', status: 'running', said: running }, running)
  try {
    const r = await core.call('restrictions.apply', { profileId, addresses: restrict.allow, vpcs: restrict.vpcs, mechanism: restrict.mechanism })
    // The summary names the profile, as `pse-wizard restrict` says it.
    const { name } = await core.call('profiles.find', { nameOrId: profileId })
    const said = restrictLine(t, t('cliSetup.restrictDone', { outcome: t(`profiles.restrict.outcome.${r.outcome}`), summary: restrictSummaryText(t, r, name) }))
    print({ step: 'restrict', status: 'done', outcome: r.outcome, text: r.summary, said }, said)
    return { restricted: { outcome: r.outcome, mechanism: r.mechanism, addresses: r.addresses, vpcs: r.vpcs.map((v) => v.name) } }
  } catch (e) {
    if (!isAppFailure(e)) throw e
    const said = restrictFailureText(t, e)
    print(
      { result: 'failed', step: 'restrict', code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}), said },
      `\n${t('cliSetup.stoppedAt', { step: t('cliSetup.restrictLabel'), code: e.code })}\n${said}\n${t('cliSetup.restrictStopped')}`
    )
    return undefined
  }
}
