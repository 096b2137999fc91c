import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'

/** A password on the command line is readable in `ps` by every local user: the CLI says so. */
describe('passwords typed into --url', () => {
  let home: string
  beforeAll(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'argv-secrets-'))
  })
  afterAll(() => fs.rm(home, { recursive: true, force: true }))

  const run = async (...argv: string[]) => {
    let stderr = ''
    let stdout = ''
    // Port 1 refuses at once; a keychain service name of its own, so no real entry is touched.
    const env = { PSE_WIZARD_HOME: home, PSE_WIZARD_KEYCHAIN_SERVICE: 'pse-wizard-test-argv' }
    await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, signal: new AbortController().signal })
    return { stdout, stderr }
  }

  it('test --url with a password warns, and never prints the password', async () => {
    const { stdout, stderr } = await run('test', '--url', 'redis://admin:Pw-in-argv-1234@127.0.0.1:1/0', '--timeout', '500')
    expect(stderr).toMatch(/visible to other users.*REDIS_PASSWORD/s)
    expect(stdout + stderr).not.toContain('Pw-in-argv-1234')
  })

  it('profiles add --url with a password warns; without one it does not', async () => {
    // The missing --ca file stops it right after the warning, before anything is stored.
    const withPassword = await run('profiles', 'add', '--url', 'rediss://admin:Pw-in-argv-1234@127.0.0.1:6380/0', '--ca', path.join(home, 'missing.pem'))
    expect(withPassword.stderr).toMatch(/visible to other users/)
    expect(withPassword.stdout + withPassword.stderr).not.toContain('Pw-in-argv-1234')
    const without = await run('test', '--url', 'redis://127.0.0.1:1/0', '--timeout', '500')
    expect(without.stderr).not.toMatch(/visible to other users/)
  })
})
