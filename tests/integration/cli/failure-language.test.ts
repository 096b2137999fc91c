import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { runBuiltCli } from '../../support/fresh-home'
import { useTestKeyring } from '../../support/keyring'
import { sandboxCliEnv } from '../../support/wizard/setup-process'

/**
 * A failure main throws comes out of the built CLI in the user's language, worded from its code
 * and facts (src/shared/i18n/errors): IBM Cloud answering 403 (the emulator, a real HTTP answer)
 * through the real IBM Cloud client, with LANG=ja_JP.UTF-8 and LANG=C; --json keeps the code
 * and params and carries the message in that language.
 */
const service = useTestKeyring()
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/

describe('a failure in the user’s language (built CLI)', () => {
  let sandbox: Sandbox
  let dir: string
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-failure-lang-'))
    sandbox = await startSandbox({ provisioningMs: 300, taskMs: 150 })
    env = sandboxCliEnv(dir, sandbox.env, service())
  })
  afterAll(async () => {
    await sandbox?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const forbiddenRun = async (lang: string, ...extra: string[]) => {
    sandbox.emulator.faults.add({ route: 'rc.instances.list', kind: 'forbidden', times: 1 })
    return runBuiltCli(['prove', '--instance', 'Redis-0101', ...extra], { ...env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' })
  }

  it('IBM Cloud answering 403: Japanese under LANG=ja_JP.UTF-8, naming the operation and the missing role', async () => {
    const run = await forbiddenRun('ja_JP.UTF-8')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'pse-wizard prove: お使いの IBM Cloud のアクセス権限では、Databases for Redis インスタンスの一覧を取得することができません。アカウント管理者にDatabases for Redis（およびリソース・グループ）に対するビューアーのプラットフォーム役割を依頼してください。 (ibm_forbidden)'
    )
    expect(run.stderr).not.toMatch(/Your IBM Cloud access/)
  })

  it('the same failure in English under LANG=C', async () => {
    const run = await forbiddenRun('C')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'pse-wizard prove: Your IBM Cloud access does not allow you to list Databases for Redis instances. Ask an account administrator for the Viewer platform role on Databases for Redis (and on the resource group). (ibm_forbidden)'
    )
    expect(run.stderr).not.toMatch(JAPANESE)
  })

  it('--json keeps the code and params and says the message in the chosen language', async () => {
    const run = await forbiddenRun('ja_JP.UTF-8', '--json')
    expect(run.code).toBe(1)
    const out = JSON.parse(run.stdout)
    expect(out).toMatchObject({ ok: false, code: 'ibm_forbidden', params: { op: 'listInstances', role: 'viewerRedis' } })
    expect(out.message).toMatch(JAPANESE)
  })
})
