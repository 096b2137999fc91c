import { describe, expect, it } from 'vitest'
import { endOfLifeNotice, endOfLifeWarningDays, redisEndOfLife } from '../../../src/shared/redis-end-of-life'

describe('Redis end-of-life notices', () => {
  it('has 7.2 ending on 2026-08-19 as IBM announced', () => {
    expect(redisEndOfLife['7.2']).toBe('2026-08-19')
  })

  it('says reached on and after the date, near within the window, nothing before it or for unlisted versions', () => {
    expect(endOfLifeNotice('7.2', new Date('2026-08-19T00:00:00Z'))).toEqual({ kind: 'reached', version: '7.2', date: '2026-08-19' })
    expect(endOfLifeNotice('7.2', new Date('2026-12-04T10:00:00Z'))?.kind).toBe('reached')
    expect(endOfLifeNotice('7.2', new Date('2026-08-18T23:59:59Z'))?.kind).toBe('near')
    const windowStart = new Date(Date.parse('2026-08-19T00:00:00Z') - endOfLifeWarningDays * 86_400_000)
    expect(endOfLifeNotice('7.2', windowStart)?.kind).toBe('near')
    expect(endOfLifeNotice('7.2', new Date(windowStart.getTime() - 86_400_000))).toBeNull()
    expect(endOfLifeNotice('8.2', new Date('2026-12-04T00:00:00Z'))).toBeNull()
    expect(endOfLifeNotice('', new Date('2026-12-04T00:00:00Z'))).toBeNull()
  })

  it('lists only well-formed dates', () => {
    for (const date of Object.values(redisEndOfLife)) expect(Number.isNaN(Date.parse(`${date}T00:00:00Z`))).toBe(false)
  })
})
