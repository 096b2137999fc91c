import { describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'

async function run(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, signal: new AbortController().signal })
  return { code, stdout, stderr }
}

describe('pse-wizard command line', () => {
  it('prints help with every command and exits 0', async () => {
    const { code, stdout } = await run('--help')
    expect(code).toBe(0)
    expect(stdout).toContain('serve')
    expect(stdout).toContain('Exit codes')
  })

  it('prints the version', async () => {
    const { code, stdout } = await run('--version')
    expect(code).toBe(0)
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('exits 2 with no command, an unknown command, or bad options', async () => {
    expect((await run()).code).toBe(2)
    const unknown = await run('frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown command')
    const badOption = await run('serve', '--bogus')
    expect(badOption.code).toBe(2)
    expect(badOption.stderr).toContain('Usage: pse-wizard serve')
    expect((await run('serve', '--port', 'eighty')).code).toBe(2)
    expect((await run('serve', '--port', '70000')).code).toBe(2)
    expect((await run('serve', '--host', 'example.com')).code).toBe(2)
    expect((await run('serve', '--host', '0.0.0.0')).code).toBe(2)
  })

  it('says why setup cannot read its --config file in words, not as an errno code', async () => {
    const missing = await run('setup', '--config', '/nonexistent/pse-wizard-setup.json')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot read --config /nonexistent/pse-wizard-setup.json: no such file (check the path)')
    expect(missing.stderr).not.toContain('ENOENT')
    const folder = await run('setup', '--config', '/')
    expect(folder.code).toBe(2)
    expect(folder.stderr).toContain('it is a folder, not a file')
  })

  it('shows a command usage with --help', async () => {
    const { code, stdout } = await run('serve', '--help')
    expect(code).toBe(0)
    expect(stdout).toContain('--sandbox')
  })
})
