import { kib, ms, times, type Row } from './lib/table'
import type { AppStartResult } from './scenarios/app-start'
import type { CliProcessResult } from './scenarios/cli-process'
import type { ModuleTrace } from './scenarios/cli-modules'
import type { ProbeNoDelayResult } from './scenarios/probe-no-delay'
import type { ProbeVsLimitResult } from './scenarios/probe-vs-limit'
import type { StoreFigure } from './scenarios/profile-store'
import { RECORDING_GOAL, type TestAllFigure } from './scenarios/test-all'
import type { WizardWaitResult } from './scenarios/wizard-wait'

/** Table rows for each item: what the README shows. */

export function probeVsLimitRows(r: ProbeVsLimitResult): Row[] {
  const link = `${r.oneWayDelayMs} ms each way`
  const trips = (t: { total: number }, min?: number) => `${t.total} round trips${min === undefined ? '' : ` (minimum ${min})`}`
  return [
    {
      item: '1',
      measure: `Probe, 1 PING sample, ${link}`,
      result: `${ms(r.probeOneSample.wallMs.median)}, ${trips(r.probeOneSample.roundTrips, r.minimumRoundTrips.probeOneSample)}`,
      goal: 'round trips = minimum',
      met: r.probeOneSample.roundTrips.total <= r.minimumRoundTrips.probeOneSample
    },
    {
      item: '1',
      measure: `Probe (1 sample) / physical limit (${r.minimumRoundTrips.probeOneSample} round trips × ${r.roundTripMs} ms = ${r.minimumRoundTrips.probeOneSample * r.roundTripMs} ms)`,
      result: times(r.probeOneSample.wallMs.median / (r.minimumRoundTrips.probeOneSample * r.roundTripMs))
    },
    { item: '1', measure: `redis-cli --tls, same work, ${link}`, result: `${ms(r.redisCli.wallMs.median)}, ${trips(r.redisCli.roundTrips)}` },
    {
      item: '1',
      measure: 'Probe (1 sample) / redis-cli, wall time',
      result: times(r.ratioToRedisCli),
      goal: '≤ 1.10×',
      met: r.goals.withinTenPercentOfRedisCli
    },
    {
      item: '1',
      measure: `Default probe (${r.probeDefault.pingSamples} PING samples), ${link}`,
      result: `${ms(r.probeDefault.wallMs.median)}, ${trips(r.probeDefault.roundTrips, r.minimumRoundTrips.probeDefault)}`,
      goal: 'round trips = minimum',
      met: r.probeDefault.roundTrips.total <= r.minimumRoundTrips.probeDefault
    }
  ]
}

export function probeNoDelayRows(r: ProbeNoDelayResult): Row[] {
  return [
    { item: '2', measure: `Default probe, no delay, ${r.runs} runs`, result: `median ${ms(r.probe.median)}, p95 ${ms(r.probe.p95)}` },
    {
      item: '2',
      measure: `Probe with 1 PING sample, no delay, ${r.runs} runs`,
      result: `median ${ms(r.probeOneSample.median)}, p95 ${ms(r.probeOneSample.p95)}`
    },
    {
      item: '2',
      measure: `ioredis connect + PING (TLS, AUTH, RESP${r.ioredis.protocol}), ${r.runs} runs`,
      result: `median ${ms(r.ioredis.median)}, p95 ${ms(r.ioredis.p95)}`
    },
    { item: '2', measure: 'Default probe / ioredis', result: `median ${times(r.ratioMedian)}, p95 ${times(r.ratioP95)}` }
  ]
}

export function appStartRows(r: AppStartResult): Row[] {
  const size = (s: { files: number; raw: number; gzip: number }) => `${kib(s.raw)} raw, ${kib(s.gzip)} gzip (${s.files} file${s.files === 1 ? '' : 's'})`
  return [
    {
      item: '3',
      measure: `Browser mode launch → shell interactive in Chromium (median of ${r.runs})`,
      result: `${ms(r.interactiveMs.median)} (server ready ${ms(r.serverReadyMs.median)}, page ${ms(r.pageMs.median)})`,
      goal: '< 1 s',
      met: r.goals.interactiveUnderOneSecond
    },
    { item: '3', measure: 'Renderer JavaScript', result: size(r.sizes.js) },
    { item: '3', measure: 'Renderer CSS', result: size(r.sizes.css) },
    { item: '3', measure: 'Renderer fonts and other assets', result: size(r.sizes.other) }
  ]
}

export function storeRows(figures: StoreFigure[]): Row[] {
  return figures.map((f) => ({
    item: '4',
    measure: `Profile store, ${f.profiles.toLocaleString('en-US')} profiles (${kib(f.fileKiB * 1024)} file)`,
    result: `load ${ms(f.loadMs.median)}, save one edit ${ms(f.saveMs.median)}`
  }))
}

