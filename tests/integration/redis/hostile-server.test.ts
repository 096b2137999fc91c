import net from 'node:net'
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { redact } from '../../../src/main/logging/redact'
import { probe, type ProbeTarget } from '../../../src/main/redis/probe'
import { RespDecoder, type RespValue } from '../../../src/main/redis/resp'
import { ProbeNote } from '../../../src/shared/schemas/probe-notes'

/**
 * A hostile server on 127.0.0.1 that speaks just enough RESP: it answers HELLO with an error
 * line of several MiB shaped to make a backtracking pattern work hard (many `://`, no @), and
 * every other command like Redis would. The probe must come back inside the test's timeout
 * while the event loop keeps ticking, and the result must quote a bounded part of the error.
 */
const MiB = 1024 * 1024
const servers: net.Server[] = []

afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve))
})

async function hostileServer(helloError: string): Promise<number> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined)
    const decoder = new RespDecoder()
    const store = new Map<string, string>()
    socket.on('data', (chunk: Buffer) => {
      decoder.push(chunk)
      for (let r = decoder.next(); r; r = decoder.next()) socket.write(answer(r.value, helloError, store))
    })
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve))
  return (server.address() as net.AddressInfo).port
}

function answer(command: RespValue, helloError: string, store: Map<string, string>): string {
  const [name, ...args] = (command as string[]).map(String)
  switch (name.toUpperCase()) {
    case 'HELLO':
      return `-${helloError}\r\n`
    case 'AUTH':
    case 'SELECT':
      return '+OK\r\n'
    case 'PING':
      return '+PONG\r\n'
    case 'SET':
      store.set(args[0], args[1])
      return '+OK\r\n'
    case 'GET': {
      const v = store.get(args[0])
      return v === undefined ? '$-1\r\n' : `$${Buffer.byteLength(v)}\r\n${v}\r\n`
    }
    case 'DEL':
      return `:${store.delete(args[0]) ? 1 : 0}\r\n`
    case 'INFO': {
      const text = 'redis_version:7.2.0\r\nredis_mode:standalone\r\nrole:master\r\n'
      return `$${text.length}\r\n${text}\r\n`
    }
    default:
      return `-ERR unknown command '${name}'\r\n`
  }
}

const target = (port: number): ProbeTarget => ({
  host: '127.0.0.1',
  port,
  db: 0,
  username: 'app',
  password: 'hostile-test-password',
  tls: { enabled: false, caPem: null, servername: null, verifyServerCert: true },
  timeouts: { connectMs: 5000, commandMs: 20_000 }
})

/** Runs `work` while a 10 ms interval counts ticks; returns its value and the longest gap between ticks. */
async function whileTicking<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number; longestGapMs: number }> {
  let ticks = 0
  let last = performance.now()
  let longestGapMs = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longestGapMs = Math.max(longestGapMs, now - last)
    last = now
    ticks++
  }, 10)
  try {
    const value = await work()
    longestGapMs = Math.max(longestGapMs, performance.now() - last)
    return { value, ticks, longestGapMs }
  } finally {
    clearInterval(timer)
  }
}

describe('a hostile server answering HELLO with megabytes of error text', () => {
  it('the probe comes back, the event loop keeps ticking, and the result quotes a bounded part', async () => {
    const port = await hostileServer(`ERR unknown command 'HELLO' ${'a://:'.repeat((6 * MiB) / 5)}`)
    const { value: result, ticks, longestGapMs } = await whileTicking(() => probe(target(port), { pingSamples: 1 }))
    expect(result.ok).toBe(true)
    expect(result.server?.protocol).toBe(2)
    const auth = result.phases.find((p) => p.name === 'auth')
    expect(auth?.detail).toMatch(/HELLO refused: ERR unknown command 'HELLO'/)
    for (const phase of result.phases) expect(phase.detail.length).toBeLessThan(5000)
    expect(ticks).toBeGreaterThan(0)
    // Generous: a frozen thread (the old redaction of this text) stalls for minutes.
    expect(longestGapMs).toBeLessThan(2000)
  }, 30_000)

  it('an auth failure with megabytes of text: the failure detail is cut, and redacting it is quick', async () => {
    const port = await hostileServer(`WRONGPASS invalid username-password pair ${'x rediss://u:'.repeat((6 * MiB) / 13)}`)
    const { value: result, longestGapMs } = await whileTicking(() => probe(target(port), { pingSamples: 1 }))
    expect(result.code).toBe('auth_failed')
    const failed = result.phases.find((p) => p.name === 'auth')!
    expect(failed.ok).toBe(false)
    expect(failed.detail).toMatch(/^Authentication failed: WRONGPASS invalid username-password pair/)
    expect(failed.detail).toMatch(/ … \[\d+ characters cut\]$/)
    expect(failed.detail.length).toBeLessThan(5000)
    // The same as data: the server's words quoted, bounded, within the schema's limits.
    expect(failed.notes).toHaveLength(1)
    expect(failed.notes![0].code).toBe('auth.failed')
    const reply = String(failed.notes![0].params.reply)
    expect(reply).toMatch(/^WRONGPASS invalid username-password pair/)
    expect(reply.length).toBeLessThan(500)
    expect(ProbeNote.array().parse(failed.notes)).toEqual(failed.notes)
    expect(JSON.stringify(result).length).toBeLessThan(64 * 1024)
    expect(redact(JSON.stringify(result))).toContain('auth_failed')
    expect(longestGapMs).toBeLessThan(2000)
  }, 30_000)
})
