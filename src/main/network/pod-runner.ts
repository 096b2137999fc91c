import crypto from 'node:crypto'
import { AppFailure, TransportCodes } from '../../shared/errors'
import { cancelledFailure, sleep } from '../util/abort'
import { registerSecret } from '../logging/redact'
import { log } from '../logging/log'
import { findKubeTool, KubeCodes, runKube, type KubeTool, type KubeToolName } from './kube-tool'
import { DEFAULT_POD_IMAGE, MANAGED_BY_LABEL, podManifest, secretManifest, type PodProbeTarget } from './pod-manifests'
import { parsePodOutput, tlsUnverifiableMessage, type PodProbeOutcome } from './pod-output'

export interface PodPathSettings {
  tool: KubeToolName
  binaryPath?: string
  context?: string
  namespace: string
  image?: string
}

export interface PodRunOptions {
  signal?: AbortSignal
  env?: NodeJS.ProcessEnv
  /** Whole test, pod start included. */
  timeoutMs?: number
  /** Each oc/kubectl call. */
  commandTimeoutMs?: number
  pollMs?: number
}

export interface PodRunResult extends PodProbeOutcome {
  podName: string
  image: string
  /** Raw pod output for "Show details" (never contains a secret: the script prints none). */
  output: string
  /** False when deleting the pod or the Secret failed: the user must clean up by hand. */
  cleanedUp: boolean
  cleanupCommand: string
}

export { DEFAULT_POD_IMAGE }

/** Each oc / kubectl call's limit when the caller sets none. */
export const POD_COMMAND_TIMEOUT_MS = 30_000

export const PodCodes = {
  imagePull: 'pod_image_pull_failed',
  podFailed: 'pod_failed',
  timeout: 'pod_timeout'
} as const

/** Failures after which a create may still have happened (only a clear refusal means "not created"). */
const MAYBE_DONE = new Set<string>([KubeCodes.timeout, KubeCodes.outputTooLarge, TransportCodes.cancelled])

const IMAGE_PULL_REASONS = ['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull']

/**
 * Runs the connection test from a short-lived pod in the user's cluster: a temporary Secret
 * (CA, password, user), then a Pod that runs the probe with redis-cli, waits for it, reads its
 * output, and deletes the Pod and the Secret in every case: success, failure, timeout, cancel.
 */
export async function runProbeInPod(settings: PodPathSettings, target: PodProbeTarget, options: PodRunOptions = {}): Promise<PodRunResult> {
  registerSecret(target.password)
  const env = options.env ?? process.env
  const tool: KubeTool = {
    name: settings.tool,
    binary: findKubeTool(settings.tool, settings.binaryPath, env),
    namespace: settings.namespace,
    env,
    ...(settings.context ? { context: settings.context } : {})
  }
  const image = settings.image || DEFAULT_POD_IMAGE
  const podName = `pse-probe-${crypto.randomBytes(5).toString('hex')}`
  const secretName = `${podName}-auth`
  const commandTimeoutMs = options.commandTimeoutMs ?? POD_COMMAND_TIMEOUT_MS
  const deadline = Date.now() + (options.timeoutMs ?? 150_000)
  const run = (args: string[], stdin?: string) =>
    runKube(tool, args, { timeoutMs: commandTimeoutMs, signal: options.signal, ...(stdin !== undefined ? { stdin } : {}) })
  const cleanupCommand = `${tool.name} delete pod,secret -n ${tool.namespace} -l app.kubernetes.io/managed-by=${MANAGED_BY_LABEL['app.kubernetes.io/managed-by']}`
  const scratchKey = `pse-wizard:probe:${crypto.randomBytes(6).toString('hex')}`

  const created = { secret: false, pod: false }
  // A create that timed out or was cancelled may still have happened: only a clear refusal means "not created".
  const create = async (kind: 'secret' | 'pod', manifest: object) => {
    created[kind] = true
    try {
      await run(['create', '-o', 'name', '-f', '-'], JSON.stringify(manifest))
    } catch (e) {
      if (e instanceof AppFailure && !MAYBE_DONE.has(e.code)) created[kind] = false
      throw e
    }
  }
  let result: PodRunResult | undefined
  try {
    await create('secret', secretManifest(secretName, target))
    await create('pod', podManifest(podName, secretName, image, target, scratchKey))
    await waitForPod(run, podName, image, deadline, options)
    const output = await run(['logs', podName])
    const outcome = parsePodOutput(output, target.tls)
    if (outcome.tlsUnverifiable) outcome.message = tlsUnverifiableMessage(image)
    result = { ...outcome, podName, image, output, cleanedUp: false, cleanupCommand }
  } finally {
    const cleanedUp = await cleanup(tool, podName, secretName, created, commandTimeoutMs)
    if (result) result.cleanedUp = cleanedUp
    if (!cleanedUp) log.warn(`could not delete test pod/secret ${podName}; run: ${cleanupCommand}`)
  }
  return result
}

