import net from 'node:net'
import type { AddressClass } from '../../shared/schemas/probe'

/**
 * Where an address lives: IBM Cloud's service endpoint network (166.8.0.0/14, where private
 * Databases for Redis endpoints resolve), RFC 1918 / unique-local private space, loopback, or
 * the public internet.
 */
const blocks = new net.BlockList()
blocks.addSubnet('166.8.0.0', 14, 'ipv4')
const privateBlocks = new net.BlockList()
privateBlocks.addSubnet('10.0.0.0', 8, 'ipv4')
privateBlocks.addSubnet('172.16.0.0', 12, 'ipv4')
privateBlocks.addSubnet('192.168.0.0', 16, 'ipv4')
privateBlocks.addSubnet('fc00::', 7, 'ipv6')
const loopbackBlocks = new net.BlockList()
loopbackBlocks.addSubnet('127.0.0.0', 8, 'ipv4')
loopbackBlocks.addAddress('::1', 'ipv6')

export function classifyAddress(address: string): AddressClass {
  const family = net.isIPv6(address) ? 'ipv6' : 'ipv4'
  const mapped = family === 'ipv6' ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] : undefined
  if (mapped) return classifyAddress(mapped)
  if (blocks.check(address, family)) return 'ibm_service_endpoint'
  if (loopbackBlocks.check(address, family)) return 'loopback'
  if (privateBlocks.check(address, family)) return 'private'
  return 'public'
}

export const addressClassLabel: Record<AddressClass, string> = {
  ibm_service_endpoint: 'IBM Cloud service endpoint network (166.8.0.0/14)',
  private: 'private network (RFC 1918)',
  loopback: 'loopback',
  public: 'public internet'
}
