import { describe, expect, it } from 'vitest'
import { cliTranslator } from '../../support/cli/translator'
import { appFailureWords, displayWidth } from '../../../src/cli/test-output'

describe('pse-wizard test: a failure before any phase ran', () => {
  const ja = cliTranslator('ja')
  const en = cliTranslator('en')

  it('is worded from the catalogue in the chosen language when it has the code', () => {
    const e = { code: 'secret_unreadable', message: 'The saved password can no longer be read from the keychain (was the keychain reset?).' }
    expect(appFailureWords(ja, e)).toEqual({
      title: '保存済みのパスワードを読み取れません',
      message: '保存済みのパスワードをキーチェーンから読み取れなくなりました。プロファイルでパスワードを再入力してください。'
    })
    expect(appFailureWords(en, e).title).toBe('Saved password unreadable')
  })

  it("keeps main's message for a code the catalogue does not word, or whose text needs a parameter the failure lacks", () => {
    expect(appFailureWords(ja, { code: 'invalid_input', message: 'profiles.import: text is too long' })).toEqual({ title: null, message: 'profiles.import: text is too long' })
    expect(appFailureWords(ja, { code: 'tcp_refused', message: 'Port 1 refused.' })).toEqual({ title: null, message: 'Port 1 refused.' })
    expect(appFailureWords(ja, { code: 'tcp_refused', message: 'Port 1 refused.', params: { host: 'h', port: 1 } }).message).toBe(
      'h:1 で待ち受けているサービスがありません。ポート番号と、デプロイメントが稼働していることを確認してください。'
    )
  })

  it('pads phase labels by terminal columns: a CJK character takes two', () => {
    expect(displayWidth('INFO')).toBe(4)
    expect(displayWidth('書き込み')).toBe(8)
    expect(displayWidth('（）：')).toBe(6)
  })
})
