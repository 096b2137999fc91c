import { isAppFailure } from '../shared/errors'
import type { RestrictionMechanism } from '../shared/schemas/restrictions'
import type { CliCore } from './core'

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
  print: (obj: object, text: string) => void
): Promise<Record<string, unknown> | undefined> {
  print({ step: 'restrict', status: 'running' }, '[restrict] running')
  try {
    const r = await core.call('restrictions.apply', { profileId, addresses: restrict.allow, vpcs: restrict.vpcs, mechanism: restrict.mechanism })
    print({ step: 'restrict', status: 'done', outcome: r.outcome, text: r.summary }, `[restrict] ${r.outcome}: ${r.summary}`)
    return { restricted: { outcome: r.outcome, mechanism: r.mechanism, addresses: r.addresses, vpcs: r.vpcs.map((v) => v.name) } }
  } catch (e) {
    if (!isAppFailure(e)) throw e
    print(
      { result: 'failed', step: 'restrict', code: e.code, message: e.message },
      `\nSetup stopped at "restrict": ${e.code}\n${e.message}\nThe instance and its profiles are ready; fix the networks in the config and run the same command again.`
    )
    return undefined
  }
}
