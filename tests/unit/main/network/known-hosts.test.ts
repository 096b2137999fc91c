import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { utils } from 'ssh2'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fingerprintOf, judgeHostKey, KnownHostsStore } from '../../../../src/main/network/known-hosts'

const run = promisify(execFile)
let dir: string

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-kh-'))
})
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

const fp = (c: string) => `SHA256:${c.repeat(43)}`

describe('host key pinning', () => {
  it('computes the same SHA256 fingerprint and type as ssh-keygen -lf', async () => {
    const key = path.join(dir, 'k')
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key])
    const parsed = utils.parseKey(await fs.readFile(`${key}.pub`))
    if (parsed instanceof Error) throw parsed
    const ours = fingerprintOf(parsed.getPublicSSH())
    const theirs = (await run('ssh-keygen', ['-lf', `${key}.pub`])).stdout.split(' ')[1]
    expect(ours).toEqual({ keyType: 'ssh-ed25519', fingerprint: theirs })
  })

  it('judges unknown, trusted and changed keys', () => {
    const presented = { host: 'h', port: 22, keyType: 'ssh-ed25519', fingerprint: fp('a') }
    expect(judgeHostKey(presented, undefined).status).toBe('unknown')
    expect(judgeHostKey(presented, fp('a')).status).toBe('trusted')
    expect(judgeHostKey(presented, fp('b')).status).toBe('changed')
  })

  it('stores accepted keys per host and port, refuses to replace silently, and forgets on request', async () => {
    const store = new KnownHostsStore(dir)
    await store.accept({ host: 'Bastion.example', port: 22, keyType: 'ssh-ed25519', fingerprint: fp('a') })
    expect((await store.lookup('bastion.example', 22))?.fingerprint).toBe(fp('a'))
    expect(await store.lookup('bastion.example', 2222)).toBeUndefined()
    await expect(store.accept({ host: 'bastion.example', port: 22, keyType: 'ssh-ed25519', fingerprint: fp('b') })).rejects.toMatchObject({
      code: 'ssh_host_key_changed'
    })
    await store.accept({ host: 'bastion.example', port: 22, keyType: 'ssh-ed25519', fingerprint: fp('b') }, { replace: true })
    expect((await store.lookup('bastion.example', 22))?.fingerprint).toBe(fp('b'))
    expect(await store.forget('bastion.example', 22)).toBe(true)
    expect(await store.lookup('bastion.example', 22)).toBeUndefined()
  })

  it('rejects something that is not a fingerprint', async () => {
    const store = new KnownHostsStore(dir)
    await expect(store.accept({ host: 'h', port: 22, keyType: 't', fingerprint: 'MD5:aa:bb' })).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('keeps an unreadable file aside and asks for every key again', async () => {
    const store = new KnownHostsStore(dir)
    await fs.writeFile(store.file, '{ not json')
    expect(await store.lookup('h', 22)).toBeUndefined()
    const names = await fs.readdir(dir)
    expect(names.some((n) => n.startsWith('ssh-known-hosts.json.unreadable-'))).toBe(true)
  })

  it('loses no pin when many are accepted at once, in a folder that does not exist yet', async () => {
    const store = new KnownHostsStore(path.join(dir, 'new', 'folder'))
    const letters = 'abcdefghij'.split('')
    await Promise.all(letters.map((c, i) => store.accept({ host: `h${i}`, port: 22, keyType: 'ssh-ed25519', fingerprint: fp(c) })))
    expect((await store.list()).map((p) => p.fingerprint).sort()).toEqual(letters.map(fp))
  })
})
