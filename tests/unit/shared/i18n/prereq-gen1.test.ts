import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { prereqGen1En } from '../../../../src/shared/i18n/prereq-gen1/en'
import { prereqGen1Ja } from '../../../../src/shared/i18n/prereq-gen1/ja'

const params = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()
const flat = (tree: Record<string, Record<string, string>>): Array<[string, string]> =>
  Object.entries(tree).flatMap(([g, texts]) => Object.entries(texts).map(([k, v]): [string, string] => [`${g}.${k}`, v]))

describe('the prerequisites catalogue (prereqGen1)', () => {
  it('has every text in both languages, with the same parameters', () => {
    const ja = new Map(flat(prereqGen1Ja))
    for (const [key, en] of flat(prereqGen1En)) {
      expect(ja.get(key), key).toBeTruthy()
      expect(params(ja.get(key)!), key).toEqual(params(en))
    }
    expect(ja.size).toBe(flat(prereqGen1En).length)
  })

  it('words every key the prerequisites check says, with the parameters it passes', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../../../src/main/ibmcloud/prerequisites.ts'), 'utf8')
    const en = new Map(flat(prereqGen1En))
    const used = [...source.matchAll(/said\('([\w.]+)'(?:, \{ ([^}]*) \})?\)/g)]
    const ternaries = [...source.matchAll(/said\(\w+(?: === \w+)? \? '([\w.]+)' : '([\w.]+)'\)/g)].flatMap((m) => [m[1], m[2]])
    expect(used.length + ternaries.length).toBeGreaterThan(10)
    for (const [, key, passed] of used) {
      expect(en.has(key), key).toBe(true)
      const names = (passed ?? '').split(',').map((p) => p.trim().split(':')[0]).filter(Boolean).sort()
      expect(names, key).toEqual(params(en.get(key)!))
    }
    for (const key of ternaries) {
      expect(en.has(key), key).toBe(true)
      expect(params(en.get(key)!), key).toEqual([])
    }
  })
})
