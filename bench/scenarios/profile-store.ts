import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { ProfileStore } from '../../src/main/profiles/store'
import type { Profile } from '../../src/shared/schemas/profile'
import { summarize, type Summary } from '../lib/stats'

/**
 * Item 4a: the profile store (one JSON file, atomic writes under a lock) with 10, 1,000 and
 * 10,000 profiles. "load" is list() from a fresh store (read + parse + validate every profile);
 * "save" is one edit: mutate() re-reads under the lock, changes one profile, validates and
 * writes the whole file atomically. Every profile carries a CA certificate, as IBM Cloud ones do.
 */
export const STORE_SIZES = [10, 1_000, 10_000] as const
const REPEATS = 5

export interface StoreFigure {
  profiles: number
  fileKiB: number
  loadMs: Summary
  saveMs: Summary
}

export function profileAt(i: number, caPem: string): Profile {
  const now = new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)).toISOString()
  return {
    id: `p${i.toString(36).padStart(6, '0')}`,
    name: `redis-${i}`,
    tags: ['bench', i % 2 ? 'prod' : 'dev'],
    host: `db-${i}.private.eu-de.databases.appdomain.cloud`,
    port: 30000 + (i % 1000),
    db: 0,
    username: 'admin',
    tls: { enabled: true, caPem, servername: null, verifyServerCert: true, clientCertPem: null },
    timeouts: { connectMs: 5000, commandMs: 3000 },
    networkPath: { kind: 'direct' },
    origin: { kind: 'ibmcloud', crn: `crn:v1:bluemix:public:databases-for-redis:eu-de:a/abc:${i}::`, region: 'eu-de', endpointType: 'private', generation: 'gen1' },
    secrets: { password: 'keychain', clientKey: 'none', sshSecret: 'none' },
    createdAt: now,
    updatedAt: now,
    lastTest: null
  }
}

export async function measureProfileStore(caPem: string): Promise<StoreFigure[]> {
  const figures: StoreFigure[] = []
  for (const count of STORE_SIZES) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-bench-store-'))
    try {
      const seed = new ProfileStore(dir)
      await seed.mutate(() => ({ profiles: Array.from({ length: count }, (_, i) => profileAt(i, caPem)), value: null }))
      const load: number[] = []
      const save: number[] = []
      for (let r = 0; r < REPEATS; r++) {
        let started = performance.now()
        const { profiles } = await new ProfileStore(dir).list()
        load.push(performance.now() - started)
        if (profiles.length !== count) throw new Error(`store returned ${profiles.length} profiles, expected ${count}`)

        const store = new ProfileStore(dir)
        started = performance.now()
        await store.mutate((all) => {
          const target = all[(r * 7919) % all.length]
          target.tags = [...target.tags.slice(0, 1), `edit${r}`]
          target.updatedAt = new Date().toISOString()
          return { profiles: all, value: null }
        })
        save.push(performance.now() - started)
      }
      const { size } = await fs.stat(seed.file)
      figures.push({ profiles: count, fileKiB: Math.round(size / 1024), loadMs: summarize(load), saveMs: summarize(save) })
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  }
  return figures
}
