import { execFile } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  hashHostName,
  hostFieldMatches,
  judgeWithKnownHosts,
  knownHostsName,
  matchesPattern,
  parseKnownHosts
} from '../../../../src/main/network/user-known-hosts'
import { userKnownHostsFiles } from '../../../../src/main/network/ssh-config'
import { preferredHostKeyAlgorithms } from '../../../../src/main/network/host-key-trust'

const run = promisify(execFile)
let dir: string
let keyA: string
let keyB: string

const blobOf = (line: string) => Buffer.from(line.split(/\s+/)[1], 'base64')

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-ukh-unit-'))
  for (const k of ['a', 'b']) await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, k)])
  keyA = (await fs.readFile(path.join(dir, 'a.pub'), 'utf8')).trim().split(/\s+/).slice(0, 2).join(' ')
  keyB = (await fs.readFile(path.join(dir, 'b.pub'), 'utf8')).trim().split(/\s+/).slice(0, 2).join(' ')
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

describe('known_hosts parsing', () => {
  it('reads plain, hashed and marked lines and skips comments and malformed ones', () => {
    const text = [
      '# a comment',
      '',
      `bastion.example,10.0.0.5 ${keyA} root@x`,
      `@revoked * ${keyB}`,
      `@cert-authority *.example ${keyB}`,
      `@bogus host ${keyA}`,
      'host ssh-ed25519 not*base64',
      `host ssh-rsa ${keyA.split(' ')[1]}`,
      'host-only'
    ].join('\n')
    const entries = parseKnownHosts(text, '/h/.ssh/known_hosts')
    expect(entries.map((e) => [e.marker ?? '', e.hosts, e.line])).toEqual([
      ['', 'bastion.example,10.0.0.5', 3],
      ['revoked', '*', 4],
      ['cert-authority', '*.example', 5]
    ])
    expect(entries[0].keyType).toBe('ssh-ed25519')
  })
})

describe('host names and patterns', () => {
  it('writes [host]:port for ports other than 22, lower-cased', () => {
    expect(knownHostsName('Bastion.Example', 22)).toBe('bastion.example')
    expect(knownHostsName('10.0.0.5', 2222)).toBe('[10.0.0.5]:2222')
  })

  it('matches * and ? wildcards, comma lists and ! negation like OpenSSH', () => {
    expect(hostFieldMatches('*.example', 'bastion.example', 22)).toBe(true)
    expect(hostFieldMatches('*.example', 'bastion.example', 2222)).toBe(false)
    expect(hostFieldMatches('[*.example]:2222', 'bastion.example', 2222)).toBe(true)
    expect(hostFieldMatches('10.0.0.?', '10.0.0.5', 22)).toBe(true)
    expect(hostFieldMatches('10.0.0.?', '10.0.0.15', 22)).toBe(false)
    expect(hostFieldMatches('a.example,b.example', 'B.EXAMPLE', 22)).toBe(true)
    expect(hostFieldMatches('*.example,!evil.example', 'evil.example', 22)).toBe(false)
    expect(hostFieldMatches('!evil.example', 'good.example', 22)).toBe(false)
    expect(hostFieldMatches('bastion.example', 'bastion.example.evil', 22)).toBe(false)
    expect(hostFieldMatches('[127.0.0.1]:2222', '127.0.0.1', 22222)).toBe(false)
  })

  it('does not take long on a pattern full of stars', () => {
    const started = Date.now()
    expect(matchesPattern('a'.repeat(300), `${'*a'.repeat(40)}b`)).toBe(false)
    expect(Date.now() - started).toBeLessThan(500)
  })

  it('matches hashed |1| names exactly as ssh-keygen -H writes them', async () => {
    const file = path.join(dir, 'kh')
    await fs.writeFile(file, `[10.1.2.3]:2222 ${keyA}\nbastion.example ${keyA}\n`)
    await run('ssh-keygen', ['-H', '-f', file])
    const entries = parseKnownHosts(await fs.readFile(file, 'utf8'), file)
    expect(entries.every((e) => e.hosts.startsWith('|1|'))).toBe(true)
    expect(hostFieldMatches(entries[0].hosts, '10.1.2.3', 2222)).toBe(true)
    expect(hostFieldMatches(entries[0].hosts, '10.1.2.3', 22)).toBe(false)
    expect(hostFieldMatches(entries[1].hosts, 'BASTION.example', 22)).toBe(true)
    expect(hostFieldMatches(entries[1].hosts, 'bastion.example', 2222)).toBe(false)
  })

  it('a hashed name matches its own host and port, and no other', () => {
    const hostArb = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,40}$/)
    const portArb = fc.integer({ min: 1, max: 65535 })
    fc.assert(
      fc.property(hostArb, portArb, hostArb, portArb, fc.uint8Array({ minLength: 20, maxLength: 20 }), (host, port, other, otherPort, salt) => {
        const field = hashHostName(knownHostsName(host, port), Buffer.from(salt))
        expect(hostFieldMatches(field, host, port)).toBe(true)
        expect(hostFieldMatches(field, host.toUpperCase(), port)).toBe(true)
        if (knownHostsName(other, otherPort) !== knownHostsName(host, port)) expect(hostFieldMatches(field, other, otherPort)).toBe(false)
      })
    )
  })

  it('refuses a malformed hashed field', () => {
    const salt = crypto.randomBytes(20)
    const good = hashHostName('h', salt)
    for (const bad of ['|1|', '|2|' + good.slice(3), good.slice(0, -4), `${good}|x`]) expect(hostFieldMatches(bad, 'h', 22)).toBe(false)
  })
})

