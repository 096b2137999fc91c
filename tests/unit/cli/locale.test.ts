import { describe, expect, it } from 'vitest'
import { cliLanguage, loadCliTranslator } from '../../../src/cli/locale'
import { cliTranslator } from '../../support/cli/translator'
import { UsageError } from '../../../src/cli/command'

describe('the CLI language', () => {
  it('--lang wins over the environment', () => {
    expect(cliLanguage('ja', { LANG: 'en_US.UTF-8' })).toBe('ja')
    expect(cliLanguage('en', { LC_ALL: 'ja_JP.UTF-8' })).toBe('en')
  })

  it('a --lang other than en or ja is a usage error', () => {
    for (const bad of ['', 'jp', 'JA', 'fr', 'ja_JP']) expect(() => cliLanguage(bad, {})).toThrow(UsageError)
    expect(() => cliLanguage('de', {})).toThrow('--lang takes en or ja, got "de"')
  })

  it('follows LC_ALL, then LC_MESSAGES, then LANG (the first that is set)', () => {
    expect(cliLanguage(undefined, { LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'C', LANG: 'C' })).toBe('ja')
    expect(cliLanguage(undefined, { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en')
    expect(cliLanguage(undefined, { LC_ALL: '', LC_MESSAGES: 'ja_JP.eucJP', LANG: 'en_US.UTF-8' })).toBe('ja')
    expect(cliLanguage(undefined, { LC_MESSAGES: 'en_GB.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en')
    expect(cliLanguage(undefined, { LANG: 'ja_JP.UTF-8' })).toBe('ja')
  })

  it('ja, ja_JP, ja-JP and ja.UTF-8 are Japanese; C, POSIX, other languages and nothing are English', () => {
    for (const ja of ['ja', 'ja_JP', 'ja-JP', 'ja.UTF-8', 'ja_JP.UTF-8@cjk']) expect(cliLanguage(undefined, { LANG: ja })).toBe('ja')
    for (const en of ['C', 'POSIX', 'C.UTF-8', 'en_US.UTF-8', 'de_DE.UTF-8', 'jam_JM', '']) expect(cliLanguage(undefined, { LANG: en })).toBe('en')
    expect(cliLanguage(undefined, {})).toBe('en')
  })

  it('loads only the chosen language and words it from the shared catalogue', async () => {
    expect((await loadCliTranslator('ja'))('common.probe.tls_hostname_mismatch.title')).toBe('証明書がホスト名と一致しません')
    expect((await loadCliTranslator('en'))('privacy.evidence.private_no_answer', { host: 'h', port: 1, count: 2 })).toContain('2 addresses tried')
  })

  it('translates with the shared catalogue, synchronously', () => {
    expect(cliTranslator('ja')('common.probe.tls_hostname_mismatch.title')).toBe('証明書がホスト名と一致しません')
    expect(cliTranslator('en')('common.probe.tls_hostname_mismatch.title')).toBe('Certificate does not match the host name')
    expect(cliTranslator('ja')('probeNotes.codes.tcp.connected', { address: '127.0.0.1', port: 6380 })).toBe('127.0.0.1:6380 に接続しました。')
  })
})
