import { describe, expect, it } from 'vitest'
import { en } from '../../../../src/shared/i18n/en'
import { ja } from '../../../../src/shared/i18n/ja'
import { PROBE_NOTES, QUOTED_PARAMS, probeNote, type ProbeNoteCode } from '../../../../src/shared/schemas/probe-notes'
import { noteKey, renderNote, renderNotes, type Translate } from '../../../../src/shared/i18n/probe-notes/render'
import { PATH_NOTES, SSH_METHODS } from '../../../../src/shared/schemas/path-notes'

/**
 * The catalogue and the probe's notes agree: every code has an English and a Japanese text, and a
 * text refers only to parameters its code carries (PROBE_NOTES, which the probe's calls are
 * type-checked against). The server's own words are shown as quotes.
 */
const catalogues = { en, ja } as const
const codes = Object.keys(PROBE_NOTES) as ProbeNoteCode[]

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree)
}

/** Every leaf under probeNotes.codes as [code, text]. */
function leaves(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]]
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1])

/** A tiny t over one catalogue, the way i18next interpolates {{name}}. */
const translator =
  (catalogue: unknown): Translate =>
  (key, options = {}) => {
    const text = lookup(catalogue, key)
    if (typeof text !== 'string') return String(options.defaultValue ?? key)
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(options[name]))
  }

describe('probe notes in the shared catalogue', () => {
  for (const [language, catalogue] of Object.entries(catalogues)) {
    describe(language, () => {
      it('has a text for every code', () => {
        const missing = codes.filter((code) => typeof lookup(catalogue, noteKey(code)) !== 'string')
        expect(missing).toEqual([])
      })

      it('has no text for a code the probe does not have', () => {
        const extra = leaves(catalogue.probeNotes.codes)
          .map(([code]) => code)
          .filter((code) => !Object.hasOwn(PROBE_NOTES, code))
        expect(extra).toEqual([])
      })

      it('refers only to parameters the code carries, and uses each one', () => {
        const wrong = codes.flatMap((code) => {
          const text = String(lookup(catalogue, noteKey(code)))
          const carried: readonly string[] = PROBE_NOTES[code]
          const used = placeholders(text)
          return [
            ...used.filter((p) => !carried.includes(p)).map((p) => `${code}: {{${p}}} is not a parameter of this code`),
            ...carried.filter((p) => !used.includes(p)).map((p) => `${code}: does not show ${p}`)
          ]
        })
        expect(wrong).toEqual([])
      })

      it('shows the server’s own words as quotes', () => {
        const [open, close] = language === 'ja' ? ['「', '」'] : ['"', '"']
        const unquoted = codes.flatMap((code) => {
          const text = String(lookup(catalogue, noteKey(code)))
          return PROBE_NOTES[code].filter((p) => QUOTED_PARAMS.has(p) && !text.includes(`${open}{{${p}}}${close}`)).map((p) => `${code}: ${p}`)
        })
        expect(unquoted).toEqual([])
      })

      it('names every address class', () => {
        for (const cls of ['ibm_service_endpoint', 'private', 'loopback', 'public']) expect(lookup(catalogue, `probeNotes.addressClass.${cls}`)).toBeTypeOf('string')
      })
    })
  }

  it('Japanese texts use full-width punctuation (、。「」：（）), not ASCII sentence punctuation', () => {
    const offending = leaves(ja.probeNotes.codes).filter(([, text]) => /[.,]\s|[.]$|\(\S|：\s/.test(text.replace(/\{\{[^}]*\}\}/g, 'X').replace(/\d+\.\d+\.\d+\.\d+\/\d+|RFC 1918|p50|p95|SET\/GET\/DEL|write\/INFO/g, 'X')))
    expect(offending).toEqual([])
  })

  it('renders lists, address classes and quotes in each language', () => {
    const note = probeNote('dns.resolved', { host: 'db.example', addresses: ['10.0.0.1', '10.0.0.2'], addressClass: 'private' })
    expect(renderNote(translator(en), note)).toBe('db.example → 10.0.0.1, 10.0.0.2 (private network (RFC 1918)).')
    expect(renderNote(translator(ja), note)).toBe('db.example → 10.0.0.1、10.0.0.2（プライベート・ネットワーク（RFC 1918））。')
    const auth = [probeNote('auth.as_user', { user: 'app' }), probeNote('auth.failed', { reply: 'WRONGPASS invalid username-password pair' })]
    expect(renderNotes(translator(en), auth)).toBe('Authenticated as app. Authentication failed: "WRONGPASS invalid username-password pair"')
    expect(renderNotes(translator(ja), auth)).toBe('app として認証しました。認証に失敗しました：「WRONGPASS invalid username-password pair」')
  })

  it('covers the SSH and pod paths’ codes too, with their parameters', () => {
    for (const [code, params] of Object.entries(PATH_NOTES)) expect(PROBE_NOTES[code as ProbeNoteCode], code).toEqual(params)
    for (const catalogue of [en, ja]) for (const m of SSH_METHODS) expect(lookup(catalogue, `probeNotes.sshMethod.${m}`)).toBeTypeOf('string')
  })

  it('renders an SSH login refusal with the method named and ssh2 quoted, in each language', () => {
    const refused = probeNote('ssh.auth_refused', { host: '127.0.0.1', port: 2222, user: 'ops', method: 'key', said: 'All configured authentication methods failed' })
    expect(renderNote(translator(en), refused)).toBe('127.0.0.1:2222 refused the login as ops with a key: "All configured authentication methods failed"')
    expect(renderNote(translator(ja), refused)).toBe('127.0.0.1:2222 は、ops としての鍵によるログインを拒否しました：「All configured authentication methods failed」')
    const route = [probeNote('ssh.route', { route: 'ops@127.0.0.1:2222' }), probeNote('ssh.host_key_pinned', { host: '127.0.0.1', port: 2222 })]
    expect(renderNotes(translator(ja), route)).toBe('SSH の経路：ops@127.0.0.1:2222。127.0.0.1:2222 のホスト鍵は、以前に承認した鍵と一致しました。')
  })

  it('shows an unknown code as the code itself', () => {
    expect(renderNote(translator(en), { code: 'dns.from_the_future' as ProbeNoteCode, params: {} })).toBe('dns.from_the_future')
  })
})
