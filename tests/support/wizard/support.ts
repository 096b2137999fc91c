import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EventBus } from '../../../src/main/events'
import { createProfilesService } from '../../../src/main/profiles'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../src/main/sandbox'
import { createWizard, type Wizard } from '../../../src/main/wizard'
import { defaultSettings } from '../../../src/shared/schemas/app'
import type { WizardState } from '../../../src/shared/schemas/wizard'

export interface Rig {
  sandbox: Sandbox
  dataDir: string
  env: NodeJS.ProcessEnv
  profiles: ReturnType<typeof createProfilesService>
  wizard: Wizard
  changes: WizardState[]
  /** A second wizard on the same data folder: what an app restart does. */
  restart(options?: { resumeWait?: boolean }): Promise<Wizard>
  close(): Promise<void>
}

/** The emulator with real TLS Redis, short timings, and a wizard on a fresh data folder. */
export async function startRig(keychainService: string, options: SandboxOptions & { env?: NodeJS.ProcessEnv } = {}): Promise<Rig> {
  const sandbox = await startSandbox({ provisioningMs: 1_500, taskMs: 150, ...options })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pse-wizard-it-'))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: dataDir,
    ...sandbox.env,
    PSE_WIZARD_POLL_MS: '150',
    PSE_WIZARD_KEYCHAIN_SERVICE: keychainService,
    ...options.env
  }
  const profiles = createProfilesService(dataDir, env)
  const changes: WizardState[] = []
  const bus = new EventBus()
  bus.subscribe((name, payload) => {
    if (name === 'wizard.changed') changes.push(payload as WizardState)
  })
  const wizards: Wizard[] = []
  const open = async (resumeWait = true) => {
    const w = await createWizard({ dataDir, sandbox: true, env, settings: () => defaultSettings, profiles, secrets: profiles.secrets, resumeWait, bus })
    wizards.push(w)
    return w
  }
  const wizard = await open()
  return {
    sandbox,
    dataDir,
    env,
    profiles,
    wizard,
    changes,
    restart: (o = {}) => open(o.resumeWait ?? true),
    async close() {
      for (const w of wizards) await w.close()
      await sandbox.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

export const signIn = async (rig: Rig) => rig.wizard.job.account({ source: 'environment' })

/** Account, prerequisites and the deploy form with the seed's defaults. */
export async function upToDeploy(rig: Rig, name = 'Redis-0101') {
  const job = rig.wizard.job
  await job.account({ source: 'environment' })
  await job.checkPrerequisites()
  const options = await job.options()
  return { ...options.defaults, name }
}
