import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import { hostKeyNote, sshFailureNote, sshRoute, trustedKeyNote, withNote, type SshSpot } from '../../../../src/main/network/ssh-notes'
import { ProbeNote } from '../../../../src/shared/schemas/probe-notes'

/** The SSH phases' notes: each failure the tunnel makes names its server, user or file, with ssh2's own words. */
const hop: SshSpot = { kind: 'hop', host: 'bastion.example', port: 2222, username: 'ops', method: 'key', keyFile: '/home/u/.ssh/id_ed25519' }
const timeouts = { connectMs: 10_000, authMs: 9_000, forwardMs: 8_000 }
const fail = (code: string, detail?: string) => new AppFailure({ code, message: `English message for ${code}`, ...(detail ? { detail } : {}) })

describe('SSH notes', () => {
  it('words the route and host key trust as data', () => {
    expect(
      sshRoute([
        { username: 'a', host: 'jump', port: 22 },
        { username: 'ops', host: 'bastion.example', port: 2222 }
      ])
    ).toBe('a@jump:22 → ops@bastion.example:2222')
    expect(trustedKeyNote('h', 22, { status: 'trusted', source: { file: '~/.ssh/known_hosts', line: 3 } })).toEqual({
      code: 'ssh.host_key_from_file',
      params: { host: 'h', port: 22, file: '~/.ssh/known_hosts', line: 3 }
    })
    expect(trustedKeyNote('h', 22, { status: 'trusted' })).toEqual({ code: 'ssh.host_key_pinned', params: { host: 'h', port: 22 } })
  })

  it('names the hop and quotes ssh2 for each failure of a hop', () => {
    const cases: Array<[AppFailure, string | undefined, ProbeNote]> = [
      [fail('ssh_timeout'), 'ssh_connect', { code: 'ssh.connect_timeout', params: { host: 'bastion.example', port: 2222, ms: 10_000 } }],
      [fail('ssh_timeout'), 'ssh_auth', { code: 'ssh.auth_timeout', params: { host: 'bastion.example', port: 2222, ms: 9_000 } }],
      [
        fail('ssh_connect_refused', 'connect ECONNREFUSED 127.0.0.1:2222'),
        'ssh_connect',
        { code: 'ssh.connect_refused', params: { host: 'bastion.example', port: 2222, said: 'connect ECONNREFUSED 127.0.0.1:2222' } }
      ],
      [
        fail('ssh_host_not_found', 'getaddrinfo ENOTFOUND bastion.example'),
        'ssh_connect',
        { code: 'ssh.host_not_found', params: { host: 'bastion.example', said: 'getaddrinfo ENOTFOUND bastion.example' } }
      ],
      [
        fail('ssh_auth_failed', 'All configured authentication methods failed'),
        'ssh_auth',
        {
          code: 'ssh.auth_refused',
          params: { host: 'bastion.example', port: 2222, user: 'ops', method: 'key', said: 'All configured authentication methods failed' }
        }
      ],
      [fail('ssh_key_passphrase_required'), 'ssh_auth', { code: 'ssh.key_passphrase_required', params: { file: '/home/u/.ssh/id_ed25519' } }],
      [fail('ssh_key_passphrase_wrong'), 'ssh_auth', { code: 'ssh.key_passphrase_wrong', params: { file: '/home/u/.ssh/id_ed25519' } }],
      [fail('ssh_key_too_large'), 'ssh_auth', { code: 'ssh.key_too_large', params: { file: '/home/u/.ssh/id_ed25519' } }],
      [
        fail('ssh_key_unreadable', 'Unsupported key format'),
        'ssh_auth',
        { code: 'ssh.key_unreadable', params: { file: '/home/u/.ssh/id_ed25519', said: 'Unsupported key format' } }
      ],
      [fail('ssh_agent_unavailable'), 'ssh_auth', { code: 'ssh.agent_missing', params: {} }],
      [
        fail('ssh_agent_unavailable', 'Failed to connect to agent'),
        'ssh_auth',
        { code: 'ssh.agent_unreachable', params: { said: 'Failed to connect to agent' } }
      ],
      [
        fail('ssh_connect_failed', 'Handshake failed: no matching key exchange'),
        'ssh_connect',
        { code: 'ssh.connect_failed', params: { host: 'bastion.example', port: 2222, said: 'Handshake failed: no matching key exchange' } }
      ],
      [fail('cancelled'), 'ssh_connect', { code: 'phase.cancelled', params: {} }]
    ]
    for (const [failure, phase, expected] of cases) expect(sshFailureNote(failure, hop, phase, timeouts), failure.code).toEqual(expected)
  })

  it('names the host and port a forward was asked for', () => {
    const spot: SshSpot = { kind: 'forward', host: 'redis.private', port: 31337 }
    expect(sshFailureNote(fail('ssh_timeout'), spot, 'ssh_forward', timeouts)).toEqual({
      code: 'ssh.forward_timeout',
      params: { host: 'redis.private', port: 31337, ms: 8_000 }
    })
    expect(sshFailureNote(fail('ssh_forward_denied', 'administratively prohibited'), spot, 'ssh_forward', timeouts)).toEqual({
      code: 'ssh.forward_denied',
      params: { host: 'redis.private', port: 31337, said: 'administratively prohibited' }
    })
    expect(sshFailureNote(fail('ssh_forward_failed', 'Connection refused'), spot, 'ssh_forward', timeouts)).toEqual({
      code: 'ssh.forward_failed',
      params: { host: 'redis.private', port: 31337, said: 'Connection refused' }
    })
  })

  it('keeps a host key verdict’s facts attached where the failure was made, also once wrapped', () => {
    const presented = { host: 'b', port: 22, keyType: 'ssh-ed25519', fingerprint: `SHA256:${'A'.repeat(43)}` }
    const pinned = `SHA256:${'B'.repeat(43)}`
    expect(hostKeyNote({ status: 'unknown', presented })).toEqual({ code: 'ssh.host_key_unknown', params: presented })
    expect(hostKeyNote({ status: 'changed', presented, pinned })).toEqual({ code: 'ssh.host_key_changed', params: { ...presented, pinned } })
    expect(hostKeyNote({ status: 'changed', presented, pinned, source: { file: '~/.ssh/known_hosts', line: 7 } })).toEqual({
      code: 'ssh.host_key_changed_file',
      params: { ...presented, file: '~/.ssh/known_hosts', line: 7 }
    })
    expect(hostKeyNote({ status: 'revoked', presented, source: { file: '~/.ssh/known_hosts', line: 2 } })).toEqual({
      code: 'ssh.host_key_revoked',
      params: { host: 'b', port: 22, fingerprint: presented.fingerprint, file: '~/.ssh/known_hosts', line: 2 }
    })
    const inner = withNote(fail('ssh_host_key_unknown'), hostKeyNote({ status: 'unknown', presented }))
    const wrapped = new AppFailure(inner.toValue(), { cause: inner })
    expect(sshFailureNote(wrapped, hop, 'ssh_connect', timeouts).code).toBe('ssh.host_key_unknown')
  })

  it('quotes a failure it does not word, bounded and with secrets masked, and fits the schema', () => {
    const n = sshFailureNote(fail('internal', `boom password=hunter2 ${'x'.repeat(3000)}`), undefined, undefined, timeouts)
    expect(n.code).toBe('phase.error')
    expect(String(n.params.said)).not.toContain('hunter2')
    expect(String(n.params.said).length).toBeLessThanOrEqual(400)
    expect(ProbeNote.safeParse(n).success).toBe(true)
  })
})
