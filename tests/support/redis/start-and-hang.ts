// Child process: starts a redis-server, prints its pid and temp dir, then waits to be killed.
import { startRedisServer } from '../../../src/main/sandbox/tls-redis'

startRedisServer({}).then((server) => {
  process.stdout.write(JSON.stringify({ pid: server.pid, port: server.port }) + '\n')
  setInterval(() => undefined, 60_000)
})
