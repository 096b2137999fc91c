import type { Handlers } from './transport/dispatch'
import type { AppConfig } from './app'
import { APP_VERSION } from './version'

export function appInfoHandlers(config: AppConfig & { systemLocale: string }): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => ({
      name: 'PSE Wizard',
      version: APP_VERSION,
      platform: process.platform,
      transport: config.transport,
      sandbox: config.sandbox,
      dataDir: config.dataDir,
      systemLocale: config.systemLocale
    })
  }
}
