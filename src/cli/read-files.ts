import type { Readable } from 'node:stream'
import { isAppFailure } from '../shared/errors'
import { readFileBounded, readStreamBounded } from '../main/core'
import { UsageError } from './command'

/**
 * Files named on the command line, read with a size limit: a wrong path such as /dev/zero or a
 * 2 GB log fails at once with a usage error instead of filling memory.
 */

/** What import reads at most: the importers take 256 KiB; one byte more lets them say so. */
export const MAX_IMPORT_BYTES = 256 * 1024 + 1
/** A CA file: generous for a bundle; the profile then takes what fits (64 000 characters). */
export const MAX_CA_FILE_BYTES = 1024 * 1024

const cannotRead = (what: string, e: unknown): UsageError =>
  new UsageError(`cannot read ${what}: ${isAppFailure(e) ? e.message : ((e as NodeJS.ErrnoException).code ?? 'error')}`)

export async function readCaFile(file: string): Promise<string> {
  try {
    return await readFileBounded(file, MAX_CA_FILE_BYTES)
  } catch (e) {
    throw cannotRead(`--ca ${file}`, e)
  }
}

/** FILE, or standard input for `-` or no FILE. */
export async function readImportInput(file: string | undefined, stdin: Readable = process.stdin): Promise<string> {
  try {
    if (!file || file === '-') return await readStreamBounded(stdin, MAX_IMPORT_BYTES, 'The standard input')
    return await readFileBounded(file, MAX_IMPORT_BYTES)
  } catch (e) {
    throw cannotRead(file ?? '-', e)
  }
}
