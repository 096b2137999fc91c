import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateApiKey } from '../../../src/main/ibmcloud/account'
import { createIbmCloudClient } from '../../../src/main/ibmcloud/client'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import type { Emulator } from '../../../src/main/sandbox/emulator/server'
import { API_KEY, failureOf, fastRetries, startEmulator } from '../../support/ibmcloud/support'

/** An endpoint that answers every request with an endless JSON-looking body (a broken proxy, a wrong URL). */
function startFloodServer(): Promise<{ url: string; bytesSent: () => number; close: () => Promise<void> }> {
  let sent = 0
  const chunk = Buffer.alloc(256 * 1024, 0x20)
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' })
    const pump = () => {
      while (!res.destroyed && sent < 2 * 1024 * 1024 * 1024) {
        sent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    res.on('close', () => undefined)
    pump()
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        bytesSent: () => sent,
        close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())))
      })
    )
  )
}

describe('IBM Cloud answers are read up to a size limit', () => {
  let emu: Emulator
  let flood: Awaited<ReturnType<typeof startFloodServer>>
  beforeAll(async () => {
    emu = await startEmulator()
    flood = await startFloodServer()
  })
  afterAll(async () => {
    await flood.close()
    await emu.close()
  })

  it('an endless API answer fails as ibm_malformed_response instead of filling memory', async () => {
    const client = createIbmCloudClient({
      apiKey: API_KEY,
      env: { ...emu.env(), IBMCLOUD_RESOURCE_MANAGEMENT_API_ENDPOINT: flood.url },
      timeoutMs: 60_000,
      retryPolicy: { ...fastRetries, maxRetries: 0 }
    })
    const failure = await failureOf(listResourceGroups(client))
    expect(failure.code).toBe('ibm_malformed_response')
    expect(flood.bytesSent()).toBeLessThan(512 * 1024 * 1024)
  })

  it('an endless IAM token answer fails the sign-in the same way', async () => {
    const client = createIbmCloudClient({ apiKey: API_KEY, env: { ...emu.env(), IBMCLOUD_IAM_API_ENDPOINT: flood.url }, timeoutMs: 60_000 })
    const failure = await failureOf(validateApiKey(client))
    expect(failure.code).toBe('ibm_malformed_response')
  })
})
