import { EventEmitter } from 'node:events'
import { events, type EventName, type EventPayload } from '../shared/contract'
import { log } from './logging/log'

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void

/**
 * Main-side event bus. Services emit typed events; each transport subscribes and forwards them
 * (IPC to our window, SSE to browser clients). Payloads are parsed against the contract first,
 * so an event can never carry a field its schema does not name.
 */
export class EventBus {
  private readonly emitter = new EventEmitter()

  constructor() {
    this.emitter.setMaxListeners(100)
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const parsed = events[name].safeParse(payload)
    if (!parsed.success) {
      log.error(`event ${name} payload outside its schema; not sent`)
      return
    }
    this.emitter.emit('event', name, parsed.data)
  }

  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener)
    return () => this.emitter.off('event', listener)
  }
}
