import { randomBytes } from 'node:crypto'
import keytar from 'keytar'
import { afterAll, beforeAll, afterEach } from 'vitest'

/**
 * Keychain tests run against the real Secret Service (run them inside
 * `dbus-run-session -- bash -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets; npx vitest …'`).
 * Each test gets its own keytar service name, so no test ever reads or deletes a real user entry
 * under `pse-wizard`; every entry created under a test service is deleted afterwards.
 */
export const TEST_SERVICE_PREFIX = 'pse-wizard-test-'

/** Throws a clear error when no Secret Service answers (instead of a confusing test failure). */
export async function assertSecretService(): Promise<void> {
  const service = `${TEST_SERVICE_PREFIX}probe-${randomBytes(4).toString('hex')}`
  try {
    await keytar.setPassword(service, 'probe', 'probe-value')
    const back = await keytar.getPassword(service, 'probe')
    if (back !== 'probe-value') throw new Error(`read back ${JSON.stringify(back)}`)
    if (!(await keytar.deletePassword(service, 'probe'))) throw new Error('delete returned false')
  } catch (e) {
    throw new Error(
      `No usable Secret Service for keychain tests (${(e as Error).message}). Run the tests inside ` +
        "dbus-run-session -- bash -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; npx vitest run …'"
    )
  }
}

export function uniqueServiceName(label = 'svc'): string {
  return `${TEST_SERVICE_PREFIX}${label}-${process.pid}-${randomBytes(4).toString('hex')}`
}

/** Deletes every credential stored under `service`. */
export async function clearService(service: string): Promise<void> {
  if (!service.startsWith(TEST_SERVICE_PREFIX)) throw new Error(`Refusing to clear a non-test keychain service: ${service}`)
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account)
}

/**
 * For a test file: asserts the Secret Service in beforeAll and returns a getter for the current
 * test's service name (a fresh one per test), cleared after each test and at the end.
 */
export function useTestKeyring(): () => string {
  const used = new Set<string>()
  let current: string | undefined
  beforeAll(assertSecretService)
  afterEach(async () => {
    if (current) await clearService(current)
    current = undefined
  })
  afterAll(async () => {
    for (const service of used) await clearService(service)
  })
  return () => {
    if (!current) {
      current = uniqueServiceName()
      used.add(current)
    }
    return current
  }
}
