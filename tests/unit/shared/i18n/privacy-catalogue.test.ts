import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { privacyEn } from '../../../../src/shared/i18n/privacy/en'
import { privacyJa } from '../../../../src/shared/i18n/privacy/ja'

const ROOT = path.resolve(__dirname, '../../../..')
const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []))

/** The first argument of each call `name(…)` in `text`, as source (brackets and strings balanced). */
function firstArguments(text: string, name: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(new RegExp(`\\b${name}\\(`, 'g'))) {
    let depth = 0
    let quote: string | undefined
    let i = m.index + m[0].length
    const start = i
    for (; i < text.length; i++) {
      const c = text[i]
      if (quote) {
        if (c === quote && text[i - 1] !== '\\') quote = undefined
      } else if (c === "'" || c === '`' || c === '"') quote = c
      else if ('([{'.includes(c)) depth++
      else if (')]}'.includes(c)) {
        if (depth === 0) break
        depth--
      } else if (c === ',' && depth === 0) break
    }
    out.push(text.slice(start, i))
  }
  return out
}
/** Snake-case string literals that are values, not operands of a comparison or a call inside a condition. */
const literals = (source: string) => [...source.matchAll(/(?<!=== |\()'([a-z0-9_]+)'/g)].map((m) => m[1])

/** Every evidence and fix code src/main/privacy can return, read from its calls of evidence(…), fix(…) and unreadable(…). */
function codesInMain(): { evidence: Set<string>; fix: Set<string> } {
  const evidence = new Set<string>()
  const fix = new Set<string>()
  for (const file of sourceFiles(path.join(ROOT, 'src/main/privacy'))) {
    const text = fs.readFileSync(file, 'utf8')
    for (const arg of firstArguments(text, 'evidence')) for (const code of literals(arg)) evidence.add(code)
    for (const arg of firstArguments(text, 'fix')) for (const code of literals(arg)) fix.add(code)
    for (const m of text.matchAll(/unreadable\('[a-z_]+',\s*'([a-z_]+)'/g)) evidence.add(`read_failed_${m[1]}`)
    for (const m of text.matchAll(/const code = ([^\n]+)/g)) for (const code of literals(m[1])) fix.add(code)
  }
  return { evidence, fix }
}

type Texts = Record<string, string>
const has = (texts: Texts, code: string) => code in texts || (`${code}_one` in texts && `${code}_other` in texts)
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('the privacy report catalogue (src/shared/i18n/privacy)', () => {
  const main = codesInMain()

  it('finds the codes main uses (the scan itself works)', () => {
    expect(main.evidence.size).toBeGreaterThan(40)
    expect(main.evidence).toContain('private_no_answer')
    expect(main.evidence).toContain('read_failed_restrictions')
    expect(main.fix).toContain('fix_use_private_profile')
  })

  it('has an English and a Japanese sentence for every evidence and fix code main returns', () => {
    for (const [group, codes] of [
      ['evidence', main.evidence],
      ['fix', main.fix]
    ] as const) {
      const missing = [...codes].flatMap((code) => [
        ...(has(privacyEn[group] as Texts, code) ? [] : [`en ${group}.${code}`]),
        ...(has(privacyJa[group] as Texts, code) ? [] : [`ja ${group}.${code}`])
      ])
      expect(missing).toEqual([])
    }
  })

  it('has no sentence for a code main never returns', () => {
    const base = (key: string) => key.replace(/_(one|other)$/, '')
    expect(Object.keys(privacyEn.evidence).map(base).filter((k) => !main.evidence.has(k))).toEqual([])
    expect(Object.keys(privacyEn.fix).map(base).filter((k) => !main.fix.has(k))).toEqual([])
  })

  it('uses the same parameters in both languages', () => {
    for (const group of ['evidence', 'fix', 'vantage'] as const) {
      const en = privacyEn[group] as Texts
      const ja = privacyJa[group] as Texts
      for (const key of Object.keys(en)) {
        // A singular form may say "one" instead of {{count}}.
        const strip = (p: string[]) => (key.endsWith('_one') ? p.filter((x) => x !== 'count') : p)
        expect(strip(placeholders(ja[key])), `${group}.${key}`).toEqual(strip(placeholders(en[key])))
      }
    }
  })

  it('writes Japanese with full-width punctuation, never an ASCII full stop ending a sentence', () => {
    const all = [...Object.values(privacyJa.evidence), ...Object.values(privacyJa.fix), ...Object.values(privacyJa.overall)]
    for (const text of all) expect(text, text).not.toMatch(/[ぁ-んァ-ヶ一-龠][.,]( |$)/)
  })
})
