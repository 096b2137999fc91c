import fs from 'node:fs/promises'
import path from 'node:path'

/** Bounds of one scan: a data folder holds a few small files; anything past these is skipped and counted. */
const MAX_FILES = 10_000
const MAX_FILE_BYTES = 20 * 1024 * 1024
/** Shorter values would match by chance; the keychain's secrets are far longer. */
const MIN_SECRET_LENGTH = 6

export interface ScanResult {
  filesScanned: number
  bytesScanned: number
  /** Files too large or past the file limit, not read. */
  filesSkipped: number
  /** Paths relative to the folder of files holding a secret (never the secret itself). */
  leaks: string[]
}

/** A secret as it would appear written raw, URL-encoded, JSON-escaped or in base64. */
function forms(secret: string): Buffer[] {
  const variants = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('base64')])
  return [...variants].map((v) => Buffer.from(v))
}

async function* files(dir: string): AsyncGenerator<string> {
  let entries
  try {
    entries = await fs.readdir(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    // Symbolic links are not followed: only what the app itself wrote here is scanned.
    if (entry.isDirectory()) yield* files(full)
    else if (entry.isFile()) yield full
  }
}

/** Looks for each secret in every file under `dir`. */
export async function scanForSecrets(dir: string, secrets: string[]): Promise<ScanResult> {
  const needles = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap(forms)
  const result: ScanResult = { filesScanned: 0, bytesScanned: 0, filesSkipped: 0, leaks: [] }
  for await (const file of files(dir)) {
    const stat = await fs.stat(file).catch(() => undefined)
    if (!stat) continue
    if (result.filesScanned >= MAX_FILES || stat.size > MAX_FILE_BYTES) {
      result.filesSkipped++
      continue
    }
    const content = await fs.readFile(file).catch(() => undefined)
    if (!content) continue
    result.filesScanned++
    result.bytesScanned += content.length
    if (needles.some((n) => content.includes(n))) result.leaks.push(path.relative(dir, file))
  }
  return result
}
