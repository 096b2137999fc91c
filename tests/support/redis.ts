import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import { createCertificateAuthority, issueServerCert, LOOPBACK_NAMES, type CertificateAuthority } from '../../src/main/sandbox/certs'
import { startRedisServer, type RedisUser, type RunningRedis } from '../../src/main/sandbox/tls-redis'
import { closedPort, startBlackholePort, startSilentServer, type BlackholePort, type LoopbackEndpoint, type SilentServer } from './net'

/**
 * The real-Redis harness for one test file: a TLS redis-server (trusted CA, loopback cert) with
 * ACL users, plus the broken variants every failure code needs. Call useRedisHarness() at the top
 * of a file; everything started is stopped in afterAll, even when beforeAll failed half way.
 */
export interface HarnessUser {
  username: string
  password: string
}

export interface RedisHarness {
  /** The CA that signed every server certificate below. */
  ca: CertificateAuthority
  /** An unrelated CA: trusting it instead of `ca` must fail. */
  otherCa: CertificateAuthority
  /** app: everything; reader: read-only; noping: may log in but run nothing else (acl_denied). */
  users: { app: HarnessUser; reader: HarnessUser; noping: HarnessUser }
  /** TLS, cert for localhost/127.0.0.1/::1, default user off. */
  tls: RunningRedis
  /** TLS, cert only valid for wrong.example. */
  wrongHost: RunningRedis
  /** TLS, cert expired yesterday. */
  expired: RunningRedis
  /** Plain text, same users, default user off. */
  plain: RunningRedis
  /** Nobody listens here. */
  closed: LoopbackEndpoint
  /** Accepts TCP connections and never answers. */
  silent: SilentServer
  /** TCP handshakes never complete (SYNs dropped). */
  blackhole: BlackholePort
}

export const READER_RULES = '~* &* -@all +@read +ping +info +auth +hello -@write'
const DAY = 24 * 3600_000

function secret(label: string): string {
  return `${label}-${randomBytes(9).toString('base64url')}`
}

export async function startRedisHarness(track: (stop: () => Promise<void>) => void): Promise<RedisHarness> {
  const [ca, otherCa] = await Promise.all([createCertificateAuthority('PSE Harness CA'), createCertificateAuthority('Unrelated CA')])
  const users = {
    app: { username: 'app', password: secret('app') },
    reader: { username: 'reader', password: secret('reader') },
    noping: { username: 'noping', password: secret('noping') }
  }
  const acl: RedisUser[] = [
    { name: users.app.username, password: users.app.password },
    { name: users.reader.username, password: users.reader.password, rules: READER_RULES },
    { name: users.noping.username, password: users.noping.password, rules: '~* -@all +hello +auth' }
  ]
  const [good, wrong, old] = await Promise.all([
    issueServerCert(ca, LOOPBACK_NAMES),
    issueServerCert(ca, { dnsNames: ['wrong.example'] }),
    issueServerCert(ca, { ...LOOPBACK_NAMES, notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - DAY) })
  ])
  const started = async (p: Promise<RunningRedis>) => {
    const server = await p
    track(server.stop)
    return server
  }
  const [tls, wrongHost, expired, plain] = await Promise.all([
    started(startRedisServer({ tls: { ...good, ca: ca.cert }, users: acl, defaultUser: 'off' })),
    started(startRedisServer({ tls: wrong, users: acl, defaultUser: 'off' })),
    started(startRedisServer({ tls: old, users: acl, defaultUser: 'off' })),
    started(startRedisServer({ users: acl, defaultUser: 'off' }))
  ])
  const silent = await startSilentServer()
  track(silent.close)
  const blackhole = await startBlackholePort()
  track(blackhole.close)
  return { ca, otherCa, users, tls, wrongHost, expired, plain, closed: await closedPort(), silent, blackhole }
}

/** Registers beforeAll/afterAll for the calling test file; the getter throws until ready. */
export function useRedisHarness(): () => RedisHarness {
  let harness: RedisHarness | undefined
  const stops: Array<() => Promise<void>> = []
  beforeAll(async () => {
    harness = await startRedisHarness((stop) => stops.push(stop))
  })
  afterAll(async () => {
    await Promise.allSettled(stops.map((stop) => stop()))
  })
  return () => {
    if (!harness) throw new Error('The Redis harness is not running (did beforeAll fail?)')
    return harness
  }
}
