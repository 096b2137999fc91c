// Child process for the two-writers test: adds N profiles one mutate() at a time.
import { ProfileStore } from '../../../src/main/profiles/store'
import { defaultProfileFields } from '../../../src/shared/schemas/profile'

async function main(): Promise<void> {
  const [dir, prefix, count] = process.argv.slice(2)
  const store = new ProfileStore(dir)
  for (let i = 0; i < Number(count); i++) {
    const id = `${prefix}-${i}`
    await store.mutate((profiles) => ({
      profiles: [
        ...profiles,
        {
          ...defaultProfileFields({ name: id, host: 'h.example', port: 1 }),
          id,
          secrets: { password: 'none', clientKey: 'none', sshSecret: 'none' },
          createdAt: 't',
          updatedAt: 't',
          lastTest: null
        }
      ],
      value: null
    }))
  }
}
main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String(e?.stack ?? e))
    process.exit(1)
  }
)
