import type { Readable } from 'node:stream'
import type { HttpTransport } from '../transport/http'
import type { Sandbox, SandboxOptions } from '../sandbox'
import type { AppConfig, CoreOptions } from './config'
import type { Core } from './composition'

/**
 * The core's entry: the only module of src/main the front ends (the desktop's index.ts, browser
 * mode and every CLI command) import. Importing it is cheap: the composition, the contract (zod)
 * and every service load when first asked for, so `pse-wizard --version` loads none of them.
 */
export type { AppConfig, CoreOptions } from './config'
export type { Core } from './composition'
export type { HttpTransport } from '../transport/http'
export type { Sandbox, SandboxOptions } from '../sandbox'

/** Builds the app's core: every contract call, its events, one close(). Services are built on first use. */
export async function createCore(config: AppConfig, options: CoreOptions = {}): Promise<Core> {
  const { buildCore } = await import('./composition')
  return buildCore(config, options)
}

/** Browser mode: the core's contract over HTTP on a loopback address, serving the built renderer. */
export async function startBrowserMode(core: Core, options: { rendererDir: string; host?: string; port?: number }): Promise<HttpTransport> {
  const { startHttpTransport } = await import('../transport/http')
  return startHttpTransport({ handlers: core.handlers, events: core.events, ...options })
}

/** The IBM Cloud emulator and sandbox ibmcloud alone (`pse-wizard sandbox`), with the options the environment sets. */
export async function startSandbox(options: (defaults: SandboxOptions) => SandboxOptions, env: NodeJS.ProcessEnv): Promise<Sandbox> {
  const sandbox = await import('../sandbox')
  return sandbox.startSandbox(options(sandbox.sandboxOptionsFromEnv(env)))
}

/** Whether `spec` (HOST or HOST:PORT) names an SSH server, as ~/.ssh/config and the app read it. */
export async function parseHostSpec(spec: string): Promise<{ host: string; port?: number }> {
  const { parseHostSpec: parse } = await import('../network/ssh-config')
  return parse(spec)
}

/** Reads a file named on the command line with a size limit (an AppFailure past it). */
export async function readFileBounded(file: string, maxBytes: number): Promise<string> {
  return (await import('../storage/bounded-read')).readFileBounded(file, maxBytes)
}

/** Reads a stream (standard input) with a size limit. */
export async function readStreamBounded(stream: Readable, maxBytes: number, what: string): Promise<string> {
  return (await import('../storage/bounded-read')).readStreamBounded(stream, maxBytes, what)
}

/** Writes a file atomically (an export with secrets is mode 0600 by its own rules). */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  return (await import('../storage/atomic-file')).writeFileAtomic(file, text)
}

/** PEM certificates that really parse, normalised; an AppFailure (invalid_certificate) otherwise. */
export async function validatePemCertificates(text: string): Promise<string> {
  return (await import('../profiles/pem')).validatePemCertificates(text)
}

// Small helpers without dependencies (no zod: `pse-wizard --version` loads nothing more).
export { APP_VERSION } from '../version'
export { resolveDataDir } from '../paths'
export { registerSecret, redact } from '../logging/redact'
export { log } from '../logging/log'
export { isLoopbackAddress } from '../transport/http-guard'
export { onLinkRequest } from '../transport/link-requests'
