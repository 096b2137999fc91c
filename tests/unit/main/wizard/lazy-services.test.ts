import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { memoryVault } from '../../../../src/main/wizard/vault'
import { wizardServices } from '../../../../src/main/wizard/wizard-services'
import type { WizardCloudServices } from '../../../../src/main/wizard/services'
import { fakeServices } from '../../../support/wizard/fake-services'

const root = path.resolve(__dirname, '../../../..')
const options = { env: {}, dataDir: '/nonexistent', sandbox: true, vault: memoryVault() }

describe('the wizard services are built on first use', () => {
  it('loading createWizard loads no IBM SDK, no IBM client and no probe (a fresh process, its module cache read back)', () => {
    const script = `
      require('./src/main/wizard/index.ts')
      const loaded = Object.keys(require.cache).map((f) => path.relative(process.cwd(), f))
      process.stdout.write(JSON.stringify(loaded))`
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', `const path = require('node:path');${script}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000
    })
    const loaded = JSON.parse(out) as string[]
    expect(loaded).toContain('src/main/wizard/index.ts')
    expect(loaded).toContain('src/main/wizard/job.ts')
    const heavy = loaded.filter((f) =>
      /@ibm-cloud|ibm-cloud-sdk-core|src\/main\/ibmcloud\/(?!password-rules|gen2-parameters)|src\/main\/redis\/|src\/main\/network\/|wizard\/ibm-services/.test(f)
    )
    expect(heavy).toEqual([])
  }, 60_000)

  it('the cloud part is loaded by the first call that needs it, once; the local answers need none', async () => {
    let loads = 0
    const cloud = fakeServices().services as WizardCloudServices
    const services = wizardServices(options, async () => {
      loads++
      return cloud
    })
    expect(services.checkPassword('weak').ok).toBe(false)
    expect(services.generatePassword()).toHaveLength(32)
    expect(services.privatePathOptions().map((o) => o.kind)).toEqual(['bastion', 'pod', 'vpn'])
    expect(await services.secrets.set('wizard/x', 'v')).toBe('session')
    expect(loads).toBe(0)
    const signal = new AbortController().signal
    await services.listRegions(signal)
    await services.listResourceGroups(signal)
    expect(loads).toBe(1)
  })

  it('a load that failed is tried again on the next call', async () => {
    let loads = 0
    const cloud = fakeServices().services as WizardCloudServices
    const services = wizardServices(options, async () => {
      if (++loads === 1) throw new Error('load failed')
      return cloud
    })
    const signal = new AbortController().signal
    await expect(services.listRegions(signal)).rejects.toThrow('load failed')
    await expect(services.listRegions(signal)).resolves.toHaveLength(1)
    expect(loads).toBe(2)
  })

  it('without a profile store, saving says it is not available', async () => {
    const services = wizardServices(options, async () => fakeServices().services)
    await expect(services.saveProfile({} as never)).rejects.toMatchObject({ code: 'not_ready', message: 'Saving profiles is not available in this build yet.' })
  })
})
