import fs from 'node:fs/promises'
import path from 'node:path'
import { AppFailure } from '../../shared/errors'
import { WizardState } from '../../shared/schemas/wizard'
import { log } from '../logging/log'
import { redact } from '../logging/redact'
import { keepAside, readFileIfExists, writeFileAtomic } from '../storage/atomic-file'
import { withFileLock } from '../storage/file-lock'
import { wizardSay } from './messages'
import { tryLease, type Lease, type LeaseOwner } from '../storage/lease'

export const WIZARD_STATE_FILE = 'wizard-state.json'

/**
 * The wizard state on disk: one JSON file in the data folder, written atomically after every
 * transition (so a crash leaves the previous or the new state, never half). It holds ids, CRNs
 * and choices, never a secret: a state in which a registered secret appears is refused.
 *
 * Two processes may share the data folder (the desktop app and `pse-wizard setup`): every write
 * happens under a short lock (`wizard-state.json.lock`), and whoever runs a step holds the step
 * lease (`wizard-state.json.step`) until it ends, so only one process works on the wizard at a time.
 */
export class WizardStateStore {
  readonly file: string
  private queue: Promise<unknown> = Promise.resolve()

  constructor(dataDir: string) {
    this.file = path.join(dataDir, WIZARD_STATE_FILE)
  }

  private ensureDir(): Promise<unknown> {
    return fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 })
  }

  get leaseFile(): string {
    return `${this.file}.step`
  }

  /**
   * Takes the step lease and reads the state as it is on disk now (both under the write lock,
   * so no write of another process lands in between). When another live process holds the
   * lease: who holds it, and the state it is working on.
   */
  async claim(label: string): Promise<{ lease?: Lease; heldBy?: LeaseOwner | null; state: WizardState | undefined }> {
    await this.ensureDir()
    return withFileLock(
      this.file,
      async () => {
        const got = await tryLease(this.leaseFile, { label })
        return { ...got, state: await this.load() }
      },
      { code: 'wizard_locked' }
    )
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
      throw new AppFailure({ code: 'wizard_state_secret', ...wizardSay.stateHeldSecret() })
    }
    const run = this.queue.then(() => this.ensureDir()).then(() => withFileLock(this.file, () => writeFileAtomic(this.file, text), { code: 'wizard_locked' }))
    this.queue = run.catch(() => undefined)
    await run
  }
}
