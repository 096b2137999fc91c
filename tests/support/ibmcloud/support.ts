import { createIbmCloudClient, type IbmCloudClient } from '../../../src/main/ibmcloud/client'
import type { RetryPolicy } from '../../../src/main/ibmcloud/request'
import { Emulator, type EmulatorOptions } from '../../../src/main/sandbox/emulator/server'

export const API_KEY = 'sandboxTestKey_0123456789abcdefghijklmnopqr'

/** Fast retries so fault tests take milliseconds; bounds stay the same as production. */
export const fastRetries: RetryPolicy = { maxRetries: 3, maxRateLimitRetries: 5, baseDelayMs: 5, maxDelayMs: 40, maxRetryAfterSeconds: 120 }

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return Emulator.start({ apiKeys: [API_KEY], provisioningMs: 600, taskMs: 100, backend: 'fake', ...options })
}

export function clientFor(emu: Emulator, overrides: { apiKey?: string; timeoutMs?: number; retryPolicy?: RetryPolicy } = {}): IbmCloudClient {
  return createIbmCloudClient({ apiKey: overrides.apiKey ?? API_KEY, env: emu.env(), timeoutMs: overrides.timeoutMs ?? 5_000, retryPolicy: overrides.retryPolicy ?? fastRetries })
}

/** Resolves with the AppFailure a promise rejects with (fails the test if it resolves). */
export async function failureOf(p: Promise<unknown>): Promise<{ code: string; message: string; retryAfter?: number; detail?: string }> {
  try {
    await p
  } catch (e) {
    return e as { code: string; message: string }
  }
  throw new Error('expected a failure, got success')
}

export const redisRequest = (resourceGroupId: string, name = 'Redis-0101') => ({
  name,
  region: 'jp-tok',
  resourceGroupId,
  tags: ['env:dev'],
  memoryMbPerMember: 1024,
  diskMbPerMember: 1024,
  cpuPerMember: 0,
  version: '8.2',
  serviceEndpoints: 'public-and-private' as const
})

/** A Gen 2 create (plan standard-gen2) in a region whose Gen 2 deployment the emulated catalog lists. */
export const gen2Request = (resourceGroupId: string, name = 'redis-gen2-01') => ({
  name,
  region: 'eu-de',
  resourceGroupId,
  tags: ['env:dev'],
  hostFlavor: 'bx3d.4x20',
  storageGbPerMember: 10,
  version: '8.2'
})
