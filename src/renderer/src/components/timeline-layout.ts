import type { ProbePhase } from '../../../shared/schemas/probe'

/** Smallest share of the track a bar gets, so a 0 ms phase is still visible and hoverable. */
const MIN_SHARE = 0.04

export interface Bar {
  phase: ProbePhase
  /** Percent of the track. */
  left: number
  width: number
  state: 'ok' | 'failed' | 'skipped'
}

/** Lays the phases out left to right, each as wide as its milliseconds (with a floor). */
export function layoutBars(phases: ProbePhase[]): Bar[] {
  const total = phases.reduce((sum, p) => sum + (p.skipped ? 0 : p.ms), 0)
  const floor = Math.max(total, 1) * MIN_SHARE
  const weights = phases.map((p) => (p.skipped ? floor / 2 : Math.max(p.ms, floor)))
  const sum = weights.reduce((a, b) => a + b, 0) || 1
  let left = 0
  return phases.map((phase, i) => {
    const width = (weights[i] / sum) * 100
    const bar: Bar = { phase, left, width, state: phase.skipped ? 'skipped' : phase.ok ? 'ok' : 'failed' }
    left += width
    return bar
  })
}

export const formatMs = (ms: number): string => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toString())
