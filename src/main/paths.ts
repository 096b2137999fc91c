import os from 'node:os'
import path from 'node:path'

/**
 * The app data folder. Electron passes its userData folder; the CLI and browser mode use
 * $PSE_WIZARD_HOME, else the platform's config folder (XDG on Linux).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, electronUserData?: string): string {
  if (env.PSE_WIZARD_HOME) return path.resolve(env.PSE_WIZARD_HOME)
  if (electronUserData) return electronUserData
  if (process.platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'pse-wizard')
  }
  if (process.platform === 'darwin') {
    return path.join(os.homedir(), 'Library', 'Application Support', 'pse-wizard')
  }
  const xdg = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), '.config')
  return path.join(xdg, 'pse-wizard')
}
