import fs from 'node:fs'
import path from 'node:path'

/**
 * The first executable with one of these names in the absolute folders of PATH, or undefined.
 * Relative entries ("." or empty) are skipped: they would run whatever sits in the current folder.
 */
export function findExecutable(names: string | readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const wanted = typeof names === 'string' ? [names] : names
  for (const dir of (env.PATH ?? env.Path ?? '').split(path.delimiter)) {
    if (!dir || !path.isAbsolute(dir)) continue
    for (const name of wanted) {
      const candidate = path.join(dir, name)
      if (isExecutableFile(candidate)) return candidate
    }
  }
  return undefined
}

export function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}
