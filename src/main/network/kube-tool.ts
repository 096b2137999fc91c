import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { AppFailure, TransportCodes } from '../../shared/errors'
import { cancelledFailure } from '../util/abort'
import { findExecutable, isExecutableFile } from '../util/find-executable'

/** `oc` or `kubectl`, run as a child process with a timeout; errors turned into advice. */
export type KubeToolName = 'oc' | 'kubectl'

export const KubeCodes = {
  toolNotFound: 'pod_tool_not_found',
  rbacForbidden: 'pod_rbac_forbidden',
  notLoggedIn: 'pod_not_logged_in',
  contextNotFound: 'pod_context_not_found',
  namespaceNotFound: 'pod_namespace_not_found',
  clusterUnreachable: 'pod_cluster_unreachable',
  toolFailed: 'pod_tool_failed',
  timeout: 'pod_timeout',
  outputTooLarge: 'pod_tool_output_too_large'
} as const

export interface KubeTool {
  name: KubeToolName
  binary: string
  context?: string
  namespace: string
  /** The environment to pick from: only its allowlisted part reaches the tool (kubeEnv). */
  env: NodeJS.ProcessEnv
}

/** The binary to run: the configured path, else the first `name` on PATH. */
export function findKubeTool(name: KubeToolName, binaryPath: string | undefined, env: NodeJS.ProcessEnv): string {
  if (binaryPath) {
    if (!path.isAbsolute(binaryPath) || !isExecutableFile(binaryPath)) {
      throw new AppFailure({
        code: KubeCodes.toolNotFound,
        message: `${binaryPath} is not an executable file. Set the full path to ${name}, or leave it empty to use the one on PATH.`,
        params: { say: 'errors.kubeToolNotExecutable', path: binaryPath, tool: name }
      })
    }
    return binaryPath
  }
  const found = findExecutable(process.platform === 'win32' ? `${name}.exe` : name, env)
  if (found) return found
  const install = name === 'oc' ? 'the OpenShift CLI (oc)' : 'kubectl'
  throw new AppFailure({
    code: KubeCodes.toolNotFound,
    message: `${name} was not found on PATH. Install ${install} and log in to your cluster, or set the path to it.`,
    params: { tool: name }
  })
}

/**
 * What oc/kubectl may see of our environment. Never the app's secrets (IBMCLOUD_API_KEY,
 * REDIS_PASSWORD, PSE_SSH_PASSPHRASE, ...): only where things are (PATH, HOME, KUBECONFIG,
 * the kubectl cache), the locale, proxies and CA bundles. Exec credential plugins run as
 * children of kubectl with this same environment: IBM's (`ibmcloud ks`/`oc` token flows) need
 * only IBMCLOUD_HOME, the user's own CLI session folder (a path, not a secret); cloud
 * credentials of other providers (AWS_*, GOOGLE_*, AZURE_*) are not passed. Nothing test-only:
 * the tests' stand-in kubectl reads its knobs from the file KUBECONFIG names.
 */
const KUBE_PASS_THROUGH =
  /^(PATH|Path|PATHEXT|HOME|USER|LOGNAME|USERPROFILE|HOMEDRIVE|HOMEPATH|APPDATA|LOCALAPPDATA|SYSTEMROOT|SystemRoot|WINDIR|COMSPEC|TEMP|TMP|TMPDIR|XDG_CONFIG_HOME|XDG_CACHE_HOME|XDG_RUNTIME_DIR|KUBECONFIG|KUBECACHEDIR|IBMCLOUD_HOME|LANG|LANGUAGE|LC_[A-Z]+|TZ|HTTPS?_PROXY|https?_proxy|ALL_PROXY|all_proxy|NO_PROXY|no_proxy|SSL_CERT_FILE|SSL_CERT_DIR)$/

/** The allowlisted part of `env`, for oc/kubectl. */
export function kubeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined && KUBE_PASS_THROUGH.test(k)) out[k] = v
  return out
}

export interface RunOptions {
  stdin?: string
  timeoutMs: number
  signal?: AbortSignal
}

/** More than this on stdout or stderr is not a kubectl answer we asked for: stop the tool. */
export const KUBE_OUTPUT_LIMIT = 4 * 1024 * 1024

const WINDOWS = process.platform === 'win32'

/**
 * Runs `tool [--context C] -n NS args...`; resolves stdout, or throws an AppFailure with advice.
 * The tool runs in its own process group (POSIX) so that a timeout or cancel also stops what it
 * started (credential plugins, anything holding its pipes); the result settles when the timer
 * fires, whoever still holds the pipes. Output is capped at KUBE_OUTPUT_LIMIT per stream.
 */