describe('the known_hosts verdict', () => {
  const judge = (text: string, host: string, port: number, key: string) => judgeWithKnownHosts(parseKnownHosts(text, 'f'), host, port, blobOf(key)).status

  it('trusts a listed key, flags a different key of the same type, and says nothing otherwise', () => {
    expect(judge(`[h]:2222 ${keyA}`, 'h', 2222, keyA)).toBe('match')
    expect(judge(`[h]:2222 ${keyB}`, 'h', 2222, keyA)).toBe('mismatch')
    expect(judge(`[h]:2222 ${keyB}\n[h]:2222 ${keyA}`, 'h', 2222, keyA)).toBe('match')
    expect(judge(`[other]:2222 ${keyB}`, 'h', 2222, keyA)).toBe('none')
    expect(judge(`h ${keyB}`, 'h', 2222, keyA)).toBe('none')
  })

  it('refuses a @revoked key for every host, before any match', () => {
    expect(judge(`h ${keyA}\n@revoked nothing.example ${keyA}`, 'h', 22, keyA)).toBe('revoked')
    expect(judge(`@revoked * ${keyB}\nh ${keyA}`, 'h', 22, keyA)).toBe('match')
  })

  it('never counts a @cert-authority line as a match or a mismatch', () => {
    expect(judge(`@cert-authority * ${keyA}`, 'h', 22, keyA)).toBe('none')
    expect(judge(`@cert-authority * ${keyB}`, 'h', 22, keyA)).toBe('none')
  })

  it('asks the server first for a key type known_hosts lists', () => {
    const entries = parseKnownHosts(`h ${keyA}`, 'f')
    expect(preferredHostKeyAlgorithms({ entries, homeDir: dir }, 'h', 22)?.[0]).toBe('ssh-ed25519')
    expect(preferredHostKeyAlgorithms({ entries, homeDir: dir }, 'other', 22)).toBeUndefined()
  })
})

describe('which files are read', () => {
  it('uses the defaults unless ~/.ssh/config names UserKnownHostsFile for the host (~ and %d expanded, none for none)', () => {
    const home = '/home/u'
    expect(userKnownHostsFiles(undefined, 'h', 22, { homeDir: home })).toEqual(['/home/u/.ssh/known_hosts', '/home/u/.ssh/known_hosts2'])
    const config = 'Host work\n  UserKnownHostsFile ~/.ssh/work_hosts %d/other\nHost off\n  UserKnownHostsFile none\n'
    expect(userKnownHostsFiles(config, 'work', 22, { homeDir: home })).toEqual(['/home/u/.ssh/work_hosts', '/home/u/other'])
    expect(userKnownHostsFiles(config, 'off', 22, { homeDir: home })).toEqual([])
    expect(userKnownHostsFiles(config, 'elsewhere', 22, { homeDir: home })).toEqual(['/home/u/.ssh/known_hosts', '/home/u/.ssh/known_hosts2'])
  })
})
