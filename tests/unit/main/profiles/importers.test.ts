import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import { ProfileFields, type ExportFormat } from '../../../../src/shared/schemas/profile'
import { hasUnsafeNameCharacters } from '../../../../src/shared/profile-name'
import { createCertificateAuthority } from '../../../../src/main/sandbox/certs'
import { exportProfile } from '../../../../src/main/profiles/exporters'
import { importProfileText } from '../../../../src/main/profiles/importers'
import { importIbm } from '../../../../src/main/profiles/importers/ibm'
import { importRedli } from '../../../../src/main/profiles/importers/redli'
import { parseRedisUrl, toRedisUrl } from '../../../../src/main/profiles/importers/url'
import { validatePemCertificates, pemToBase64 } from '../../../../src/main/profiles/pem'

const fixtures = path.join(__dirname, '../../../fixtures/ibm-cloud')
const readFixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8')

let pems: string[] = []
beforeAll(async () => {
  const cas = await Promise.all([createCertificateAuthority('One'), createCertificateAuthority('Two')])
  pems = cas.map((c) => validatePemCertificates(c.cert))
})

/** Only typed failures: AppFailure with an import (or certificate) code. */
function expectTypedFailure(run: () => unknown): void {
  try {
    run()
  } catch (e) {
    expect(e).toBeInstanceOf(AppFailure)
    expect(['import_invalid', 'import_unrecognized', 'invalid_certificate', 'invalid_private_key']).toContain((e as AppFailure).code)
    expect((e as AppFailure).message.length).toBeGreaterThan(10)
  }
}

const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }).filter((s) => !/\s/.test(s))
const host = fc.oneof(fc.domain(), fc.ipV4())
const fieldsArb = () =>
  fc
    .record({
      name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.length > 0 && !hasUnsafeNameCharacters(s)),
      tags: fc.array(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 4 }),
      host,
      port: fc.integer({ min: 1, max: 65535 }),
      db: fc.integer({ min: 0, max: 255 }),
      username: fc.option(word, { nil: null }),
      tls: fc.record({
        enabled: fc.boolean(),
        caPem: fc.option(
          fc.constantFrom(0, 1).map((i) => pems[i]),
          { nil: null }
        ),
        servername: fc.option(fc.domain(), { nil: null }),
        verifyServerCert: fc.boolean(),
        clientCertPem: fc.option(
          fc.constantFrom(0, 1).map((i) => pems[i]),
          { nil: null }
        )
      }),
      timeouts: fc.record({ connectMs: fc.integer({ min: 100, max: 120_000 }), commandMs: fc.integer({ min: 100, max: 120_000 }) }),
      networkPath: fc.constant({ kind: 'direct' as const }),
      origin: fc.oneof(
        fc.constant({ kind: 'manual' as const }),
        fc.record({
          kind: fc.constant('ibmcloud' as const),
          crn: fc.option(fc.string({ maxLength: 80 }), { nil: null }),
          region: fc.option(fc.constantFrom('jp-tok', 'us-south'), { nil: null }),
          endpointType: fc.constantFrom('public' as const, 'private' as const)
        })
      )
    })
    .map((f) => ProfileFields.parse(f))

const password = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => !/^\$/.test(s))

