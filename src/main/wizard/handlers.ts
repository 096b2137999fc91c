import type { Handlers } from '../transport/dispatch'
import type { WizardJob } from './job'
import type { WizardServices } from './services'

type WizardCall = Extract<keyof Handlers, `wizard.${string}`>

/** The `wizard.*` calls of the contract, each a thin line onto the job. */
export function wizardHandlers(job: WizardJob, services: Pick<WizardServices, 'accountChoices' | 'checkPassword'>): Pick<Handlers, WizardCall> {
  return {
    'wizard.state': () => job.refresh(),
    'wizard.accountChoices': () => services.accountChoices(),
    'wizard.account': (input) => job.account(input),
    'wizard.checkPrerequisites': (input) => job.checkPrerequisites(input),
    'wizard.openSupportCase': () => job.openSupportCase(),
    'wizard.options': (input, ctx) => job.options(input.region, ctx.signal),
    'wizard.deploy': (input) => job.deploy(input),
    'wizard.idle': () => job.idle(),
    'wizard.resume': () => job.resume(),
    'wizard.checkPassword': async (input) => services.checkPassword(input.password),
    'wizard.setPassword': (input) => job.setPassword(input),
    'wizard.createCredentials': (input) => job.createCredentials(input),
    'wizard.revealPassword': async () => ({ password: await job.revealPassword() }),
    'wizard.fetchConnection': (input) => job.fetchConnection(input),
    'wizard.createServiceKey': (input) => job.createServiceKey(input),
    'wizard.test': (input) => job.test(input.endpoints),
    'wizard.save': (input) => job.save(input),
    'wizard.back': () => job.back(),
    'wizard.goTo': (input) => job.goTo(input.step),
    'wizard.cancel': () => job.cancel(),
    'wizard.reset': () => job.reset(),
    'wizard.deleteInstance': (input) => job.deleteInstance(input.instanceId, input.typedName)
  }
}
