import { describe, expect, it } from 'vitest'
import { draftFromFields, parseJumps, formatJumps, toFields } from '../../../../../src/renderer/src/pages/profiles/draft'
import { defaultProfileFields, type ProfileFields } from '../../../../../src/shared/schemas/profile'

const CA = '-----BEGIN CERTIFICATE-----\nMIIBdTCCARugAwIBAgIQ\n-----END CERTIFICATE-----\n'

const sshProfile: ProfileFields = defaultProfileFields({
  name: 'prod via bastion',
  tags: ['prod', 'tokyo'],
  host: 'abc.private.databases.appdomain.cloud',
  port: 31234,
  db: 2,
  username: 'admin',
  tls: { enabled: true, caPem: CA, servername: 'abc.private.databases.appdomain.cloud', verifyServerCert: true, clientCertPem: null },
  networkPath: {
    kind: 'ssh',
    host: 'bastion.example.com',
    port: 2222,
    username: 'ops',
    auth: { method: 'key', privateKeyPath: '~/.ssh/id_ed25519' },
    jumps: [{ host: 'jump.example.com', port: 22, username: 'me', privateKeyPath: null }],
    sshConfigAlias: null,
    hostKeyFingerprint: null
  },
  origin: { kind: 'ibmcloud', crn: null, region: 'jp-tok', endpointType: 'private', generation: 'gen1' }
})

describe('the profile editor form', () => {
  it('round-trips saved fields through the form unchanged', () => {
    expect(toFields(draftFromFields(sshProfile))).toEqual({ fields: sshProfile, errors: {} })
    const pod: ProfileFields = defaultProfileFields({
      name: 'pod',
      host: 'redis.example.com',
      networkPath: { kind: 'pod', tool: 'oc', binaryPath: null, context: null, namespace: 'apps', image: null }
    })
    expect(toFields(draftFromFields(pod)).fields).toEqual(pod)
  })

  it('reports each bad field under its own input', () => {
    const d = draftFromFields(sshProfile)
    const { fields, errors } = toFields({
      ...d,
      name: ' ',
      port: '70000',
      db: 'x',
      host: 'bad host',
      caPem: 'not a cert',
      path: { ...d.path, ssh: { ...d.path.ssh, port: '0', username: 'has space', jumpsText: 'nope' } }
    })
    expect(fields).toBeUndefined()
    expect(Object.keys(errors).sort()).toEqual(['caPem', 'db', 'host', 'name', 'port', 'ssh.jumps', 'ssh.port', 'ssh.username'])
  })

  it('treats empty optional fields as absent', () => {
    const d = draftFromFields(defaultProfileFields({ name: 'n', host: 'h.example.com' }))
    const { fields } = toFields({ ...d, username: '  ', servername: '', caPem: '' })
    expect(fields?.username).toBeNull()
    expect(fields?.tls.servername).toBeNull()
    expect(fields?.tls.caPem).toBeNull()
  })

  it('reads jump hosts the way ssh -J writes them', () => {
    expect(parseJumps('a@j1, b@j2:2200')).toEqual([
      { username: 'a', host: 'j1', port: '22', privateKeyPath: '' },
      { username: 'b', host: 'j2', port: '2200', privateKeyPath: '' }
    ])
    expect(parseJumps('')).toEqual([])
    expect(parseJumps('no-user-here')).toBeUndefined()
    expect(formatJumps(parseJumps('a@j1, b@j2:2200')!)).toBe('a@j1, b@j2:2200')
  })
})
