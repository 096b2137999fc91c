import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ensureDir } from './data-dir'
import { alive, type Owner } from './file-lock'

/**
 * A lease: a lock file held for as long as a piece of work runs (seconds to hours, e.g. a
 * provisioning wait), never waited for. Taking it either succeeds at once or says who holds it.
 * The holder touches the file every `heartbeatMs`; a lease whose holder process is gone (same
 * host) or that was not touched for `staleMs` is taken over.
 */
export interface LeaseOwner extends Owner {
  /** What the holder is doing, for the message of whoever finds it held. */
  label?: string
}

export interface Lease {
  readonly owner: LeaseOwner
  release(): Promise<void>
}

export type LeaseAttempt = { lease: Lease; heldBy?: undefined } | { lease?: undefined; heldBy: LeaseOwner | null }

export interface LeaseOptions {
  label?: string
  heartbeatMs?: number
  staleMs?: number
}

async function readOwner(file: string): Promise<{ owner: LeaseOwner | null; ageMs: number } | undefined> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)])
    let owner: LeaseOwner | null = null
    try {
      owner = JSON.parse(text) as LeaseOwner
    } catch {
      // half-written by a holder that died while writing: judged by its age
    }
    return { owner, ageMs: Date.now() - stat.mtimeMs }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw e
  }
}

function isStale(found: { owner: LeaseOwner | null; ageMs: number }, staleMs: number): boolean {
  if (found.ageMs > staleMs) return true
  if (!found.owner) return found.ageMs > 1_000
  return found.owner.host === os.hostname() && typeof found.owner.pid === 'number' && !alive(found.owner.pid)
}

export async function tryLease(file: string, options: LeaseOptions = {}): Promise<LeaseAttempt> {
  const staleMs = options.staleMs ?? 60_000
  const heartbeatMs = options.heartbeatMs ?? 5_000
  const owner: LeaseOwner = {
    pid: process.pid,
    host: os.hostname(),
    token: crypto.randomBytes(8).toString('hex'),
    at: Date.now(),
    ...(options.label ? { label: options.label } : {})
  }
  await ensureDir(path.dirname(file))
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const handle = await fs.open(file, 'wx', 0o600)
      try {
        await handle.writeFile(JSON.stringify(owner))
      } finally {
        await handle.close()
      }
      return { lease: held(file, owner, heartbeatMs) }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    const found = await readOwner(file)
    if (!found) continue // released meanwhile: try again
    if (!isStale(found, staleMs)) return { heldBy: found.owner }
    // Take over by renaming the stale lease away first, so two takers cannot both win.
    const aside = `${file}.stale-${owner.token}`
    try {
      await fs.rename(file, aside)
      await fs.rm(aside, { force: true })
    } catch {
      // someone else took it over first; look again
    }
  }
  return { heldBy: (await readOwner(file))?.owner ?? null }
}

function held(file: string, owner: LeaseOwner, heartbeatMs: number): Lease {
  const timer = setInterval(() => {
    const now = new Date()
    fs.utimes(file, now, now).catch(() => undefined)
  }, heartbeatMs)
  timer.unref()
  let released = false
  return {
    owner,
    async release() {
      if (released) return
      released = true
      clearInterval(timer)
      try {
        const text = await fs.readFile(file, 'utf8')
        if ((JSON.parse(text) as LeaseOwner).token === owner.token) await fs.rm(file, { force: true })
      } catch {
        // already gone (or taken over after we looked stale)
      }
    }
  }
}
