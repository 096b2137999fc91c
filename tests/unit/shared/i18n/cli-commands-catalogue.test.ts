import { describe, expect, it } from 'vitest'
import { cliHostkeyEn } from '../../../../src/shared/i18n/cli-hostkey/en'
import { cliHostkeyJa } from '../../../../src/shared/i18n/cli-hostkey/ja'
import { cliServeEn } from '../../../../src/shared/i18n/cli-serve/en'
import { cliServeJa } from '../../../../src/shared/i18n/cli-serve/ja'
import { cliSetupEn } from '../../../../src/shared/i18n/cli-setup/en'
import { cliSetupJa } from '../../../../src/shared/i18n/cli-setup/ja'

type Tree = { [key: string]: string | Tree }
const params = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()
const flat = (tree: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flat(v, `${prefix}${k}.`)))
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

describe.each([
  ['cliHostkey', cliHostkeyEn, cliHostkeyJa],
  ['cliSetup', cliSetupEn, cliSetupJa],
  ['cliServe', cliServeEn, cliServeJa]
] as const)('the %s catalogue', (_name, en, ja) => {
  it('has every text in both languages, with the same parameters', () => {
    const jaTexts = new Map(flat(ja as unknown as Tree))
    const enTexts = flat(en as unknown as Tree)
    expect(jaTexts.size).toBe(enTexts.length)
    for (const [key, text] of enTexts) {
      expect(jaTexts.get(key), key).toBeTruthy()
      expect(params(jaTexts.get(key)!), key).toEqual(params(text))
    }
  })

  it('is Japanese in Japanese, with full-width punctuation outside commands and placeholders', () => {
    for (const [key, text] of flat(ja as unknown as Tree)) {
      // What stays as typed: placeholders, commands (pse-wizard …, kill, ssh -L, Ctrl-C), percent and step counters.
      const prose = text
        .replace(/\{\{host\}\}:\{\{port\}\}/g, '')
        .replace(/\{\{\w+\}\}/g, '')
        .replace(/pse-wizard .*$|kill -USR1|ssh -L|Ctrl-C|--port/g, '')
        .replace(/^\[\/9\]|\s%$/g, '')
      if (prose.trim().length > 2 && !/^[\s%]*$/.test(prose) && key !== 'percent') expect(prose, key).toMatch(JAPANESE)
      expect(prose, key).not.toMatch(/[,:;()!?]|\.(\s|$)/)
    }
  })
})
