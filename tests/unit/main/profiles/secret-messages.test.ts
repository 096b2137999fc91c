import { describe, expect, it } from 'vitest'
import { SecretStore, type Keychain } from '../../../../src/main/profiles/secrets'

const emptyKeychain: Keychain = {
  getPassword: async () => null,
  setPassword: async () => undefined,
  deletePassword: async () => true
}

describe('a saved secret that can no longer be read', () => {
  it.each([
    ['password', 'password'],
    ['clientKey', 'client key'],
    ['sshSecret', 'SSH passphrase or password']
  ] as const)('names the %s as "%s"', async (name, label) => {
    const store = new SecretStore('pse-wizard-test', async () => emptyKeychain)
    await expect(store.get('p1', name, 'keychain', 'Prod')).rejects.toMatchObject({
      code: 'secret_unreadable',
      message: expect.stringContaining(`The saved ${label} of profile "Prod"`)
    })
  })
})
