import { AppFailure } from '../../../shared/errors'
import type { WizardInstance, WizardState } from '../../../shared/schemas/wizard'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { wizardSay } from '../messages'
import { endpointTarget } from './endpoint-targets'
import { defineStep, requireReady, type StepContext } from './step'

export interface SaveInput {
  publicName?: string
  privateName?: string
  tags?: string[]
}

/** Step 9: a connection profile per endpoint (password in the keychain), each saved once even across retries. */
export const saveStep = defineStep<SaveInput>({
  id: 'save',
  prepare(ctx, input) {
    const state = ctx.state()
    requireReady(state.instance && (state.steps.test.status === 'done' || state.steps.save.status !== 'pending'), wizardSay.runTestFirst())
    const instance = state.instance
    return { work: () => saveProfiles(ctx, instance, input) }
  }
})

async function saveProfiles(ctx: StepContext, instance: WizardInstance, input: SaveInput): Promise<WizardState> {
  const before = ctx.state().saved
  const saved = {
    publicProfileId: before?.publicProfileId ?? null,
    privateProfileId: before?.privateProfileId ?? null,
    savedAt: new Date().toISOString()
  }
  const tags = input.tags ?? ['ibmcloud', instance.region]
  for (const e of ['public', 'private'] as const) {
    const target = endpointTarget(ctx.state(), e)
    const idKey = e === 'public' ? 'publicProfileId' : 'privateProfileId'
    if (!target || saved[idKey]) continue
    const password = await ctx.services.secrets.get(target.secret)
    if (!password) throw new AppFailure({ code: WizardCodes.passwordMissing, ...wizardSay.profilePasswordGone() })
    const name = (e === 'public' ? input.publicName : input.privateName) ?? `${instance.name.slice(0, 88)} (${e})`
    const { id } = await ctx.services.saveProfile({
      name,
      tags,
      connection: target.connection,
      username: target.connection.username,
      password,
      crn: instance.id,
      region: instance.region,
      generation: instance.generation,
      keyId: target.keyId
    })
    saved[idKey] = id
    // Each profile is recorded as soon as it exists: a retry never saves it twice.
    await ctx.commit(m.update(ctx.state(), { saved: { ...saved } }))
  }
  return m.completeStep(ctx.state(), 'save', { saved }, { stay: true })
}
