import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KnownHostsStore } from '../../../src/main/network/known-hosts'
import { networkService, type ProfileAccess } from '../../../src/main/network/service'
import { Emulator } from '../../../src/main/sandbox/emulator/server'
import { PRIVATE_DNS_ZONE_VARIABLE } from '../../../src/main/sandbox/private-dns'
import { sandboxOptionsFromEnv } from '../../../src/main/sandbox'

/**
 * The sandbox's unresolvable private endpoints, through the services the UI calls: the emulator
 * names its private DNS zone in its environment, and with that environment a direct test of a
 * name in the zone fails at DNS (never asking the system resolver) and is diagnosed as
 * "private DNS unreachable", with the bastion and pod paths first.
 */
let emu: Emulator
let dir: string

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-sbx-dns-'))
  emu = await Emulator.start({ backend: 'fake', ...sandboxOptionsFromEnv({ PSE_SANDBOX_PRIVATE_ENDPOINT: 'unresolvable' }) })
})
afterAll(async () => {
  await emu?.close()
  if (dir) await fs.rm(dir, { recursive: true, force: true })
})

function service(host: string, env: NodeJS.ProcessEnv) {
  const profiles: ProfileAccess = {
    load: async () => ({
      target: {
        host,
        port: 6379,
        db: 0,
        username: 'admin',
        password: 'not-sent',
        tls: { enabled: true, caPem: null, servername: null, verifyServerCert: true },
        timeouts: { connectMs: 3000, commandMs: 3000 }
      },
      networkPath: { kind: 'direct' },
      privateEndpoint: true
    }),
    sshSecret: async () => undefined
  }
  return networkService({ knownHosts: new KnownHostsStore(dir), profiles, env })
}

describe('sandbox: a private endpoint whose name does not resolve from here', () => {
  it('names an IBM-style private zone in the emulator environment (and none by default)', async () => {
    expect(emu.privateDnsZone).toMatch(/^[a-z0-9]{20}\.private\.databases\.appdomain\.cloud$/)
    expect(emu.env()[PRIVATE_DNS_ZONE_VARIABLE]).toBe(emu.privateDnsZone)
    const plain = await Emulator.start({ backend: 'fake' })
    try {
      expect(plain.privateDnsZone).toBeUndefined()
      expect(plain.env()[PRIVATE_DNS_ZONE_VARIABLE]).toBeUndefined()
    } finally {
      await plain.close()
    }
  })

  it('fails a direct test at DNS and diagnoses it, with the bastion and pod paths first', async () => {
    const host = `0b7d6f2c-6a55-4b1a-9d1e-1c8c3f0a9e21.${emu.privateDnsZone}`
    const s = service(host, { ...emu.env() })
    const result = await s.testPath({ profileId: 'p' })
    expect(result.ok).toBe(false)
    expect(result.code).toBe('dns_not_found')
    expect(result.phases.find((p) => !p.ok)?.name).toBe('dns')
    expect(result.diagnosis?.case).toBe('private_dns_unreachable')
    const diagnosis = await s.diagnose('p')
    expect(diagnosis?.case).toBe('private_dns_unreachable')
    expect(diagnosis?.suggestions.map((x) => [x.kind, x.current])).toEqual([
      ['ssh', false],
      ['pod', false],
      ['direct', true]
    ])
  })
})
