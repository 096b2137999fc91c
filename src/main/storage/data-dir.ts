import fs from 'node:fs/promises'

/**
 * Makes the folder a data file goes into, with its parents, when it is missing: the first write
 * of a new user (no `~/.config` yet) must work. Mode 0700: app data is the user's alone (the
 * mode applies to the folders created here; an existing folder keeps its own).
 */
export async function ensureDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 })
}
