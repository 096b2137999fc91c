import type { Handlers } from '../transport/dispatch'
import type { EventBus } from '../events'
import type { SettingsStore } from './store'

export function settingsHandlers(store: SettingsStore, bus: EventBus): Pick<Handlers, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': async () => store.get(),
    'settings.set': async (patch) => {
      const next = await store.update(patch)
      bus.emit('settings.changed', next)
      return next
    }
  }
}
