import { TransportCodes } from '../../shared/errors'
import type { ProvisionProgress } from '../../shared/schemas/ibmcloud'
import type { WizardProvisioning, WizardState } from '../../shared/schemas/wizard'
import { log } from '../logging/log'
import { cancelledFailure, sleep } from '../util/abort'
import * as m from './machine'
import { wizardMessages } from './messages'
import { toError, type Turn } from './step-runner'
import type { StepContext } from './steps/step'

export interface ProvisioningWaitOptions {
  /** How many IBM errors in a row (429, 5xx, network) the wait sits out before failing. */
  maxTransientErrors?: number
  /** Pause after a transient error when IBM gives no Retry-After. */
  transientDelayMs?: number
}

/** IBM failures that a long wait should sit out rather than give up on. */
const TRANSIENT = new Set(['ibm_rate_limited', 'ibm_server_error', 'ibm_unreachable', 'ibm_timeout', 'ibm_malformed_response'])

/** True when the wait can be (re)started on this state: an instance exists and the wait is reached but not done. */
export const canResumeWait = (state: WizardState): boolean =>
  state.instance !== null && state.steps.wait.status !== 'done' && state.steps.wait.status !== 'pending'

/** The provisioning record moved on by `patch` (its start time kept). */
function provisioning(state: WizardState, patch: Partial<WizardProvisioning>): WizardProvisioning {
  const now = new Date().toISOString()
  const prev = state.provisioning
  return { percent: null, text: null, state: null, phase: 'provisioning', notice: null, startedAt: prev?.startedAt ?? now, ...prev, ...patch, updatedAt: now }
}

function recordProgress(ctx: StepContext, p: ProvisionProgress): void {
  const phase = p.phase === 'adopted' ? 'provisioning' : p.phase
  // A poll that failed for a moment: a notice (main's words, with the code), IBM's last words kept.
  if (p.hiccup) {
    void ctx.commit(m.update(ctx.state(), { provisioning: provisioning(ctx.state(), { phase, notice: p.description ?? p.hiccup, noticeCode: p.hiccup }) })).catch(() => undefined)
    return
  }
  const patch: Partial<WizardProvisioning> = {
    phase,
    ...(p.percent !== undefined ? { percent: p.percent } : {}),
    ...(p.description ? { text: p.description } : {}),
    ...(p.state ? { state: p.state } : {}),
    notice: null,
    noticeCode: null
  }
  void ctx.commit(m.update(ctx.state(), { provisioning: provisioning(ctx.state(), patch) })).catch(() => undefined)
}

/** The wait ends stopped (cancel, or the app closing): it can be resumed. */
async function stopped(ctx: StepContext, turn: Turn): Promise<void> {
  turn.end()
  await ctx.commit(m.stopStep(ctx.state(), 'wait', { provisioning: provisioning(ctx.state(), { phase: 'stopped' }) }))
}

/**
 * The provisioning wait, run in the background with the lease held: polls the instance until
 * it is ready, records IBM's progress, sits out transient IBM failures (a notice says so), and
 * ends done, failed or stopped. Nothing awaits before the first commit, so the state shows the
 * wait running as soon as it is started.
 */
export function provisioningWait(ctx: StepContext, options: ProvisioningWaitOptions): (turn: Turn) => Promise<void> {
  return async (turn) => {
    const { signal } = turn
    const instance = ctx.state().instance
    if (!instance) return
    const was = ctx.state().provisioning?.phase
    const phase = was === 'stopped' || was === 'failed' ? 'provisioning' : (was ?? 'provisioning')
    await ctx.commit(m.startStep(ctx.state(), 'wait', { provisioning: provisioning(ctx.state(), { phase }) }))
    let transient = 0
    for (;;) {
      try {
        await ctx.ensureSession(signal)
        if (signal.aborted) throw cancelledFailure()
        const onProgress = (p: ProvisionProgress) => recordProgress(ctx, p)
        // Gen 2 (told by resource_plan_id when created or adopted) has no Cloud Databases v5: the Resource Controller only.
        const ready =
          instance.generation === 'gen2'
            ? await ctx.services.waitUntilGen2Ready(instance.id, signal, onProgress)
            : await ctx.services.waitUntilReady(instance.id, signal, onProgress)
        const current = ctx.state().instance ?? instance
        turn.end()
        await ctx.commit(
          m.completeStep(ctx.state(), 'wait', {
            instance: { ...current, state: ready.state, serviceEndpoints: ready.serviceEndpoints ?? current.serviceEndpoints },
            provisioning: provisioning(ctx.state(), { phase: 'ready', percent: 100, state: ready.state, notice: null, noticeCode: null })
          })
        )
        return
      } catch (e) {
        const error = toError(e)
        if (signal.aborted || error.code === TransportCodes.cancelled) return stopped(ctx, turn)
        if (TRANSIENT.has(error.code) && ++transient <= (options.maxTransientErrors ?? 20)) {
          log.warn(`wizard: IBM Cloud answered ${error.code} during the wait; waiting and asking again (${transient})`)
          const notice = wizardMessages.waitStillTrying({ ibmMessage: error.message })
          await ctx.commit(m.update(ctx.state(), { provisioning: provisioning(ctx.state(), { notice, noticeCode: error.code }) }))
          try {
            await sleep(error.retryAfter !== undefined ? error.retryAfter * 1000 : (options.transientDelayMs ?? 5_000), signal)
          } catch {
            return stopped(ctx, turn)
          }
          continue
        }
        const failed = error.code === 'ibm_provisioning_failed'
        turn.end()
        await ctx.commit(m.failStep(ctx.state(), 'wait', error, { provisioning: provisioning(ctx.state(), failed ? { phase: 'failed' } : {}) }))
        return
      }
    }
  }
}
