import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportProfile } from '../../../../src/main/profiles/exporters'
import { importProfileText } from '../../../../src/main/profiles/importers'
import { cleanProfileName } from '../../../../src/shared/profile-name'
import { defaultProfileFields, Profile, ProfileFields } from '../../../../src/shared/schemas/profile'

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
const hostile = 'prod\u2028NODE_TLS_REJECT_UNAUTHORIZED=0\u001b[2J\u202egnp.exe\u0085x'

const serviceKey = (name: string) =>
  JSON.stringify({
    name,
    credentials: {
      connection: {
        rediss: { hosts: [{ hostname: 'h.private.databases.appdomain.cloud', port: 31000 }], authentication: { username: 'admin', password: 'pw' } }
      }
    }
  })

describe('profile names hold no control, separator or bidi character', () => {
  it('cleanProfileName leaves none of them, for any text, and is never empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const name = cleanProfileName(raw)
        expect(name).not.toMatch(UNSAFE)
        expect(name.length).toBeGreaterThan(0)
        expect(name.length).toBeLessThanOrEqual(100)
        expect(ProfileFields.shape.name.safeParse(name).success).toBe(true)
      }),
      { numRuns: 500 }
    )
  })

  it('an IBM service key name is cleaned on import', () => {
    const r = importProfileText(serviceKey(hostile))
    expect(r.fields.name).toBe('prod NODE_TLS_REJECT_UNAUTHORIZED=0 [2Jgnp.exe x')
    expect(importProfileText(serviceKey('\u2028\u202e\u0007')).fields.name).toBe('redis-private')
  })

  it('a profile file name is cleaned on import (not refused)', () => {
    const fields = defaultProfileFields({ name: 'safe', host: 'h.example' })
    const text = exportProfile(fields, 'json').text.replace('"safe"', JSON.stringify(hostile))
    expect(importProfileText(text).fields.name).not.toMatch(UNSAFE)
  })

  it('a typed name with a raw ESC or separator is refused with a message', () => {
    const result = ProfileFields.safeParse(defaultProfileFields({ name: 'a\u001b[31mb', host: 'h.example' }))
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].message).toMatch(/control characters/)
    expect(ProfileFields.safeParse(defaultProfileFields({ name: 'a\u2029b', host: 'h.example' })).success).toBe(false)
  })

  it('a saved profile from before the check loads with its name cleaned', () => {
    const saved = {
      ...defaultProfileFields({ name: hostile, host: 'h.example' }),
      id: 'p1',
      secrets: { password: 'none', clientKey: 'none' },
      createdAt: 'x',
      updatedAt: 'x',
      lastTest: null
    }
    expect(Profile.parse(saved).name).not.toMatch(UNSAFE)
  })

  it('a redli export whose name mentions pse-wizard-servername does not set the server name on import', () => {
    const fields = defaultProfileFields({ name: 'x pse-wizard-servername=evil.example', host: 'h.example' })
    const back = importProfileText(exportProfile(fields, 'redli', { password: 'pw' }).text)
    expect(back.fields.tls.servername).toBeNull()
  })
})

describe('deeply nested JSON is refused as too deeply nested', () => {
  it.each([
    ['arrays', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['objects', '{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000)],
    ['one-value containers', '{"x":['.repeat(20_000) + '1' + ']}'.repeat(20_000)]
  ])('%s', (_kind, text) => {
    expect(() => importProfileText(text)).toThrow(
      expect.objectContaining({ code: 'import_too_deeply_nested', message: expect.stringMatching(/nested more than 64 levels/) })
    )
  })

  it('brackets inside strings do not count', () => {
    const text = serviceKey('[[[[{{{{'.repeat(200) + '\\"]]]')
    expect(importProfileText(text).fields.name).toContain('[[[[{{{{')
  })
})

describe('a wizard profile named after an IBM Cloud instance', () => {
  it('gets the cleaned name, so saving it is not refused', async () => {
    const { profileFieldsOf } = await import('../../../../src/main/wizard')
    const fields = profileFieldsOf({
      name: `${hostile} (private)`,
      tags: [],
      connection: { hostname: 'h.private.databases.appdomain.cloud', port: 31000, database: 0, caPem: null, endpoint: 'private' },
      username: 'admin',
      password: 'pw',
      crn: null,
      region: null
    } as never)
    expect(ProfileFields.safeParse(fields).success).toBe(true)
  })
})
