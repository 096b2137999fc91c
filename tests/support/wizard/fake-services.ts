import type { ConnectionInfo, RedisInstance } from '../../../src/shared/schemas/ibmcloud'
import type { ProbeResult } from '../../../src/shared/schemas/probe'
import { checkPassword, generatePassword } from '../../../src/main/ibmcloud/password-rules'
import type { WizardServices } from '../../../src/main/wizard/services'
import { fakeVpc, type FakeVpc } from './fake-vpc'
import type { Gen2Key } from '../../../src/main/ibmcloud/gen2-keys'

export const CA = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n'

export const conn = (endpoint: 'public' | 'private', username = 'admin'): ConnectionInfo => ({
  endpoint,
  hostname: endpoint === 'public' ? 'abc.c1.databases.appdomain.cloud' : 'abc.c1.private.databases.appdomain.cloud',
  port: 31000,
  username,
  database: 0,
  uri: `rediss://${username}:$PASSWORD@abc.c1${endpoint === 'private' ? '.private' : ''}.databases.appdomain.cloud:31000/0`,
  caPem: CA
})

export const probeResult = (ok: boolean, code: ProbeResult['code'] = null): ProbeResult => ({
  ok,
  code,
  message: ok ? 'Connected.' : 'Could not connect.',
  startedAt: new Date().toISOString(),
  totalMs: 12,
  target: { host: 'h', port: 1, tls: true, servername: null, connectedTo: null },
  phases: [],
  dns: { addresses: [], classification: null, classes: [] },
  tls: null,
  ping: null,
  write: null,
  server: null
})

export interface FakeControl {
  services: WizardServices
  calls: string[]
  instance: RedisInstance
  secrets: Map<string, string>
  /** Resolves the pending wait (or fails it). */
  finishWait(error?: Error): void
  probeResults: { public: ProbeResult; private: ProbeResult }
  /** The in-memory VPC behind `services.vpc`. */
  vpc: FakeVpc
  /** Gen 2 keys the fake IBM Cloud holds (with their credentials, which it shows only in the create's answer unless `showAgain`). */
  gen2: { keys: Gen2Key[]; showAgain: boolean; loseNextAnswer: boolean }
}

