import { builtinModules } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSources, runtimeCycles, type SourceFile, type SourceImport } from '../support/source-graph'

/**
 * The shape of the code, kept by a test (docs/architecture.md says why each rule exists).
 * A failure names the file and line; fix the code, or, for a deliberate exception, add it to the
 * list below with its reason.
 */
const ROOT = path.resolve(__dirname, '../..')
const sources = readSources(ROOT, 'src')
const inDir = (dir: string) => (f: SourceFile) => f.file.startsWith(dir + '/')
const describeImport = (f: SourceFile, i: SourceImport) => `${f.file}:${i.line} imports ${i.specifier}`

/** The one module of src/main a front end (the CLI) may import: the core's entry. */
const CORE_ENTRY = 'src/main/core/index.ts'

/** Deliberate exceptions to the size rules, each with its reason. */
const LONG_FILES: Record<string, string> = {
  // Add `'src/…': 'why it is one file'` here; an entry whose file is short again fails the test.
  'src/main/redis/probe.ts':
    'the probe is one pipelined conversation (TCP, TLS, HELLO/AUTH, PING samples, write, INFO) whose phases share its socket, timers and round-trip budget; to be cut into a phase module each (tls, auth, checks) next',
  'src/main/network/ssh-tunnel.ts':
    'one ssh2 connection chain (ProxyJump hops, host key checks against pins and known_hosts, the forward) shares its cleanup; to be cut into hops and host-key verification next'
}
const LONG_FUNCTIONS: Record<string, string> = {
  // `'src/…#name': 'why'`
  'src/renderer/src/pages/profiles/ProfileList.tsx#ProfileList':
    'the table, its toolbar and its rows in one component; to be split into ProfileListToolbar and ProfileRow next',
  'src/renderer/src/pages/profiles/NetworkPathSection.tsx#NetworkPathSection':
    'the three path kinds (direct, SSH, pod) in one form section; to be split per kind next',
  'src/renderer/src/pages/profiles/use-profile-editor.ts#useProfileEditor':
    'every call of the editor (load, test, save, import, delete) in one hook; to be split into a test hook and a save hook next'
}
const MAX_FILE_LINES = 400
const MAX_FUNCTION_LINES = 120

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const isNodeBuiltin = (specifier: string) => NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]) || specifier.startsWith('node:')

describe('architecture', () => {
  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(100)
  })

  it('imports electron only in src/main/index.ts, src/main/transport/ and src/preload/', () => {
    const allowed = (file: string) => file === 'src/main/index.ts' || file.startsWith('src/main/transport/') || file.startsWith('src/preload/')
    const offenders = sources.flatMap((f) =>
      f.imports
        .filter((i) => (i.specifier === 'electron' || i.specifier.startsWith('electron/')) && !i.typeOnly && !allowed(f.file))
        .map((i) => describeImport(f, i))
    )
    expect(offenders).toEqual([])
  })

  it('keeps the renderer away from Node and from src/main', () => {
    const offenders = sources
      .filter(inDir('src/renderer'))
      .flatMap((f) =>
        f.imports
          .filter((i) => isNodeBuiltin(i.specifier) || i.target?.startsWith('src/main/') || i.target?.startsWith('src/cli/'))
          .map((i) => describeImport(f, i))
      )
    expect(offenders).toEqual([])
  })

  it('lets src/shared import only zod and src/shared', () => {
    const offenders = sources
      .filter(inDir('src/shared'))
      .flatMap((f) =>
        f.imports
          .filter((i) => (i.target ? !i.target.startsWith('src/shared/') : i.specifier !== 'zod' && !i.specifier.startsWith('zod/')))
          .map((i) => describeImport(f, i))
      )
    expect(offenders).toEqual([])
  })

  it('lets the CLI reach src/main only through the core entry', () => {
    const offenders = sources
      .filter(inDir('src/cli'))
      .flatMap((f) => f.imports.filter((i) => i.target?.startsWith('src/main/') && i.target !== CORE_ENTRY).map((i) => describeImport(f, i)))
    expect(offenders).toEqual([])
    expect(fs.existsSync(path.join(ROOT, CORE_ENTRY))).toBe(true)
  })

  it('has no runtime import cycle', () => {
    expect(runtimeCycles(sources).map((cycle) => cycle.join(' -> '))).toEqual([])
  })

  it(`keeps source files within ${MAX_FILE_LINES} lines (exceptions listed with their reason)`, () => {
    const long = sources.filter((f) => f.lines > MAX_FILE_LINES)
    expect(long.filter((f) => !LONG_FILES[f.file]).map((f) => `${f.file}: ${f.lines} lines`)).toEqual([])
    expect(Object.keys(LONG_FILES).filter((file) => !long.some((f) => f.file === file))).toEqual([])
  })

  it(`keeps functions within ${MAX_FUNCTION_LINES} lines (exceptions listed with their reason)`, () => {
    const long = sources.flatMap((f) =>
      f.functions
        .filter((fn) => fn.lines > MAX_FUNCTION_LINES)
        .map((fn) => ({ key: `${f.file}#${fn.name}`, where: `${f.file}:${fn.line} ${fn.name}: ${fn.lines} lines` }))
    )
    expect(long.filter((fn) => !LONG_FUNCTIONS[fn.key]).map((fn) => fn.where)).toEqual([])
    expect(Object.keys(LONG_FUNCTIONS).filter((key) => !long.some((fn) => fn.key === key))).toEqual([])
  })
})

describe('test layout', () => {
  const testFiles = (dir: string) => readSources(ROOT, dir).map((f) => f.file)

  /** tests/unit/<path> tests src/<path>; tests/unit/renderer/<path> tests src/renderer/src/<path>; tests/unit/bench tests bench/. */
  const mirrored = (dir: string): string =>
    dir.startsWith('renderer/') || dir === 'renderer'
      ? path.join('src/renderer/src', dir.slice('renderer'.length))
      : dir.startsWith('bench')
        ? dir
        : path.join('src', dir)

  it('mirrors src/ in tests/unit/', () => {
    const strays = testFiles('tests/unit')
      .filter((f) => /\.test\.tsx?$/.test(f))
      .map((f) => path.posix.dirname(f.slice('tests/unit/'.length)))
      .filter((dir) => dir !== '.' && !fs.existsSync(path.join(ROOT, mirrored(dir))))
    expect([...new Set(strays)]).toEqual([])
  })

  it('keeps test helpers under tests/support/', () => {
    const helpers = [...testFiles('tests/unit'), ...testFiles('tests/integration'), ...testFiles('tests/e2e')].filter((f) => !/\.test\.tsx?$/.test(f))
    expect(helpers).toEqual([])
  })
})
