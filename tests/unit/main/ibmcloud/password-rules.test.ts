import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkPassword, generatePassword } from '../../../../src/main/ibmcloud/password-rules'

describe('admin password rules (API-FACTS e.1)', () => {
  it('accepts a password that meets every rule', () => {
    expect(checkPassword('Abcdefghijk12345')).toEqual({ ok: true, problems: [] })
  })

  it.each([
    ['Short1Aa', /at least 15/],
    ['abcdefghijk12345', /upper-case/],
    ['ABCDEFGHIJK12345', /lower-case/],
    ['Abcdefghijklmnop', /digit/],
    ['_Abcdefghijk12345', /start/],
    ['Abcdefghijk12345!', /only letters/],
    ['A1' + 'a'.repeat(71), /at most 72/]
  ])('rejects %s', (pw, problem) => {
    const r = checkPassword(pw)
    expect(r.ok).toBe(false)
    expect(r.problems.join(' ')).toMatch(problem)
  })

  it('other users are limited to 32 characters', () => {
    expect(checkPassword('A1' + 'a'.repeat(40), 'user').ok).toBe(false)
    expect(checkPassword('A1' + 'a'.repeat(40), 'admin').ok).toBe(true)
  })

  it('every generated password passes, at any requested length', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 200 }), (n) => {
        const pw = generatePassword(n)
        expect(checkPassword(pw)).toEqual({ ok: true, problems: [] })
      }),
      { numRuns: 500 }
    )
  })

  it('generated passwords differ', () => {
    expect(new Set(Array.from({ length: 50 }, () => generatePassword())).size).toBe(50)
  })
})
