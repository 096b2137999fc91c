import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const repo = path.resolve(__dirname, '..', '..')

/** How keytar looks in the copy: gone (its optional install failed), unbuilt (scripts off), or a broken native file. */
export type KeytarState = 'absent' | 'unbuilt' | 'broken'

export interface ProjectCopy {
  dir: string
  remove(): Promise<void>
}

/**
 * A copy of the built project (bin/, out/, package.json) whose node_modules links every package
 * of this checkout except keytar, which is made `state`: the process started there really fails
 * to load keytar, as on a machine where its native build did not happen. Needs a build first.
 */
export async function copyBuiltProject(state: KeytarState): Promise<ProjectCopy> {
  await fs.access(path.join(repo, 'out', 'main', 'cli.js')).catch(() => {
    throw new Error('The app is not built: run "npm run build" first.')
  })
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-nokeytar-'))
  for (const part of ['bin', 'out', 'package.json']) await fs.cp(path.join(repo, part), path.join(dir, part), { recursive: true })
  const modules = path.join(dir, 'node_modules')
  await fs.mkdir(modules)
  const real = await fs.realpath(path.join(repo, 'node_modules'))
  for (const entry of await fs.readdir(real)) {
    if (entry === 'keytar' || entry === '.bin') continue
    await fs.symlink(path.join(real, entry), path.join(modules, entry))
  }
  if (state !== 'absent') {
    const keytar = path.join(modules, 'keytar')
    await fs.mkdir(keytar)
    for (const part of ['package.json', 'lib']) await fs.cp(path.join(real, 'keytar', part), path.join(keytar, part), { recursive: true })
    if (state === 'broken') {
      await fs.mkdir(path.join(keytar, 'build', 'Release'), { recursive: true })
      await fs.writeFile(path.join(keytar, 'build', 'Release', 'keytar.node'), 'not a shared object\n')
    }
  }
  return { dir, remove: () => fs.rm(dir, { recursive: true, force: true }) }
}
