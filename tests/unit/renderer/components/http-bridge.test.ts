import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpBridge } from '../../../../src/renderer/src/api/http-bridge'

/** A loopback server that takes calls and never answers them, noting when the client gives up. */
async function silentServer(): Promise<{ base: string; received: Promise<void>; closed: Promise<void>; stop(): Promise<void> }> {
  let onReceived!: () => void
  let onClosed!: () => void
  const received = new Promise<void>((r) => (onReceived = r))
  const closed = new Promise<void>((r) => (onClosed = r))
  const server = http.createServer((req, res) => {
    onReceived()
    res.on('close', () => onClosed())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    closed,
    stop: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())))
  }
}

describe('browser-mode bridge', () => {
  let stop: (() => Promise<void>) | undefined
  afterEach(async () => {
    await stop?.()
    stop = undefined
  })

  it('a call whose signal is aborted ends as cancelled and drops the request (main then aborts the call)', async () => {
    const server = await silentServer()
    stop = server.stop
    const bridge = createHttpBridge(server.base)
    const controller = new AbortController()
    const answer = bridge.invoke('profiles.test', { id: 'p-1' }, { signal: controller.signal })
    await server.received
    controller.abort()
    expect(await answer).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } })
    await server.closed
  })

  it('a server that is gone is app_unreachable, not cancelled', async () => {
    const server = await silentServer()
    await server.stop()
    const result = await createHttpBridge(server.base).invoke('app.info', {})
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.code).toBe('app_unreachable')
  })
})
