import { describe, expect, it } from 'vitest'
import { percentile, summarize } from '../../../bench/lib/stats'

describe('bench statistics', () => {
  it('uses nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1)
    expect(percentile(sorted, 50)).toBe(10)
    expect(percentile(sorted, 95)).toBe(19)
    expect(percentile(sorted, 100)).toBe(20)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
  })

  it('summarizes unsorted samples without reordering the input', () => {
    const samples = [5, 1, 4, 2, 3]
    expect(summarize(samples)).toEqual({ n: 5, median: 3, p95: 5, min: 1, max: 5, mean: 3 })
    expect(samples).toEqual([5, 1, 4, 2, 3])
  })
})
