import { spawn } from 'node:child_process'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const script = path.join(__dirname, '../../../bin/sandbox-ibmcloud.js')

/** The sandbox ibmcloud sends an API key: only over https, or plain http to this computer. */
describe('sandbox ibmcloud endpoints', () => {
  let server: http.Server
  let port: number
  let requests = 0
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-cli-endpoints-'))
  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      requests++
      res.writeHead(400, { 'Content-Type': 'application/json' })
      res.end('{"errorCode":"BXNIM0415E","errorMessage":"Provided API key could not be found."}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    fs.rmSync(home, { recursive: true, force: true })
  })

  // Asynchronous: the stand-in IAM runs in this process and must be able to answer.
  const login = (endpoint: string) =>
    new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [script, 'login'], {
        env: { PATH: process.env.PATH, IBMCLOUD_HOME: home, IBMCLOUD_API_KEY: 'sandboxTestKey_0123456789abcdefghijklmnopqr', IBMCLOUD_IAM_API_ENDPOINT: endpoint, IBMCLOUD_RESOURCE_CONTROLLER_API_ENDPOINT: endpoint },
        stdio: ['ignore', 'pipe', 'pipe']
      })
      let stdout = ''
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      child.on('close', (status) => {
        clearTimeout(timer)
        resolve({ status, stdout })
      })
    })

  it('refuses plain http to an address that is not loopback by name, before sending anything', async () => {
    // An IPv4-mapped address of this very computer: it would connect, but it is not a loopback name.
    const r = await login(`http://[::ffff:127.0.0.1]:${port}`)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('must be https://')
    expect(requests).toBe(0)
  })

  it('talks plain http to 127.0.0.1', async () => {
    const r = await login(`http://127.0.0.1:${port}`)
    expect(r.stdout).toContain('Unable to authenticate')
    expect(requests).toBe(1)
  })
})
