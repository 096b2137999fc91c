// Child process: prints the keychain status as JSON (run with a broken D-Bus address to see "unavailable").
import { SecretStore } from '../../../src/main/profiles/secrets'

async function main(): Promise<void> {
  const store = new SecretStore(process.argv[2])
  const status = await store.check()
  let setError: unknown = null
  try {
    await store.set('p1', 'password', 'child-secret-value')
  } catch (e) {
    setError = { code: (e as { code?: string }).code, message: (e as Error).message }
  }
  const session = store.useSessionOnly()
  const location = await store.set('p1', 'password', 'child-secret-value')
  const back = await store.get('p1', 'password', location)
  process.stdout.write(JSON.stringify({ status, setError, session, location, roundTrip: back === 'child-secret-value' }))
}
main().then(
  () => process.exit(0),
  (e) => (process.stderr.write(String(e)), process.exit(1))
)
