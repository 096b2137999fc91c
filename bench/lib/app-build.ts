import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const repoRoot = path.resolve(__dirname, '..', '..')

export interface AppBuild {
  /** Folder holding main/cli.js and renderer/. */
  dir: string
  /** 'fresh': built from the working tree for this run; 'out': the existing out/ (the fresh build failed). */
  kind: 'fresh' | 'out'
  buildMs: number | null
  note: string | null
}

const complete = (dir: string) => fs.existsSync(path.join(dir, 'main', 'cli.js')) && fs.existsSync(path.join(dir, 'renderer', 'index.html'))

/**
 * Builds the app into bench/.build (so a build of out/ running elsewhere cannot change what is
 * measured half way). If that build fails, falls back to out/ from `npm test` / `npm run build`.
 */
export async function buildApp(): Promise<AppBuild> {
  const dir = path.join(repoRoot, 'bench', '.build')
  const started = Date.now()
  try {
    fs.rmSync(dir, { recursive: true, force: true })
    await run(process.execPath, [path.join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'error', '--outDir', dir], {
      cwd: repoRoot,
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024
    })
    if (complete(dir)) return { dir, kind: 'fresh', buildMs: Date.now() - started, note: null }
  } catch (e) {
    const out = path.join(repoRoot, 'out')
    const text = (e as { stderr?: string }).stderr || (e as Error).message
    const why = text.split('\n').map((l) => l.trim()).filter((l) => /error/i.test(l) && !/^error during build:?$/i.test(l))[0] ?? 'build failed'
    if (complete(out)) return { dir: out, kind: 'out', buildMs: null, note: `fresh build failed (${why.trim().slice(0, 200)}); measured the existing out/` }
    throw new Error(`The app could not be built (${why.trim()}) and out/ is incomplete: run "npm run build" first.`)
  }
  throw new Error('electron-vite finished but bench/.build is incomplete')
}
