/** What a front end tells the core: where the data lives, which face it is, sandbox or not. */
export interface AppConfig {
  /** App data folder: settings, profiles, wizard state. Never a secret. */
  dataDir: string
  transport: 'desktop' | 'browser'
  /** Point the whole app at the local IBM Cloud emulator. */
  sandbox: boolean
  /** OS locale, e.g. 'ja-JP' (Electron's app.getLocale(), else the environment). */
  systemLocale?: string
  env?: NodeJS.ProcessEnv
  /** Desktop only: restart the whole app with or without --sandbox. */
  relaunch?: (options: { sandbox: boolean }) => void
}

/** How a front end uses the core beyond its config (the CLI's commands differ a little from the app). */
export interface CoreOptions {
  /**
   * A long-running front end (desktop, browser mode): isolated ibmcloud tokens an earlier run left
   * are removed at start, settings are read at start, and the wizard is built shortly after start
   * (so a provisioning wait under way when the app last stopped resumes) instead of on first use.
   */
  longRunning?: boolean
  /** With `sandbox`: a sandbox whose deployments have a real TLS redis-server (default) or none. */
  sandboxBackend?: 'real' | 'fake'
  /** The environment points at a sandbox already running (PSE_SANDBOX_URL): IBM calls and the wizard treat it as the sandbox. */
  followEnvironmentSandbox?: boolean
  /** The IBM calls' API key: the keychain's, else IBMCLOUD_API_KEY (default); or IBMCLOUD_API_KEY only (`pse-wizard check`). */
  apiKeySource?: 'keychain-then-environment' | 'environment'
}
