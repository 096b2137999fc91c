import { describe, expect, it } from 'vitest'
import { defaultDeployForm, type WizardOptions } from '../../../../../src/shared/schemas/wizard'
import { initialDraft, keepOfferedVersion, preferredVersion } from '../../../../../src/renderer/src/pages/setup/deploy-defaults'

const versions = [
  { version: '8.2', status: 'stable', preferred: true },
  { version: '7.2', status: 'deprecated', preferred: false }
]
const options = (v = versions): WizardOptions => ({
  regions: [{ id: 'jp-tok', name: 'Tokyo' }],
  resourceGroups: [],
  versions: v,
  hostFlavors: ['multitenant'],
  generations: [],
  gen2HostFlavors: [],
  gen2Versions: [],
  vpcs: [],
  instances: [],
  defaults: defaultDeployForm({ resourceGroupId: 'rg1' })
})

describe('deploy form defaults', () => {
  it('defaults to private endpoints only, as IBM Cloud does since September 2024', () => {
    expect(defaultDeployForm().serviceEndpoints).toBe('private')
    expect(initialDraft(options()).serviceEndpoints).toBe('private')
  })

  it('preselects the version the service marks preferred, wherever it is in the list', () => {
    expect(initialDraft(options()).version).toBe('8.2')
    expect(initialDraft(options([versions[1], versions[0]])).version).toBe('8.2')
    expect(preferredVersion([versions[1]])).toBe('7.2')
    expect(preferredVersion([])).toBe('')
  })

  it('keeps a chosen version the region offers, and replaces one it does not', () => {
    const draft = { ...initialDraft(options()), version: '7.2' }
    expect(keepOfferedVersion(draft, versions).version).toBe('7.2')
    expect(keepOfferedVersion(draft, [{ version: '8.2', status: 'stable', preferred: true }]).version).toBe('8.2')
    expect(keepOfferedVersion({ ...draft, version: '' }, versions).version).toBe('8.2')
  })
})
