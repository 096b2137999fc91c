import path from 'node:path'
import { Settings, defaultSettings, type SettingsPatch } from '../../shared/schemas/app'
import { keepAside, readFileIfExists, writeFileAtomic } from '../storage/atomic-file'
import { log } from '../logging/log'

const FILE = 'settings.json'

/** Settings live in one small JSON file; unknown or invalid fields fall back to defaults. */
export class SettingsStore {
  private current: Settings = defaultSettings
  private readonly file: string
  private queue: Promise<unknown> = Promise.resolve()

  constructor(dataDir: string) {
    this.file = path.join(dataDir, FILE)
  }

  async load(): Promise<Settings> {
    const text = await readFileIfExists(this.file)
    if (text === undefined) return (this.current = defaultSettings)
    try {
      const raw = JSON.parse(text) as unknown
      const merged = Settings.safeParse({ ...defaultSettings, ...(typeof raw === 'object' && raw ? raw : {}) })
      if (merged.success) return (this.current = merged.data)
      // Keep what parsed field by field; a bad field must not cost the user the good ones.
      this.current = { ...defaultSettings }
      for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
        const field = Settings.shape[key].safeParse((raw as Record<string, unknown>)[key])
        if (field.success) (this.current as Record<string, unknown>)[key] = field.data
      }
      return this.current
    } catch {
      const aside = await keepAside(this.file, 'corrupt')
      log.warn(`settings file was not valid JSON; kept it as ${aside} and started from defaults`)
      return (this.current = defaultSettings)
    }
  }

  get(): Settings {
    return this.current
  }

  /** Serialised so two quick changes cannot overwrite each other. */
  async update(patch: SettingsPatch): Promise<Settings> {
    const run = this.queue.then(async () => {
      this.current = Settings.parse({ ...this.current, ...patch })
      await writeFileAtomic(this.file, JSON.stringify(this.current, null, 2) + '\n')
      return this.current
    })
    this.queue = run.catch(() => undefined)
    return run
  }
}
