import type { AccountInput } from '../../../shared/schemas/wizard'
import { registerSecret } from '../../logging/redact'
import * as m from '../machine'
import { defineStep } from './step'

/** Step 1: sign in (API key typed, kept in the keychain, from the environment, or the user's CLI session). */
export const accountStep = defineStep<AccountInput>({
  id: 'account',
  signsIn: true,
  accept(input) {
    if (input.source === 'apiKey') registerSecret(input.apiKey)
    return input
  },
  prepare: (ctx, input) => ({
    work: async (signal) => {
      const { source, info } = await ctx.services.signIn(input, signal)
      ctx.markSignedIn()
      let state = ctx.state()
      // Another account: results of the old one must not mix with the new.
      if (state.account && state.account.info.accountId !== info.accountId) state = m.invalidateAfter(state, 'account')
      return m.completeStep(state, 'account', { account: { source, info } })
    }
  })
})
