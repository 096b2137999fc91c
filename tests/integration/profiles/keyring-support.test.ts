import keytar from 'keytar'
import { describe, expect, it } from 'vitest'
import { clearService, TEST_SERVICE_PREFIX, useTestKeyring } from '../../support/keyring'

const service = useTestKeyring()

describe('test keyring support', () => {
  it('gives each test a private service name and clears it', async () => {
    const name = service()
    expect(name.startsWith(TEST_SERVICE_PREFIX)).toBe(true)
    await keytar.setPassword(name, 'a', 'value-a')
    expect(await keytar.getPassword(name, 'a')).toBe('value-a')
    await clearService(name)
    expect(await keytar.findCredentials(name)).toEqual([])
  })

  it('refuses to clear the real service', async () => {
    await expect(clearService('pse-wizard')).rejects.toThrow(/non-test/)
  })
})
