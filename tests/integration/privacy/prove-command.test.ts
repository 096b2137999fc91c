import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { PrivacyReport } from '../../../src/shared/schemas/privacy'
import { assertSecretService, clearService, uniqueServiceName } from '../../support/keyring'
import { runCli, runCliJson } from '../../support/cli/run-cli'
import { runSetup, sandboxCliEnv } from '../../support/wizard/setup-process'

type Json = Record<string, unknown>
const claim = (report: Json, id: string) => (report.claims as Json[]).find((c) => c.id === id) as Json & { evidence: Json[]; fix?: Json }
const codes = (c: { evidence: Json[] }) => c.evidence.map((e) => e.code)

/**
 * `pse-wizard prove` whole process against the emulator (real Redis behind it, enforcing
 * restrictions): a fresh private instance fails only "restricted"; after `pse-wizard restrict`
 * every claim holds; an instance with a public endpoint fails "endpoints" too. The sandbox
 * simulates the view from the internet on loopback.
 */
describe('pse-wizard prove (spawned, sandbox)', () => {
  const service = uniqueServiceName('prove')
  let sandbox: Sandbox
  let dir: string
  let env: NodeJS.ProcessEnv
  let profileId: string

  const setup = async (name: string, options: Json = {}) => {
    const config = path.join(dir, `${name}.json`)
    fs.writeFileSync(config, JSON.stringify({ name, region: 'jp-tok', resourceGroup: 'Default', options }))
    const run = await runSetup(['--config', config, '--json'], env)
    expect(run.code, run.stderr).toBe(0)
    return run.lines.at(-1)!
  }

  beforeAll(async () => {
    await assertSecretService()
    sandbox = await startSandbox({ provisioningMs: 300, taskMs: 150 })
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-prove-it-'))
    env = { ...sandboxCliEnv(dir, sandbox.env, service), LANG: 'C' }
    profileId = String((await setup('Redis-0101')).privateProfileId)
  })
  afterAll(async () => {
    await clearService(service)
    await sandbox?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('refuses a wrong command line (exit 2)', async () => {
    expect((await runCli(['prove'], env)).code).toBe(2)
    expect((await runCli(['prove', profileId, '--instance', 'Redis-0101'], env)).code).toBe(2)
    // An --html file that cannot be written is refused before any work.
    const folder = await runCli(['prove', profileId, '--html', path.join(dir, 'no-such-folder', 'r.html')], env)
    expect(folder.code).toBe(2)
    expect(folder.stderr).toContain('does not exist')
    expect((await runCli(['prove', profileId, '--html', dir], env)).stderr).toContain('--html names a folder')
    const lang = await runCli(['prove', profileId, '--lang', 'fr'], env)
    expect(lang.code).toBe(2)
    expect(lang.stderr).toContain('--lang')
  })

  it('refuses a profile that was not saved from IBM Cloud, naming why, before asking IBM Cloud anything', async () => {
    const added = await runCli(['profiles', 'add', '--url', 'rediss://127.0.0.1:6390/0', '--name', 'manual-one'], env)
    expect(added.code, added.stderr).toBe(0)
    const run = await runCliJson(['prove', 'manual-one', '--json'], { ...env, IBMCLOUD_API_KEY: '' })
    expect(run.code).toBe(1)
    expect(run.json).toMatchObject({ ok: false, code: 'prove_profile_not_ibm' })
  })

  it('a fresh private instance: everything holds but "restricted", which fails with its fix (exit 1)', async () => {
    const run = await runCliJson(['prove', profileId, '--json'], env)
    expect(run.code, run.stderr).toBe(1)
    const report = run.json
    PrivacyReport.parse(report)
    expect(report).toMatchObject({
      verdict: 'fails',
      instance: { name: 'Redis-0101', region: 'jp-tok', generation: 'gen1' },
      vantage: { kind: 'sandbox', onPrivateNetwork: false }
    })
    expect((report.claims as Json[]).map((c) => [c.id, c.verdict])).toEqual([
      ['endpoints', 'holds'],
      ['no_public_answer', 'holds'],
      ['restricted', 'fails'],
      ['reachable', 'holds'],
      ['credentials', 'holds']
    ])
    expect(codes(claim(report, 'no_public_answer'))).toEqual(['vantage_sandbox', 'private_name_service_network', 'private_no_answer'])
    expect(codes(claim(report, 'restricted'))).toEqual(['cbr_no_rule', 'allowlist_empty'])
    expect(claim(report, 'restricted').fix).toMatchObject({
      code: 'fix_restrict',
      commands: [expect.stringMatching(/^pse-wizard restrict /), expect.any(String), expect.any(String)]
    })
    expect(codes(claim(report, 'reachable'))).toEqual(['path_connects', 'tls_verified', 'certificate_valid_until'])
    expect(claim(report, 'reachable').timeline).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'tls', ok: true })]))
    expect(codes(claim(report, 'credentials'))).toEqual(['user_not_admin', 'secrets_not_in_files'])
    // Every sentence is rendered (no raw catalogue key) and no password of the profile is in the report.
    for (const c of report.claims as Array<{ evidence: Json[] }>)
      for (const e of c.evidence) expect(String(e.message), String(e.code)).not.toMatch(/^privacy\.|\{\{/)
  })

  it('after pse-wizard restrict admits this computer, every claim holds (exit 0); text and HTML in Japanese', async () => {
    const restricted = await runCliJson(['restrict', profileId, '--allow', '127.0.0.1', '--json'], env)
    expect(restricted.code, JSON.stringify(restricted.json)).toBe(0)
    const run = await runCliJson(['prove', profileId, '--json'], env)
    expect(run.code, JSON.stringify(run.json, null, 1)).toBe(0)
    expect(run.json.verdict).toBe('holds')
    expect(codes(claim(run.json, 'restricted'))).toEqual(['cbr_rule_enforced', 'cbr_zone_admits', 'allowlist_empty_cbr_decides'])
    expect(claim(run.json, 'restricted').evidence[1]).toMatchObject({ params: { entries: '127.0.0.1' } })

    const html = path.join(dir, 'report.html')
    const text = await runCli(['prove', 'Redis-0101 (private)', '--html', html], { ...env, LANG: 'ja_JP.UTF-8' })
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toContain('プライバシー・レポート: Redis-0101 (jp-tok, Gen 1)')
    expect(text.stdout).toContain('成立: 自分のネットワークだけが接続できる')
    expect(text.stdout).toContain('ネットワーク・ゾーン pse-wizard-redis-')
    const page = fs.readFileSync(html, 'utf8')
    expect(page).toMatch(/^<!doctype html>\n<html lang="ja">/)
    expect(page).toContain("default-src 'none'")
    expect(page).not.toMatch(/<script|src=|href=/i)
    expect(page.match(/class="claim holds"/g)).toHaveLength(5)
  })

  it('--instance NAME finds the instance and its saved profile; an unknown name fails with a code', async () => {
    const run = await runCliJson(['prove', '--instance', 'Redis-0101', '--json'], env)
    expect(run.code, run.stderr).toBe(0)
    expect(run.json.profile).toMatchObject({ id: profileId, endpointType: 'private' })
    const missing = await runCliJson(['prove', '--instance', 'No-Such-Redis', '--json'], env)
    expect(missing.code).toBe(1)
    expect(missing.json).toMatchObject({ ok: false, code: 'prove_instance_not_found' })
  })

  it('a secret written to a file in the data folder fails "credentials", naming the file', async () => {
    const exported = await runCli(['profiles', 'export', profileId, '--format', 'env', '--with-secrets'], env)
    expect(exported.code, exported.stderr).toBe(0)
    const leak = path.join(String(env.PSE_WIZARD_HOME), 'exports', 'redis.env')
    fs.mkdirSync(path.dirname(leak), { recursive: true })
    fs.writeFileSync(leak, exported.stdout)
    try {
      const run = await runCliJson(['prove', profileId, '--json'], env)
      expect(claim(run.json, 'credentials')).toMatchObject({
        verdict: 'fails',
        evidence: [{ code: 'user_not_admin' }, { code: 'secret_in_file', params: { file: path.join('exports', 'redis.env') } }]
      })
      expect(run.stdout).not.toContain(exported.stdout.match(/PASSWORD=(\S+)/)?.[1] ?? 'no password exported')
    } finally {
      fs.rmSync(path.dirname(leak), { recursive: true, force: true })
    }
  })

  it('an instance with a public endpoint and no rule fails "endpoints" and "restricted", each with its fix', async () => {
    const saved = await setup('Redis-Public', { serviceEndpoints: 'public-and-private' })
    const run = await runCliJson(['prove', String(saved.privateProfileId), '--json'], env)
    expect(run.code, run.stderr).toBe(1)
    const verdicts = Object.fromEntries((run.json.claims as Json[]).map((c) => [c.id, c.verdict]))
    expect(verdicts).toEqual({ endpoints: 'fails', no_public_answer: 'holds', restricted: 'fails', reachable: 'holds', credentials: 'holds' })
    expect(claim(run.json, 'endpoints')).toMatchObject({
      evidence: [{ code: 'endpoints_public_enabled', params: { setting: 'public-and-private' } }],
      fix: { code: 'fix_endpoints_private', commands: ['ibmcloud resource service-instance-update Redis-Public --service-endpoints private'] }
    })
    expect(codes(claim(run.json, 'no_public_answer'))).toContain('public_endpoint_answers')
    // The public profile reaches the instance, but not the intended way.
    const pub = await runCliJson(['prove', String(saved.publicProfileId), '--json'], env)
    expect(claim(pub.json, 'reachable')).toMatchObject({ verdict: 'fails', fix: { code: 'fix_use_private_profile' } })
    expect(claim(pub.json, 'credentials')).toMatchObject({ verdict: 'fails', evidence: [{ code: 'user_admin' }, { code: 'secrets_not_in_files' }] })
  })

  it('Gen 2 headless: setup --config with generation gen2, a VPC and a restriction ends restricted, and every claim holds (exit 0)', async () => {
    const config = path.join(dir, 'gen2.json')
    fs.writeFileSync(
      config,
      JSON.stringify({
        name: 'Redis-Gen2',
        region: 'jp-tok',
        resourceGroup: 'Default',
        generation: 'gen2',
        vpc: 'sandbox-vpc',
        restrict: { vpcs: ['sandbox-vpc'], allow: ['127.0.0.1'] }
      })
    )
    const run = await runSetup(['--config', config, '--json'], { ...env, PSE_WIZARD_RESTRICT_SETTLE_MS: '500' })
    expect(run.code, run.stderr + JSON.stringify(run.lines.at(-1))).toBe(0)
    const last = run.lines.at(-1)!
    expect(last).toMatchObject({ result: 'ok', restricted: { outcome: 'applied', vpcs: ['sandbox-vpc'], addresses: ['127.0.0.1'] } })
    const proof = await runCliJson(['prove', String(last.privateProfileId), '--json'], env)
    expect(proof.code, JSON.stringify(proof.json.claims)).toBe(0)
    expect(proof.json).toMatchObject({ verdict: 'holds', instance: { generation: 'gen2' } })
    expect(codes(claim(proof.json, 'credentials'))).toContain('user_gen2_role')
    expect(
      String(
        claim(proof.json, 'restricted')
          .evidence.map((e) => JSON.stringify(e.params))
          .join(' ')
      )
    ).toMatch(/VPC crn:v1:bluemix:public:is:jp-tok:a\/[0-9a-f]+::vpc:r022-/)
  })
})