export function testAllRows(figures: TestAllFigure[]): Row[] {
  return figures.flatMap((f) => {
    const label = `Test all: ${f.profiles.toLocaleString('en-US')} profiles, concurrency ${f.concurrency}, ${f.recording ? 'last tests recorded' : 'recording off'}`
    const row: Row = {
      item: '4',
      measure: `${label} (median of ${f.rounds})`,
      result: `${ms(f.wallMs)} (the probes themselves: ${ms(f.probeMsSum)} summed), peak RSS ${f.peakRssMiB} MiB (${f.rssBeforeMiB} before), peak heap ${f.peakHeapMiB} MiB`
    }
    if (f.ratioToNoRecording === null) return [row]
    const ratio: Row = {
      item: '4',
      measure: `Test all: ${f.profiles.toLocaleString('en-US')} profiles, recorded / recording off, wall time`,
      result: times(f.ratioToNoRecording),
      ...(f.profiles === 1_000 ? { goal: `≤ ${RECORDING_GOAL.toFixed(2)}×`, met: f.ratioToNoRecording <= RECORDING_GOAL } : {})
    }
    return [row, ratio]
  })
}

export function wizardRows(r: WizardWaitResult): Row[] {
  const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`
  const perCall = r.requestsDuringWait ? (r.activeAfterMs + r.noticedAfterActiveMs) / r.requestsDuringWait : 0
  const who = r.mode === 'sandbox' ? 'Wizard in sandbox mode' : 'Wizard (IBM Cloud polling)'
  return [
    {
      item: '5',
      measure: `${who}: deployment active after ${seconds(r.activeAfterMs)} → wizard notices`,
      result: `${seconds(r.noticedAfterActiveMs)} after active`,
      goal: '≤ 5 s',
      met: r.goals.noticedWithinFiveSeconds
    },
    {
      item: '5',
      measure: `${who}: API calls, create → noticed`,
      result: `${r.requestsDuringWait} calls (${r.instancePolls} instance polls), one per ${seconds(perCall)} on average`,
      goal: '≤ 1 per 5 s',
      met: r.goals.pollsAtMostEveryFiveSeconds
    }
  ]
}

export function cliProcessRows(r: CliProcessResult): Row[] {
  const b = r.baseline
  const before = (k: 'version' | 'profilesList' | 'testUrl' | 'serveReady') => (b ? ` (before: ${ms(b[k].median)}, ${times(b.ratios[k])})` : '')
  const line = (x: { median: number }, rx: number, k?: 'version' | 'profilesList' | 'testUrl' | 'serveReady') =>
    `${ms(x.median)}, ${times(rx)} bare node${k ? before(k) : ''}`
  return [
    { item: '6', measure: `Bare node -e 0, whole process (median of ${r.runs})`, result: ms(r.nodeBare.median) },
    {
      item: '6',
      measure: 'pse-wizard --version / bare node',
      result: line(r.version, r.ratios.version, 'version'),
      goal: '≤ 1.5×',
      met: r.goals.versionWithin1_5x
    },
    {
      item: '6',
      measure: 'pse-wizard profiles list (10 profiles) / bare node',
      result: line(r.profilesList, r.ratios.profilesList, 'profilesList'),
      goal: '≤ 1.5×',
      met: r.goals.profilesListWithin1_5x
    },
    {
      item: '6',
      measure: 'pse-wizard test --url … --json, TLS Redis on loopback / bare node',
      result: line(r.testUrl, r.ratios.testUrl, 'testUrl'),
      goal: '≤ 2.5×',
      met: r.goals.testUrlWithin2_5x
    },
    { item: '6', measure: 'redis-cli --tls PING, SET, GET, DEL, INFO (same work) / bare node', result: line(r.redisCli, r.ratios.redisCli) },
    { item: '6', measure: 'pse-wizard serve --json until its ready line / bare node', result: line(r.serveReady, r.ratios.serveReady, 'serveReady') },
    ...(r.extraCaCerts
      ? [
          {
            item: '6',
            measure: 'Bare node -e 0 without NODE_EXTRA_CA_CERTS (set here; Node 20 parses that bundle at every start)',
            result: ms(r.extraCaCerts.nodeBareWithout.median)
          }
        ]
      : []),
    ...(r.modules ?? []).map((m) => ({ item: '6', measure: `What ${m.command} loads`, result: loadedModules(m) }))
  ]
}

function loadedModules(m: ModuleTrace): string {
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'none')
  return `${m.appFiles} built files (${m.appKiB} KiB); packages: ${list(m.packages)}; schema modules: ${list(m.schemaModules)}; heavy built-ins: ${list(m.extraBuiltins)}`
}
