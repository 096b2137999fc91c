import { describe, expect, it } from 'vitest'
import { classifyAddress } from '../../../../src/main/redis/address-class'

describe('classifyAddress', () => {
  it.each([
    ['166.8.0.1', 'ibm_service_endpoint'],
    ['166.9.16.209', 'ibm_service_endpoint'],
    ['166.11.255.255', 'ibm_service_endpoint'],
    ['166.12.0.1', 'public'],
    ['166.7.255.255', 'public'],
    ['10.240.64.6', 'private'],
    ['172.16.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:166.9.1.1', 'ibm_service_endpoint'],
    ['fd00::1', 'private'],
    ['8.8.8.8', 'public'],
    ['2001:db8::1', 'public']
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected)
  })
})
