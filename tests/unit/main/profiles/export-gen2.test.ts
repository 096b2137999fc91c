import fs from 'node:fs'
import path from 'node:path'
import dotenv from 'dotenv'
import * as yaml from 'yaml'
import { describe, expect, it } from 'vitest'
import { exportProfile } from '../../../../src/main/profiles/exporters'
import { importProfileText } from '../../../../src/main/profiles/importers'
import { shellWords } from '../../../../src/main/profiles/importers/shell-words'
import { defaultProfileFields, type ProfileFields } from '../../../../src/shared/schemas/profile'

/** Gen 2 profiles (a VPE endpoint, the system's trusted roots, SNI = the VPE domain) and Gen 1's exports unchanged. */
const VPE = 'a1b2c3.private.us-south.databases.appdomain.cloud'
const CA = '-----BEGIN CERTIFICATE-----\nMIIBfakeCertificateBody0123456789+/A=\n-----END CERTIFICATE-----\n'
const gen2Origin = {
  kind: 'ibmcloud',
  crn: 'crn:v1:bluemix:public:databases-for-redis:us-south:a/acc:guid::',
  region: 'us-south',
  endpointType: 'private',
  generation: 'gen2'
} as const
const gen2 = (o: Partial<ProfileFields> = {}): ProfileFields =>
  defaultProfileFields({
    name: 'Gen 2 prod',
    host: VPE,
    port: 6379,
    username: 'svc-user',
    tls: { enabled: true, caPem: null, servername: VPE, verifyServerCert: true, clientCertPem: null },
    origin: gen2Origin,
    ...o
  })
/** The same service dialled through the VPE's reserved IP (or a tunnel on loopback). */
const byIp = (host: string, port = 6379) => gen2({ host, port })

/** The last line of a shell export, as the shell splits it (the `VAR=value` prefix dropped). */
function commandWords(text: string): string[] {
  const words = shellWords(text.trimEnd().split('\n').at(-1)!) ?? []
  const first = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w))
  return words.slice(first)
}

