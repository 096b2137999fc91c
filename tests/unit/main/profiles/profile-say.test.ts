import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { profileMessages, profileSay, type ProfileMessageId } from '../../../../src/main/profiles/messages'
import { en } from '../../../../src/shared/i18n/en'
import { ja } from '../../../../src/shared/i18n/ja'
import { saidText } from '../../../../src/shared/said-text'

/** The facts each message is made of, as its callers give them (every variant of the keytar reason and the secret). */
const samples: Array<{ [K in ProfileMessageId]: [K, ...Parameters<(typeof profileMessages)[K]>] }[ProfileMessageId]> = [
  ['notFoundById', { id: '4f1c' }],
  ['notFoundByName', { name: 'Redis-0101 (private)' }],
  ['fileNewer', { file: '/home/u/.config/pse-wizard/profiles.json' }],
  ['importExpired'],
  ['pathUnsupported', { kind: 'pod' }],
  ['keychainTimeout', { seconds: 30 }],
  ['keychainMissing'],
  ...(['not_installed', 'no_native_part', 'load_failed'] as const).map(
    (reason) =>
      ['keytarUnusable', { reason, error: 'Cannot find module keytar.node', tools: 'libsecret-1-dev g++ make python3' }] as [
        'keytarUnusable',
        Parameters<typeof profileMessages.keytarUnusable>[0]
      ]
  ),
  ...(['password', 'clientKey', 'sshSecret'] as const).flatMap((secret) =>
    (['session', 'keychain'] as const).map(
      (where) => ['secretUnreadable', { secret, profileName: 'demo', where }] as ['secretUnreadable', Parameters<typeof profileMessages.secretUnreadable>[0]]
    )
  )
]

const translator = (lng: 'en' | 'ja') => {
  const i = i18next.createInstance()
  void i.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng, initAsync: false, interpolation: { escapeValue: false } })
  return i.t.bind(i) as unknown as (key: string, options?: Record<string, unknown>) => string
}

describe('profileSay: the profile store and keychain failures as a message id and its facts', () => {
  const ids = Object.keys(profileMessages) as ProfileMessageId[]

  it('keeps main’s English and names the catalogue text in params.say', () => {
    const said = profileSay.notFoundByName({ name: 'x' })
    expect(said).toEqual({ message: profileMessages.notFoundByName({ name: 'x' }), params: { name: 'x', say: 'profileSay.notFoundByName' } })
  })

  it('has an English and a Japanese text for every message, and every sample is covered', () => {
    for (const catalogue of [en, ja]) for (const id of ids) expect(typeof catalogue.profileSay[id], id).toBe('string')
    expect(new Set(samples.map(([id]) => id))).toEqual(new Set(ids))
  })

  it('every text is filled from the facts its message carries, nested words included, in both languages', () => {
    for (const lng of ['en', 'ja'] as const) {
      const t = translator(lng)
      for (const [id, facts] of samples) {
        const said = (profileSay[id] as (p?: unknown) => { message: string; params: Record<string, string | number | boolean> })(facts)
        const text = saidText(t, said)
        expect(text, `${lng} ${id}`).not.toMatch(/\{\{|\$t\(|profileSay\./)
        if (lng === 'ja') expect(text, id).toMatch(/[ぁ-んァ-ヶ一-龠]/)
        // The English text says what main's message says (the catalogue only curls the quotes).
        if (lng === 'en') expect(text.replace(/[“”]/g, '"').replace(/’/g, "'")).toBe(said.message)
      }
    }
  })

  it('a failure without params.say, or with an id that is not a catalogue key, keeps main’s sentence', () => {
    const t = translator('ja')
    expect(saidText(t, { message: 'As main said.' })).toBe('As main said.')
    expect(saidText(t, { message: 'As main said.', params: { say: '../../etc' } })).toBe('As main said.')
  })
})
