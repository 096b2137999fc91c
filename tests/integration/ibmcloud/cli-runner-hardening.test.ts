import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { IbmcloudCli } from '../../../src/main/ibmcloud/cli-runner'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { failureOf } from '../../support/ibmcloud/support'

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (check()) return true
    await new Promise((r) => setTimeout(r, 25))
  }
  return check()
}

/**
 * A stand-in `ibmcloud` that starts a helper process (as the real CLI starts each plugin), writes
 * the helper's pid, then hangs.
 */
const HANGING_CLI = `
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const helper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
fs.writeFileSync(process.env.PSE_TEST_PIDFILE_DIR + '/helper.pid', String(helper.pid))
setTimeout(() => {}, 60000)
`

describe('ibmcloud CLI runner: nothing left behind, nothing readable by others', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-cli-hardening-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  for (const how of ['timeout', 'cancel'] as const) {
    it(`a ${how} also stops the processes the CLI started`, async () => {
      const bin = path.join(dir, 'ibmcloud.js')
      fs.writeFileSync(bin, HANGING_CLI)
      const cli = new IbmcloudCli({ env: { PATH: process.env.PATH ?? '', PSE_IBMCLOUD_BIN: bin }, dataDir: dir, timeoutMs: how === 'timeout' ? 1_500 : 30_000 })
      const pidFile = path.join(dir, 'helper.pid')
      const ac = new AbortController()
      const run = cli.run(['cdb', 'deployments'], { signal: ac.signal, extraEnv: { PSE_TEST_PIDFILE_DIR: dir } })
      expect(await waitFor(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8') !== '', 10_000)).toBe(true)
      const helper = Number(fs.readFileSync(pidFile, 'utf8'))
      expect(alive(helper)).toBe(true)
      if (how === 'cancel') ac.abort()
      expect((await failureOf(run)).code).toBe(how === 'timeout' ? 'ibmcloud_cli_timeout' : 'cancelled')
      try {
        expect(await waitFor(() => !alive(helper), 5_000)).toBe(true)
      } finally {
        if (alive(helper)) process.kill(helper, 'SIGKILL')
      }
    })
  }

  describe('the isolated IBMCLOUD_HOME (it holds the CLI session tokens)', () => {
    let sandbox: Sandbox
    beforeAll(async () => {
      sandbox = await startSandbox({ backend: 'fake' })
    })
    afterAll(() => sandbox.close())

    it('is 0700 after login even when it existed with looser permissions', async () => {
      const home = path.join(dir, 'ibmcloud-home')
      fs.mkdirSync(home, { mode: 0o755 })
      fs.chmodSync(home, 0o755)
      const cli = new IbmcloudCli({ env: { PATH: process.env.PATH ?? '', HOME: dir, ...sandbox.env }, dataDir: dir, apiKey: async () => sandbox.env.IBMCLOUD_API_KEY, timeoutMs: 20_000 })
      await cli.ensureSession()
      expect(fs.statSync(home).mode & 0o777).toBe(0o700)
    })
  })
})
