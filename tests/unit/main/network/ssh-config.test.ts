import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../src/shared/errors'
import { formatHostSpec, listSshAliases, parseHostSpec, parseProxyJump, readUserSshConfig, resolveSshHost } from '../../../../src/main/network/ssh-config'

const home = '/home/tester'
const opts = { homeDir: home, localUser: 'tester' }

const hostName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}(\.[a-z0-9-]{1,10}){0,3}$/)
const userName = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,15}$/)
const port = fc.integer({ min: 1, max: 65535 })
const spec = fc.record({ host: hostName, username: fc.option(userName, { nil: undefined }), port: fc.option(port, { nil: undefined }) })
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

describe('ssh config', () => {
  it('resolves an alias: HostName, Port, User, IdentityFile with ~ and tokens, first value wins', () => {
    const text = [
      'Host bastion',
      '  HostName 10.1.2.3',
      '  Port 2222',
      '  User alice',
      '  IdentityFile ~/.ssh/bastion_%r',
      'Host *',
      '  User nobody',
      '  Port 22',
      '  IdentityFile %d/.ssh/id_ed25519'
    ].join('\n')
    expect(resolveSshHost(text, 'bastion', opts)).toEqual({
      alias: 'bastion',
      host: '10.1.2.3',
      port: 2222,
      username: 'alice',
      identityFiles: [`${home}/.ssh/bastion_alice`, `${home}/.ssh/id_ed25519`],
      jumps: []
    })
  })

  it('applies Host patterns with wildcards, negation and %h', () => {
    const text = ['Host *.corp !secret.corp', '  HostName %h.example.net', '  User corp', 'Host *', '  User other'].join('\n')
    expect(resolveSshHost(text, 'db.corp', opts)).toMatchObject({ host: 'db.corp.example.net', username: 'corp' })
    expect(resolveSshHost(text, 'secret.corp', opts)).toMatchObject({ host: 'secret.corp', username: 'other' })
  })

  it('expands multi-hop ProxyJump (comma list) through the config, first jump recursively', () => {
    const text = [
      'Host target',
      '  HostName 10.0.0.9',
      '  ProxyJump j1,bob@j2:2202',
      'Host j1',
      '  HostName 192.0.2.1',
      '  ProxyJump j0',
      'Host j0',
      '  HostName 192.0.2.0',
      '  User zero',
      'Host j2',
      '  HostName 192.0.2.2',
      '  ProxyJump ignored-by-openssh'
    ].join('\n')
    const r = resolveSshHost(text, 'target', opts)
    expect(r.jumps.map((j) => `${j.username ?? ''}@${j.host}:${j.port}`)).toEqual(['zero@192.0.2.0:22', '@192.0.2.1:22', 'bob@192.0.2.2:2202'])
    expect(r.host).toBe('10.0.0.9')
  })

  it('rejects ProxyJump loops with a typed error', () => {
    const text = ['Host a', '  ProxyJump b', 'Host b', '  ProxyJump a'].join('\n')
    expect(() => resolveSshHost(text, 'a', opts)).toThrow(expect.objectContaining({ code: 'ssh_config_jump_loop' }))
  })

  it('treats ProxyJump none as no jump, and lists concrete aliases', () => {
    const text = ['Host a b', '  ProxyJump none', 'Host *.x c?', '  User u'].join('\n')
    expect(resolveSshHost(text, 'a', opts).jumps).toEqual([])
    expect(listSshAliases(text)).toEqual(['a', 'b'])
  })

  it('property: any text and alias either resolves or fails with a typed error, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 30 }), (text, alias) => {
        try {
          const r = resolveSshHost(text, alias, opts)
          expect(r.port).toBeGreaterThanOrEqual(1)
          expect(r.port).toBeLessThanOrEqual(65535)
        } catch (e) {
          expect(e).toBeInstanceOf(AppFailure)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('property: a host spec survives format then parse', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const c = clean(s)
        expect(parseHostSpec(formatHostSpec(c))).toEqual(c)
      })
    )
  })

  it('property: a generated Host block resolves to exactly its values, jumps included', () => {
    fc.assert(
      fc.property(hostName, hostName, userName, port, fc.array(spec, { maxLength: 3 }), (alias, target, user, p, jumps) => {
        fc.pre(!jumps.some((j) => j.host === alias))
        const lines = [`Host ${alias}`, `  HostName ${target}`, `  User ${user}`, `  Port ${p}`]
        if (jumps.length) lines.push(`  ProxyJump ${jumps.map((j) => formatHostSpec(clean(j))).join(',')}`)
        const r = resolveSshHost(lines.join('\n'), alias, opts)
        expect(r).toMatchObject({ host: target, username: user, port: p })
        expect(r.jumps.map((j) => ({ host: j.host, port: j.port, username: j.username }))).toEqual(
          jumps.map((j) => ({ host: j.host, port: j.port ?? 22, username: j.username }))
        )
      }),
      { numRuns: 200 }
    )
  })

  it('parses the one-off --via-ssh forms and refuses bad ones', () => {
    expect(parseHostSpec('root@10.0.0.1:2222')).toEqual({ username: 'root', host: '10.0.0.1', port: 2222 })
    expect(parseHostSpec('ssh://me@[::1]:22')).toEqual({ username: 'me', host: '::1', port: 22 })
    expect(parseProxyJump('a,b:23')).toEqual([{ host: 'a' }, { host: 'b', port: 23 }])
    for (const bad of ['', '@host', 'host:0', 'host:70000', 'host:x', 'a b']) {
      expect(() => parseHostSpec(bad), bad).toThrow(expect.objectContaining({ code: 'ssh_config_invalid' }))
    }
  })
})

describe('reading ~/.ssh/config', () => {
  it('refuses a file larger than 4 MiB instead of reading it whole', async () => {
    const fs = await import('node:fs/promises')
    const os = await import('node:os')
    const path = await import('node:path')
    const home = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-sshcfg-'))
    try {
      await fs.mkdir(path.join(home, '.ssh'))
      await fs.writeFile(path.join(home, '.ssh', 'config'), 'Host a\n  HostName a.example\n')
      expect(await readUserSshConfig(home)).toContain('Host a')
      await fs.writeFile(path.join(home, '.ssh', 'config'), Buffer.alloc(5 * 1024 * 1024, 0x23))
      await expect(readUserSshConfig(home)).rejects.toMatchObject({ code: 'file_too_large' })
    } finally {
      await fs.rm(home, { recursive: true, force: true })
    }
  })
})