export function runKube(tool: KubeTool, args: string[], options: RunOptions): Promise<string> {
  // `--flag=value`: a value can never be read as another flag.
  const full = [...(tool.context ? [`--context=${tool.context}`] : []), `--namespace=${tool.namespace}`, ...args]
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(cancelled())
    const group = !WINDOWS
    let child: ReturnType<typeof spawn>
    try {
      child = spawn(tool.binary, full, { env: kubeEnv(tool.env), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true, shell: false, detached: group })
    } catch (e) {
      return reject(startFailure(tool, e))
    }
    const stdout = new CappedBuffer()
    const stderr = new CappedBuffer()
    let settled = false
    const kill = () => {
      try {
        if (group && child.pid) process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      } catch {
        // already gone
      }
    }
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      fn()
    }
    const fail = (failure: AppFailure) => {
      kill()
      finish(() => reject(failure))
    }
    const timer = setTimeout(
      () =>
        fail(
          new AppFailure({
            code: KubeCodes.timeout,
            message: `${tool.name} ${args[0]} did not finish in ${Math.round(options.timeoutMs / 1000)} s. Check that the cluster is reachable.`,
            params: { say: 'errors.kubeToolTimeout', tool: tool.name, command: args[0] ?? '', seconds: Math.round(options.timeoutMs / 1000) }
          })
        ),
      options.timeoutMs
    )
    const onAbort = () => fail(cancelled())
    options.signal?.addEventListener('abort', onAbort, { once: true })
    const onData = (buffer: CappedBuffer) => (d: Buffer) => {
      if (settled || buffer.push(d)) return
      fail(
        new AppFailure({
          code: KubeCodes.outputTooLarge,
          message: `${tool.name} ${args[0]} printed more than ${KUBE_OUTPUT_LIMIT / (1024 * 1024)} MiB and was stopped. Check the kube context and namespace.`,
          params: { tool: tool.name, command: args[0] ?? '', mib: KUBE_OUTPUT_LIMIT / (1024 * 1024) }
        })
      )
    }
    child.stdout!.on('data', onData(stdout))
    child.stderr!.on('data', onData(stderr))
    child.stdin!.on('error', () => undefined)
    child.stdin!.end(options.stdin ?? '')
    child.once('error', (e) => finish(() => reject(startFailure(tool, e))))
    child.once('close', (code) =>
      finish(() => {
        if (code === 0) return resolve(stdout.text())
        reject(explainKubeError(tool, stderr.text() || stdout.text()))
      })
    )
  })
}

/** Collects bytes up to KUBE_OUTPUT_LIMIT; push() says false once the limit is passed. */
class CappedBuffer {
  private chunks: Buffer[] = []
  private size = 0
  push(chunk: Buffer): boolean {
    this.size += chunk.length
    if (this.size > KUBE_OUTPUT_LIMIT) return false
    this.chunks.push(chunk)
    return true
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8')
  }
}

function startFailure(tool: KubeTool, e: unknown): AppFailure {
  const err = e as NodeJS.ErrnoException
  return new AppFailure({
    code: KubeCodes.toolNotFound,
    message: `${tool.name} could not be started (${tool.binary}). Check the path in the profile.`,
    detail: err.code ?? err.message,
    params: { say: 'errors.kubeToolUnstartable', tool: tool.name, path: tool.binary }
  })
}

const cancelled = cancelledFailure

/** Turns kubectl/oc error output into a stable code and a sentence that says what to do. */
export function explainKubeError(tool: Pick<KubeTool, 'name' | 'namespace' | 'context'>, output: string): AppFailure {
  const detail = output.trim().slice(0, 2000)
  const forbidden = /cannot (\w+) resource "([^"]+)"(?: in API group "[^"]*")?(?: in the namespace "([^"]+)")?/i.exec(output)
  if (forbidden || /\(Forbidden\)|forbidden:/i.test(output)) {
    const verb = forbidden?.[1] ?? 'use'
    const resource = forbidden?.[2] ?? 'pods or secrets'
    const ns = forbidden?.[3] ?? tool.namespace
    return new AppFailure({
      code: KubeCodes.rbacForbidden,
      message: `Your account may not ${verb} ${resource} in the namespace "${ns}". Ask a cluster admin for a Role allowing create, get and delete on pods, pods/log and secrets there (check with "${tool.name} auth can-i create pods -n ${ns}"), or choose a namespace where you can.`,
      detail,
      params: { tool: tool.name, verb, resource, namespace: ns }
    })
  }
  if (/context "[^"]*" does not exist|no context exists/i.test(output)) {
    return new AppFailure({
      code: KubeCodes.contextNotFound,
      message: `The kube context "${tool.context ?? ''}" does not exist. Pick one from "${tool.name} config get-contexts".`,
      detail,
      params: { tool: tool.name, context: tool.context ?? '' }
    })
  }
  if (/must be logged in|Unauthorized|token has expired|provide credentials/i.test(output)) {
    const login = tool.name === 'oc' ? 'Run "oc login" again' : 'Refresh your cluster credentials (for IBM Cloud: ibmcloud ks cluster config)'
    return new AppFailure({
      code: KubeCodes.notLoggedIn,
      message: `${tool.name} is not logged in to the cluster, or the login expired. ${login}, then test again.`,
      detail,
      params: { say: tool.name === 'oc' ? 'errors.kubeNotLoggedInOc' : 'errors.kubeNotLoggedInKubectl', tool: tool.name }
    })
  }
  if (/namespaces? "([^"]+)" not found/i.test(output)) {
    return new AppFailure({
      code: KubeCodes.namespaceNotFound,
      message: `The namespace "${tool.namespace}" does not exist in this cluster. Check its name.`,
      detail,
      params: { namespace: tool.namespace }
    })
  }
  if (/Unable to connect to the server|dial tcp|no such host|connection refused|i\/o timeout/i.test(output)) {
    return new AppFailure({
      code: KubeCodes.clusterUnreachable,
      message: `${tool.name} cannot reach the cluster API. Check your network or VPN, and the cluster URL in your kube config.`,
      detail,
      params: { tool: tool.name }
    })
  }
  return new AppFailure({ code: KubeCodes.toolFailed, message: `${tool.name} failed. See the details.`, detail, params: { tool: tool.name } })
}
