import { KEYCHAIN_SERVICE, SecretStore, type Keychain } from '../profiles/secrets'

export { KEYCHAIN_SERVICE, type Keychain }

/**
 * The wizard's own secrets (the IBM Cloud API key, the admin password, the service key's
 * password between steps): entries of the profiles' SecretStore (the app passes the very
 * instance the profiles use), keychain service `pse-wizard`, accounts `wizard/…` and
 * `ibmcloud/api-key`. So the wizard follows the same explicit choice as profiles: without a
 * keychain nothing is stored (`keychain_unavailable`, naming what to install and the
 * "this session only" choice, `profiles.useSessionSecrets`) until the user chooses memory for
 * this session. Never a file.
 */
export class WizardVault {
  readonly store: SecretStore

  /** A shared SecretStore (the app's), or a keychain service name for a store of its own. */
  constructor(store: SecretStore | string = KEYCHAIN_SERVICE, load?: () => Promise<Keychain>) {
    this.store = typeof store === 'string' ? new SecretStore(store, load) : store
  }

  get(name: string): Promise<string | undefined> {
    return this.store.getEntry(name)
  }

  set(name: string, value: string): Promise<'keychain' | 'session'> {
    return this.store.setEntry(name, value)
  }

  delete(name: string): Promise<void> {
    return this.store.deleteEntry(name)
  }
}

/** A vault that never touches the OS keychain: memory for this process (unit tests). */
export const memoryVault = (): WizardVault => {
  const store = new SecretStore('memory', async () => {
    throw new Error('memory only')
  })
  store.useSessionOnly()
  return new WizardVault(store)
}
