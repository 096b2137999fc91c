import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import { ProfileFields, defaultProfileFields } from '../../../../src/shared/schemas/profile'
import { importProfileText } from '../../../../src/main/profiles/importers'

/** What an import hands to the window must be a valid draft, or the import must fail with a typed error. */
function importsToValidFieldsOrTypedFailure(text: string): void {
  let fields: unknown
  try {
    fields = importProfileText(text).fields
  } catch (e) {
    expect(e).toBeInstanceOf(AppFailure)
    return
  }
  const parsed = ProfileFields.safeParse(fields)
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
}

const serviceKey = (hosts: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'k', credentials: { connection: { rediss: { hosts, authentication: { username: 'admin', password: 'pw-123456' }, ...extra } } } })

describe('imports from pasted text (an untrusted boundary)', () => {
  it('an IBM document with a bad host, port, database or user is refused, not passed on', () => {
    for (const text of [
      serviceKey([{ hostname: 'bad host name; rm -rf /', port: 31000 }]),
      serviceKey([{ hostname: '', port: 31000 }]),
      serviceKey([{ hostname: 'h.example', port: 0 }]),
      serviceKey([{ hostname: 'h.example', port: 70000 }]),
      serviceKey([{ hostname: 'h.example', port: 1.5 }]),
      serviceKey([{ hostname: 'h.example', port: 31000 }], { database: 999 }),
      serviceKey([{ hostname: 'h.example', port: 31000 }], { database: -1 }),
      JSON.stringify({ connection: { rediss: { hosts: [{ hostname: 'h.example', port: 1 }], authentication: { username: 'two words' } } } })
    ]) {
      expect(() => importProfileText(text)).toThrow(expect.objectContaining({ code: 'import_invalid' }))
    }
  })

  it('any IBM-shaped document imports to fields the profile schema accepts, or fails typed', () => {
    const hostLike = fc.oneof(fc.domain(), fc.ipV4(), fc.string({ maxLength: 40 }))
    const portLike = fc.oneof(fc.integer({ min: -5, max: 70_000 }), fc.double(), fc.constant(6379))
    const dbLike = fc.oneof(fc.integer({ min: -3, max: 300 }), fc.double(), fc.constant(undefined))
    fc.assert(
      fc.property(hostLike, portLike, dbLike, fc.string({ maxLength: 300 }), (hostname, port, database, username) => {
        const text = JSON.stringify({ connection: { rediss: { hosts: [{ hostname, port }], database, authentication: { username, password: 'x' } } } })
        importsToValidFieldsOrTypedFailure(text)
      }),
      { numRuns: 300 }
    )
  })

  it('says so whenever the imported text turns certificate verification off', () => {
    const insecure = /verification OFF/
    expect(importProfileText('rediss://admin:pw@h.example:31000/0?insecure=true').notes.join(' ')).toMatch(insecure)
    expect(importProfileText('redli -u rediss://admin:pw@h.example:31000/0 --skipverify').notes.join(' ')).toMatch(insecure)
    const fields = defaultProfileFields({ name: 'x', host: 'h.example' })
    fields.tls.verifyServerCert = false
    expect(importProfileText(JSON.stringify({ pseWizardProfile: 1, profile: fields })).notes.join(' ')).toMatch(insecure)
    expect(importProfileText('rediss://admin:pw@h.example:31000/0').notes.join(' ')).not.toMatch(insecure)
  })

  it("a profile file's pod program, pod image and pinned SSH host key are not taken over (each is noted)", () => {
    const pod = defaultProfileFields({
      name: 'p',
      host: 'h.example',
      networkPath: { kind: 'pod', tool: 'kubectl', binaryPath: '/tmp/shared/kubectl', context: null, namespace: 'default', image: 'evil.example/steal:1' }
    })
    const fromPod = importProfileText(JSON.stringify({ pseWizardProfile: 1, profile: pod }))
    expect(fromPod.fields.networkPath).toMatchObject({ kind: 'pod', binaryPath: null, image: null, namespace: 'default' })
    expect(fromPod.notes.join(' ')).toContain('/tmp/shared/kubectl')
    expect(fromPod.notes.join(' ')).toContain('evil.example/steal:1')
    const ssh = defaultProfileFields({
      name: 's',
      host: 'h.example',
      networkPath: {
        kind: 'ssh',
        host: 'bastion.example',
        port: 22,
        username: 'u',
        auth: { method: 'agent' },
        jumps: [],
        sshConfigAlias: null,
        hostKeyFingerprint: `SHA256:${'A'.repeat(43)}`
      }
    })
    const fromSsh = importProfileText(JSON.stringify({ pseWizardProfile: 1, profile: ssh }))
    expect(fromSsh.fields.networkPath).toMatchObject({ kind: 'ssh', host: 'bastion.example', hostKeyFingerprint: null })
    expect(fromSsh.notes.join(' ')).toMatch(/host key/)
  })
})
