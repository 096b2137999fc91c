import { describe, expect, it } from 'vitest'
import { resolveEndpoints } from '../../../../src/main/ibmcloud/endpoints'
import { retryAfterSeconds, serviceMessage, toAppFailure } from '../../../../src/main/ibmcloud/errors'
import { percentFrom, provisioningParameters } from '../../../../src/main/ibmcloud/provisioning'
import { startTokenOf } from '../../../../src/main/ibmcloud/resource-controller'
import { taskOutcome } from '../../../../src/main/ibmcloud/databases'

describe('endpoints', () => {
  it('public defaults', () => {
    const e = resolveEndpoints({})
    expect(e.iam).toBe('https://iam.cloud.ibm.com')
    expect(e.resourceController).toBe('https://resource-controller.cloud.ibm.com')
    expect(e.cloudDatabases('jp-tok')).toBe('https://api.jp-tok.databases.cloud.ibm.com/v5/ibm')
  })

  it('private endpoints setting switches hosts', () => {
    const e = resolveEndpoints({}, { privateEndpoints: true })
    expect(e.iam).toBe('https://private.iam.cloud.ibm.com')
    expect(e.resourceController).toBe('https://private.us-south.resource-controller.cloud.ibm.com')
    expect(e.cloudDatabases('eu-de')).toBe('https://api.eu-de.private.databases.cloud.ibm.com/v5/ibm')
  })

  it('IBMCLOUD_* variables win; {region} is a template; /v5/ibm is appended when missing', () => {
    const e = resolveEndpoints({ IBMCLOUD_ICD_API_ENDPOINT: 'https://api.{region}.example.test', IBMCLOUD_IAM_API_ENDPOINT: 'https://iam.example.test/' })
    expect(e.iam).toBe('https://iam.example.test')
    expect(e.cloudDatabases('jp-osa')).toBe('https://api.jp-osa.example.test/v5/ibm')
    expect(resolveEndpoints({ IBMCLOUD_ICD_API_ENDPOINT: 'https://one.example.test/v5/ibm' }).cloudDatabases('us-east')).toBe('https://one.example.test/v5/ibm')
  })

  it('refuses plain http except to loopback', () => {
    expect(() => resolveEndpoints({ IBMCLOUD_IAM_API_ENDPOINT: 'http://iam.example.test' })).toThrow(/https/)
    expect(resolveEndpoints({ IBMCLOUD_IAM_API_ENDPOINT: 'http://127.0.0.1:9' }).iam).toBe('http://127.0.0.1:9')
  })

  it('refuses a region that is not a region name', () => {
    expect(() => resolveEndpoints({}).cloudDatabases('../../evil')).toThrow()
    expect(() => resolveEndpoints({}).vpc('../../evil')).toThrow()
  })

  it('VPC API: regional host ending in /v1, private host, IBMCLOUD_IS_NG_API_ENDPOINT with {region}', () => {
    expect(resolveEndpoints({}).vpc('jp-tok')).toBe('https://jp-tok.iaas.cloud.ibm.com/v1')
    expect(resolveEndpoints({}, { privateEndpoints: true }).vpc('eu-de')).toBe('https://eu-de.private.iaas.cloud.ibm.com/v1')
    expect(resolveEndpoints({ IBMCLOUD_IS_NG_API_ENDPOINT: 'https://{region}.iaas.example.test/v1/' }).vpc('us-east')).toBe(
      'https://us-east.iaas.example.test/v1'
    )
    expect(() => resolveEndpoints({ IBMCLOUD_IS_NG_API_ENDPOINT: 'http://{region}.iaas.example.test/v1' })).toThrow(/https/)
  })
})

describe('errors', () => {
  it('Retry-After as seconds or HTTP date', () => {
    expect(retryAfterSeconds({ 'retry-after': '7' })).toBe(7)
    expect(retryAfterSeconds({ 'Retry-After': new Date(Date.now() + 5000).toUTCString() })).toBeGreaterThanOrEqual(4)
    expect(retryAfterSeconds({})).toBeUndefined()
  })

  it('reads every IBM error shape', () => {
    expect(serviceMessage({ errors: [{ message: 'a' }] })).toBe('a')
    expect(serviceMessage({ errorMessage: 'b' })).toBe('b')
    expect(serviceMessage({ errors: 'not_found' })).toBe('not_found')
    expect(serviceMessage({ message: 'c', error_code: 'RC-x' })).toBe('c')
  })

  it('403 names the role from the context', () => {
    const f = toAppFailure({ status: 403, result: { message: 'nope' } }, { op: 'createInstance', role: 'editorRedis' })
    expect(f.code).toBe('ibm_forbidden')
    expect(f.message).toMatch(/Editor platform role on Databases for Redis/)
    expect(f.params).toEqual({ op: 'createInstance', role: 'editorRedis' })
  })

  it('IAM answering 401 (instead of 400) with a BXNIM code is also a bad API key, not an expired token', () => {
    expect(toAppFailure({ status: 401, result: { errorCode: 'BXNIM0415E', errorMessage: 'Provided API key could not be found' } }, { op: 'readInstance' }).code).toBe(
      'ibm_api_key_invalid'
    )
    expect(toAppFailure({ status: 401, result: { error_code: 'RC-TokenExpired' } }, { op: 'readInstance' }).code).toBe('ibm_unauthorized')
  })

  it('IAM 400 with a BXNIM code is a bad API key', () => {
    expect(toAppFailure({ status: 400, result: { errorCode: 'BXNIM0415E', errorMessage: 'Provided API key could not be found' } }, { op: 'readInstance' }).code).toBe(
      'ibm_api_key_invalid'
    )
  })
})

describe('provisioning helpers', () => {
  it('sizes per member become totals for 2 members; isolated flavors send no CPU/RAM', () => {
    const base = { name: 'r', region: 'jp-tok', resourceGroupId: 'g', serviceEndpoints: 'private' as const }
    expect(
      provisioningParameters({
        ...base,
        memoryMbPerMember: 4096,
        diskMbPerMember: 5120,
        cpuPerMember: 3,
        keyProtectKeyCrn: 'crn:v1:bluemix:public:kms:jp-tok:a/x:y:key:z',
        version: '8.2'
      })
    ).toEqual({
      'service-endpoints': 'private',
      members_host_flavor: 'multitenant',
      members_memory_allocation_mb: 8192,
      members_disk_allocation_mb: 10240,
      members_cpu_allocation_count: 6,
      version: '8.2',
      disk_encryption_key_crn: 'crn:v1:bluemix:public:kms:jp-tok:a/x:y:key:z'
    })
    expect(provisioningParameters({ ...base, hostFlavor: 'b3c.4x16.encrypted', memoryMbPerMember: 4096, cpuPerMember: 2 })).toEqual({
      'service-endpoints': 'private',
      members_host_flavor: 'b3c.4x16.encrypted'
    })
  })

  it('percent from the broker words', () => {
    expect(percentFrom('Provisioning redis with version 8.2 (40%)')).toBe(40)
    expect(percentFrom('Started create instance operation')).toBeUndefined()
  })

  it('next_url start token', () => {
    expect(startTokenOf('/v2/resource_instances?start=abc&limit=2')).toBe('abc')
    expect(startTokenOf(null)).toBeUndefined()
  })

  it('task outcome tolerates {}', () => {
    expect(taskOutcome(undefined)).toBe('done')
    expect(taskOutcome({})).toBe('done')
    expect(taskOutcome({ status: 'running' })).toBe('pending')
    expect(taskOutcome({ status: 'expired' })).toBe('failed')
  })
})
