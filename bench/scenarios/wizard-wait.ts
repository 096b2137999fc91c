import type http from 'node:http'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Emulator } from '../../src/main/sandbox/emulator/server'
import { createWizard } from '../../src/main/wizard'
import { WizardVault } from '../../src/main/wizard/vault'
import { memoryKeychain } from '../lib/memory-keychain'
import { defaultDeployForm } from '../../src/shared/schemas/wizard'
import { round } from '../lib/stats'

/**
 * Item 5: the setup wizard deploys through the emulator an instance that takes PROVISIONING_MS
 * to become active; every HTTP request is counted at the emulator. "Noticed" is the moment the
 * wizard's wait step is done. Two configurations: 'ibm-cloud' (the wizard as it runs against
 * real IBM Cloud: its production poll policy) and 'sandbox' (the app's sandbox mode, whose
 * emulator normally provisions in 8 s and which polls faster).
 */
export type WizardMode = 'ibm-cloud' | 'sandbox'
export const PROVISIONING_MS = 60_000
const API_KEY = 'benchApiKey_0123456789abcdefghijklmnopqrstu'

export interface WizardWaitResult {
  provisioningMs: number
  mode: WizardMode
  /** POST create → the emulator marks the instance active. */
  activeAfterMs: number
  /** Active → the wizard's wait step is done. */
  noticedAfterActiveMs: number
  /** Requests from the create POST until the wizard noticed, by route. */
  requestsDuringWait: number
  byRoute: Record<string, number>
  /** Instance polls (GET resource_instances/{id}) during the wait and their average spacing. */
  instancePolls: number
  averagePollSpacingMs: number
  /** Every request the wizard made, sign-in to ready. */
  requestsTotal: number
  goals: { noticedWithinFiveSeconds: boolean; pollsAtMostEveryFiveSeconds: boolean }
}

/** Collapses ids so requests group by route: /v2/resource_instances/{id}. */
function routeOf(method: string, url: string): string {
  const p = new URL(url, 'http://x').pathname
    .split('/')
    .map((seg) => (/^crn:|^[0-9a-f-]{20,}$|%3A/i.test(seg) ? '{id}' : seg))
    .join('/')
  return `${method} ${p}`
}

export async function measureWizardWait(mode: WizardMode, provisioningMs = PROVISIONING_MS): Promise<WizardWaitResult> {
  const emu = await Emulator.start({ apiKeys: [API_KEY], provisioningMs, backend: 'fake' })
  const requests: Array<{ at: number; route: string }> = []
  // The emulator has no request hook; its (private) HTTP server is the one place every call passes.
  ;(emu['server'] as http.Server).on('request', (req: http.IncomingMessage) => requests.push({ at: Date.now(), route: routeOf(req.method ?? 'GET', req.url ?? '/') }))
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pse-bench-wizard-'))
  const wizard = await createWizard({
    dataDir,
    sandbox: mode === 'sandbox',
    env: { ...emu.env(), PATH: process.env.PATH ?? '' },
    settings: () => ({ ibmcloudCliPath: '', useCliSession: false, privateApiEndpoints: false }),
    vault: new WizardVault('pse-wizard-bench', async () => memoryKeychain()),
    resumeWait: false
  })
  try {
    const job = wizard.job
    const check = (label: string, s: { steps: Record<string, { status: string }>; error?: unknown }, step: string) => {
      if (s.steps[step]?.status !== 'done') throw new Error(`wizard ${label}: step ${step} is ${s.steps[step]?.status} (${JSON.stringify((s as { error?: unknown }).error ?? null)})`)
    }
    check('account', await job.account({ source: 'apiKey', apiKey: API_KEY }), 'account')
    check('prerequisites', await job.checkPrerequisites(), 'prerequisites')
    const options = await job.options()
    const form = defaultDeployForm({ ...options.defaults, name: 'bench-redis' })
    check('deploy', await job.deploy({ mode: 'create', form, confirm: true }), 'deploy')

    const deadline = Date.now() + provisioningMs + 90_000
    while (job.state().steps.wait.status !== 'done') {
      const status = job.state().steps.wait.status
      if (status === 'failed' || status === 'blocked') throw new Error(`wizard wait ${status}: ${JSON.stringify(job.state().steps.wait)}`)
      if (Date.now() > deadline) throw new Error('the wizard did not notice the instance within provisioning time + 90 s')
      await new Promise((r) => setTimeout(r, 10))
    }
    const noticedAt = Date.now()
    const instance = [...emu.state.instances.values()].find((i) => i.name === 'bench-redis')
    if (!instance || instance.state !== 'active') throw new Error('the emulator has no active bench instance')
    const activeAt = Date.parse(instance.updatedAt)
    const createdAt = requests.find((r) => r.route === 'POST /v2/resource_instances')?.at
    if (createdAt === undefined) throw new Error('no create request reached the emulator')

    const during = requests.filter((r) => r.at >= createdAt && r.at <= noticedAt)
    const byRoute: Record<string, number> = {}
    for (const r of during) byRoute[r.route] = (byRoute[r.route] ?? 0) + 1
    const instancePolls = during.filter((r) => r.route === 'GET /v2/resource_instances/{id}').length
    const averagePollSpacingMs = round((noticedAt - createdAt) / Math.max(1, instancePolls), 0)
    const noticedAfterActiveMs = noticedAt - activeAt
    return {
      provisioningMs,
      mode,
      activeAfterMs: activeAt - createdAt,
      noticedAfterActiveMs,
      requestsDuringWait: during.length,
      byRoute,
      instancePolls,
      averagePollSpacingMs,
      requestsTotal: requests.filter((r) => r.at <= noticedAt).length,
      goals: { noticedWithinFiveSeconds: noticedAfterActiveMs <= 5_000, pollsAtMostEveryFiveSeconds: (noticedAt - createdAt) / Math.max(1, during.length) >= 5_000 }
    }
  } finally {
    await wizard.close()
    await emu.close()
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}
