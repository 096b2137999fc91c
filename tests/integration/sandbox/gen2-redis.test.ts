import { execFile } from 'node:child_process'
import net from 'node:net'
import { promisify } from 'node:util'
import Redis from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIbmCloudClient, type IbmCloudClient } from '../../../src/main/ibmcloud/client'
import { ensureRedisRule, ensureZone } from '../../../src/main/ibmcloud/context-based-restrictions'
import type { Gen2Endpoint } from '../../../src/main/ibmcloud/gen2-extensions'
import { createOrAdoptGen2Instance, waitUntilGen2Ready } from '../../../src/main/ibmcloud/provisioning-gen2'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import { ensureEndpointGateway, listSubnets, listVpcs, waitForEndpointGateway } from '../../../src/main/ibmcloud/vpc'
import { testViaPath } from '../../../src/main/network/run-probe-via-path'
import type { ProbeTarget } from '../../../src/main/redis/probe'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import type { DeploymentBackend } from '../../../src/main/sandbox/emulator/redis-backend'
import { sandboxPrivateDns } from '../../../src/main/sandbox/private-dns'
import type { RedisInstance } from '../../../src/shared/schemas/ibmcloud'
import { fastRetries, gen2Request } from '../../support/ibmcloud/support'

/**
 * A real Gen 2 deployment in the sandbox: a TLS redis-server whose chain ends at the sandbox's
 * public root, behind an SNI front, reached by name only inside "the VPC" (a stable VPE), tested
 * by the real probe through the same path code the app uses (testViaPath with the sandbox env).
 */
const REGION = 'eu-de'
const MANAGER = { name: 'ibm_manager_1', password: 'Manager-password-0123456789' }
const WRITER = { name: 'ibm_writer_1', password: 'Writer-password-0123456789' }

let sandbox: Sandbox
let client: IbmCloudClient
let instance: RedisInstance
let endpoint: Gen2Endpoint
let backend: DeploymentBackend
const noKnownHosts = { lookup: async () => undefined }

beforeAll(async () => {
  sandbox = await startSandbox({ provisioningMs: 200, gatewayMs: 400, taskMs: 100, vpcs: [{ region: REGION, name: 'app-vpc' }] })
  client = createIbmCloudClient({ apiKey: sandbox.env.IBMCLOUD_API_KEY, env: sandbox.env, timeoutMs: 5_000, retryPolicy: fastRetries })
  const groupId = (await listResourceGroups(client))[0].id
  const created = await createOrAdoptGen2Instance(client, gen2Request(groupId))
  ;({ instance, endpoint } = await waitUntilGen2Ready(client, created.instance.id, { pollIntervalMs: 50 }))
  backend = sandbox.emulator.state.instances.get(instance.guid)!.deployment.backend!
  // Until resource keys create Gen 2 users with roles, the backend is asked directly.
  await backend.setUser(MANAGER.name, MANAGER.password, 'Manager')
  await backend.setUser(WRITER.name, WRITER.password, 'Writer')
}, 30_000)
afterAll(async () => {
  await sandbox?.close()
})

const target = (over: Partial<ProbeTarget> = {}, user = MANAGER, servername: string | null = endpoint.hostname): ProbeTarget => ({
  host: endpoint.hostname,
  port: endpoint.port,
  db: 0,
  username: user.name,
  password: user.password,
  tls: { enabled: true, caPem: null, servername, verifyServerCert: true },
  timeouts: { connectMs: 2_000, commandMs: 2_000 },
  ...over
})
const test = (t: ProbeTarget, env: NodeJS.ProcessEnv = sandbox.env) => testViaPath(t, { kind: 'direct' }, {}, { knownHosts: noKnownHosts, env })

async function createVpe(): Promise<void> {
  const vpc = (await listVpcs(client, REGION))[0]
  const subnets = await listSubnets(client, REGION, vpc.id)
  const { gateway } = await ensureEndpointGateway(client, REGION, { name: 'redis-vpe', vpcId: vpc.id, targetCrn: instance.id, subnets })
  expect(gateway.lifecycle_state).toBe('pending')
  // Pending: the name still does not resolve (the VPE's DNS is not there yet).
  await expect(sandboxPrivateDns(sandbox.env)!(endpoint.hostname)).rejects.toMatchObject({ code: 'ENOTFOUND' })
  await waitForEndpointGateway(client, REGION, gateway.id, { pollIntervalMs: 50, timeoutMs: 10_000 })
}

/** A client on the data port, trusting the sandbox root, as an app inside the VPC would connect. */
const redisAs = (user: { name: string; password: string }) =>
  new Redis({
    host: '127.0.0.1',
    port: endpoint.port,
    username: user.name,
    password: user.password,
    tls: { ca: sandbox.emulator.sandboxRootPem, servername: endpoint.hostname },
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null
  })

