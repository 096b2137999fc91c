import { createIbmCloudClient } from '../../../src/main/ibmcloud/client'
import { createOrAdoptGen2Instance, waitUntilGen2Ready } from '../../../src/main/ibmcloud/provisioning-gen2'
import { listResourceGroups } from '../../../src/main/ibmcloud/resource-manager'
import { initialState, completeStep } from '../../../src/main/wizard/machine'
import { WizardStateStore } from '../../../src/main/wizard/state-store'
import { toWizardInstance } from '../../../src/main/wizard/steps/deploy'
import { defaultDeployForm, type WizardState } from '../../../src/shared/schemas/wizard'

/**
 * A wizard run that reached step 5 on a Databases for Redis Gen 2 instance: the instance is
 * created and waited for through the real clients against the emulator (`env`: its endpoints and
 * API key), and the state of steps 1–4 is written to `dataDir`: a shortcut past the wizard's own
 * Gen 2 deploy and wait (gen2-journey-keys.test.ts goes through them).
 */
export async function seedGen2AtStep5(dataDir: string, env: Record<string, string>, name = 'redis-gen2-01'): Promise<WizardState> {
  const client = createIbmCloudClient({ apiKey: env.IBMCLOUD_API_KEY, env })
  const group = (await listResourceGroups(client)).find((g) => g.isDefault)!
  const form = defaultDeployForm({
    generation: 'gen2',
    name,
    region: 'eu-de',
    resourceGroupId: group.id,
    gen2HostFlavor: 'bx3d.4x20',
    storageGbPerMember: 10,
    serviceEndpoints: 'private'
  })
  const { instance: created } = await createOrAdoptGen2Instance(client, {
    name,
    region: 'eu-de',
    resourceGroupId: group.id,
    tags: [],
    hostFlavor: 'bx3d.4x20',
    storageGbPerMember: 10,
    version: '8.2'
  })
  const { instance } = await waitUntilGen2Ready(client, created.id, { pollIntervalMs: 100, maxPollIntervalMs: 100 })
  let state = initialState({ sandbox: false })
  state = completeStep(state, 'account', { account: { source: 'environment', info: { accountId: 'sandbox', accountName: 'Sandbox Account' } } })
  state = completeStep(state, 'prerequisites')
  state = completeStep(state, 'deploy', { deploy: { mode: 'create', form }, instance: toWizardInstance(instance, false) })
  state = completeStep(state, 'wait', {
    provisioning: {
      percent: 100,
      text: 'Provision completed successfully',
      state: 'active',
      phase: 'ready',
      notice: null,
      startedAt: state.createdAt,
      updatedAt: state.createdAt
    }
  })
  await new WizardStateStore(dataDir).save(state)
  return state
}
