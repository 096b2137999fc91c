import fs from 'node:fs/promises'
import path from 'node:path'
import { readFileBounded } from './bounded-read'
import { ensureDir } from './data-dir'
import { nodeCrypto } from '../util/lazy-builtins'

/**
 * Writes a file so that readers see either the old or the new content, never half of it:
 * temp file in the same folder, fsync, rename, fsync of the folder. Mode 0600: app data is
 * the user's alone, even though it never holds a secret.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file)
  await ensureDir(dir)
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`)
  const handle = await fs.open(tmp, 'wx', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(tmp, file)
  } catch (e) {
    await fs.rm(tmp, { force: true })
    throw e
  }
  await syncDir(dir)
}

async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** App data files are small JSON; anything far larger is damage, not data. */
export const MAX_DATA_FILE_BYTES = 64 * 1024 * 1024

/** Reads a file, or returns undefined when it does not exist. Refuses one larger than maxBytes (file_too_large). */
export async function readFileIfExists(file: string, maxBytes = MAX_DATA_FILE_BYTES): Promise<string | undefined> {
  try {
    return await readFileBounded(file, maxBytes)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

/** Moves an unreadable file aside under a new name (never overwrites it); returns that name. */
export async function keepAside(file: string, reason: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const aside = `${file}.${reason}-${stamp}`
  await fs.rename(file, aside)
  return aside
}
