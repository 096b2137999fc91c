// Child process for the crash test: "test all" with a slow fake probe over the profiles already
// in <dir>, printing one line per completed write of the profiles file (the ids whose last test
// that write put on disk). The parent kills it with SIGKILL half way.
import fs from 'node:fs'
import { ProfilesService } from '../../../src/main/profiles/service'
import { SecretStore } from '../../../src/main/profiles/secrets'
import { ProfileStore } from '../../../src/main/profiles/store'
import type { ProbeResult } from '../../../src/shared/schemas/probe'

class ReportingStore extends ProfileStore {
  override async mutate<T>(change: Parameters<ProfileStore['mutate']>[0]): Promise<T> {
    let written: string[] = []
    const value = await super.mutate(async (profiles) => {
      const next = await change(profiles)
      written = next.profiles.filter((p) => p.lastTest !== null).map((p) => p.id)
      return next
    })
    fs.writeSync(1, `${JSON.stringify({ written })}\n`)
    return value as T
  }
}

const noKeychain = async () => ({ getPassword: async () => null, setPassword: async () => undefined, deletePassword: async () => true })

async function main(): Promise<void> {
  const [dir] = process.argv.slice(2)
  const service = new ProfilesService(new ReportingStore(dir), new SecretStore('crash-test', noKeychain), {
    pathRunners: {
      direct: async (fields) => {
        await new Promise((r) => setTimeout(r, 20))
        const result: ProbeResult = {
          ok: true,
          code: null,
          message: 'm',
          startedAt: new Date().toISOString(),
          totalMs: 20,
          target: { host: fields.host, port: fields.port, tls: true, servername: null, connectedTo: null },
          phases: [],
          dns: { addresses: [], classification: null, classes: [] },
          tls: null,
          ping: null,
          write: null,
          server: null
        }
        return result
      }
    }
  })
  await service.testAll(undefined, 8)
  fs.writeSync(1, `${JSON.stringify({ finished: true })}\n`)
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String(e?.stack ?? e))
    process.exit(1)
  }
)
