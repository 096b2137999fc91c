import { AppFailure } from '../../../shared/errors'
import type { EndpointType } from '../../../shared/schemas/ibmcloud'
import { UNREACHABLE_CODES, type ProbeResult } from '../../../shared/schemas/probe'
import type { WizardState } from '../../../shared/schemas/wizard'
import { WizardCodes } from '../codes'
import * as m from '../machine'
import { wizardMessages, wizardSay } from '../messages'
import type { WizardServices } from '../services'
import { endpointTarget } from './endpoint-targets'
import { defineStep, requireReady, type StepContext } from './step'

type Tests = WizardState['tests']

/** Step 8: connects to each endpoint from here; a private endpoint out of reach is told apart from a real failure. */
export const testStep = defineStep<EndpointType[] | undefined>({
  id: 'test',
  prepare(ctx, endpoints) {
    const state = ctx.state()
    requireReady(state.instance && state.steps.connection.status === 'done', wizardSay.fetchConnectionFirst())
    const wanted = endpoints ?? (['public', 'private'] as EndpointType[]).filter((e) => endpointTarget(state, e) !== null)
    return { work: (signal) => testEndpoints(ctx, wanted, signal) }
  }
})

async function testEndpoints(ctx: StepContext, wanted: EndpointType[], signal: AbortSignal): Promise<WizardState> {
  const tests = { ...ctx.state().tests }
  for (const e of wanted) await testEndpoint(ctx, e, tests, signal)
  const failed = wanted.map((e) => [e, e === 'public' ? tests.public : tests.private] as const).filter(([, r]) => r && !r.ok)
  const state = ctx.state()
  if (failed.length === 0) return m.completeStep(state, 'test', { tests }, { stay: true })
  const [endpoint, result] = failed[0]
  if (endpoint === 'private' && tests.privateUnreachable && failed.length === 1) {
    // Not a fault of the setup: this computer is outside the private network. Saving still makes sense.
    const next = m.failStep(state, 'test', { code: WizardCodes.privateUnreachable, message: tests.privateUnreachable.message }, { tests })
    const save = next.steps.save
    return { ...next, steps: { ...next.steps, save: { ...save, status: save.status === 'pending' ? 'ready' : save.status } } }
  }
  const said = wizardSay.endpointTestFailed({ endpoint, probeMessage: result?.message ?? null })
  return m.failStep(state, 'test', { code: WizardCodes.testFailed, ...said, params: { ...said.params, result: result?.code ?? '' } }, { tests })
}

/** Probes one endpoint with its password from the keychain; records the result in `tests`. */
async function testEndpoint(ctx: StepContext, e: EndpointType, tests: Tests, signal: AbortSignal): Promise<void> {
  const target = endpointTarget(ctx.state(), e)
  if (!target) {
    throw new AppFailure({ code: WizardCodes.notReady, ...(e === 'private' ? wizardSay.createServiceKeyFirst() : wizardSay.noPublicEndpoint()) })
  }
  const password = await ctx.services.secrets.get(target.secret)
  if (!password) throw new AppFailure({ code: WizardCodes.passwordMissing, ...wizardSay.endpointPasswordGone() })
  const result = await ctx.services.probe({ connection: target.connection, username: target.connection.username, password }, signal)
  if (e === 'public') {
    tests.public = result
    return
  }
  tests.private = result
  const unreachable = !result.ok && (result.diagnosis || (result.code && UNREACHABLE_CODES.has(result.code)))
  tests.privateUnreachable = unreachable ? unreachableAdvice(ctx.services, result, result.diagnosis?.message) : null
}

function unreachableAdvice(services: WizardServices, result: ProbeResult, diagnosis?: string): NonNullable<Tests['privateUnreachable']> {
  const why = diagnosis ?? wizardMessages.privateUnreachableWhy()
  return {
    code: result.code ?? 'private_endpoint_unreachable',
    message: wizardMessages.privateUnreachable({ why }),
    options: services.privatePathOptions()
  }
}
