import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { printableJson } from '../../../src/cli/printable'

/** Everything unsafe but the newlines of the pretty-printing itself. */
const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

describe('printableJson', () => {
  it('escapes ESC, C1 controls, separators and bidi overrides, and parses back to the same value', () => {
    const value = { name: 'prod\u001b]0;owned\u0007\u202e\u2028x\u0085', n: 1 }
    const out = printableJson(value)
    expect(out.slice(0, -1)).not.toMatch(RAW_UNSAFE)
    expect(out).toContain('\\u202e')
    expect(JSON.parse(out)).toEqual(value)
  })

  it('holds for any string (full Unicode range)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = printableJson({ s })
        expect(out.slice(0, -1)).not.toMatch(RAW_UNSAFE)
        expect(JSON.parse(out)).toEqual({ s })
      }),
      { numRuns: 500 }
    )
  })
})