describe('Gen 2 Databases for Redis in the sandbox', () => {
  it('shows the SNI front’s real loopback port in extensions, not 6379 (the sandbox cannot own it)', () => {
    expect(endpoint.hostname).toBe(`${instance.guid}.private.uhp.redis.${REGION}.dataservices.appdomain.cloud`)
    expect(endpoint.port).toBe(backend.privateEndpoint.port)
    expect(endpoint.port).not.toBe(6379)
    expect(endpoint.cli).toContain(`-p ${endpoint.port} `)
    expect(endpoint.vpePorts).toEqual([{ min: 6379, max: 6379 }])
  })

  it('the name does not resolve before a VPE (as outside the VPC), and resolves to loopback once the VPE is stable with its IPs', async () => {
    const resolve = sandboxPrivateDns(sandbox.env)!
    await expect(resolve(endpoint.hostname)).rejects.toMatchObject({ code: 'ENOTFOUND' })
    const before = await test(target())
    expect(before.ok).toBe(false)
    expect(before.code).toBe('dns_not_found')

    await createVpe()
    expect(await resolve(endpoint.hostname)).toEqual(['127.0.0.1'])
    expect(await resolve(`replica.${endpoint.hostname.toUpperCase()}.`)).toEqual(['127.0.0.1'])
    // Another Gen 2 name of the sandbox zone never reaches a real resolver.
    await expect(resolve(`00000000-0000-4000-8000-000000000000.private.uhp.redis.${REGION}.dataservices.appdomain.cloud`)).rejects.toMatchObject({
      code: 'ENOTFOUND'
    })
  })

  it('right SNI + the sandbox root: the probe passes with chain and host name verified (leaf + intermediate sent, root from the sandbox trust setting)', async () => {
    const result = await test(target())
    expect(result.code).toBeNull()
    expect(result.ok).toBe(true)
    expect(result.dns.addresses).toEqual(['127.0.0.1'])
    expect(result.target.servername).toBe(endpoint.hostname)
    expect(result.tls).toMatchObject({ verified: true, hostnameVerified: true, verifyError: null })
    expect(result.tls?.issuer).toContain('PSE Wizard Sandbox Issuing CA R1')
    expect(result.tls?.subjectAltNames).toEqual([`DNS:${endpoint.hostname}`, `DNS:*.${endpoint.hostname}`])
    expect(result.write).toEqual({ allowed: true, readOnly: false })
  })

  it('without the sandbox root (system roots only) the certificate is untrusted', async () => {
    const { PSE_SANDBOX_ROOT_CA_FILE: _dropped, ...withoutRoot } = sandbox.env
    const result = await test(target(), withoutRoot)
    expect(result.ok).toBe(false)
    expect(result.code).toBe('tls_untrusted_ca')
    expect(result.tls?.verified).toBe(false)
  })

  it('a wrong SNI is refused by the server side (unrecognized_name), also when dialling the IP with no server name', async () => {
    const wrong = await test(target({}, MANAGER, 'db.example.com'))
    expect(wrong.ok).toBe(false)
    expect(wrong.code).toBe('tls_hostname_mismatch')
    expect(wrong.phases.find((p) => p.name === 'tls')?.notes?.[0]).toMatchObject({ code: 'tls.sni_rejected', params: { servername: 'db.example.com' } })
    const byIp = await test(target({ host: '127.0.0.1' }, MANAGER, null))
    expect(byIp.code).toBe('tls_hostname_mismatch')
    // Two labels under the domain are not covered by `*.<domain>`: refused too.
    const deep = await test(target({}, MANAGER, `a.b.${endpoint.hostname}`))
    expect(deep.code).toBe('tls_hostname_mismatch')
    // SNI is what counts, not the address dialled: the IP with the right server name passes.
    const ipWithSni = await test(target({ host: '127.0.0.1' }))
    expect(ipWithSni.ok).toBe(true)
  })

  it('Writer runs data commands but no admin command; Manager runs both', async () => {
    const writer = redisAs(WRITER)
    const manager = redisAs(MANAGER)
    try {
      await writer.connect()
      expect(await writer.set('k', 'v')).toBe('OK')
      expect(await writer.get('k')).toBe('v')
      await expect(writer.call('ACL', 'LIST')).rejects.toThrow(/NOPERM/)
      await expect(writer.call('CONFIG', 'GET', 'maxmemory')).rejects.toThrow(/NOPERM/)
      await manager.connect()
      expect(((await manager.call('ACL', 'LIST')) as string[]).some((line) => line.startsWith(`user ${WRITER.name} `))).toBe(true)
      expect(await manager.call('CONFIG', 'GET', 'maxmemory')).toEqual(['maxmemory', expect.any(String)])
      // No admin user on Gen 2.
      expect(((await manager.call('ACL', 'USERS')) as string[]).includes('admin')).toBe(false)
    } finally {
      writer.disconnect()
      manager.disconnect()
    }
    const probeAsWriter = await test(target({}, WRITER))
    expect(probeAsWriter.ok).toBe(true)
    expect(probeAsWriter.phases.find((p) => p.name === 'info')?.notes?.[0]).toMatchObject({ code: 'info.denied' })
  })

  it('the root file in the sandbox env works for a user: redis-cli --cacert with --sni, and Node with NODE_EXTRA_CA_CERTS', async () => {
    const rootFile = sandbox.env.PSE_SANDBOX_ROOT_CA_FILE
    expect(rootFile).toBeTruthy()
    const cli = (sni: string, ...extra: string[]) =>
      run('redis-cli', [
        '-h',
        '127.0.0.1',
        '-p',
        String(endpoint.port),
        '--user',
        MANAGER.name,
        '--pass',
        MANAGER.password,
        '--no-auth-warning',
        '--tls',
        '--sni',
        sni,
        ...extra,
        'PING'
      ])
    expect(await cli(endpoint.hostname, '--cacert', rootFile)).toMatchObject({ ok: true, stdout: 'PONG' })
    const wrongSni = await cli('db.example.com', '--cacert', rootFile)
    expect(wrongSni.ok).toBe(false)
    expect(wrongSni.stderr).toMatch(/unrecognized name/i)
    // The system's CA store only: the sandbox root is not in it.
    const systemOnly = await cli(endpoint.hostname)
    expect(systemOnly.ok).toBe(false)
    expect(systemOnly.stderr).toMatch(/certificate verify failed/i)

    const script = `const s=require('tls').connect({host:'127.0.0.1',port:${endpoint.port},servername:${JSON.stringify(endpoint.hostname)}},()=>{console.log(s.authorized);s.destroy()});s.on('error',e=>{console.log(e.code);process.exit(0)})`
    const node = (extra: Record<string, string>) => run(process.execPath, ['-e', script], { PATH: process.env.PATH ?? '', ...extra })
    expect((await node({ NODE_EXTRA_CA_CERTS: rootFile })).stdout).toBe('true')
    expect((await node({})).stdout).toMatch(/^(UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/)
  })

  it('an enforced CBR rule closes connections from sources outside its zones; a zone with this address lets it back in', async () => {
    const waitForTasks = async () => {
      const pending = () => [...sandbox.emulator.state.tasks.values()].some((t) => !t.applied)
      for (let i = 0; i < 100 && pending(); i++) await new Promise((r) => setTimeout(r, 30))
      expect(pending()).toBe(false)
    }
    const accountId = sandbox.emulator.state.account.id
    const elsewhere = await ensureZone(client, { accountId, name: 'elsewhere', description: '', addresses: [{ type: 'subnet', value: '10.0.0.0/24' }] })
    await ensureRedisRule(client, {
      accountId,
      instanceGuid: instance.guid,
      zoneId: elsewhere.zone.id,
      description: 'only 10.0.0.0/24',
      enforcementMode: 'enabled'
    })
    await waitForTasks()
    const locked = await test(target())
    expect(locked.ok).toBe(false)
    expect(locked.code).toBe('tls_not_offered') // closed at once, during the handshake
    expect(await admitsFrom('127.0.0.1')).toBe(false)

    await ensureZone(client, { accountId, name: 'elsewhere', description: '', addresses: [{ type: 'ipAddress', value: '127.0.0.1' }] })
    await ensureRedisRule(client, {
      accountId,
      instanceGuid: instance.guid,
      zoneId: elsewhere.zone.id,
      description: 'this computer',
      enforcementMode: 'enabled'
    })
    await waitForTasks()
    expect((await test(target())).ok).toBe(true)
    expect(await admitsFrom('127.0.0.2')).toBe(false)
  })

  it('an endpoint turned off refuses new connections', async () => {
    await backend.setEndpoints({ public: false, private: false })
    try {
      expect(await admitsFrom('127.0.0.1')).toBe(false)
    } finally {
      await backend.setEndpoints({ public: false, private: true })
    }
    expect(await admitsFrom('127.0.0.1')).toBe(true)
  })
})

async function run(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '' }
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(file, args, { env, timeout: 10_000 })
    return { ok: true, stdout: stdout.trim(), stderr }
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string }
    return { ok: false, stdout: String(stdout ?? '').trim(), stderr: String(stderr ?? '') }
  }
}

/** Whether a TCP connection from this loopback source stays open (a restriction closes it at once). */
function admitsFrom(localAddress: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: endpoint.port, localAddress })
    const done = (admitted: boolean) => {
      socket.destroy()
      resolve(admitted)
    }
    socket.once('connect', () => setTimeout(() => done(!socket.destroyed && socket.readyState === 'open'), 150))
    socket.once('close', () => done(false))
    socket.once('error', () => done(false))
  })
}
