import { registerSecret } from '../logging/redact'
import { log } from '../logging/log'

/** The keytar subset the vault uses (the same service name as profile secrets). */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}
export const KEYCHAIN_SERVICE = 'pse-wizard'

/**
 * The wizard's own secrets (the IBM Cloud API key, the admin password, the service key's
 * password between steps) in the OS keychain, service `pse-wizard`, accounts named `wizard/…`
 * and `ibmcloud/api-key`. When no keychain answers they stay in this process's memory only
 * (the state says `storedIn: 'session'`), never in a file.
 */
export class WizardVault {
  private keychain: Keychain | undefined | null
  private readonly memory = new Map<string, string>()

  constructor(
    private readonly service: string = KEYCHAIN_SERVICE,
    private readonly load: () => Promise<Keychain> = loadKeytar
  ) {}

  private async chain(): Promise<Keychain | null> {
    if (this.keychain !== undefined) return this.keychain
    try {
      const k = await this.load()
      await k.getPassword(this.service, 'status-check')
      this.keychain = k
    } catch (e) {
      log.warn(`wizard: no keychain (${(e as Error).message}); secrets are kept for this session only`)
      this.keychain = null
    }
    return this.keychain
  }

  async get(name: string): Promise<string | undefined> {
    const k = await this.chain()
    const value = (k ? await k.getPassword(this.service, name) : undefined) ?? this.memory.get(name)
    if (value) registerSecret(value)
    return value ?? undefined
  }

  async set(name: string, value: string): Promise<'keychain' | 'session'> {
    registerSecret(value)
    const k = await this.chain()
    if (k) {
      await k.setPassword(this.service, name, value)
      return 'keychain'
    }
    this.memory.set(name, value)
    return 'session'
  }

  async delete(name: string): Promise<void> {
    this.memory.delete(name)
    const k = await this.chain()
    if (k) await k.deletePassword(this.service, name)
  }
}

async function loadKeytar(): Promise<Keychain> {
  const mod = (await import('keytar')) as unknown as { default?: Keychain } & Keychain
  return mod.default ?? mod
}

/** A vault that never touches the OS keychain (unit tests, `--no-keychain` runs). */
export const memoryVault = (): WizardVault => new WizardVault('memory', async () => {
  throw new Error('memory only')
})
