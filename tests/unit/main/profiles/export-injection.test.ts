import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import dotenv from 'dotenv'
import fc from 'fast-check'
import * as jsYaml from 'js-yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import * as yaml from 'yaml'
import { exportProfile } from '../../../../src/main/profiles/exporters'
import { toRedisUrl } from '../../../../src/main/profiles/importers/url'
import { pemToBase64, validatePemCertificates } from '../../../../src/main/profiles/pem'
import { createCertificateAuthority } from '../../../../src/main/sandbox/certs'
import { defaultProfileFields, type ProfileFields } from '../../../../src/shared/schemas/profile'

/**
 * Every export format, for any name and any password, reads back with that format's real parser
 * (dotenv, js-yaml and yaml, /bin/sh, JSON.parse) to exactly the keys and values intended.
 */
let pem = ''
beforeAll(async () => {
  pem = validatePemCertificates((await createCertificateAuthority('Export CA')).cert)
})

const nasty = fc.constantFrom(
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  '\u001b[2J',
  '\u001b]0;x\u0007',
  '\u202e',
  '\u2066',
  '\ufeff',
  "'",
  '"',
  '`',
  '#',
  '\\',
  '\\n',
  '\\r',
  '$',
  '${X}',
  '$(id)',
  ' ',
  '=',
  ': ',
  '---',
  'NODE_TLS_REJECT_UNAUTHORIZED=0',
  'kind: Pod',
  '\u0000'
)
const piece = fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 6 }))
const anyText = (minLength = 0) =>
  fc
    .array(piece, { maxLength: 10 })
    .map((p) => p.join(''))
    .filter((s) => s.length >= minLength && s.length <= 4096)
const noNul = (s: string) => !s.includes('\u0000')
const username = anyText(1).filter((s) => !/\s/.test(s) && s.length <= 256)

const fieldsArb = (opts: { nul: boolean }) =>
  fc
    .record({
      name: anyText(1),
      username: fc.option(opts.nul ? username : username.filter(noNul), { nil: null }),
      host: fc.oneof(fc.domain(), fc.ipV4(), fc.constant('::1')),
      port: fc.integer({ min: 1, max: 65535 }),
      db: fc.integer({ min: 0, max: 255 }),
      tls: fc.boolean(),
      ca: fc.boolean(),
      servername: fc.option(fc.domain(), { nil: null }),
      verify: fc.boolean()
    })
    .map((r): ProfileFields =>
      defaultProfileFields({
        name: r.name,
        host: r.host,
        port: r.port,
        db: r.db,
        username: r.username,
        tls: { enabled: r.tls, caPem: r.ca ? pem : null, servername: r.servername, verifyServerCert: r.verify, clientCertPem: null }
      })
    )
const passwordArb = (opts: { nul: boolean }) => fc.option(opts.nul ? anyText(1) : anyText(1).filter(noNul), { nil: null })

const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