describe('importers never crash and fail with typed errors', () => {
  const inputs = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.json().map((j) => j),
    fc.string({ maxLength: 200 }).map((s) => `rediss://${s}`),
    fc.string({ maxLength: 200 }).map((s) => `REDIS_CERTFILE=x redli ${s}`),
    fc.anything().map((v) => JSON.stringify({ credentials: { connection: { rediss: v } } }) ?? ''),
    fc.anything().map((v) => JSON.stringify({ connection: { rediss: { hosts: [v], certificate: { certificate_base64: v } } } }) ?? ''),
    fc.anything().map((v) => JSON.stringify({ pseWizardProfile: 1, profile: v }) ?? '')
  )
  it('auto-detect', () => {
    fc.assert(
      fc.property(inputs, (text) => expectTypedFailure(() => importProfileText(text))),
      { numRuns: 400 }
    )
  })
  it.each(['url', 'redli', 'json', 'ibm-service-key', 'ibm-cdb-connections'] as const)('forced format %s', (format) => {
    fc.assert(
      fc.property(inputs, (text) => expectTypedFailure(() => importProfileText(text, format))),
      { numRuns: 200 }
    )
  })
  it('rejects clear nonsense with a typed error', () => {
    expect(() => importProfileText('hello world')).toThrow(expect.objectContaining({ code: 'import_unrecognized' }))
    expect(() => importProfileText('rediss://')).toThrow(expect.objectContaining({ code: 'import_invalid' }))
    expect(() => importProfileText('{"credentials":{}}')).toThrow(expect.objectContaining({ code: 'import_invalid' }))
    expect(() => importProfileText('redli -u "rediss://unterminated')).toThrow(expect.objectContaining({ code: 'import_invalid' }))
    expect(() =>
      importProfileText('{"connection":{"rediss":{"hosts":[{"hostname":"h.example","port":1}],"certificate":{"certificate_base64":"bm90IGEgY2VydA=="}}}}')
    ).toThrow(expect.objectContaining({ code: 'invalid_certificate' }))
  })
})

describe('round trips: import(export(p)) keeps every field the format can carry', () => {
  it('profile JSON keeps every field, SNI included, with and without secrets', () => {
    fc.assert(
      fc.property(fieldsArb(), fc.option(password, { nil: undefined }), (fields, pw) => {
        const exported = exportProfile(fields, 'json', pw ? { password: pw } : undefined)
        const back = importProfileText(exported.text)
        expect(back.format).toBe('json')
        expect(back.fields).toEqual(fields)
        expect(back.secrets.password).toBe(pw)
      }),
      { numRuns: 150 }
    )
  })

  it('URL keeps host, port, db, user, password, TLS, SNI and verification', () => {
    fc.assert(
      fc.property(fieldsArb(), fc.option(password, { nil: undefined }), (fields, pw) => {
        const back = parseRedisUrl(toRedisUrl(fields, pw))
        expect(pick(back.fields, { ca: false })).toEqual(pick(fields, { ca: false }))
        expect(back.secrets.password).toBe(pw)
      }),
      { numRuns: 200 }
    )
  })

  it('redli keeps the connection fields, the CA (REDIS_CERTB64) and SNI', () => {
    fc.assert(
      fc.property(fieldsArb(), fc.option(password, { nil: undefined }), (fields, pw) => {
        const exported = exportProfile(fields, 'redli', pw ? { password: pw } : undefined)
        const back = importProfileText(exported.text)
        expect(back.format).toBe('redli')
        expect(pick(back.fields)).toEqual(pick(fields))
        expect(back.secrets.password).toBe(pw)
        if (!pw) expect(exported.text).toContain('${REDIS_PASSWORD}')
      }),
      { numRuns: 150 }
    )
  })

  it('an IBM service key built from a profile imports back', () => {
    fc.assert(
      fc.property(fieldsArb(), password, (fields, pw) => {
        const key = {
          name: 'key',
          credentials: {
            connection: {
              rediss: {
                hosts: [{ hostname: fields.host, port: fields.port }],
                authentication: { method: 'direct', username: fields.username ?? '', password: pw },
                certificate: { certificate_base64: pemToBase64(pems[0]) },
                database: fields.db
              }
            }
          }
        }
        const back = importProfileText(JSON.stringify(key))
        expect(back.format).toBe('ibm-service-key')
        expect([back.fields.host, back.fields.port, back.fields.db, back.fields.username, back.fields.tls.caPem]).toEqual([
          fields.host.toLowerCase(),
          fields.port,
          fields.db,
          fields.username,
          pems[0]
        ])
        expect(back.secrets.password).toBe(pw)
      }),
      { numRuns: 100 }
    )
  })
})

