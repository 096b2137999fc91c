// Child process (run with a broken D-Bus address, so no Secret Service answers): the whole app in
// sandbox mode, driven through the contract as the renderer would. Prints what it saw as JSON.
import fs from 'node:fs'
import path from 'node:path'
import { createApp } from '../../../src/main/app'
import { startSandbox } from '../../../src/main/sandbox'
import { dispatch } from '../../../src/main/transport/dispatch'
import type { WizardState } from '../../../src/shared/schemas/wizard'

async function main(): Promise<void> {
  const dataDir = process.argv[2]
  // The emulator in this process (no Redis processes needed up to the password step); the app points at it.
  const sandbox = await startSandbox({ backend: 'fake', provisioningMs: 1_000, taskMs: 100 })
  const app = await createApp({ dataDir, transport: 'browser', sandbox: false, env: { ...process.env, ...sandbox.env } })
  const call = async <T = WizardState>(name: string, input: unknown = {}): Promise<T> => {
    const r = await dispatch(app.handlers, name, input, { signal: new AbortController().signal })
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.message}`), r.error)
    return r.value as T
  }
  try {
    const apiKey = sandbox.env.IBMCLOUD_API_KEY
    const keychain = await call<{ mode: string; message: string }>('profiles.keychainStatus')
    // No keychain, no choice yet: the key is accepted by IAM but cannot be kept, and the step says why.
    const refused = (await call('wizard.account', { source: 'apiKey', apiKey })).steps.account
    const chosen = await call<{ mode: string }>('profiles.useSessionSecrets')
    const account = (await call('wizard.account', { source: 'apiKey', apiKey })).steps.account
    await call('wizard.checkPrerequisites')
    const options = await call<{ defaults: Record<string, unknown> }>('wizard.options', {})
    await call('wizard.deploy', { mode: 'create', form: options.defaults, confirm: true })
    for (let i = 0; i < 200 && (await call('wizard.state')).steps.wait.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 100))
    const pw = await call('wizard.setPassword', { mode: 'generate' })
    const { password } = await call<{ password: string }>('wizard.revealPassword')
    const choices = await call<{ keychain: boolean }>('wizard.accountChoices')
    const files = fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    const leaked = files.filter((f) => {
      const text = fs.readFileSync(path.join(f.parentPath, f.name), 'utf8')
      return text.includes(password) || text.includes(apiKey)
    })
    process.stdout.write(JSON.stringify({ keychain, refused, chosen, account, password: pw.password, passwordStep: pw.steps.password, revealed: password.length, choices, leaked: leaked.map((f) => f.name) }))
  } finally {
    await app.close()
    await sandbox.close()
  }
}
main().then(
  () => process.exit(0),
  (e) => (process.stderr.write(String((e as Error).stack ?? e)), process.exit(1))
)