describe('.env export: dotenv reads back exactly the intended keys and values', () => {
  function intended(fields: ProfileFields, password: string | null): Record<string, string> {
    const out: Record<string, string> = {
      REDIS_HOST: fields.host,
      REDIS_PORT: String(fields.port),
      REDIS_DB: String(fields.db),
      REDIS_USERNAME: fields.username ?? '',
      REDIS_PASSWORD: password ?? '',
      REDIS_TLS: String(fields.tls.enabled)
    }
    if (fields.tls.enabled) {
      out.REDIS_TLS_SERVERNAME = fields.tls.servername ?? fields.host
      out.REDIS_TLS_VERIFY = String(fields.tls.verifyServerCert)
      if (fields.tls.caPem) out.REDIS_CA_CERT_BASE64 = pemToBase64(fields.tls.caPem)
    }
    out.REDIS_URL = toRedisUrl(fields, password)
    return out
  }
  /** A value dotenv cannot hold comes as KEY_BASE64 (said in a comment); decoded here. */
  function decoded(parsed: Record<string, string>): Record<string, string> {
    const out = { ...parsed }
    for (const key of Object.keys(parsed)) {
      if (!key.endsWith('_BASE64') || key === 'REDIS_CA_CERT_BASE64') continue
      const plain = key.slice(0, -'_BASE64'.length)
      expect(parsed[plain]).toBeUndefined()
      out[plain] = Buffer.from(parsed[key], 'base64').toString('utf8')
      delete out[key]
    }
    return out
  }

  it.each([false, true])('for any name, user name and password (fast parser: %s)', (fast) => {
    fc.assert(
      fc.property(fieldsArb({ nul: true }), passwordArb({ nul: true }), (fields, pw) => {
        const { text } = exportProfile(fields, 'env', pw ? { password: pw } : undefined)
        expect(decoded(dotenv.parse(text, { fast }))).toStrictEqual(intended(fields, pw))
      }),
      { numRuns: 400 }
    )
  })

  it('the counterexamples of issue 11 stay comments and values', () => {
    const fields = defaultProfileFields({ name: 'prod\u2028NODE_TLS_REJECT_UNAUTHORIZED=0', host: 'h.example' })
    const pw = "x'\nNODE_TLS_REJECT_UNAUTHORIZED=0\n'"
    const parsed = dotenv.parse(exportProfile(fields, 'env', { password: pw }).text)
    expect(parsed.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined()
    expect(parsed.REDIS_PASSWORD).toBe(pw)
  })

  it('ordinary passwords with quotes and symbols stay in REDIS_PASSWORD', () => {
    for (const pw of [`a'b"c\`d`, 'p@ss w#rd', 'end\\', "it's", 'multi\nline', 'tab\there']) {
      const parsed = dotenv.parse(exportProfile(defaultProfileFields({ name: 'n', host: 'h.example' }), 'env', { password: pw }).text)
      expect(parsed.REDIS_PASSWORD).toBe(pw)
    }
  })
})

describe('.env export: a value dotenv cannot hold at all', () => {
  it('goes as KEY_BASE64, said in a comment, and REDIS_URL still carries it', () => {
    const pw = 'a#b\\'
    const text = exportProfile(defaultProfileFields({ name: 'n', host: 'h.example' }), 'env', { password: pw }).text
    const parsed = dotenv.parse(text)
    expect(parsed.REDIS_PASSWORD).toBeUndefined()
    expect(Buffer.from(parsed.REDIS_PASSWORD_BASE64, 'base64').toString('utf8')).toBe(pw)
    expect(text).toMatch(/^# REDIS_PASSWORD has characters a \.env file cannot hold exactly/m)
    expect(decodeURIComponent(new URL(parsed.REDIS_URL).password)).toBe(pw)
  })
  it('a lone surrogate (not UTF-8) is refused, not replaced', () => {
    const fields = defaultProfileFields({ name: 'n', host: 'h.example' })
    for (const format of ['env', 'kubernetes', 'redli', 'redis-cli'] as const) {
      expect(() => exportProfile(fields, format, { password: 'a\ud800' })).toThrow(expect.objectContaining({ code: 'export_unrepresentable' }))
      expect(() => exportProfile({ ...fields, username: 'u\udc00' }, format)).toThrow(expect.objectContaining({ code: 'export_unrepresentable' }))
    }
  })
})

describe('redli / redis-cli lines: /bin/sh runs them with exactly the intended argv and environment', () => {
  /** Stand-ins on PATH that print their argv and the variable the real tool reads, NUL-separated. */
  function standIns(dir: string): string {
    const bin = path.join(dir, 'bin')
    fs.mkdirSync(bin)
    const tools = { redli: 'REDIS_CERTB64', 'redis-cli': 'REDISCLI_AUTH' }
    for (const [tool, variable] of Object.entries(tools))
      fs.writeFileSync(path.join(bin, tool), `#!/bin/sh\nprintf '%s\\0' ${tool} "\${${variable}-<unset>}" "$@"\n`, { mode: 0o755 })
    return `unset REDIS_CERTB64 REDISCLI_AUTH\nPATH='${bin}':"$PATH"\nREDIS_PASSWORD='from-the-environment'\n`
  }
  function expectedRedli(fields: ProfileFields, pw: string | null): string[] {
    const url = pw ? toRedisUrl(fields, pw) : toRedisUrl(fields, null, 'from-the-environment')
    const env = fields.tls.enabled && fields.tls.caPem ? pemToBase64(fields.tls.caPem) : '<unset>'
    return ['redli', env, '-u', url, ...(fields.tls.enabled && !fields.tls.verifyServerCert ? ['--skipverify'] : [])]
  }
  function expectedRedisCli(fields: ProfileFields, pw: string | null): string[] {
    const args = ['-h', fields.host, '-p', String(fields.port), '-n', String(fields.db)]
    if (fields.username !== null) args.push('--user', fields.username)
    if (fields.tls.enabled) {
      args.push('--tls')
      if (fields.tls.servername) args.push('--sni', fields.tls.servername)
      if (fields.tls.caPem) args.push('--cacert', 'redis-ca.pem')
      if (!fields.tls.verifyServerCert) args.push('--insecure')
    }
    return ['redis-cli', pw ?? 'from-the-environment', ...args]
  }

  it('for any name, user name and password (one sh process for all cases)', () => {
    const cases = fc.sample(fc.tuple(fieldsArb({ nul: false }), passwordArb({ nul: false })), 300)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-export-sh-'))
    try {
      let script = standIns(dir)
      const expected: string[][] = []
      cases.forEach(([fields, pw], i) => {
        for (const format of ['redli', 'redis-cli'] as const) {
          const { text } = exportProfile(fields, format, pw ? { password: pw } : undefined)
          script += `printf 'case-${i}-${format}\\0'\n${text}`
          expected.push([`case-${i}-${format}`, ...(format === 'redli' ? expectedRedli(fields, pw) : expectedRedisCli(fields, pw))])
        }
      })
      const run = spawnSync('/bin/sh', ['-s'], { input: script, cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      expect(run.stdout.split('\0').slice(0, -1)).toStrictEqual(expected.flat())
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a password a shell cannot pass (NUL) instead of cutting it', () => {
    const fields = defaultProfileFields({ name: 'n', host: 'h.example' })
    for (const format of ['redli', 'redis-cli'] as const)
      expect(() => exportProfile(fields, format, { password: 'a\u0000b' })).toThrow(expect.objectContaining({ code: 'export_unrepresentable' }))
  })
})

describe('Kubernetes export: one Secret document both YAML parsers read exactly', () => {
  const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
  function intended(fields: ProfileFields, pw: string | null): Record<string, string> {
    const out: Record<string, string> = {
      REDIS_HOST: fields.host,
      REDIS_PORT: String(fields.port),
      REDIS_DB: String(fields.db),
      REDIS_USERNAME: fields.username ?? '',
      REDIS_PASSWORD: pw ?? '',
      REDIS_TLS: String(fields.tls.enabled),
      REDIS_TLS_SERVERNAME: fields.tls.servername ?? fields.host
    }
    if (fields.tls.caPem) out['ca.crt'] = fields.tls.caPem.trim() + '\n'
    return out
  }
  it('for any name, user name and password', () => {
    fc.assert(
      fc.property(fieldsArb({ nul: true }), passwordArb({ nul: true }), (fields, pw) => {
        const { text } = exportProfile(fields, 'kubernetes', pw ? { password: pw } : undefined)
        const fromJsYaml = jsYaml.loadAll(text)
        const docs = yaml.parseAllDocuments(text)
        expect(Array.isArray(docs) && docs.every((d) => d.errors.length === 0 && d.warnings.length === 0)).toBe(true)
        const fromYaml = (docs as yaml.Document[]).map((d) => d.toJS())
        for (const loaded of [fromJsYaml, fromYaml]) {
          expect(loaded).toHaveLength(1)
          const secret = loaded[0] as Record<string, any>
          expect(Object.keys(secret).sort()).toStrictEqual(['apiVersion', 'kind', 'metadata', 'stringData', 'type'])
          expect(secret.apiVersion).toBe('v1')
          expect(secret.kind).toBe('Secret')
          expect(secret.type).toBe('Opaque')
          expect(Object.keys(secret.metadata)).toStrictEqual(['name'])
          expect(secret.metadata.name).toMatch(DNS_SUBDOMAIN)
          expect(secret.stringData).toStrictEqual(intended(fields, pw))
        }
        expect(text).not.toMatch(RAW_UNSAFE)
      }),
      { numRuns: 300 }
    )
  })
  it('keeps the Deployment env snippet as comments naming the Secret', () => {
    const fields = defaultProfileFields({ name: 'My Redis (private)', host: 'h.example', tls: { ...defaultProfileFields().tls, caPem: pem } })
    const text = exportProfile(fields, 'kubernetes').text
    expect(text).not.toMatch(/^---/m)
    expect(text).toMatch(/^# env:$/m)
    expect(text).toMatch(/^#\s+secretKeyRef:$/m)
    expect(text).toMatch(/^#\s+secretName: my-redis-private-redis$/m)
  })
})

describe('JSON export: parses back to the profile and secrets, with no raw control, separator or bidi character', () => {
  it('for any name, user name and password', () => {
    fc.assert(
      fc.property(fieldsArb({ nul: true }), passwordArb({ nul: true }), (fields, pw) => {
        const { text } = exportProfile(fields, 'json', pw ? { password: pw } : undefined)
        expect(text).not.toMatch(RAW_UNSAFE)
        const doc = JSON.parse(text)
        expect(doc.profile).toStrictEqual(fields)
        expect(doc.secrets?.password ?? null).toBe(pw)
      }),
      { numRuns: 300 }
    )
  })
})

describe('the name comment of every format holds no raw control, separator or bidi character', () => {
  it.each(['redli', 'redis-cli', 'env', 'kubernetes', 'json'] as const)('%s', (format) => {
    fc.assert(
      fc.property(fieldsArb({ nul: false }), (fields) => {
        const { text } = exportProfile(fields, format)
        const first = text.split('\n')[0]
        expect(first).not.toMatch(RAW_UNSAFE)
        if (format !== 'json') expect(first.startsWith('# ')).toBe(true)
      }),
      { numRuns: 200 }
    )
  })
})
