import { AppFailure } from '../../../shared/errors'
import type { PasswordInput, WizardInstance, WizardState } from '../../../shared/schemas/wizard'
import { registerSecret } from '../../logging/redact'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { wizardSay } from '../messages'
import { adminPasswordSecret } from '../secret-names'
import { defineStep, requireReady, type StepContext } from './step'

interface ChosenPassword {
  password: string
  generated: boolean
}

/** Step 5: the admin user's password (typed or generated), kept in the keychain before it is sent. */
export const passwordStep = defineStep<PasswordInput, ChosenPassword>({
  id: 'password',
  accept(input, services) {
    const generated = input.mode === 'generate'
    const password = generated ? services.generatePassword() : input.password
    registerSecret(password)
    return { password, generated }
  },
  prepare(ctx, chosen) {
    const state = ctx.state()
    requireReady(state.instance && state.steps.wait.status === 'done', wizardSay.waitUntilReady())
    const instance = state.instance
    return { work: (signal) => setAdminPassword(ctx, instance, chosen, signal) }
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

/** The admin password as the keychain keeps it (the "Show" button). */
export async function revealAdminPassword(ctx: Pick<StepContext, 'state' | 'services'>): Promise<string> {
  const state = ctx.state()
  requireReady(state.instance && state.password, wizardSay.noAdminPasswordYet())
  const password = await ctx.services.secrets.get(adminPasswordSecret(state.instance.guid))
  if (!password) throw new AppFailure({ code: WizardCodes.passwordMissing, ...wizardSay.adminPasswordGone() })
  return password
}
