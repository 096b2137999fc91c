import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority, issueServerCert, LOOPBACK_NAMES } from '../../../src/main/sandbox/certs'
import { startRedisServer, type RunningRedis } from '../../../src/main/sandbox/tls-redis'
import { freshHome, runBuiltCli, type FreshHome } from '../../support/fresh-home'
import { useTestKeyring } from '../../support/keyring'

/**
 * `pse-wizard test` speaks the user's language: the built CLI (node bin/pse-wizard.js, as a user
 * runs it; `npm run build` first) against a real TLS redis-server whose certificate names another
 * host, with LANG=ja_JP.UTF-8 and LANG=C; --json keeps the codes and adds the messages.
 */
const service = useTestKeyring()

/** Three Latin-script words in a row: an English sentence (hosts, codes and cipher names are single tokens). */
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

describe('pse-wizard test in the user’s language', () => {
  let wrongName: RunningRedis
  let rightName: RunningRedis
  let user: FreshHome
  let caFile: string
  const password = `lang-${Date.now().toString(36)}`

  beforeAll(async () => {
    const ca = await createCertificateAuthority('PSE Language CA')
    const [other, loopback] = await Promise.all([
      issueServerCert(ca, { dnsNames: ['redis.elsewhere.example'], ipAddresses: [] }),
      issueServerCert(ca, LOOPBACK_NAMES)
    ])
    ;[wrongName, rightName] = await Promise.all([
      startRedisServer({ tls: { ...other, ca: ca.cert }, users: [{ name: 'app', password }], defaultUser: 'off' }),
      startRedisServer({ tls: { ...loopback, ca: ca.cert }, users: [{ name: 'app', password }], defaultUser: 'off' })
    ])
    user = await freshHome({ PSE_WIZARD_KEYCHAIN_SERVICE: service(), REDIS_PASSWORD: password, LC_ALL: '', LC_MESSAGES: '' })
    caFile = path.join(user.home, 'ca.pem')
    fs.writeFileSync(caFile, ca.cert)
  })
  afterAll(async () => {
    await Promise.all([wrongName?.stop(), rightName?.stop()])
    await user?.remove()
  })

  const test = (server: RunningRedis, env: NodeJS.ProcessEnv, ...extra: string[]) =>
    runBuiltCli(['test', '--url', `rediss://app@localhost:${server.port}`, '--ca', caFile, ...extra], { ...user.env, ...env })

  it('LANG=ja_JP.UTF-8: the phases, the failure and the advice in Japanese', async () => {
    const run = await test(wrongName, { LANG: 'ja_JP.UTF-8' })
    expect(run.code, run.stdout + run.stderr).toBe(1)
    const out = run.stdout
    expect(out).toContain(`localhost:${wrongName.port} をテストしています（TLS）`)
    expect(out).toMatch(/\[ ok \] DNS +[\d.]+ ms {2}localhost → .*（ループバック）。/)
    expect(out).toMatch(new RegExp(`\\[ ok \\] TCP +[\\d.]+ ms {2}(127\\.0\\.0\\.1|::1):${wrongName.port} に接続しました。`))
    expect(out).toMatch(/\[FAIL\] TLS +[\d.]+ ms {2}証明書は localhost を対象としていません。証明書に記載された名前：DNS:redis\.elsewhere\.example。/)
    for (const label of ['AUTH', 'PING', '書き込み', 'INFO']) expect(out).toMatch(new RegExp(`\\[ -- \\] ${label} +未実行：前のフェーズが失敗しました。`))
    expect(out).toContain('失敗（tls_hostname_mismatch）：証明書がホスト名と一致しません')
    expect(out).toContain('対処方法：サーバーの証明書は localhost に対して有効ではありません。')
    // Nothing left in English: no sentence of Latin-script words on any line.
    expect(out.split('\n').filter((line) => ENGLISH_SENTENCE.test(line))).toEqual([])
  })

  it('LANG=C: the same in English', async () => {
    const run = await test(wrongName, { LANG: 'C' })
    expect(run.code, run.stdout + run.stderr).toBe(1)
    const out = run.stdout
    expect(out).toContain(`Testing localhost:${wrongName.port} (TLS)`)
    expect(out).toMatch(/\[ ok \] DNS +[\d.]+ ms {2}localhost → .* \(loopback\)\./)
    expect(out).toMatch(/\[FAIL\] TLS +[\d.]+ ms {2}The certificate does not cover localhost; it names DNS:redis\.elsewhere\.example\./)
    expect(out).toMatch(/\[ -- \] Write +Not run: an earlier phase failed\./)
    expect(out).toContain('FAILED (tls_hostname_mismatch): Certificate does not match the host name')
    expect(out).toContain("What to do: The server's certificate is not valid for localhost.")
    expect(out).not.toMatch(JAPANESE)
  })

  it('--json in Japanese: the codes and parameters, the English detail kept, the messages in Japanese', async () => {
    const run = await test(wrongName, { LANG: 'ja_JP.UTF-8' }, '--json')
    expect(run.code, run.stderr).toBe(1)
    const json = JSON.parse(run.stdout) as {
      code: string
      lang: string
      message: string
      localized: { title: string; message: string }
      phases: Array<{ name: string; ok: boolean; detail: string; message: string; notes: Array<{ code: string; params: Record<string, unknown> }> }>
    }
    expect(json.code).toBe('tls_hostname_mismatch')
    expect(json.lang).toBe('ja')
    expect(json.localized.title).toBe('証明書がホスト名と一致しません')
    expect(json.localized.message).toMatch(/^サーバーの証明書は localhost に対して有効ではありません。/)
    expect(json.message).toMatch(/not valid for localhost/)
    const tls = json.phases.find((p) => p.name === 'tls')!
    expect(tls.ok).toBe(false)
    expect(tls.notes).toEqual([{ code: 'tls.hostname_mismatch', params: { servername: 'localhost', names: ['DNS:redis.elsewhere.example'] } }])
    expect(tls.detail).toBe('The certificate does not cover localhost; it names DNS:redis.elsewhere.example.')
    expect(tls.message).toBe('証明書は localhost を対象としていません。証明書に記載された名前：DNS:redis.elsewhere.example。')
    for (const phase of json.phases) {
      expect(phase.notes.length, phase.name).toBeGreaterThan(0)
      expect(phase.message, phase.name).toMatch(JAPANESE)
    }
  })

  it('a passing test in Japanese: every phase worded from its notes', async () => {
    const run = await test(rightName, { LANG: 'ja_JP.UTF-8' })
    expect(run.code, run.stdout + run.stderr).toBe(0)
    const out = run.stdout
    expect(out).toMatch(/\[ ok \] TLS .*証明書チェーンとホスト名を検証しました。/)
    expect(out).toMatch(/\[ ok \] AUTH .*app として認証しました。HELLO で RESP3 をネゴシエートしました。/)
    expect(out).toMatch(/\[ ok \] PING .*5 回測定：p50 [\d.]+ ms、p95 [\d.]+ ms。/)
    expect(out).toMatch(/\[ ok \] 書き込み .*一時キー（TTL 30 秒）の SET\/GET\/DEL：成功。キーは削除しました。/)
    expect(out).toMatch(/\[ ok \] INFO .*Redis \d[\d.]*、master、standalone、RESP3。/)
    expect(out).toMatch(new RegExp(`成功：localhost:${rightName.port} に接続、TLSv1\\.[23]、証明書を検証済み、PING p50 [\\d.]+ ms、Redis \\d`))
    expect(out.split('\n').filter((line) => ENGLISH_SENTENCE.test(line))).toEqual([])
  })

  it('LC_ALL comes before LANG, and --lang before both', async () => {
    const english = await test(wrongName, { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })
    expect(english.stdout).toContain('FAILED (tls_hostname_mismatch)')
    const japanese = await test(wrongName, { LC_ALL: 'C' }, '--lang', 'ja')
    expect(japanese.stdout).toContain('失敗（tls_hostname_mismatch）')
  })

  it('--lang with another value is a usage error', async () => {
    const run = await test(wrongName, {}, '--lang', 'fr')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('pse-wizard test: --lang takes en or ja, got "fr"')
    expect(run.stdout).toBe('')
  })
})
