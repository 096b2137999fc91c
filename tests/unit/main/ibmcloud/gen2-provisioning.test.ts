import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ResourceInstanceBody } from '../../../../src/main/ibmcloud/api-shapes'
import { gen2EndpointOf, vpeHostnames } from '../../../../src/main/ibmcloud/gen2-extensions'
import { adjustGen2Parameters, gen2ProvisioningParameters } from '../../../../src/main/ibmcloud/provisioning-gen2'
import { toRedisInstance } from '../../../../src/main/ibmcloud/resource-controller'

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../fixtures/ibm-cloud', name), 'utf8')) as Record<string, unknown>
const request = fixture('gen2_resource_instance_create_request.json')
const active = fixture('gen2_resource_instance_redis.json')
const provisioning = (fixture('gen2_resource_instances_list_provisioning.json').resources as Record<string, unknown>[])[0]

describe('Gen 2 create parameters', () => {
  it('are exactly what Terraform sends (the fixture), members always 2', () => {
    const params = gen2ProvisioningParameters({
      name: 'my-redis-gen2',
      region: 'eu-de',
      resourceGroupId: 'eb922ba0717f47589ca26d202c5cc915',
      hostFlavor: 'bx3d.4x20',
      storageGbPerMember: 10,
      version: '8.2',
      keyProtectKeyCrn: ((request.parameters as { dataservices: { encryption: { disk: string } } }).dataservices.encryption.disk)
    })
    expect(params).toEqual(request.parameters)
  })

  it('leave version and encryption out when not chosen', () => {
    expect(gen2ProvisioningParameters({ name: 'a', region: 'eu-de', resourceGroupId: 'g', hostFlavor: 'bxf.4x16', storageGbPerMember: 20 })).toEqual({
      dataservices: { redis: { host_flavor: 'bxf.4x16', members: 2, storage_gb: 20 } }
    })
  })

  it('refuse what the schema refuses (storage out of range, not a flavor)', () => {
    expect(() => gen2ProvisioningParameters({ name: 'a', region: 'eu-de', resourceGroupId: 'g', hostFlavor: 'bxf.4x16', storageGbPerMember: 5 })).toThrow(/At least 10 GB/)
    expect(() => gen2ProvisioningParameters({ name: 'a', region: 'eu-de', resourceGroupId: 'g', hostFlavor: 'multitenant', storageGbPerMember: 10 })).toThrow(/host flavor/)
  })

  it('UNVERIFIED shapes are added once, only for a refusal naming them', () => {
    const base = { dataservices: { redis: { host_flavor: 'bx3d.4x20', members: 2, storage_gb: 10 } } }
    const withSchema = adjustGen2Parameters(base, "missing parameter 'dataservices.$schema.version', must be 1.0.0")
    expect(withSchema).toEqual({ dataservices: { $schema: { version: '1.0.0' }, ...base.dataservices } })
    expect(adjustGen2Parameters(withSchema!, 'dataservices.$schema.version must be 1.0.0')).toBeUndefined()
    const withEndpoints = adjustGen2Parameters(base, "missing parameter 'service_endpoints', allowed values: private")
    expect(withEndpoints).toEqual({ ...base, service_endpoints: 'private' })
    expect(adjustGen2Parameters(withEndpoints!, 'service_endpoints is required')).toBeUndefined()
    expect(adjustGen2Parameters(base, "invalid host_flavor 'x'")).toBeUndefined()
  })
})

describe('Gen 2 instance bodies', () => {
  it('an active instance (fixture) is Gen 2 by its plan id, private, version 8.2', () => {
    expect(toRedisInstance(ResourceInstanceBody.parse(active))).toMatchObject({ generation: 'gen2', serviceEndpoints: 'private', version: '8.2', state: 'active' })
  })

  it('the connection comes from extensions.dataservices.connection.rediss with the VPE names', () => {
    const host = '07d523b1-6eea-4263-bd03-c17edf355e0b.private.uhp.redis.eu-de.dataservices.appdomain.cloud'
    expect(gen2EndpointOf(active)).toEqual({
      hostname: host,
      port: 6379,
      database: 0,
      scheme: 'rediss',
      vpeHostnames: [host],
      vpePorts: [{ min: 6379, max: 6379 }],
      cli: `redis-cli -h ${host} -p 6379 --user $USERNAME -a $PASSWORD --tls --sni ${host}`
    })
  })

  it('no extensions yet (provisioning fixture): no connection', () => {
    expect(gen2EndpointOf(provisioning)).toBeUndefined()
    expect(gen2EndpointOf({ extensions: { dataservices: { connection: {} } } })).toBeUndefined()
  })

  it('UNVERIFIED layouts: a `redis` key, database from the path, the 2025 VPE block nested under dataservices', () => {
    const body = {
      extensions: {
        dataservices: {
          connection: { redis: { hosts: [{ hostname: 'h.example', port: 6379 }], path: '/3' } },
          virtual_private_endpoints: { dns_domain: 'private.uhp.redis.eu-de.dataservices.appdomain.cloud', dns_hosts: ['abc', '*.abc'] }
        }
      }
    }
    expect(gen2EndpointOf(body)).toEqual({ hostname: 'h.example', port: 6379, database: 3, scheme: 'redis', vpeHostnames: ['abc.private.uhp.redis.eu-de.dataservices.appdomain.cloud'], vpePorts: [] })
  })

  it('VPE names: "" is the domain itself, wildcards are dropped', () => {
    expect(vpeHostnames({ dns_domain: 'd.example', dns_hosts: ['', '*'] })).toEqual(['d.example'])
    expect(vpeHostnames({ dns_domain: 'd.example' })).toEqual(['d.example'])
  })
})
