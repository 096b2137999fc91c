import type { Handlers } from './transport/dispatch'
import type { AppConfig } from './app'
import { AppFailure } from '../shared/errors'
import { APP_VERSION } from './version'

export function appInfoHandlers(config: AppConfig & { systemLocale: string }): Pick<Handlers, 'app.info' | 'app.relaunch'> {
  return {
    'app.info': async () => ({
      name: 'PSE Wizard',
      version: APP_VERSION,
      platform: process.platform,
      transport: config.transport,
      sandbox: config.sandbox,
      dataDir: config.dataDir,
      systemLocale: config.systemLocale
    }),
    'app.relaunch': async ({ sandbox }) => {
      if (!config.relaunch) {
        throw new AppFailure({
          code: 'relaunch_not_supported',
          message: sandbox
            ? 'Browser mode cannot restart itself. Stop it (Ctrl-C) and run: pse-wizard serve --sandbox'
            : 'Browser mode cannot restart itself. Stop it (Ctrl-C) and run: pse-wizard serve'
        })
      }
      // Answer first; the restart happens once the reply is on its way.
      setTimeout(() => config.relaunch?.({ sandbox }), 100)
      return { restarting: true as const }
    }
  }
}
