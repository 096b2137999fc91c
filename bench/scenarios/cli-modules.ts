import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * What one `pse-wizard` command loads (issue 10: only what its calls need): the built files, the
 * packages from node_modules, the schema modules whose zod schemas were built, and the Node
 * built-ins beyond those a bare `node -e 0` loads. Traced with bench/lib/module-trace.cjs.
 */
export interface ModuleTrace {
  command: string
  appFiles: number
  appKiB: number
  packages: string[]
  schemaModules: string[]
  extraBuiltins: string[]
}

/** Each schema module of src/shared/schemas/, known in the build by a schema only it defines. */
const SCHEMA_MARKERS: Record<string, string> = {
  app: 'AppInfo',
  profile: 'ProfileList',
  'network-path': 'NetworkPath',
  probe: 'ProbeResult',
  network: 'PathTestResult',
  ibmcloud: 'PrereqReport',
  'wizard-deploy': 'WizardDeploy',
  wizard: 'WizardState',
  restrictions: 'RestrictResult',
  privacy: 'PrivacyReport'
}

/** Built-ins worth naming when a command loads them: each costs a share of a bare node's start. */
const WATCHED_BUILTINS = ['crypto', 'tls', 'dns', 'http', 'https', 'child_process', 'zlib', 'worker_threads']

function traced(args: string[], env: NodeJS.ProcessEnv): { files: string[]; builtins: string[] } {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pse-bench-trace-')), 'trace.json')
  try {
    const run = spawnSync(process.execPath, ['--require', path.join(__dirname, '..', 'lib', 'module-trace.cjs'), ...args], {
      env: { ...env, PSE_BENCH_TRACE: out },
      encoding: 'utf8'
    })
    if (run.status !== 0) throw new Error(`traced ${args.join(' ')} failed (exit ${run.status}): ${run.stderr.slice(0, 500)}`)
    return JSON.parse(fs.readFileSync(out, 'utf8')) as { files: string[]; builtins: string[] }
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true })
  }
}

const packageOf = (file: string): string | undefined => {
  const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)
  return m?.[1].replace(/\\/g, '/')
}

export function traceModules(cli: string, args: string[], env: NodeJS.ProcessEnv): ModuleTrace {
  const bare = new Set(traced(['-e', '0'], env).builtins)
  const { files, builtins } = traced([cli, ...args], env)
  const builtDir = path.dirname(cli)
  const appFiles = files.filter((f) => f.startsWith(builtDir) && !f.includes('node_modules'))
  const texts = appFiles.map((f) => fs.readFileSync(f, 'utf8'))
  const defines = (name: string) => texts.some((t) => new RegExp(`\\bvar ${name} = `).test(t))
  return {
    command: `pse-wizard ${args.join(' ')}`,
    appFiles: appFiles.length,
    appKiB: Math.round(texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1024),
    packages: [...new Set(files.map(packageOf).filter((p): p is string => p !== undefined))].sort(),
    schemaModules: Object.entries(SCHEMA_MARKERS)
      .filter(([, marker]) => defines(marker))
      .map(([name]) => name),
    extraBuiltins: builtins.filter((b) => !bare.has(b) && WATCHED_BUILTINS.includes(b))
  }
}