describe('Gen 2 exports', () => {
  it('redis-cli: --tls --sni <VPE domain>, no --cacert (system roots), port 6379, argv quoted', () => {
    const text = exportProfile(gen2(), 'redis-cli').text
    expect(commandWords(text)).toEqual(['redis-cli', '-h', VPE, '-p', '6379', '-n', '0', '--user', 'svc-user', '--tls', '--sni', VPE])
    expect(text).not.toContain('--cacert')
    expect(text).not.toContain('redis-ca.pem')
    expect(text).toContain('no CA file')
  })

  it('redis-cli dialling the reserved IP or a tunnel still sends the VPE domain as SNI', () => {
    for (const [host, port] of [
      ['10.240.0.7', 6379],
      ['127.0.0.1', 16379]
    ] as const) {
      const words = commandWords(exportProfile(byIp(host, port), 'redis-cli').text)
      expect(words.slice(0, 5)).toEqual(['redis-cli', '-h', host, '-p', String(port)])
      expect(words.slice(words.indexOf('--sni'), words.indexOf('--sni') + 2)).toEqual(['--sni', VPE])
    }
  })

  it('redis-cli: a Gen 2 profile with no servername sends its host name as SNI (never an IP)', () => {
    expect(commandWords(exportProfile(gen2({ tls: { ...gen2().tls, servername: null } }), 'redis-cli').text)).toContain('--sni')
    const ip = exportProfile(gen2({ host: '10.240.0.7', tls: { ...gen2().tls, servername: null } }), 'redis-cli').text
    expect(ip).not.toContain('--sni')
  })

  it('redis-cli: a servername with shell metacharacters cannot occur (Host validation), and a user name that needs quoting is quoted', () => {
    const text = exportProfile(gen2({ username: "o'brien$(id)" }), 'redis-cli').text
    expect(text).toContain(`--user 'o'\\''brien$(id)'`)
    expect(commandWords(text)).toContain("o'brien$(id)")
  })

  it('redli: rediss:// URL, no REDIS_CERTB64 (system roots); --servername only when the dialled host differs', () => {
    const same = exportProfile(gen2(), 'redli').text
    expect(same).not.toContain('REDIS_CERTB64')
    expect(same).not.toContain('--servername')
    expect(same).not.toContain('cannot set the TLS server name')
    expect(same).toContain(`"rediss://svc-user:\${REDIS_PASSWORD}@${VPE}:6379/0"`)

    const viaIp = exportProfile(byIp('10.240.0.7'), 'redli').text
    expect(commandWords(viaIp).slice(-2)).toEqual(['--servername', VPE])
    expect(viaIp).not.toContain('REDIS_CERTB64')
    expect(viaIp).not.toContain('pse-wizard-servername')
    // Our own importer reads it back with the same servername.
    expect(importProfileText(viaIp).fields.tls).toMatchObject({ enabled: true, servername: VPE, caPem: null })
  })

  it('.env: REDIS_TLS_SERVERNAME carries the VPE domain, no CA variable', () => {
    for (const fields of [gen2(), byIp('10.240.0.7')]) {
      const text = exportProfile(fields, 'env').text
      const env = dotenv.parse(text)
      expect(env).toMatchObject({ REDIS_HOST: fields.host, REDIS_PORT: '6379', REDIS_TLS: 'true', REDIS_TLS_SERVERNAME: VPE, REDIS_TLS_VERIFY: 'true' })
      expect(Object.keys(env).filter((k) => /CA/.test(k))).toEqual([])
      expect(text).toContain('no CA file')
    }
  })

  it('Kubernetes Secret: REDIS_TLS_SERVERNAME, no ca.crt key, no CA volume in the snippet', () => {
    const text = exportProfile(byIp('10.240.0.7'), 'kubernetes').text
    const secret = yaml.parse(text) as { kind: string; stringData: Record<string, string> }
    expect(secret.kind).toBe('Secret')
    expect(secret.stringData).toMatchObject({ REDIS_HOST: '10.240.0.7', REDIS_PORT: '6379', REDIS_TLS: 'true', REDIS_TLS_SERVERNAME: VPE })
    expect(secret.stringData['ca.crt']).toBeUndefined()
    expect(text).not.toContain('REDIS_CA_FILE')
    expect(text).not.toContain('redis-ca')
  })

  it('a Gen 2 profile that does carry a CA (pasted by hand) still exports it', () => {
    const withCa = gen2({ tls: { ...gen2().tls, caPem: CA } })
    expect(exportProfile(withCa, 'redis-cli').text).toContain('--cacert redis-ca.pem')
    expect(exportProfile(withCa, 'redli').text).toContain('REDIS_CERTB64=')
    expect(dotenv.parse(exportProfile(withCa, 'env').text).REDIS_CA_CERT_BASE64).toBeTruthy()
  })
})

describe('Gen 1 exports stay byte for byte as they were', () => {
  const golden = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../fixtures/exports/gen1-exports.json'), 'utf8')) as Record<string, string>
  const gen1Origin = { kind: 'ibmcloud', crn: 'crn:v1:x', region: 'jp-tok', endpointType: 'private', generation: 'gen1' } as const
  const base = (o: Partial<ProfileFields>) =>
    defaultProfileFields({ name: 'Gen 1 prod', host: 'abc.c1.private.databases.appdomain.cloud', port: 31000, username: 'admin', ...o })
  const fixtures: Record<string, ProfileFields> = {
    ibm: base({ tls: { enabled: true, caPem: CA, servername: null, verifyServerCert: true, clientCertPem: null }, origin: gen1Origin }),
    tunnel: base({
      host: '127.0.0.1',
      port: 16379,
      tls: { enabled: true, caPem: CA, servername: 'abc.c1.private.databases.appdomain.cloud', verifyServerCert: true, clientCertPem: null },
      origin: gen1Origin
    })
  }
  for (const [name, fields] of Object.entries(fixtures))
    for (const format of ['redli', 'redis-cli', 'env', 'kubernetes'] as const)
      it(`${name} / ${format}`, () => {
        expect(exportProfile(fields, format).text).toBe(golden[`${name}/${format}`])
      })
})
