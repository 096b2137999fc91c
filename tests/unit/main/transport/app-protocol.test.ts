import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerAppRequest } from '../../../../src/main/transport/app-protocol'

let dir: string
let renderer: string

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-app-proto-'))
  renderer = path.join(dir, 'renderer')
  await fs.mkdir(path.join(renderer, 'assets'), { recursive: true })
  await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>shell</title>')
  await fs.writeFile(path.join(renderer, 'assets', 'index-1.js'), 'console.log(1)')
  await fs.writeFile(path.join(dir, 'secret.txt'), 'outside the renderer folder')
  await fs.writeFile(path.join(dir, 'renderer-evil.txt'), 'a sibling folder with the same prefix')
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

const text = (body: Uint8Array | string) => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8'))

describe('app://pse-wizard serves only the built renderer', () => {
  it('serves index.html and assets with their types and the CSP', async () => {
    const index = await answerAppRequest(renderer, 'app://pse-wizard/index.html')
    expect(index.status).toBe(200)
    expect(index.headers['Content-Type']).toContain('text/html')
    expect(index.headers['Content-Security-Policy']).toContain("script-src 'self'")
    expect(index.headers['Content-Security-Policy']).toContain("frame-ancestors 'none'")
    expect(text(index.body)).toContain('<title>shell</title>')
    const script = await answerAppRequest(renderer, 'app://pse-wizard/assets/index-1.js?v=1#x')
    expect(script.status).toBe(200)
    expect(script.headers['Content-Type']).toContain('text/javascript')
    expect((await answerAppRequest(renderer, 'app://pse-wizard/')).status).toBe(200)
  })

  it('refuses paths that leave the folder, encoded or not', async () => {
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
      '/%',
      '/../renderer-evil.txt',
      '/%2e%2e/renderer-evil.txt'
    ]) {
      const answer = await answerAppRequest(renderer, `app://pse-wizard${p}`)
      expect(answer.status, p).toBe(404)
      expect(text(answer.body)).not.toContain('outside')
      expect(text(answer.body)).not.toContain('sibling')
    }
    expect((await answerAppRequest(renderer, 'app://pse-wizard/assets')).status).toBe(404)
    expect((await answerAppRequest(renderer, 'app://pse-wizard/missing.js')).status).toBe(404)
  })

  it('answers only our scheme and host', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://pse-wizard.evil/index.html',
      'app://x@pse-wizard/index.html',
      'http://pse-wizard/index.html',
      'file:///index.html',
      'nonsense'
    ]) {
      expect((await answerAppRequest(renderer, url)).status, url).toBe(404)
    }
  })
})
