import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromiumPath } from '../tests/support/browser'
import { buildApp, repoRoot, type AppBuild } from './lib/app-build'
import { machineInfo } from './lib/machine'
import { markdownTable, type Row } from './lib/table'
import { startTlsTarget } from './lib/tls-target'
import { measureAppStart, type AppStartResult } from './scenarios/app-start'
import { measureCliProcess, type CliProcessResult } from './scenarios/cli-process'
import { measureProbeNoDelay, type ProbeNoDelayResult } from './scenarios/probe-no-delay'
import { measureProbeVsLimit, type ProbeVsLimitResult } from './scenarios/probe-vs-limit'
import { measureProfileStore, type StoreFigure } from './scenarios/profile-store'
import { measureTestAll, type TestAllFigure } from './scenarios/test-all'
import { measureWizardWait, type WizardWaitResult } from './scenarios/wizard-wait'
import { appStartRows, cliProcessRows, probeNoDelayRows, probeVsLimitRows, storeRows, testAllRows, wizardRows } from './report'

/**
 * `npm run bench`: every figure of issue 7, side by side in one run, written to
 * bench/results.json with the machine it ran on, and printed as a table (the README shows it).
 * Network only on loopback. Needs `npm test` once (packages, redis-server, redis-cli, Chromium).
 */
type Outcome<T> = T | { error: string }

async function attempt<T>(label: string, run: () => Promise<T>): Promise<Outcome<T>> {
  const started = performance.now()
  process.stderr.write(`bench: ${label}…\n`)
  try {
    const value = await run()
    process.stderr.write(`bench: ${label} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
    return value
  } catch (e) {
    process.stderr.write(`bench: ${label} FAILED: ${(e as Error).stack ?? e}\n`)
    return { error: (e as Error).message }
  }
}

const failed = (o: unknown): o is { error: string } => typeof o === 'object' && o !== null && 'error' in o

async function main(): Promise<number> {
  const started = performance.now()
  const machine = machineInfo(chromiumPath)
  // Item 5 mostly sleeps (a 60 s deployment, a dozen HTTP requests): it runs alongside the rest.
  const wizardRuns = Promise.all([
    attempt('5 wizard efficiency, IBM Cloud configuration (60 s deployment, in the background)', () => measureWizardWait('ibm-cloud')),
    attempt('5 wizard efficiency, sandbox configuration (60 s deployment, in the background)', () => measureWizardWait('sandbox'))
  ])
  const target = await startTlsTarget()
  let probeVsLimit: Outcome<ProbeVsLimitResult>
  let probeNoDelay: Outcome<ProbeNoDelayResult>
  let store: Outcome<StoreFigure[]>
  let testAll: Outcome<TestAllFigure[]>
  try {
    probeVsLimit = await attempt('1 probe vs the physical limit and redis-cli', () => measureProbeVsLimit(target))
    probeNoDelay = await attempt('2 probe without delay vs ioredis', () => measureProbeNoDelay(target))
    store = await attempt('4 profile store with 10, 1,000 and 10,000 profiles', () => measureProfileStore(target.caPem))
    testAll = await attempt('4 test all over 100 and 1,000 profiles, recording on and off', () => measureTestAll(target))
  } finally {
    await target.stop()
  }
  const build = buildApp()
  const appStart: Outcome<AppStartResult> = await attempt('3 app start and renderer size', async () => measureAppStart(await build))
  const cliProcess: Outcome<CliProcessResult> = await attempt('6 whole pse-wizard processes vs bare node', async () => measureCliAlone(await build))
  const [wizard, wizardSandbox]: Outcome<WizardWaitResult>[] = await wizardRuns

  const rows: Row[] = [
    ...(failed(probeVsLimit) ? [{ item: '1', measure: 'probe vs limit', result: `failed: ${probeVsLimit.error}` }] : probeVsLimitRows(probeVsLimit)),
    ...(failed(probeNoDelay) ? [{ item: '2', measure: 'probe without delay', result: `failed: ${probeNoDelay.error}` }] : probeNoDelayRows(probeNoDelay)),
    ...(failed(appStart) ? [{ item: '3', measure: 'app start', result: `failed: ${appStart.error}` }] : appStartRows(appStart)),
    ...(failed(cliProcess) ? [{ item: '6', measure: 'pse-wizard processes', result: `failed: ${cliProcess.error}` }] : cliProcessRows(cliProcess)),
    ...(failed(store) ? [{ item: '4', measure: 'profile store', result: `failed: ${store.error}` }] : storeRows(store)),
    ...(failed(testAll) ? [{ item: '4', measure: 'test all', result: `failed: ${testAll.error}` }] : testAllRows(testAll)),
    ...(failed(wizard) ? [{ item: '5', measure: 'wizard efficiency', result: `failed: ${wizard.error}` }] : wizardRows(wizard)),
    ...(failed(wizardSandbox) ? [{ item: '5', measure: 'wizard efficiency (sandbox)', result: `failed: ${wizardSandbox.error}` }] : wizardRows(wizardSandbox))
  ]
  const table = markdownTable(rows)
  const results = {
    generatedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    machine: { ...machine, loadAverage1mAtEnd: Math.round(os.loadavg()[0] * 100) / 100 },
    probeVsLimit,
    probeNoDelay,
    appStart,
    cliProcess,
    profileStore: store,
    testAll,
    wizard,
    wizardSandbox,
    goals: rows.filter((r) => r.met !== undefined).map((r) => ({ item: r.item, measure: r.measure, goal: r.goal, result: r.result, met: r.met })),
    table
  }
  const file = path.join(repoRoot, 'bench', 'results.json')
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2) + '\n')
  fs.renameSync(`${file}.tmp`, file)

  process.stdout.write(`\n${table}\n\n`)
  process.stdout.write(
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, redis-server ${machine.redisServer}, Chromium ${machine.chromium}, load average ${machine.loadAverage1m} at start, ${Math.round(os.loadavg()[0] * 100) / 100} at end\n`
  )
  process.stdout.write(`Whole run: ${(results.durationMs / 1000).toFixed(1)} s. Results: bench/results.json\n`)
  return [probeVsLimit, probeNoDelay, appStart, cliProcess, store, testAll, wizard, wizardSandbox].some(failed) ? 1 : 0
}

/** Item 6 with its own TLS Redis, on a build of the app. */
async function measureCliAlone(build: AppBuild): Promise<CliProcessResult> {
  const target = await startTlsTarget()
  try {
    return await measureCliProcess(path.join(build.dir, 'main', 'cli.js'), target)
  } finally {
    await target.stop()
  }
}

/** `npm run bench -- --only cli`: one scenario alone, printed, results.json left as it is. */
const scenariosAlone: Record<string, () => Promise<Row[]>> = {
  cli: async () => cliProcessRows(await measureCliAlone(await buildApp()))
}

function onlyArgument(argv: string[]): string | undefined {
  const i = argv.indexOf('--only')
  if (i < 0) return undefined
  const name = argv[i + 1]
  if (!name || !(name in scenariosAlone)) throw new Error(`--only takes one of: ${Object.keys(scenariosAlone).join(', ')}`)
  return name
}

async function runAlone(name: string): Promise<number> {
  const rows = await scenariosAlone[name]()
  process.stdout.write(`\n${markdownTable(rows)}\n\nload average ${Math.round(os.loadavg()[0] * 100) / 100}\n`)
  return 0
}

const only = onlyArgument(process.argv.slice(2))
;(only ? runAlone(only) : main()).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`)
    process.exit(1)
  }
)
