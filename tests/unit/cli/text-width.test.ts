import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { displayWidth, padEnd } from '../../../src/cli/text-width'

describe('terminal columns', () => {
  it('counts Japanese and full-width characters as two columns, ASCII as one', () => {
    expect(displayWidth('name:')).toBe(5)
    expect(displayWidth('名前：')).toBe(6)
    expect(displayWidth('エンドポイント')).toBe(14)
    expect(padEnd('TLS：', 19)).toBe('TLS：' + ' '.repeat(14))
  })

  it('pads to exactly the column asked for, never cuts', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 80 }), (text, columns) => {
        const padded = padEnd(text, columns)
        expect(padded.startsWith(text)).toBe(true)
        expect(displayWidth(padded)).toBe(Math.max(columns, displayWidth(text)))
      })
    )
  })
})
