import { withFileLock as withLock, type LockOptions } from '../storage/file-lock'

export type { LockOptions }

/** The profiles file lock: the shared storage lock, timing out with `profiles_locked`. */
export function withFileLock<T>(file: string, run: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  return withLock(file, run, { code: 'profiles_locked', ...options })
}
