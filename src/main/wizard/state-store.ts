import path from 'node:path'
import { AppFailure } from '../../shared/errors'
import { WizardState } from '../../shared/schemas/wizard'
import { log } from '../logging/log'
import { redact } from '../logging/redact'
import { keepAside, readFileIfExists, writeFileAtomic } from '../storage/atomic-file'

export const WIZARD_STATE_FILE = 'wizard-state.json'

/**
 * The wizard state on disk: one JSON file in the data folder, written atomically after every
 * transition (so a crash leaves the previous or the new state, never half). It holds ids, CRNs
 * and choices, never a secret: a state in which a registered secret appears is refused.
 */
export class WizardStateStore {
  readonly file: string
  private queue: Promise<unknown> = Promise.resolve()

  constructor(dataDir: string) {
    this.file = path.join(dataDir, WIZARD_STATE_FILE)
  }

  /** The saved state, or undefined when none (or it was unreadable: kept aside, never lost). */
  async load(): Promise<WizardState | undefined> {
    const text = await readFileIfExists(this.file)
    if (text === undefined) return undefined
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      const aside = await keepAside(this.file, 'corrupt')
      log.warn(`wizard state was not valid JSON; kept it as ${aside} and started over`)
      return undefined
    }
    const parsed = WizardState.safeParse(raw)
    if (!parsed.success) {
      const aside = await keepAside(this.file, 'invalid')
      log.warn(`wizard state did not match this version; kept it as ${aside} and started over`)
      return undefined
    }
    return parsed.data
  }

  /** Serialised: writes land in the order of the transitions. */
  async save(state: WizardState): Promise<void> {
    const text = JSON.stringify(WizardState.parse(state), null, 2) + '\n'
    // IBM's `$PASSWORD` placeholder is not a secret; anything else redact() would change is.
    const probe = text.split(':$PASSWORD@').join('@')
    if (redact(probe) !== probe) {
      // A secret reached the state by mistake: never write it, and say so loudly.
      throw new AppFailure({ code: 'wizard_state_secret', message: 'PSE Wizard refused to save the wizard state because it contained a secret. Please report this problem.' })
    }
    const run = this.queue.then(() => writeFileAtomic(this.file, text))
    this.queue = run.catch(() => undefined)
    await run
  }
}
