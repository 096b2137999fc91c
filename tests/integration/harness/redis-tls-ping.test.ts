import Redis from 'ioredis'
import { describe, expect, it } from 'vitest'
import { useRedisHarness } from '../../support/redis'

const harness = useRedisHarness()

function client(options: { port: number; username?: string; password?: string; ca: string }): Redis {
  return new Redis({
    host: '127.0.0.1',
    port: options.port,
    username: options.username,
    password: options.password,
    tls: { ca: options.ca, servername: 'localhost' },
    // ioredis 6 negotiates RESP3 by default: pin it so the test states what it checks.
    protocol: 2,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 5_000
  })
}

describe('the real Redis harness with ioredis', () => {
  it('answers PING over TLS to an ACL user, with the chain and hostname verified', async () => {
    const h = harness()
    const redis = client({ port: h.tls.port, username: h.users.app.username, password: h.users.app.password, ca: h.ca.cert })
    try {
      await redis.connect()
      expect(await redis.ping()).toBe('PONG')
      expect(await redis.call('ACL', 'WHOAMI')).toBe(h.users.app.username)
    } finally {
      redis.disconnect()
    }
  })

  it('refuses the wrong password', async () => {
    const h = harness()
    const redis = client({ port: h.tls.port, username: h.users.app.username, password: 'not-the-password', ca: h.ca.cert })
    // ioredis reports the AUTH refusal on its error event and then closes the connection.
    const errors: string[] = []
    redis.on('error', (e: Error) => errors.push(e.message))
    try {
      await expect(redis.connect().then(() => redis.ping())).rejects.toThrow()
      expect(errors.join('\n')).toMatch(/WRONGPASS/)
    } finally {
      redis.disconnect()
    }
  })
})
