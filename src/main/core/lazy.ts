import { callNames, type CallName } from '../../shared/contract'
import type { Handler, Handlers } from '../transport/dispatch'

/** A service built on first use: every caller awaits the same build; a failed build is tried again next time. */
export interface Slot<T> {
  get(): Promise<T>
  /** The value if it was built (for closing), without building it. */
  peek(): Promise<T> | undefined
}

export function slot<T>(build: () => Promise<T>): Slot<T> {
  let pending: Promise<T> | undefined
  return {
    get() {
      pending ??= build().catch((e: unknown) => {
        pending = undefined
        throw e
      })
      return pending
    },
    peek: () => pending
  }
}

type Group = Partial<Handlers>

/**
 * The handlers of every call whose name starts with `prefix`, each of which loads the group
 * (its module and the services behind it) on its first call. Dispatch sees a complete table.
 */
export function lazyGroup(prefix: string, load: () => Promise<Group>): Group {
  const group = slot(load)
  const handlers: Record<string, Handler<CallName>> = {}
  for (const name of callNames.filter((n) => n.startsWith(prefix))) {
    handlers[name] = async (input, ctx) => {
      const handler = (await group.get())[name] as Handler<CallName> | undefined
      if (!handler) throw new Error(`no handler for ${name}`)
      return handler(input, ctx)
    }
  }
  return handlers as Group
}
