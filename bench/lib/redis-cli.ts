import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

/** The work both redis-cli and the probe do: AUTH (on connect), PING, SET/GET/DEL, INFO. */
export const REDIS_CLI_SCRIPT = ['PING', 'SET pse:bench:cli ok PX 10000', 'GET pse:bench:cli', 'DEL pse:bench:cli', 'INFO'].join('\n') + '\n'

export interface RedisCliRun {
  wallMs: number
  exitCode: number | null
  /** The lines redis-cli printed (INFO included), to check it really did the work. */
  output: string
}

/**
 * Runs Debian's `redis-cli --tls` once: it connects, authenticates, then sends the commands read
 * from stdin one by one (one round trip each). The password goes through REDISCLI_AUTH, never argv.
 */
export function runRedisCli(options: { host: string; port: number; caFile: string; username: string; password: string }): Promise<RedisCliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(
      'redis-cli',
      ['--tls', '--cacert', options.caFile, '-h', options.host, '-p', String(options.port), '--user', options.username, '--no-auth-warning'],
      { env: { ...process.env, REDISCLI_AUTH: options.password }, stdio: ['pipe', 'pipe', 'pipe'] }
    )
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.once('error', reject)
    child.once('close', (exitCode) => resolve({ wallMs: performance.now() - started, exitCode, output }))
    child.stdin.end(REDIS_CLI_SCRIPT)
  })
}
