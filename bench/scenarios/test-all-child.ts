import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { randomUUID } from 'node:crypto'
import { ProfilesService } from '../../src/main/profiles/service'
import { ProfileStore } from '../../src/main/profiles/store'
import { SecretStore } from '../../src/main/profiles/secrets'
import { defaultProfileFields, type Profile } from '../../src/shared/schemas/profile'
import { memoryKeychain } from '../lib/memory-keychain'

/**
 * Runs in its own Node process (so its peak memory is its own): saves PROFILES profiles for the
 * local TLS Redis (one write, the passwords in an in-memory keychain), then runs the profiles
 * service's "test all" with the given concurrency, recording each last test or (`record: false`,
 * the baseline) not. Input on stdin (the password never goes through argv or the environment);
 * one JSON line out.
 */
interface Input {
  host: string
  port: number
  caPem: string
  username: string
  password: string
  profiles: number
  concurrency: number
  record: boolean
}

async function readStdin(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) text += chunk
  return text
}

async function main(): Promise<void> {
  const input = JSON.parse(await readStdin()) as Input
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-bench-testall-'))
  try {
    const store = new ProfileStore(dir)
    const secrets = new SecretStore('pse-wizard-bench', async () => memoryKeychain())
    const service = new ProfilesService(store, secrets, input.record ? {} : { lastTests: false })
    const at = new Date().toISOString()
    const profiles: Profile[] = []
    for (let i = 0; i < input.profiles; i++) {
      const id = randomUUID()
      const fields = defaultProfileFields({
        name: `bench-${i}`,
        host: input.host,
        port: input.port,
        username: input.username,
        tls: { enabled: true, caPem: input.caPem, servername: null, verifyServerCert: true, clientCertPem: null }
      })
      const password = await secrets.set(id, 'password', input.password)
      profiles.push({ ...fields, id, secrets: { password, clientKey: 'none', sshSecret: 'none' }, createdAt: at, updatedAt: at, lastTest: null })
    }
    await store.mutate(() => ({ profiles, value: null }))
    const rssBefore = process.memoryUsage().rss
    let peakHeap = process.memoryUsage().heapUsed
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 5)
    const started = performance.now()
    const { results } = await service.testAll(undefined, input.concurrency)
    const wallMs = performance.now() - started
    clearInterval(sampler)
    const ok = results.filter((r) => r.result?.ok && !r.error).length
    const recorded = (await store.list()).profiles.filter((p) => p.lastTest !== null).length
    const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10
    process.stdout.write(
      JSON.stringify({
        profiles: results.length,
        ok,
        recorded,
        firstFailure: results.find((r) => !r.result?.ok)?.result?.code ?? results.find((r) => r.error)?.error?.code ?? null,
        wallMs,
        probeMsSum: results.reduce((sum, r) => sum + (r.result?.totalMs ?? 0), 0),
        rssBeforeMiB: mib(rssBefore),
        // ru_maxrss is in KiB on Linux.
        peakRssMiB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
        peakHeapMiB: mib(peakHeap)
      }) + '\n'
    )
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`)
    process.exit(1)
  }
)
