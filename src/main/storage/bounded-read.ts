import fs from 'node:fs/promises'
import { AppFailure } from '../../shared/errors'

/**
 * Reads that stop at a size limit, so a huge file, a device such as /dev/zero, or an endless
 * pipe given by mistake (or planted) fails at once with a clear error instead of filling memory.
 */
export const FileCodes = { tooLarge: 'file_too_large' } as const

const CHUNK = 64 * 1024

const describe = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MiB` : `${Math.floor(bytes / 1024)} KiB`)

export function tooLarge(what: string, maxBytes: number): AppFailure {
  return new AppFailure({ code: FileCodes.tooLarge, message: `${what} is larger than ${describe(maxBytes)}, more than PSE Wizard reads. Check that it is the right file.` })
}

/** Reads a file as UTF-8, refusing it as soon as it turns out larger than maxBytes. */
export async function readFileBounded(file: string, maxBytes: number): Promise<string> {
  const handle = await fs.open(file, 'r')
  try {
    const stat = await handle.stat()
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(file, maxBytes)
    // Devices and pipes report no size: read in chunks up to the limit.
    const chunks: Buffer[] = []
    let total = 0
    // A regular file usually comes in one read (plus the one that sees its end).
    const chunk = stat.isFile() ? Math.max(CHUNK, stat.size + 1) : CHUNK
    for (;;) {
      const buffer = Buffer.alloc(Math.min(chunk, maxBytes + 1 - total))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > maxBytes) throw tooLarge(file, maxBytes)
      chunks.push(buffer.subarray(0, bytesRead))
    }
    return Buffer.concat(chunks).toString('utf8')
  } finally {
    await handle.close()
  }
}

/** Reads a stream (stdin) as UTF-8, stopping it as soon as more than maxBytes arrive. */
export async function readStreamBounded(stream: AsyncIterable<Buffer | string> & { destroy?: () => void }, maxBytes: number, what = 'The input'): Promise<string> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    total += buffer.length
    if (total > maxBytes) {
      stream.destroy?.()
      throw tooLarge(what, maxBytes)
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
