import { describe, expect, it } from 'vitest'
import { layoutBars, formatMs } from '../../../../src/renderer/src/components/timeline-layout'

const phase = (name: string, ms: number, ok = true, skipped = false) => ({ name, ms, ok, detail: '', ...(skipped ? { skipped } : {}) })

describe('timeline layout', () => {
  it('gives each phase a width proportional to its milliseconds, filling the track', () => {
    const bars = layoutBars([phase('dns', 10), phase('tcp', 30), phase('tls', 60)])
    expect(bars.map((b) => Math.round(b.width))).toEqual([10, 30, 60])
    expect(bars.map((b) => Math.round(b.left))).toEqual([0, 10, 40])
    expect(bars.reduce((s, b) => s + b.width, 0)).toBeCloseTo(100)
  })

  it('keeps a 0 ms phase visible and marks failed and skipped bars', () => {
    const bars = layoutBars([phase('dns', 0), phase('tcp', 100), phase('tls', 5, false), phase('auth', 0, false, true)])
    expect(bars[0].width).toBeGreaterThan(2)
    expect(bars.map((b) => b.state)).toEqual(['ok', 'ok', 'failed', 'skipped'])
  })

  it('copes with no phases and with every phase at 0 ms', () => {
    expect(layoutBars([])).toEqual([])
    const bars = layoutBars([phase('dns', 0), phase('tcp', 0)])
    expect(bars.every((b) => Number.isFinite(b.width) && b.width > 0)).toBe(true)
  })

  it('formats milliseconds', () => {
    expect(formatMs(0.25)).toBe('0.3')
    expect(formatMs(12.6)).toBe('13')
  })
})
