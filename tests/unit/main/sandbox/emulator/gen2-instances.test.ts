import { describe, expect, it } from 'vitest'
import { gen2Region, validateGen2Parameters } from '../../../../../src/main/sandbox/emulator/gen2-instances'

const ok = { dataservices: { redis: { host_flavor: 'bx3d.4x20', members: 2, storage_gb: 10, version: '8.2' } } }
const withRedis = (redis: Record<string, unknown>) => ({ dataservices: { redis: { ...ok.dataservices.redis, ...redis } } })
const refusal = (p: unknown, requires: Parameters<typeof validateGen2Parameters>[1] = []) => {
  try {
    validateGen2Parameters(p, requires)
  } catch (e) {
    return { status: (e as { status: number }).status, message: (e as Error).message }
  }
  return undefined
}

describe('emulated Gen 2 broker validation', () => {
  it('accepts Terraform\u2019s shape and defaults the version to 8.2', () => {
    expect(validateGen2Parameters(ok)).toEqual({ version: '8.2' })
    expect(validateGen2Parameters(withRedis({ version: undefined }))).toEqual({ version: '8.2' })
  })

  it('refuses each wrong value with a 400 in the broker\u2019s words', () => {
    const prefix = "The broker for 'Databases for Redis' service returned error, [400, Bad Request] "
    expect(refusal(withRedis({ members: 3 }))).toEqual({ status: 400, message: `${prefix}invalid members '3', allowed values: 2` })
    expect(refusal(withRedis({ host_flavor: 'multitenant' }))?.message).toMatch(/multitenant.*not supported on Gen 2/)
    expect(refusal(withRedis({ host_flavor: 'b3c.4x16.encrypted' }))?.message).toMatch(/invalid host_flavor 'b3c\.4x16\.encrypted'/)
    expect(refusal(withRedis({ host_flavor: undefined }))?.message).toMatch(/missing parameter 'host_flavor'/)
    expect(refusal(withRedis({ storage_gb: 9 }))?.message).toMatch(/invalid storage_gb '9', allowed values: 10 to 4000/)
    expect(refusal(withRedis({ storage_gb: 4001 }))?.message).toMatch(/storage_gb '4001'/)
    expect(refusal(withRedis({ version: '9.0' }))?.message).toMatch(/invalid version '9\.0'/)
    expect(refusal({ dataservices: {} })?.message).toMatch(/missing parameter 'dataservices\.redis'/)
    expect(refusal({ ...ok, 'service-endpoints': 'private' })?.message).toMatch(/unsupported parameter 'service-endpoints'/)
    expect(refusal({ ...ok, members_host_flavor: 'multitenant' })?.message).toMatch(/unsupported parameter 'members_host_flavor'/)
    expect(refusal({ ...ok, service_endpoints: 'public' })?.message).toMatch(/invalid service_endpoints 'public', allowed values: private/)
    expect(refusal({ dataservices: { ...ok.dataservices, encryption: { disk: 'not-a-crn' } } })?.message).toMatch(/Key Protect key CRN/)
    expect(refusal({ dataservices: { ...ok.dataservices, encryption: { backup: 'crn:v1:x:key:y' } } })?.message).toMatch(/backup encryption keys are not supported/)
  })

  it('UNVERIFIED keys: accepted when sent, demanded only by a stricter broker', () => {
    const full = { service_endpoints: 'private', dataservices: { $schema: { version: '1.0.0' }, ...ok.dataservices } }
    expect(validateGen2Parameters(full, ['$schema', 'service_endpoints'])).toEqual({ version: '8.2' })
    expect(refusal(ok, ['$schema'])?.message).toMatch(/\$schema/)
    expect(refusal(ok, ['service_endpoints'])?.message).toMatch(/missing parameter 'service_endpoints'/)
    expect(refusal({ dataservices: { $schema: { version: '2.0.0' }, ...ok.dataservices } })?.message).toMatch(/\$schema\.version/)
    expect(validateGen2Parameters({ version: '8.2', dataservices: { redis: { host_flavor: 'bxf.4x16', storage_gb: 10 } } })).toEqual({ version: '8.2' })
  })

  it('target: a region or the Gen 2 deployment CRN', () => {
    expect(gen2Region('eu-de')).toBe('eu-de')
    expect(gen2Region('us-south')).toBe('us-south')
    expect(gen2Region('crn:v1:bluemix:public:globalcatalog::::deployment:databases-for-redis-standard-gen2%3Aca-mon')).toBe('ca-mon')
    expect(gen2Region('crn:v1:bluemix:public:globalcatalog::::deployment:databases-for-redis-standard%3Aca-mon')).toBeUndefined()
    expect(gen2Region(42)).toBeUndefined()
  })
})
