import path from 'node:path'
import { profileSay } from './messages'
import { z } from 'zod'
import { AppFailure } from '../../shared/errors'
import { Profile } from '../../shared/schemas/profile'
import { keepAside, readFileIfExists, writeFileAtomic } from '../storage/atomic-file'
import { log } from '../logging/log'
import { withFileLock } from './file-lock'

/**
 * All profiles in one JSON file in the data folder: `{schemaVersion, profiles}`. Writes are
 * atomic and happen under a lock file after re-reading the file, so the desktop app and the CLI
 * can both write without losing each other's updates. A file that cannot be read is kept
 * aside under a new name, never overwritten silently.
 */
export const PROFILES_FILE = 'profiles.json'
export const SCHEMA_VERSION = 1

export const ProfileCodes = {
  notFound: 'profile_not_found',
  fileNewer: 'profiles_file_newer',
  nameTaken: 'profile_name_taken'
} as const

const FileV1 = z.object({ schemaVersion: z.literal(1), profiles: z.array(z.unknown()) })

/** Migrations from version N to N+1, applied in order. Version 0: a bare array (early drafts). */
const migrations: Record<number, (data: unknown) => unknown> = {
  0: (data) => ({ schemaVersion: 1, profiles: data })
}

function versionOf(data: unknown): number {
  if (Array.isArray(data)) return 0
  const v = (data as { schemaVersion?: unknown } | null)?.schemaVersion
  return typeof v === 'number' && Number.isInteger(v) ? v : -1
}

interface Loaded {
  profiles: Profile[]
  /** Set when something was wrong with the file and had to be kept aside. */
  warning?: string
  /** The file was written by a newer PSE Wizard: read-only. */
  newer?: boolean
}

export class ProfileStore {
  readonly file: string
  private warning: string | undefined

  constructor(dataDir: string) {
    this.file = path.join(dataDir, PROFILES_FILE)
  }

  async list(): Promise<{ profiles: Profile[]; warning?: string }> {
    const loaded = await this.read()
    const warning = loaded.warning ?? this.warning
    return warning ? { profiles: loaded.profiles, warning } : { profiles: loaded.profiles }
  }

  async get(id: string): Promise<Profile> {
    const { profiles } = await this.read()
    const found = profiles.find((p) => p.id === id)
    if (!found)
      throw new AppFailure({
        code: ProfileCodes.notFound,
        ...profileSay.notFoundById({ id })
      })
    return found
  }

  /** Finds by id, else by exact name, else by unique case-insensitive name (for the CLI). */
  async find(idOrName: string): Promise<Profile> {
    const { profiles } = await this.read()
    const exact = profiles.find((p) => p.id === idOrName) ?? profiles.find((p) => p.name === idOrName)
    if (exact) return exact
    const loose = profiles.filter((p) => p.name.toLowerCase() === idOrName.toLowerCase())
    if (loose.length === 1) return loose[0]
    throw new AppFailure({ code: ProfileCodes.notFound, ...profileSay.notFoundByName({ name: idOrName }) })
  }

  /**
   * Read-modify-write under the lock: `change` gets the current profiles (fresh from disk) and
   * returns the new list plus a value for the caller.
   */
  async mutate<T>(change: (profiles: Profile[]) => { profiles: Profile[]; value: T } | Promise<{ profiles: Profile[]; value: T }>): Promise<T> {
    return withFileLock(this.file, async () => {
      const loaded = await this.read()
      if (loaded.newer) {
        throw new AppFailure({
          code: ProfileCodes.fileNewer,
          ...profileSay.fileNewer({ file: this.file })
        })
      }
      const { profiles, value } = await change(loaded.profiles.map((p) => structuredClone(p)))
      const checked = profiles.map((p) => Profile.parse(p))
      await writeFileAtomic(this.file, JSON.stringify({ schemaVersion: SCHEMA_VERSION, profiles: checked }, null, 2) + '\n')
      return value
    })
  }

  private async read(): Promise<Loaded> {
    const text = await readFileIfExists(this.file)
    if (text === undefined) return { profiles: [] }
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      return this.setAside(text, 'it is not valid JSON')
    }
    let version = versionOf(data)
    if (version > SCHEMA_VERSION) return { ...this.parseProfiles((data as { profiles?: unknown[] }).profiles ?? []), newer: true }
    if (version < 0) return this.setAside(text, 'it has no schema version')
    while (version < SCHEMA_VERSION) {
      data = migrations[version](data)
      version++
    }
    const file = FileV1.safeParse(data)
    if (!file.success) return this.setAside(text, 'its layout is not a profiles file')
    const parsed = this.parseProfiles(file.data.profiles)
    if (parsed.invalid > 0) {
      // Keep the good ones, but keep the whole original too: the bad entries may matter to the user.
      const result = await this.setAside(text, `${parsed.invalid} profile(s) in it were not valid`, parsed.profiles)
      return result
    }
    return { profiles: parsed.profiles }
  }

  private parseProfiles(raw: unknown[]): { profiles: Profile[]; invalid: number } {
    const profiles: Profile[] = []
    let invalid = 0
    for (const item of raw) {
      const p = Profile.safeParse(item)
      if (p.success) profiles.push(p.data)
      else invalid++
    }
    return { profiles, invalid }
  }

  /** Moves the unreadable file aside (under the lock) and starts from `keep`. */
  private async setAside(original: string, reason: string, keep: Profile[] = []): Promise<Loaded> {
    const aside = await withFileLock(`${this.file}.aside`, async () => {
      // Another process may have handled it already (and written a good file since).
      if ((await readFileIfExists(this.file)) !== original) return undefined
      const name = await keepAside(this.file, 'unreadable')
      if (keep.length) await writeFileAtomic(this.file, JSON.stringify({ schemaVersion: SCHEMA_VERSION, profiles: keep }, null, 2) + '\n')
      return name
    })
    if (aside) {
      this.warning = `The profiles file could not be read (${reason}). It was kept as ${aside}${keep.length ? `; ${keep.length} valid profile(s) were kept` : ''}. Nothing was deleted.`
      log.warn(this.warning)
    }
    return { profiles: keep, warning: this.warning }
  }
}
