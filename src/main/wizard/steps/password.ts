import { AppFailure } from '../../../shared/errors'
import type { CreateCredentialsInput, PasswordInput, WizardInstance, WizardState } from '../../../shared/schemas/wizard'
import { registerSecret } from '../../logging/redact'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { wizardSay } from '../messages'
import { adminPasswordSecret, keyPasswordSecret } from '../secret-names'
import { createManagerCredentials } from './credentials-gen2'
import { defineStep, requireReady, type StepContext } from './step'

interface ChosenPassword {
  password: string
  generated: boolean
}

/** Step 5's two calls: Gen 1 sets the admin password (`wizard.setPassword`), Gen 2 creates the Manager key (`wizard.createCredentials`). */
export type PasswordStepInput = { kind: 'password'; input: PasswordInput } | { kind: 'credentials'; input: CreateCredentialsInput }
type Accepted = { kind: 'password'; chosen: ChosenPassword } | { kind: 'credentials'; name?: string }

/** Step 5: Gen 1's admin password (typed or generated, kept in the keychain before it is sent); Gen 2's credentials (credentials-gen2.ts). */
export const passwordStep = defineStep<PasswordStepInput, Accepted>({
  id: 'password',
  accept(call, services) {
    if (call.kind === 'credentials') return { kind: 'credentials', ...(call.input.name ? { name: call.input.name } : {}) }
    const generated = call.input.mode === 'generate'
    const password = call.input.mode === 'generate' ? services.generatePassword() : call.input.password
    registerSecret(password)
    return { kind: 'password', chosen: { password, generated } }
  },
  prepare(ctx, accepted) {
    const state = ctx.state()
    requireReady(state.instance && state.steps.wait.status === 'done', wizardSay.waitUntilReady())
    const instance = state.instance
    const gen2 = instance.generation === 'gen2'
    // Each call belongs to one generation: the other one's is refused before anything is sent.
    requireReady(!gen2 || accepted.kind === 'credentials', wizardSay.gen2HasNoAdminPassword())
    requireReady(gen2 || accepted.kind === 'password', wizardSay.gen1HasAdminPassword())
    if (accepted.kind === 'credentials') return { work: (signal) => createManagerCredentials(ctx, instance, accepted.name, signal) }
    return { work: (signal) => setAdminPassword(ctx, instance, accepted.chosen, signal) }
  }
})

async function setAdminPassword(
  ctx: StepContext,
  instance: WizardInstance,
  { password, generated }: ChosenPassword,
  signal: AbortSignal
): Promise<WizardState> {
  const check = ctx.services.checkPassword(password)
  if (!check.ok) {
    // Checked here first: a password the rules refuse is never sent.
    throw new AppFailure({ code: 'ibm_password_rejected', ...wizardSay.passwordRejected({ problems: check.problems }) })
  }
  // Kept before it is sent: if the app dies after IBM accepts it, the password is not lost.
  const storedIn = await ctx.services.secrets.set(adminPasswordSecret(instance.guid), password)
  const { username } = await ctx.services.setAdminPassword(instance.id, password, signal)
  return m.completeStep(ctx.state(), 'password', { password: { username, generated, storedIn, setAt: new Date().toISOString() } })
}

/** The admin password (Gen 1) or the Manager key's password (Gen 2) as the keychain keeps it (the "Show" button). */
export async function revealAdminPassword(ctx: Pick<StepContext, 'state' | 'services'>): Promise<string> {
  const state = ctx.state()
  const secret =
    state.instance && (state.credentials ? keyPasswordSecret(state.credentials.keyId) : state.password ? adminPasswordSecret(state.instance.guid) : null)
  requireReady(secret, wizardSay.noAdminPasswordYet())
  const password = await ctx.services.secrets.get(secret)
  if (!password)
    throw new AppFailure({ code: WizardCodes.passwordMissing, ...(state.credentials ? wizardSay.gen2CredentialsGone() : wizardSay.adminPasswordGone()) })
  return password
}
