import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { isCallName, isEventName } from '../shared/contract'
import { IPC_CALL, IPC_EVENT, type PseBridge } from '../shared/bridge'

/**
 * Exposes `window.pse` and nothing else: contract calls and events by name. Raw ipcRenderer
 * never reaches the page.
 */
const bridge: PseBridge = {
  invoke(name, input) {
    if (!isCallName(name)) return Promise.reject(new Error(`unknown call ${String(name)}`))
    return ipcRenderer.invoke(IPC_CALL, name, input)
  },
  on(name, listener) {
    if (!isEventName(name)) throw new Error(`unknown event ${String(name)}`)
    const wrapped = (_e: IpcRendererEvent, event: unknown, payload: unknown): void => {
      if (event === name) (listener as (p: unknown) => void)(payload)
    }
    ipcRenderer.on(IPC_EVENT, wrapped)
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped)
  }
}

contextBridge.exposeInMainWorld('pse', bridge)
