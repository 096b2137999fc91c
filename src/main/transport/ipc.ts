import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { IPC_CALL, IPC_EVENT } from '../../shared/bridge'
import { TransportCodes, type Result } from '../../shared/errors'
import { dispatch, type Handlers } from './dispatch'
import type { EventBus } from '../events'
import { log } from '../logging/log'

/**
 * Binds the contract to Electron IPC, after GitHub Desktop's `handle()`: every call is checked
 * to come from our own window's main frame before anything else runs. `ipcMain` is passed in
 * (not imported) so this module can be tested without Electron.
 */
export function bindIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: Handlers, isTrusted: (event: IpcMainInvokeEvent) => boolean): () => void {
  ipcMain.handle(IPC_CALL, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrusted(event)) {
      log.warn(`ignored IPC call ${typeof name === 'string' ? name.slice(0, 64) : '?'} from an unknown sender`)
      return { ok: false, error: { code: TransportCodes.forbidden, message: 'This window may not use PSE Wizard.' } }
    }
    const controller = new AbortController()
    return dispatch(handlers, name, input, { signal: controller.signal })
  })
  return () => ipcMain.removeHandler(IPC_CALL)
}

/** A sender is trusted when it is our window's top frame showing our own page. */
export function senderCheck(getOwn: () => WebContents | undefined, isOwnUrl: (url: string) => boolean) {
  return (event: IpcMainInvokeEvent): boolean => {
    const own = getOwn()
    if (!own || event.sender !== own) return false
    const frame = event.senderFrame
    if (!frame || frame !== own.mainFrame) return false
    return isOwnUrl(frame.url)
  }
}

/** Forwards every contract event to our window. */
export function forwardEvents(bus: EventBus, getOwn: () => WebContents | undefined): () => void {
  return bus.subscribe((name, payload) => {
    const own = getOwn()
    if (own && !own.isDestroyed()) own.send(IPC_EVENT, name, payload)
  })
}
