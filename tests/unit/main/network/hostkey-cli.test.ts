import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/cli/main'

let home: string
beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-hk-'))
})
afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true })
})

async function run(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { PSE_WIZARD_HOME: home },
    signal: new AbortController().signal
  })
  return { code, stdout, stderr }
}

const fp = (c: string) => `SHA256:${c.repeat(43)}`

describe('pse-wizard hostkey', () => {
  it('accepts, lists, refuses a silent replacement, replaces on request, and forgets', async () => {
    expect((await run('hostkey', 'accept', 'bastion.example:2222', fp('a'))).code).toBe(0)
    const list = await run('hostkey', 'list', '--json')
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: '[bastion.example]:2222', fingerprint: fp('a') })])
    const changed = await run('hostkey', 'accept', 'bastion.example:2222', fp('b'))
    expect(changed.code).toBe(1)
    expect(changed.stderr + changed.stdout).toMatch(/changed|WARNING/)
    expect((await run('hostkey', 'accept', 'bastion.example:2222', fp('b'), '--replace')).code).toBe(0)
    expect((await run('hostkey', 'forget', 'bastion.example:2222')).stdout).toContain('Forgot')
    expect((await run('hostkey', 'list')).stdout).toContain('No host key')
  })

  it('exits 2 on bad usage', async () => {
    expect((await run('hostkey')).code).toBe(2)
    expect((await run('hostkey', 'accept', 'h', 'MD5:00')).code).toBe(2)
    expect((await run('hostkey', 'accept', 'h:99999', fp('a'))).code).toBe(2)
  })
})
