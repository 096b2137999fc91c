import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { startSshd, type Sshd } from '../../support/sshd'
import { useTestKeyring } from '../../support/keyring'
import { sandboxCliEnv } from '../../support/wizard/setup-process'

/**
 * `pse-wizard hostkey` and `pse-wizard setup` speak the user's language: whole processes (from
 * source), a real sshd on loopback for the host keys, the emulator for IBM Cloud.
 */
const ROOT = path.resolve(__dirname, '../../..')
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/
const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Lines without IBM Cloud's own quoted words, codes and ids: what must be Japanese. */
const ownWords = (text: string) => text.replace(/「[^」]*」/g, '').replace(/\([^)]*\)|pse-wizard .*$/gm, '')

describe('pse-wizard hostkey in the user’s language (real sshd)', () => {
  let sshd: Sshd
  let dir: string
  let env: NodeJS.ProcessEnv
  beforeAll(async () => {
    sshd = await startSshd()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-hk-lang-'))
    env = { PATH: process.env.PATH ?? '', HOME: dir, PSE_WIZARD_HOME: path.join(dir, 'home'), PSE_LOG_LEVEL: 'warn', LC_ALL: '', LC_MESSAGES: '' }
  })
  afterAll(async () => {
    await sshd?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('accept, list, a changed key, replace, forget: Japanese under LANG=ja_JP.UTF-8, English under LANG=C, --json with codes and words', async () => {
    const ja = { ...env, LANG: 'ja_JP.UTF-8' }
    const where = `127.0.0.1:${sshd.port}`
    const first = await sshd.hostKeyFingerprint()
    expect((await cli(['hostkey', 'list'], ja)).stdout).toBe('承認済みのホスト鍵はまだありません。\n')
    expect((await cli(['hostkey', 'list'], { ...env, LANG: 'C' })).stdout).toBe('No host key accepted yet.\n')

    const accepted = await cli(['hostkey', 'accept', where, first], ja)
    expect(accepted.code, accepted.stderr).toBe(0)
    expect(accepted.stdout).toBe(`${where} のホスト鍵 ${first} を承認しました。\n`)
    expect((await cli(['hostkey', 'list'], ja)).stdout).toMatch(
      new RegExp(`^\\[127\\.0\\.0\\.1\\]:${sshd.port} ssh ${first.replace(/[+/]/g, '\\$&')}（.+ に承認）\\n$`)
    )

    await sshd.replaceHostKey()
    const second = await sshd.hostKeyFingerprint()
    expect(second).not.toBe(first)
    const refused = await cli(['hostkey', 'accept', where, second], ja)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain(`pse-wizard hostkey: 警告：${where} には別のホスト鍵（${first}）が承認済みです。`)
    expect(refused.stderr).toContain('(ssh_host_key_changed)')
    expect(refused.stderr).toContain(`pse-wizard hostkey accept ${where} ${second} --replace`)
    for (const line of ownWords(refused.stderr).split('\n').filter(Boolean)) expect(line, line).not.toMatch(ENGLISH_SENTENCE)
    const refusedEn = await cli(['hostkey', 'accept', where, second, '--lang', 'en'], ja)
    expect(refusedEn.stderr).toContain(`WARNING: ${where} already has another host key accepted (${first}).`)

    const json = await cli(['hostkey', 'accept', where, second, '--json'], ja)
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      code: 'ssh_host_key_changed',
      message: expect.stringMatching(JAPANESE),
      next: expect.stringContaining('--replace'),
      params: { host: '127.0.0.1', port: sshd.port, fingerprint: second }
    })
    const replaced = await cli(['hostkey', 'accept', where, second, '--replace', '--json'], ja)
    expect(JSON.parse(replaced.stdout)).toEqual({
      accepted: true,
      host: '127.0.0.1',
      port: sshd.port,
      fingerprint: second,
      message: expect.stringMatching(JAPANESE)
    })

    expect((await cli(['hostkey', 'forget', where], ja)).stdout).toBe(`${where} のホスト鍵の承認を取り消しました。\n`)
    expect((await cli(['hostkey', 'forget', where], { ...env, LANG: 'C' })).stdout).toBe(`No host key was pinned for ${where}.\n`)
    expect((await cli(['hostkey', 'list', '--lang', 'de'], ja)).code).toBe(2)
  })
})

