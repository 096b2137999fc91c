import { EventEmitter } from 'node:events'
import { events, type EventName, type EventPayload } from '../shared/contract'
import type { EventSpec } from '../shared/contract-kit'
import { log } from './logging/log'

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void

/**
 * Main-side event bus. Services emit typed events; each transport subscribes and forwards them
 * (IPC to our window, SSE to browser clients). Payloads are parsed against the contract first,
 * so an event can never carry a field its schema does not name.
 *
 * An event's schema is built on its first emit; until it is, that event and every later one wait
 * in order (so listeners see events in the order they were emitted), then go out as before:
 * synchronously, from then on.
 */
export class EventBus {
  private readonly emitter = new EventEmitter()
  /** Events waiting for a schema to load, in emit order (empty almost always). */
  private waiting: Promise<void> | undefined
  private waitingCount = 0

  constructor() {
    this.emitter.setMaxListeners(100)
  }

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const spec: EventSpec = events[name]
    const schema = this.waitingCount === 0 ? spec.schemaNow() : undefined
    if (schema) return this.send(name, schema.safeParse(payload))
    this.waitingCount += 1
    this.waiting = (this.waiting ?? Promise.resolve())
      .then(() => spec.schema())
      .then(
        (s) => this.send(name, s.safeParse(payload)),
        (e: unknown) => log.error(`event ${name} not sent: its schema did not load (${e instanceof Error ? e.message : String(e)})`)
      )
      .finally(() => {
        this.waitingCount -= 1
      })
  }

  private send(name: EventName, parsed: { success: boolean; data?: unknown }): void {
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
