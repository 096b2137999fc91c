import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseGen2Credentials, roleOf } from '../../../../src/main/ibmcloud/gen2-keys'

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../fixtures/ibm-cloud/gen2_resource_key_redis.json'), 'utf8')) as {
  credentials: Record<string, unknown> & { connection: Record<string, Record<string, unknown>> }
}
const HOST = '07d523b1-6eea-4263-bd03-c17edf355e0b.private.uhp.redis.eu-de.dataservices.appdomain.cloud'

describe('parseGen2Credentials: a Gen 2 key’s Redis user, in either layout', () => {
  it('reads the sample: connection.rediss.authentication, its host and port, database 0, IBM’s redis-cli line', () => {
    expect(parseGen2Credentials(fixture.credentials)).toEqual({
      username: 'ibmcloud_692fd265b48b4904a5dfdbe1dd218cb3',
      password: 'Xq7mVb2pLr9TnK4sWd8YhF3cJz6GaE1u',
      hostname: HOST,
      port: 6379,
      database: 0,
      cli: expect.stringContaining(`--tls --sni ${HOST}`)
    })
  })

  it('the connection under `redis` instead of `rediss` (UNVERIFIED which one IBM uses)', () => {
    const { rediss, cli } = fixture.credentials.connection
    const got = parseGen2Credentials({ connection: { redis: { ...rediss, scheme: 'redis' }, cli } })
    expect(got).toMatchObject({ username: 'ibmcloud_692fd265b48b4904a5dfdbe1dd218cb3', hostname: HOST, port: 6379 })
  })

  it('falls back to top-level username / password (the PG Gen 2 shape), with or without a connection', () => {
    expect(parseGen2Credentials({ username: 'ibmcloud_1', password: 'p1' })).toEqual({ username: 'ibmcloud_1', password: 'p1', database: 0 })
    const { rediss } = fixture.credentials.connection
    const noAuth = { ...rediss, authentication: { method: 'direct' } }
    expect(parseGen2Credentials({ username: 'ibmcloud_2', password: 'p2', connection: { rediss: noAuth } })).toMatchObject({
      username: 'ibmcloud_2',
      password: 'p2',
      hostname: HOST,
      port: 6379
    })
  })

  it('the connection’s authentication wins over the top level', () => {
    expect(parseGen2Credentials({ ...fixture.credentials, username: 'other', password: 'other' })?.username).toBe('ibmcloud_692fd265b48b4904a5dfdbe1dd218cb3')
  })

  it('nothing to read: redacted, empty, absent, placeholders, wrong types', () => {
    for (const raw of [
      { REDACTED: 'REDACTED' },
      {},
      undefined,
      null,
      'REDACTED',
      [],
      { username: 'u' },
      { username: '$USERNAME', password: '$PASSWORD' },
      { username: 1, password: 2 }
    ])
      expect(parseGen2Credentials(raw), JSON.stringify(raw)).toBeUndefined()
    const placeholder = {
      connection: { rediss: { ...fixture.credentials.connection.rediss, authentication: { username: '$USERNAME', password: '$PASSWORD' } } }
    }
    expect(parseGen2Credentials(placeholder)).toBeUndefined()
  })

  it('the database from `path` when `database` is absent', () => {
    const { rediss } = fixture.credentials.connection
    const { database: _d, ...rest } = rediss
    expect(parseGen2Credentials({ connection: { rediss: { ...rest, path: '/3' } } })?.database).toBe(3)
  })

  it('property: any body never throws; whatever it returns has a non-empty user and password taken from the body', () => {
    const json = fc.jsonValue({ maxDepth: 4 })
    fc.assert(
      fc.property(
        fc.oneof(json, fc.record({ username: json, password: json, connection: fc.oneof(json, fc.record({ rediss: json, redis: json, cli: json })) })),
        (raw) => {
          const got = parseGen2Credentials(raw)
          if (got === undefined) return
          expect(got.username.length).toBeGreaterThan(0)
          expect(got.password.length).toBeGreaterThan(0)
          expect(JSON.stringify(raw)).toContain(JSON.stringify(got.password))
        }
      ),
      { numRuns: 500 }
    )
  })

  it('property: a well-formed key in either layout gives back exactly its user, password, host and port', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_]{1,40}$/)
    fc.assert(
      fc.property(
        word,
        word,
        fc.domain(),
        fc.integer({ min: 1, max: 65535 }),
        fc.constantFrom('rediss', 'redis'),
        fc.boolean(),
        (user, pass, host, port, scheme, nested) => {
          const uri = {
            hosts: [{ hostname: host, port }],
            database: 0,
            ...(nested ? { authentication: { method: 'direct', username: user, password: pass } } : {})
          }
          const body = nested ? { connection: { [scheme]: uri } } : { username: user, password: pass, connection: { [scheme]: uri } }
          expect(parseGen2Credentials(body)).toEqual({ username: user, password: pass, hostname: host, port, database: 0 })
        }
      ),
      { numRuns: 300 }
    )
  })

  it('roleOf: a role CRN or a bare name; anything else is no role', () => {
    expect(roleOf('crn:v1:bluemix:public:iam::::serviceRole:Manager')).toBe('Manager')
    expect(roleOf('crn:v1:bluemix:public:iam::::serviceRole:Writer')).toBe('Writer')
    expect(roleOf('Writer')).toBe('Writer')
    expect(roleOf('crn:v1:bluemix:public:iam::::serviceRole:Reader')).toBeNull()
    expect(roleOf(undefined)).toBeNull()
  })
})