describe('pse-wizard setup in the user’s language (emulator)', () => {
  const keyring = useTestKeyring()
  let sandbox: Sandbox | undefined
  let dir: string | undefined
  afterEach(async () => {
    await sandbox?.close()
    sandbox = undefined
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })
  const setUp = async (options: Parameters<typeof startSandbox>[0]) => {
    sandbox = await startSandbox({ provisioningMs: 2_000, taskMs: 100, ...options })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-setup-lang-'))
    const config = path.join(dir, 'setup.json')
    fs.writeFileSync(config, JSON.stringify({ name: 'Redis-lang', region: 'jp-tok', resourceGroup: 'Default' }))
    return { config, env: { ...sandboxCliEnv(dir, sandbox.env, keyring()), LC_ALL: '', LC_MESSAGES: '' } }
  }

  it('VRF off: where it stopped and why in Japanese (LANG=ja_JP.UTF-8), English (LANG=C); --json keeps code and message and adds said', async () => {
    const { config, env } = await setUp({ account: { vrfEnabled: false }, backend: 'fake' })
    const ja = await cli(['setup', '--config', config], { ...env, LANG: 'ja_JP.UTF-8' })
    expect(ja.code, ja.stderr).toBe(1)
    expect(ja.stdout).toContain('[1/9] アカウント：完了')
    expect(ja.stdout).toContain('セットアップは「前提条件」で停止しました：wizard_vrf_disabled')
    expect(ja.stdout).toContain('同じコマンドをもう一度実行すると、停止したところから再開します。')
    for (const line of ownWords(ja.stdout).split('\n').filter(Boolean)) expect(line, line).not.toMatch(ENGLISH_SENTENCE)

    const en = await cli(['setup', '--config', config], { ...env, LANG: 'C' })
    expect(en.code).toBe(1)
    expect(en.stdout).toContain('[1/9] Account: done')
    expect(en.stdout).toContain('Setup stopped at "Prerequisites": wizard_vrf_disabled')
    expect(en.stdout).toMatch(/support case/)
    expect(en.stdout).not.toMatch(JAPANESE)

    const json = await cli(['setup', '--config', config, '--json'], { ...env, LANG: 'ja_JP.UTF-8' })
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.find((l) => l.step === 'account' && l.status === 'done')).toMatchObject({ index: 1, said: '[1/9] アカウント：完了' })
    expect(lines.at(-1)).toMatchObject({ result: 'failed', step: 'prerequisites', code: 'wizard_vrf_disabled', message: expect.stringMatching(/support case/) })
    expect(lines.at(-1)!.said).toMatch(JAPANESE)
    expect(sandbox!.emulator.state.counters.instancesCreated).toBe(0)
  })

  it('a whole run in Japanese ends with the saved private profile', async () => {
    const { config, env } = await setUp({})
    const ja = await cli(['setup', '--config', config], { ...env, LANG: 'ja_JP.UTF-8' })
    expect(ja.code, ja.stdout + ja.stderr).toBe(0)
    expect(ja.stdout).toMatch(/\[4\/9\] プロビジョニング：実行中 \d+% IBM Cloud の表示：「.+」（\d+ 秒）/)
    expect(ja.stdout).toContain('[9/9] 保存：完了')
    expect(ja.stdout).toContain('完了：「Redis-lang」にプライベート・エンドポイント経由で接続できます。')
    expect(ja.stdout).toMatch(/いつでも再テストできます：pse-wizard test [0-9a-f-]+/)
    for (const line of ownWords(ja.stdout).split('\n').filter(Boolean)) expect(line, line).not.toMatch(ENGLISH_SENTENCE)
  })
})
