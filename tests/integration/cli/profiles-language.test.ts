import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshHome, runBuiltCli, type FreshHome } from '../../support/fresh-home'
import { useTestKeyring } from '../../support/keyring'

/**
 * `pse-wizard profiles` speaks the user's language: the built CLI (as a user runs it) in a fresh
 * home, with LANG=ja_JP.UTF-8 and LANG=C. Main's failures (a profile that does not exist) are
 * worded from their facts (params.say) in the chosen language; --json keeps code and params.
 */
const service = useTestKeyring()
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/

describe('pse-wizard profiles in the user’s language', () => {
  let user: FreshHome
  beforeAll(async () => {
    user = await freshHome({ PSE_WIZARD_KEYCHAIN_SERVICE: service(), LC_ALL: '', LC_MESSAGES: '' })
  })
  afterAll(async () => {
    await user?.remove()
  })
  const cli = (args: string[], lang: string) => runBuiltCli(['profiles', ...args], { ...user.env, LANG: lang })

  it('an empty list and a missing profile: Japanese under LANG=ja_JP.UTF-8, English under LANG=C', async () => {
    const emptyJa = await cli(['list'], 'ja_JP.UTF-8')
    expect(emptyJa.code).toBe(0)
    expect(emptyJa.stdout).toBe(
      'プロファイルはありません。「pse-wizard profiles add --url rediss://…」または「pse-wizard profiles import FILE」で追加してください。\n'
    )
    expect((await cli(['list'], 'C')).stdout).toContain('No profiles. Add one with')

    const missingJa = await cli(['show', 'no-such-profile'], 'ja_JP.UTF-8')
    expect(missingJa.code).toBe(1)
    expect(missingJa.stderr).toBe(
      'pse-wizard profiles: 「no-such-profile」という名前のプロファイルはありません。「pse-wizard profiles list」で一覧を確認してください。 (profile_not_found)\n'
    )
    const missingEn = await cli(['show', 'no-such-profile', '--lang', 'en'], 'ja_JP.UTF-8')
    expect(missingEn.stderr).toContain('No profile named “no-such-profile”.')

    const json = await cli(['show', 'no-such-profile', '--json'], 'ja_JP.UTF-8')
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      code: 'profile_not_found',
      message: expect.stringMatching(JAPANESE),
      params: { name: 'no-such-profile', say: 'profileSay.notFoundByName' }
    })
    expect((await cli(['list', '--lang', 'de'], 'C')).code).toBe(2)
  })

  it('add, show, remove: Japanese labels aligned as a terminal counts them; English unchanged', async () => {
    const added = await cli(['add', '--url', 'rediss://app@127.0.0.1:6390/0', '--name', 'lang-demo', '--servername', 'redis.example.internal'], 'ja_JP.UTF-8')
    expect(added.code, added.stderr).toBe(0)
    expect(added.stdout).toMatch(/^プロファイル「lang-demo」（[0-9a-f-]+）を保存しました。\n$/)

    const ja = await cli(['show', 'lang-demo'], 'ja_JP.UTF-8')
    expect(ja.code).toBe(0)
    const lines = ja.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('名前：' + ' '.repeat(13) + 'lang-demo')
    expect(lines).toContain('TLS：' + ' '.repeat(14) + '有効、証明書を検証、CA はシステムのストア、SNI redis.example.internal')
    expect(lines).toContain('最終テスト：' + ' '.repeat(7) + '未テスト')
    for (const line of lines) expect(line, line).not.toMatch(ENGLISH_SENTENCE)

    const en = await cli(['show', 'lang-demo'], 'C')
    expect(en.stdout).toContain('name:        lang-demo\n')
    expect(en.stdout).toContain('tls:         on, verified, CA system store, SNI redis.example.internal\n')
    expect(en.stdout).toContain('last test:   never tested\n')

    const list = await cli(['list'], 'ja_JP.UTF-8')
    expect(list.stdout).toMatch(/^lang-demo\trediss:\/\/127\.0\.0\.1:6390\/0\t未テスト\t\t/)
    const removed = await cli(['remove', 'lang-demo'], 'ja_JP.UTF-8')
    expect(removed.stdout).toBe('プロファイル「lang-demo」を削除しました。\n')
  })
})
