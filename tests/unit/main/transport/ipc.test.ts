import { describe, expect, it } from 'vitest'
import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { bindIpc, senderCheck } from '../../../../src/main/transport/ipc'
import { IPC_CALL } from '../../../../src/shared/bridge'
import type { Handlers } from '../../../../src/main/transport/dispatch'
import { defaultSettings } from '../../../../src/shared/schemas/app'

// The one unit test with fake Electron objects: the sender check itself.
type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>

function fakeIpcMain() {
  const listeners = new Map<string, Listener>()
  return {
    handle: (channel: string, listener: Listener) => void listeners.set(channel, listener),
    removeHandler: (channel: string) => void listeners.delete(channel),
    invoke: (event: unknown, ...args: unknown[]) => listeners.get(IPC_CALL)!(event as IpcMainInvokeEvent, ...args),
    listeners
  }
}

const ownUrl = 'file:///app/out/renderer/index.html'
const mainFrame = { url: ownUrl }
const ownContents = { mainFrame } as unknown as WebContents

function setup() {
  let calls = 0
  const handlers = {
    'settings.get': async () => {
      calls += 1
      return defaultSettings
    }
  } as unknown as Handlers
  const ipc = fakeIpcMain()
  bindIpc(
    ipc,
    handlers,
    senderCheck(
      () => ownContents,
      (url) => url === ownUrl
    )
  )
  return { ipc, calls: () => calls }
}

describe('IPC binding', () => {
  it('answers our own window', async () => {
    const { ipc, calls } = setup()
    const result = await ipc.invoke({ sender: ownContents, senderFrame: mainFrame }, 'settings.get', {})
    expect(result).toEqual({ ok: true, value: defaultSettings })
    expect(calls()).toBe(1)
  })

  it('ignores a call from another webContents without running the handler', async () => {
    const { ipc, calls } = setup()
    const stranger = { mainFrame: { url: ownUrl } }
    const result = (await ipc.invoke({ sender: stranger, senderFrame: stranger.mainFrame }, 'settings.get', {})) as { ok: boolean; error: { code: string } }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('forbidden')
    expect(calls()).toBe(0)
  })

  it('ignores a subframe of our window, and our window after it navigated elsewhere', async () => {
    const { ipc, calls } = setup()
    const subframe = { url: ownUrl }
    const fromSubframe = (await ipc.invoke({ sender: ownContents, senderFrame: subframe }, 'settings.get', {})) as { ok: boolean }
    expect(fromSubframe.ok).toBe(false)
    const navigated = { mainFrame: { url: 'https://evil.example/' } } as unknown as WebContents
    const ipc2 = fakeIpcMain()
    bindIpc(
      ipc2,
      { 'settings.get': async () => defaultSettings } as unknown as Handlers,
      senderCheck(
        () => navigated,
        (url) => url === ownUrl
      )
    )
    const fromElsewhere = (await ipc2.invoke({ sender: navigated, senderFrame: navigated.mainFrame }, 'settings.get', {})) as { ok: boolean }
    expect(fromElsewhere.ok).toBe(false)
    expect(calls()).toBe(0)
  })

  it('ignores every call once our window is gone', async () => {
    const ipc = fakeIpcMain()
    bindIpc(
      ipc,
      {} as Handlers,
      senderCheck(
        () => undefined,
        () => true
      )
    )
    const result = (await ipc.invoke({ sender: ownContents, senderFrame: mainFrame }, 'settings.get', {})) as { ok: boolean }
    expect(result.ok).toBe(false)
  })
})
