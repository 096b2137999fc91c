import { describe, expect, it } from 'vitest'
import { inZone, sandboxPrivateDns } from '../../../../src/main/sandbox/private-dns'
import { isPrivateEndpointName } from '../../../../src/main/network/diagnosis'

const zone = 'abc123sandboxcluster0.private.databases.appdomain.cloud'

describe('sandbox private DNS zone', () => {
  it('tells names in the zone from the others', () => {
    expect(inZone(`guid-1.${zone}`, zone)).toBe(true)
    expect(inZone(`GUID-1.${zone.toUpperCase()}.`, zone)).toBe(true)
    expect(inZone(zone, zone)).toBe(true)
    expect(inZone(`guid-1.other.private.databases.appdomain.cloud`, zone)).toBe(false)
    expect(inZone(`evil${zone}`, zone)).toBe(false)
    expect(inZone('localhost', '')).toBe(false)
  })

  it('is off without the variable, or with a zone outside IBM Cloud private names', () => {
    expect(sandboxPrivateDns({})).toBeUndefined()
    expect(sandboxPrivateDns(undefined)).toBeUndefined()
    expect(sandboxPrivateDns({ PSE_SANDBOX_PRIVATE_DNS_ZONE: 'example.com' })).toBeUndefined()
  })

  it('answers "not found" for names in the zone, and the diagnosis reads them as private endpoints', async () => {
    const resolve = sandboxPrivateDns({ PSE_SANDBOX_PRIVATE_DNS_ZONE: zone })!
    const host = `0b7d6f2c-6a55-4b1a-9d1e-1c8c3f0a9e21.${zone}`
    await expect(resolve(host)).rejects.toMatchObject({ code: 'ENOTFOUND' })
    expect(isPrivateEndpointName(host)).toBe(true)
  })

  it('leaves every other name to the system resolver', async () => {
    const resolve = sandboxPrivateDns({ PSE_SANDBOX_PRIVATE_DNS_ZONE: zone })!
    expect(await resolve('localhost')).toContain('127.0.0.1')
  })
})
