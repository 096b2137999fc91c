import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

/**
 * No keychain (a Linux box without a Secret Service): a child process whose D-Bus address leads
 * nowhere runs the app in the sandbox. The wizard must refuse to keep the API key (saying what to
 * install and offering "this session only") until the user makes the profiles' session choice;
 * then it works in memory, and no file holds a secret.
 */
describe('setup wizard without a keychain', () => {
  let dir: string | undefined
  afterEach(async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('fails to store the API key with what to install, then works in memory after the session-only choice', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-wizard-nokeychain-'))
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pse-no-bus',
      PSE_WIZARD_POLL_MS: '100',
      PSE_WIZARD_KEYCHAIN_SERVICE: 'pse-wizard-test-nokeychain',
      PSE_LOG_LEVEL: 'error'
    }
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../support/wizard/no-keychain-child.ts'), path.join(dir, 'data')], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code, stderr).toBe(0)
    const out = JSON.parse(stdout)

    expect(out.keychain.mode).toBe('unavailable')
    expect(out.refused).toMatchObject({ status: 'failed', error: { code: 'keychain_unavailable' } })
    expect(out.refused.error.message).toMatch(/gnome-keyring/)
    expect(out.refused.error.message).toMatch(/session only/)
    expect(out.chosen.mode).toBe('session')
    expect(out.account).toMatchObject({ status: 'done', error: null })
    expect(out.passwordStep).toMatchObject({ status: 'done', error: null })
    expect(out.password).toMatchObject({ storedIn: 'session', generated: true })
    expect(out.revealed).toBeGreaterThan(15)
    // The key typed in is kept for this session: the next Account step can offer it.
    expect(out.choices.keychain).toBe(true)
    expect(out.leaked).toEqual([])
  })
})
