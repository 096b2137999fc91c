import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startRedisServer } from '../../../src/main/sandbox/tls-redis'

/** redis-server is an unrelated child: it must not inherit the app's secrets from the environment. */
describe.runIf(process.platform !== 'win32')('the sandbox redis-server environment', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-env-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('holds none of the variables that carry secrets', async () => {
    // A stand-in redis-server that writes down its environment, then says it is ready.
    const dump = path.join(dir, 'env.txt')
    const fake = path.join(dir, 'redis-server')
    fs.writeFileSync(fake, `#!/bin/sh\nenv > '${dump}'\necho 'Ready to accept connections'\nexec sleep 30\n`, { mode: 0o755 })
    const saved = { key: process.env.IBMCLOUD_API_KEY, pw: process.env.REDIS_PASSWORD }
    process.env.IBMCLOUD_API_KEY = 'envLeakCheckApiKey_0123456789'
    process.env.REDIS_PASSWORD = 'envLeakCheckPassword'
    let server
    try {
      server = await startRedisServer({ executable: fake })
    } finally {
      if (saved.key === undefined) delete process.env.IBMCLOUD_API_KEY
      else process.env.IBMCLOUD_API_KEY = saved.key
      if (saved.pw === undefined) delete process.env.REDIS_PASSWORD
      else process.env.REDIS_PASSWORD = saved.pw
    }
    try {
      const environment = fs.readFileSync(dump, 'utf8')
      expect(environment).not.toContain('envLeakCheck')
      expect(environment).toContain('PATH=')
    } finally {
      await server.stop()
    }
  })
})
