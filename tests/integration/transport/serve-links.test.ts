import fs from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli/main'

/** `pse-wizard serve` itself: its printed link works once, and it prints a new one on request. */
function get(url: string): Promise<{ status: number; cookie?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { timeout: 5_000 }, (res) => {
        res.resume()
        resolve({ status: res.statusCode!, ...(res.headers['set-cookie'] ? { cookie: res.headers['set-cookie'][0] } : {}) })
      })
      .on('error', reject)
  })
}

describe('pse-wizard serve links', () => {
  let home: string
  let out = ''
  let exited: Promise<number>
  const stop = new AbortController()
  const nextLine = async (after: number): Promise<string> => {
    for (let i = 0; i < 200; i++) {
      const lines = out.split('\n').filter(Boolean)
      if (lines.length > after) return lines[after]
      await new Promise((r) => setTimeout(r, 25))
    }
    throw new Error(`serve printed no line ${after}: ${out}`)
  }

  beforeAll(async () => {
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-serve-'))
    const renderer = path.join(home, 'renderer')
    await fs.mkdir(renderer)
    await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>shell</title>')
    const env = { ...process.env, PSE_WIZARD_HOME: path.join(home, 'data'), PSE_RENDERER_DIR: renderer }
    exited = runCli(['serve', '--json'], { stdout: (t) => (out += t), stderr: () => undefined, env, signal: stop.signal })
  })
  afterAll(async () => {
    stop.abort()
    await exited
    await fs.rm(home, { recursive: true, force: true })
  })

  it('refuses the printed link the second time, and prints a new one-time link on SIGUSR1', async () => {
    const ready = JSON.parse(await nextLine(0)) as { url: string; port: number }
    const first = await get(ready.url)
    expect(first.status).toBe(303)
    expect(first.cookie).toContain('HttpOnly')
    expect((await get(ready.url)).status).toBe(401)

    process.emit('SIGUSR1')
    const fresh = JSON.parse(await nextLine(1)) as { url: string }
    expect(fresh.url).not.toBe(ready.url)
    expect(fresh.url.startsWith(`http://127.0.0.1:${ready.port}/?token=`)).toBe(true)
    expect((await get(fresh.url)).status).toBe(303)
    expect((await get(fresh.url)).status).toBe(401)
  })

  it('stops listening for link requests when it stops', async () => {
    stop.abort()
    expect(await exited).toBe(0)
    expect(process.listenerCount('SIGUSR1')).toBe(0)
  })
})
