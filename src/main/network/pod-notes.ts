import { TransportCodes, type AppFailure } from '../../shared/errors'
import { probeNote as note, type ProbeNote } from '../../shared/schemas/probe-notes'
import { redactBounded } from '../logging/redact'
import { KUBE_OUTPUT_LIMIT } from './kube-tool'

/**
 * What the pod phase found, as notes (src/shared/schemas/path-notes.ts) the UI and the CLI word
 * in the user's language: the pod, its namespace and image, the clean-up command when it was
 * not deleted, or what failed with oc's / kubectl's / the cluster's own words quoted.
 */
export interface PodNoteContext {
  tool: 'oc' | 'kubectl'
  binaryPath?: string
  namespace: string
  context?: string
  image: string
  /** Each oc / kubectl call's limit (a timeout of the tool, not of the pod). */
  commandTimeoutMs: number
}

const said = (text: string | undefined): string => redactBounded((text ?? '').trim(), 400)

/** The pod phase of a test that ran: where, with what image, and whether it was cleaned up. */
export function podRanNotes(
  run: { podName: string; image: string; cleanedUp: boolean; cleanupCommand: string },
  where: { namespace: string; context?: string | null }
): ProbeNote[] {
  const ran = where.context
    ? note('pod.ran_in_context', { pod: run.podName, context: where.context, namespace: where.namespace, image: run.image })
    : note('pod.ran', { pod: run.podName, namespace: where.namespace, image: run.image })
  return run.cleanedUp ? [ran] : [ran, note('pod.not_deleted', { command: run.cleanupCommand })]
}

/** The failing pod phase's note, from the failure's code and what the profile set. */
export function podFailureNote(failure: AppFailure, ctx: PodNoteContext): ProbeNote {
  const words = said(failure.detail)
  switch (failure.code) {
    case TransportCodes.cancelled:
      return note('phase.cancelled', {})
    case 'pod_tool_not_found':
      if (failure.detail) return note('pod.tool_not_started', { file: ctx.binaryPath ?? ctx.tool, said: words })
      return ctx.binaryPath ? note('pod.tool_not_executable', { file: ctx.binaryPath }) : note('pod.tool_not_found', { tool: ctx.tool })
    case 'pod_rbac_forbidden':
      return note('pod.forbidden', { namespace: ctx.namespace, said: words })
    case 'pod_context_not_found':
      return note('pod.context_not_found', { context: ctx.context ?? '', said: words })
    case 'pod_not_logged_in':
      return note('pod.not_logged_in', { tool: ctx.tool, said: words })
    case 'pod_namespace_not_found':
      return note('pod.namespace_not_found', { namespace: ctx.namespace, said: words })
    case 'pod_cluster_unreachable':
      return note('pod.cluster_unreachable', { tool: ctx.tool, said: words })
    case 'pod_tool_failed':
      return note('pod.tool_failed', { tool: ctx.tool, said: words })
    case 'pod_tool_output_too_large':
      return note('pod.tool_output_too_large', { tool: ctx.tool, mib: KUBE_OUTPUT_LIMIT / (1024 * 1024) })
    case 'pod_image_pull_failed':
      return note('pod.image_pull_failed', { image: ctx.image, said: words })
    case 'pod_failed':
      return note('pod.container_failed', { said: words })
    case 'pod_timeout':
      // The pod's own wait carries its last state; a call of the tool that ran out of time carries none.
      return failure.detail
        ? note('pod.wait_timeout', { said: words })
        : note('pod.tool_timeout', { tool: ctx.tool, seconds: Math.round(ctx.commandTimeoutMs / 1000) })
  }
  return note('phase.error', { said: words || said(failure.message) })
}
