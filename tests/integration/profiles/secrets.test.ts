import { spawnSync } from 'node:child_process'
import path from 'node:path'
import keytar from 'keytar'
import { describe, expect, it } from 'vitest'
import { SecretStore, accountFor } from '../../../src/main/profiles/secrets'
import { useTestKeyring } from '../../support/keyring'

const service = useTestKeyring()

describe('SecretStore against the real Secret Service', () => {
  it('stores, reads and deletes a secret in the keychain', async () => {
    const store = new SecretStore(service())
    expect((await store.check()).mode).toBe('keychain')
    expect(await store.set('p1', 'password', 's3cret-value-1')).toBe('keychain')
    expect(await keytar.getPassword(service(), accountFor('p1', 'password'))).toBe('s3cret-value-1')
    expect(await store.get('p1', 'password', 'keychain')).toBe('s3cret-value-1')
    await store.delete('p1', 'password', 'keychain')
    expect(await keytar.getPassword(service(), accountFor('p1', 'password'))).toBeNull()
  })

  it('a secret the keychain lost is "re-enter it", not a connection failure', async () => {
    const store = new SecretStore(service())
    await store.set('p2', 'password', 'will-vanish-1')
    await keytar.deletePassword(service(), accountFor('p2', 'password'))
    await expect(store.get('p2', 'password', 'keychain', 'My Redis')).rejects.toMatchObject({
      code: 'secret_unreadable',
      message: expect.stringMatching(/My Redis.*keychain.*Enter it again/)
    })
  })

  it('session-only secrets are gone in a new session, with their own message', async () => {
    const first = new SecretStore(service())
    first.useSessionOnly()
    expect(await first.set('p3', 'password', 'session-secret-1')).toBe('session')
    expect(await first.get('p3', 'password', 'session')).toBe('session-secret-1')
    expect(await keytar.getPassword(service(), accountFor('p3', 'password'))).toBeNull()
    await expect(new SecretStore(service()).get('p3', 'password', 'session')).rejects.toMatchObject({
      code: 'secret_unreadable',
      message: expect.stringMatching(/earlier session/)
    })
  })

  it('without a Secret Service: says what to install, stores nothing until session-only is chosen', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../support/profiles/keychain-status.ts'), service()], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/pse-no-bus' },
      encoding: 'utf8',
      timeout: 30_000
    })
    expect(child.status, child.stderr).toBe(0)
    const out = JSON.parse(child.stdout)
    expect(out.status.mode).toBe('unavailable')
    expect(out.status.message).toMatch(/gnome-keyring/)
    expect(out.setError.code).toBe('keychain_unavailable')
    expect(out.session.mode).toBe('session')
    expect(out).toMatchObject({ location: 'session', roundTrip: true })
  })
})
