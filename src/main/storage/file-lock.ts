import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { AppFailure } from '../../shared/errors'
import { ensureDir } from './data-dir'
import { nodeCrypto } from '../util/lazy-builtins'

/**
 * A lock file next to a data file, so that two processes (the desktop app and the CLI) never
 * interleave read-modify-write cycles. Created with O_EXCL; a lock whose owner process is gone,
 * or that is older than `staleMs` (locks are held for milliseconds), is taken over.
 */
export interface LockOptions {
  staleMs?: number
  waitMs?: number
  /** The error code when the lock stays held past `waitMs` (default `file_locked`). */
  code?: 'file_locked' | 'wizard_locked' | 'profiles_locked'
}

export interface Owner {
  pid: number
  host: string
  token: string
  at: number
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export async function isStale(lockFile: string, staleMs: number): Promise<boolean> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockFile, 'utf8'), fs.stat(lockFile)])
    if (Date.now() - stat.mtimeMs > staleMs) return true
    const owner = JSON.parse(text) as Owner
    return owner.host === os.hostname() && typeof owner.pid === 'number' && !alive(owner.pid)
  } catch (e) {
    // Vanished meanwhile: not stale, just retry. Unparseable (half-written by a dying owner): stale once old enough.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false
    try {
      const stat = await fs.stat(lockFile)
      return Date.now() - stat.mtimeMs > 1000
    } catch {
      return false
    }
  }
}

export async function withFileLock<T>(file: string, run: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lockFile = `${file}.lock`
  const staleMs = options.staleMs ?? 30_000
  const deadline = Date.now() + (options.waitMs ?? 15_000)
  const owner: Owner = { pid: process.pid, host: os.hostname(), token: nodeCrypto().randomBytes(8).toString('hex'), at: Date.now() }
  await ensureDir(path.dirname(lockFile))
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    try {
      const handle = await fs.open(lockFile, 'wx', 0o600)
      try {
        await handle.writeFile(JSON.stringify(owner))
      } finally {
        await handle.close()
      }
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      if (await isStale(lockFile, staleMs)) {
        // Take over by renaming the stale lock away first, so two takers cannot both win.
        const aside = `${lockFile}.stale-${owner.token}`
        try {
          await fs.rename(lockFile, aside)
          await fs.rm(aside, { force: true })
        } catch {
          // someone else took it over; retry
        }
        continue
      }
      if (Date.now() > deadline) {
        throw new AppFailure({
          code: options.code ?? 'file_locked',
          message: `Another PSE Wizard process is holding ${lockFile}. Try again; if it persists, close other PSE Wizard windows or delete that file.`,
          params: { file: lockFile }
        })
      }
      await new Promise((r) => setTimeout(r, delay + Math.random() * delay))
    }
  }
  try {
    return await run()
  } finally {
    try {
      const text = await fs.readFile(lockFile, 'utf8')
      if ((JSON.parse(text) as Owner).token === owner.token) await fs.rm(lockFile, { force: true })
    } catch {
      // already gone
    }
  }
}