type Run = (args: string[], stdin?: string) => Promise<string>

async function waitForPod(run: Run, podName: string, image: string, deadline: number, options: PodRunOptions): Promise<void> {
  let last = 'Pending'
  for (;;) {
    const status = podStatus(await run(['get', 'pod', podName, '-o', 'json']))
    last = status.summary
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return
    if (status.waitingReason && IMAGE_PULL_REASONS.includes(status.waitingReason)) {
      throw new AppFailure({
        code: PodCodes.imagePull,
        message: `The cluster could not pull the image "${image}". If the cluster cannot pull from the internet, set an image with redis-cli from your own registry.`,
        detail: status.summary,
        params: { image }
      })
    }
    if (status.waitingReason === 'CreateContainerConfigError' || status.waitingReason === 'CreateContainerError') {
      throw new AppFailure({ code: PodCodes.podFailed, message: 'The test pod could not start its container. See the details.', detail: status.summary, params: {} })
    }
    if (Date.now() >= deadline) {
      throw new AppFailure({
        code: PodCodes.timeout,
        message: `The test pod did not finish in time (last state: ${last}). The cluster may be short of resources, or the image is slow to pull.`,
        detail: status.summary,
        params: { say: 'errors.podTimeout', state: last }
      })
    }
    await sleep(options.pollMs ?? 1000, options.signal)
  }
}

interface PodStatus {
  phase: string
  waitingReason?: string
  summary: string
}

function podStatus(json: string): PodStatus {
  let pod: {
    status?: {
      phase?: string
      reason?: string
      message?: string
      containerStatuses?: Array<{ state?: Record<string, { reason?: string; message?: string }> }>
      conditions?: Array<{ type?: string; status?: string; reason?: string; message?: string }>
    }
  }
  try {
    pod = JSON.parse(json)
  } catch {
    throw new AppFailure({
      code: KubeCodes.toolFailed,
      message: 'The cluster tool answered with something that is not JSON.',
      detail: json.slice(0, 500),
      params: { say: 'errors.kubeToolNotJson' }
    })
  }
  const st = pod.status ?? {}
  const waiting = st.containerStatuses?.[0]?.state?.waiting
  const unschedulable = st.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False')
  const parts = [st.phase ?? 'Unknown', st.reason, waiting?.reason, waiting?.message, unschedulable?.message].filter(Boolean)
  return { phase: st.phase ?? 'Unknown', ...(waiting?.reason ? { waitingReason: waiting.reason } : {}), summary: parts.join(': ') }
}

async function cleanup(tool: KubeTool, podName: string, secretName: string, created: { secret: boolean; pod: boolean }, timeoutMs: number): Promise<boolean> {
  // Never with the caller's signal: a cancelled test must still clean up.
  const del = async (kind: string, name: string) => {
    try {
      await runKube(tool, ['delete', kind, name, '--ignore-not-found', '--wait=false'], { timeoutMs })
      return true
    } catch (e) {
      log.warn(`deleting ${kind}/${name} failed: ${e instanceof Error ? e.message : String(e)}`)
      return false
    }
  }
  const results = await Promise.all([created.pod ? del('pod', podName) : true, created.secret ? del('secret', secretName) : true])
  return results.every(Boolean)
}
