import type { Handlers } from './transport/dispatch'
import type { EventBus } from './events'
import { createCore, type AppConfig } from './core'

export type { AppConfig } from './core'
export { systemLocale } from './core/system-locale'

export interface App {
  readonly config: AppConfig
  readonly handlers: Handlers
  readonly events: EventBus
  close(): Promise<void>
}

/**
 * The desktop app's and browser mode's core (src/main/core): a long-running front end, so old
 * isolated CLI tokens go at start and the wizard resumes a provisioning wait shortly after.
 */
export async function createApp(config: AppConfig): Promise<App> {
  return createCore(config, { longRunning: true })
}