/** An in-memory stand-in for the IBM layer, probe, keychain and profile store. */
export function fakeServices(): FakeControl {
  const calls: string[] = []
  const secrets = new Map<string, string>()
  const instance: RedisInstance = { id: 'crn:v1:bluemix:public:databases-for-redis:jp-tok:a/acc:guid-1::', guid: 'guid-1', name: 'Redis-0101', region: 'jp-tok', resourceGroupId: 'rg1', state: 'provisioning', serviceEndpoints: 'public-and-private', generation: 'gen1' }
  let release: { resolve: () => void; reject: (e: Error) => void } | undefined
  // finishWait() may come before the job reached waitUntilReady: queue the outcome.
  const queued: Array<Error | undefined> = []
  const vpc = fakeVpc()
  const ctl: FakeControl = {
    vpc,
    calls,
    instance,
    secrets,
    probeResults: { public: probeResult(true), private: probeResult(true) },
    gen2: { keys: [], showAgain: false, loseNextAnswer: false },
    finishWait(error) {
      if (!release) return void queued.push(error)
      const r = release
      release = undefined
      if (error) r.reject(error)
      else r.resolve()
    },
    services: {
      sandbox: true,
      accountChoices: async () => ({ keychain: false, environment: true, session: false }),
      signIn: async (input) => {
        calls.push(`signIn:${input.source}`)
        return { source: input.source === 'apiKey' ? 'keychain' : input.source, info: { accountId: 'acc', accountName: 'Acme' } }
      },
      restoreSession: async () => void calls.push('restoreSession'),
      checkPrerequisites: async () => ({ ok: true, sandbox: true, items: [{ id: 'vrf', ok: true, label: 'VRF' }, { id: 'service_endpoint', ok: true, label: 'SE' }] }),
      openSupportCase: async (request) => {
        calls.push(`openSupportCase:${request.marker}`)
        return { number: 'CS0000001', status: 'new', createdAt: new Date().toISOString(), adopted: false }
      },
      readSupportCase: async (caseNumber) => {
        calls.push(`readSupportCase:${caseNumber}`)
        return { number: caseNumber, status: 'in_progress', createdAt: null }
      },
      listRegions: async () => [{ id: 'jp-tok', name: 'Tokyo (jp-tok)' }],
      listResourceGroups: async () => [{ id: 'rg1', name: 'Default', isDefault: true }],
      listVersions: async () => [{ version: '8.2', status: 'stable', preferred: true }],
      listInstances: async () => [],
      getInstance: async () => instance,
      createOrAdopt: async () => {
        calls.push('createOrAdopt')
        return { instance, adopted: false }
      },
      waitUntilReady: (_id, signal, onProgress) =>
        new Promise((resolve, reject) => {
          calls.push('waitUntilReady')
          if (signal.aborted) return reject(Object.assign(new Error('Cancelled.'), { code: 'cancelled' }))
          onProgress({ phase: 'provisioning', percent: 40, description: 'Provisioning redis with version 8.2 (40%)', state: 'provisioning', elapsedMs: 1 })
          if (queued.length) {
            const outcome = queued.shift()
            return outcome ? reject(outcome) : resolve({ ...instance, state: 'active' })
          }
          release = { resolve: () => resolve({ ...instance, state: 'active' }), reject }
          signal.addEventListener('abort', () => reject(Object.assign(new Error('Cancelled.'), { code: 'cancelled' })), { once: true })
        }),
      deleteInstance: async () => void calls.push('deleteInstance'),
      listGen2Regions: async () => ['jp-tok'],
      listVpcSummaries: async () => [],
      createOrAdoptGen2: async () => {
        calls.push('createOrAdoptGen2')
        return { instance: { ...instance, generation: 'gen2', serviceEndpoints: 'private' }, adopted: false }
      },
      waitUntilGen2Ready: async (_id, _signal, onProgress) => {
        calls.push('waitUntilGen2Ready')
        onProgress({ phase: 'provisioning', percent: 40, description: 'Provisioning redis with version 8.2 (40%)', state: 'provisioning', elapsedMs: 1 })
        return { ...instance, generation: 'gen2', serviceEndpoints: 'private', state: 'active' }
      },
      checkPassword: (p) => checkPassword(p, 'admin'),
      generatePassword: () => generatePassword(32),
      setAdminPassword: async () => {
        calls.push('setAdminPassword')
        return { username: 'admin' }
      },
      connectionInfo: async (_crn, e) => conn(e),
      ensurePrivateServiceKey: async (_i, name) => ({ keyId: 'crn:key-1', name, reused: false, connection: conn('private', 'ibm_cloud_user'), credentials: { username: 'ibm_cloud_user', password: 'key-password-0123456789' } }),
      vpc: vpc.services,
      findGen2Key: async (_i, name) => {
        calls.push(`findGen2Key:${name}`)
        const k = ctl.gen2.keys.find((x) => x.name === name)
        return k && !ctl.gen2.showAgain ? { ...k, credentials: undefined } : k
      },
      createGen2Key: async (instance, name, role) => {
        calls.push(`createGen2Key:${name}:${role}`)
        const n = ctl.gen2.keys.length + 1
        const host = `${instance.guid}.private.uhp.redis.eu-de.dataservices.appdomain.cloud`
        const key: Gen2Key = {
          id: `crn:v1:bluemix:public:databases-for-redis:eu-de:a/acc:${instance.guid}:resource-key:k${n}`,
          guid: `k${n}`,
          name,
          role,
          credentials: { username: `ibmcloud_user${n}`, password: `gen2-password-${n}-0123456789`, hostname: host, port: 6379, database: 0 }
        }
        ctl.gen2.keys.push(key)
        if (ctl.gen2.loseNextAnswer) {
          ctl.gen2.loseNextAnswer = false
          return { ...key, credentials: undefined }
        }
        return key
      },
      probe: async ({ connection }) => (connection.endpoint === 'public' ? ctl.probeResults.public : ctl.probeResults.private),
      privatePathOptions: () => [{ kind: 'bastion', available: true, label: 'Bastion', detail: 'ssh' }],
      saveProfile: async (d) => {
        calls.push(`saveProfile:${d.connection.endpoint}`)
        return { id: `p-${d.connection.endpoint}` }
      },
      secrets: {
        get: async (n) => secrets.get(n),
        set: async (n, v) => {
          secrets.set(n, v)
          return 'keychain'
        },
        delete: async (n) => void secrets.delete(n)
      }
    }
  }
  return ctl
}
