import fs from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'
import { createCore, startBrowserMode, type Core, type HttpTransport } from '../../../src/main/core'

/**
 * The command line runs through the contract: a value the schema refuses is refused in the CLI
 * with the very code and message browser mode answers over HTTP (one dispatch() for both).
 */
describe('the CLI and browser mode refuse an invalid value alike', () => {
  let home: string
  let core: Core
  let server: HttpTransport

  beforeAll(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-cli-contract-'))
    const renderer = path.join(home, 'renderer')
    await fs.mkdir(renderer)
    await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>shell</title>')
    core = await createCore({ dataDir: path.join(home, 'data'), transport: 'browser', sandbox: false, env: { PATH: process.env.PATH ?? '', HOME: home } })
    server = await startBrowserMode(core, { rendererDir: renderer })
  })
  afterAll(async () => {
    await server?.close()
    await core?.close()
    await fs.rm(home, { recursive: true, force: true })
  })

  function overHttp(name: string, input: unknown): Promise<{ status: number; body: { ok: boolean; error: { code: string; message: string; params?: Record<string, string | number | boolean> } } }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `/api/call/${name}`,
          headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
          timeout: 10_000
        },
        (res) => {
          let text = ''
          res.on('data', (d: Buffer) => (text += d.toString()))
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }))
        }
      )
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', reject)
      req.end(JSON.stringify(input))
    })
  }

  async function cli(...argv: string[]) {
    let stdout = ''
    let stderr = ''
    const code = await runCli(argv, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { PATH: process.env.PATH ?? '', HOME: home, PSE_WIZARD_HOME: path.join(home, 'data') },
      signal: new AbortController().signal
    })
    return { code, stdout, stderr }
  }

  it('a profile name longer than profiles.find takes', async () => {
    const name = 'x'.repeat(401)
    const http = await overHttp('profiles.find', { nameOrId: name })
    expect(http.status).toBe(400)
    expect(http.body.error.code).toBe('invalid_input')
    expect(http.body.error.message).toContain('profiles.find')

    const json = await cli('profiles', 'show', name, '--json')
    expect(json.code).toBe(1)
    expect(http.body.error.params).toEqual({ say: 'errors.requestInvalid', call: 'profiles.find' })
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, code: http.body.error.code, message: http.body.error.message, params: http.body.error.params })

    const human = await cli('profiles', 'show', name)
    expect(human.code).toBe(1)
    expect(human.stderr).toBe(`pse-wizard profiles: ${http.body.error.message} (${http.body.error.code})\n`)
  })

  it('a URL longer than profiles.import takes, for test --url', async () => {
    const url = `rediss://127.0.0.1:6379/0?pad=${'a'.repeat(256 * 1024)}`
    const http = await overHttp('profiles.import', { text: url, format: 'url' })
    expect(http.status).toBe(400)
    expect(http.body.error.code).toBe('invalid_input')

    const json = await cli('test', '--url', url, '--json')
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, code: http.body.error.code, message: http.body.error.message })
  })
})
