import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { translatorFor } from '../../../src/cli/locale'
import { en } from '../../../src/shared/i18n/en'
import { ja } from '../../../src/shared/i18n/ja'
import { isGen2Item, prereqLinkText, prereqResult, prereqWords } from '../../../src/shared/prereq-words'
import type { PrereqItem } from '../../../src/shared/schemas/ibmcloud'

const tEn = translatorFor(i18next, 'en', en)
const tJa = translatorFor(i18next, 'ja', ja)
const item = (over: Partial<PrereqItem>): PrereqItem => ({ id: 'vrf', label: 'VRF (main)', ok: false, ...over }) as PrereqItem

/** The words the setup step's table (PrereqTable) and `pse-wizard check` both show, from one place. */
describe('prereqWords / prereqResult / prereqLinkText', () => {
  it('names an item from the catalogue of its generation, else main’s label', () => {
    expect(prereqWords(tEn, item({})).label).toBe(en.setup.prereq.items.vrf)
    expect(prereqWords(tJa, item({})).label).toBe(ja.setup.prereq.items.vrf)
    expect(prereqWords(tJa, item({ id: 'vpc' })).label).toBe(ja.prereqGen2.items.vpc)
    expect(isGen2Item(item({ id: 'vpc' }))).toBe(true)
    expect(prereqWords(tJa, item({ id: 'future_item' as PrereqItem['id'], label: 'Future' })).label).toBe('Future')
  })

  it('says detail and advice from main’s catalogue references with their parameters; main’s English without one', () => {
    const key = Object.keys(en.prereqGen1).flatMap((g) =>
      Object.keys((en.prereqGen1 as Record<string, Record<string, string>>)[g]).map((k) => `prereqGen1.${g}.${k}`)
    )[0]
    const said = prereqWords(tJa, item({ detail: 'english detail', advice: 'english advice', text: { detail: { key, params: {} } } }))
    expect(said.detail).toBe(tJa(key))
    expect(said.detail).not.toBe('english detail')
    expect(said.advice).toBe('english advice')
    expect(prereqWords(tEn, item({})).detail).toBeUndefined()
  })

  it('words the result and the link in the user’s language', () => {
    expect([true, false, null].map((ok) => prereqResult(tJa, item({ ok })))).toEqual([ja.setup.prereq.ok, ja.setup.prereq.fail, ja.setup.prereq.unknown])
    expect(prereqResult(tEn, item({ ok: true }))).toBe(en.setup.prereq.ok)
    expect(prereqLinkText(tJa, item({ id: 'subnet' }))).toBe(ja.prereqGen2.openConsole)
    expect(prereqLinkText(tEn, item({}))).toBe(en.setup.prereq.docs)
  })
})
