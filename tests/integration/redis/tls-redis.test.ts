import fs from 'node:fs'
import net from 'node:net'
import tls from 'node:tls'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority, issueServerCert, LOOPBACK_NAMES, type CertificateAuthority } from '../../../src/main/sandbox/certs'
import { startRedisServer, type RunningRedis } from '../../../src/main/sandbox/tls-redis'

let ca: CertificateAuthority
const servers: RunningRedis[] = []

beforeAll(async () => {
  ca = await createCertificateAuthority('Harness CA')
})
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
})

async function start(...args: Parameters<typeof startRedisServer>): Promise<RunningRedis> {
  const server = await startRedisServer(...args)
  servers.push(server)
  return server
}

describe('startRedisServer', () => {
  it('runs a TLS redis-server with ACL users on a loopback port', async () => {
    const server = await start({
      tls: { ...(await issueServerCert(ca, LOOPBACK_NAMES)), ca: ca.cert },
      defaultUser: 'off',
      users: [
        { name: 'app', password: 'app-secret-1' },
        { name: 'reader', password: 'reader-secret-1', rules: '~* &* -@all +@read +ping +info +auth +hello' }
      ]
    })
    expect(server.tls).toBe(true)
    expect(server.host).toBe('127.0.0.1')

    const app = new Redis({
      host: server.host,
      port: server.port,
      username: 'app',
      password: 'app-secret-1',
      tls: { ca: ca.cert, servername: 'localhost' },
      protocol: 2,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null
    })
    try {
      await app.connect()
      expect(await app.set('k', 'v')).toBe('OK')
      expect(await app.get('k')).toBe('v')
    } finally {
      app.disconnect()
    }

    const reader = new Redis({
      host: server.host,
      port: server.port,
      username: 'reader',
      password: 'reader-secret-1',
      tls: { ca: ca.cert, servername: 'localhost' },
      protocol: 2,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null
    })
    try {
      await reader.connect()
      expect(await reader.get('k')).toBe('v')
      await expect(reader.set('k', 'w')).rejects.toThrow(/NOPERM/)
    } finally {
      reader.disconnect()
    }
  })

  it('keeps no plaintext password in its config and refuses plain-text clients on the TLS port', async () => {
    const server = await start({ tls: await issueServerCert(ca, LOOPBACK_NAMES), users: [{ name: 'app', password: 'never-in-a-file' }] })
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(server.port, server.host, () => socket.write('PING\r\n'))
      let data = ''
      socket.on('data', (d) => (data += d.toString('latin1')))
      socket.on('close', () => resolve(data))
      socket.on('error', () => resolve(data))
      setTimeout(() => socket.destroy(), 2000)
    })
    expect(reply).not.toContain('+PONG')
    const socket = tls.connect({ host: server.host, port: server.port, ca: ca.cert, servername: 'localhost' })
    await new Promise((resolve, reject) => socket.once('secureConnect', resolve).once('error', reject))
    expect(socket.authorized).toBe(true)
    socket.destroy()
  })

  it('runs a plain-text server with requirepass, and stop() removes everything', async () => {
    const server = await startRedisServer({ defaultUser: { password: 'pw-plain-1' } })
    const client = new Redis({
      host: server.host,
      port: server.port,
      password: 'pw-plain-1',
      lazyConnect: true,
      protocol: 2,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null
    })
    await client.connect()
    expect(await client.ping()).toBe('PONG')
    const dirs = (await client.config('GET', 'dir')) as string[]
    client.disconnect()
    const dir = dirs[1]
    expect(fs.existsSync(dir)).toBe(true)
    expect((fs.statSync(dir).mode & 0o777).toString(8)).toBe('700')
    expect(fs.readFileSync(`${dir}/redis.conf`, 'utf8')).not.toContain('pw-plain-1')
    await server.stop()
    expect(fs.existsSync(dir)).toBe(false)
    const refused = await new Promise<string>((resolve) =>
      net
        .connect(server.port, server.host)
        .on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? ''))
        .on('connect', () => resolve('connected'))
    )
    expect(refused).toBe('ECONNREFUSED')
  })

  it('names the package when redis-server is missing', async () => {
    await expect(startRedisServer({ executable: '/nonexistent/redis-server' })).rejects.toMatchObject({
      code: 'redis_server_missing',
      message: expect.stringContaining('apt-get install redis-server')
    })
  })
})

describe('startRedisServer cleanup when the parent dies', () => {
  async function runChild(kill: NodeJS.Signals | 'exit') {
    const { spawn } = await import('node:child_process')
    const path = await import('node:path')
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../support/redis/start-and-hang.ts')], { stdio: ['ignore', 'pipe', 'inherit'] })
    const info = await new Promise<{ pid: number; port: number }>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()))))
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    }
    expect(alive(info.pid)).toBe(true)
    child.kill(kill === 'exit' ? 'SIGTERM' : kill)
    await expect.poll(() => alive(info.pid), { timeout: 5000 }).toBe(false)
    const fs = await import('node:fs')
    const os = await import('node:os')
    const leftovers = () =>
      fs
        .readdirSync(os.tmpdir())
        .filter(
          (n) =>
            n.startsWith('pse-redis-') &&
            fs.existsSync(`${os.tmpdir()}/${n}/owner.pid`) &&
            fs.readFileSync(`${os.tmpdir()}/${n}/owner.pid`, 'utf8') === String(child.pid)
        )
    // The next start sweeps folders whose owner died.
    const next = await startRedisServer({})
    await next.stop()
    expect(leftovers()).toEqual([])
  }

  it('redis-server dies with a test process killed by SIGKILL', () => runChild('SIGKILL'))
  it('redis-server dies with a test process ended by SIGTERM', () => runChild('exit'))
})