/** The connection fields a URL/redli line can carry. */
function pick(f: ProfileFields, opts: { ca?: boolean } = {}) {
  const sni = f.tls.enabled && f.tls.servername !== null && f.tls.servername !== f.host ? f.tls.servername : null
  return {
    host: f.host.toLowerCase(),
    port: f.port,
    db: f.db,
    username: f.username,
    tls: f.tls.enabled,
    sni,
    verify: f.tls.enabled ? f.tls.verifyServerCert : true,
    ca: opts.ca === false ? undefined : f.tls.enabled ? f.tls.caPem : null
  }
}

describe('IBM Cloud documents (fixtures)', () => {
  it('imports a private service key: host, port, user, password, CA, CRN, region, endpoint type', () => {
    const r = importProfileText(readFixture('resource_key_redis.json'))
    expect(r.format).toBe('ibm-service-key')
    expect(r.fields.host).toMatch(/\.private\.databases\.appdomain\.cloud$/)
    expect(r.fields.port).toBe(31273)
    expect(r.fields.username).toMatch(/^ibm_cloud_/)
    expect(r.secrets.password).toMatch(/^[0-9a-f]{64}$/)
    expect(r.fields.tls.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/)
    expect(r.fields.origin).toMatchObject({ kind: 'ibmcloud', region: 'jp-tok', endpointType: 'private' })
    expect((r.fields.origin as { crn: string }).crn).toMatch(/^crn:v1:bluemix:public:databases-for-redis:jp-tok:/)
  })

  it('imports cdb deployment-connections in both top-level shapes; $PASSWORD is not a password', () => {
    const doc = JSON.parse(readFixture('cdb_connection_redis.json'))
    for (const shape of [doc, [doc.connection], { 'my-redis': doc.connection }, doc.connection]) {
      const r = importProfileText(JSON.stringify(shape))
      expect(r.format).toBe('ibm-cdb-connections')
      expect(r.fields.port).toBe(30348)
      expect(r.fields.username).toBe('admin')
      expect(r.secrets.password).toBeUndefined()
      expect(r.notes.join(' ')).toMatch(/password/i)
      expect(r.fields.origin).toMatchObject({ kind: 'ibmcloud', endpointType: 'public' })
    }
    expect(importIbm(doc).fields.tls.caPem).toContain('BEGIN CERTIFICATE')
  })

  it("imports IBM's redli command line, noting the named CA file", () => {
    const doc = JSON.parse(readFixture('resource_key_redis.json'))
    const r = importRedli(doc.credentials.connection.cli.composed[0])
    expect(r.fields.tls.enabled).toBe(true)
    expect(r.fields.port).toBe(31273)
    expect(r.secrets.password).toMatch(/^[0-9a-f]{64}$/)
    expect(r.notes.join(' ')).toContain('7a1c2f9e-55aa-11ee-9f3c-5a0e1b2c3d4e')
  })
})

describe('exports leave secrets out unless asked', () => {
  it.each(['redli', 'redis-cli', 'env', 'kubernetes', 'json'] as ExportFormat[])('%s', (format) => {
    fc.assert(
      fc.property(fieldsArb(), fc.stringMatching(/^[A-Za-z0-9]{12,40}$/), (fields, pw) => {
        const without = exportProfile(fields, format)
        expect(without.text).not.toContain(pw)
        expect(without.containsSecrets).toBe(false)
        const withSecret = exportProfile(fields, format, { password: pw })
        expect(withSecret.text).toContain(pw)
        expect(withSecret.containsSecrets).toBe(true)
      }),
      { numRuns: 40 }
    )
  })

  it('kubernetes export is a Secret plus an env snippet with the CA mounted', () => {
    const fields = ProfileFields.parse({ ...importProfileText(readFixture('resource_key_redis.json')).fields, name: 'My Redis (private)' })
    const text = exportProfile(fields, 'kubernetes').text
    expect(text).toContain('kind: Secret')
    expect(text).toContain('name: my-redis-private-redis')
    expect(text).toContain('secretKeyRef')
    expect(text).toContain('ca.crt: |')
  })
})
