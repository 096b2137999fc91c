import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { AppFailure } from '../../shared/errors'
import { Emulator, type EmulatorOptions } from './emulator/server'
import { parseFaultList } from './emulator/faults'
import { writeSandboxRoot } from './public-root'
import { SANDBOX_ROOT_CA_FILE_VARIABLE } from './sandbox-trust'

export { Emulator } from './emulator/server'
export type { EmulatorOptions } from './emulator/server'
export type { FaultSpec, FaultKind, RouteId } from './emulator/faults'

export interface SandboxOptions extends EmulatorOptions {
  /** Extra faults as `route:kind[:times]`, comma separated (PSE_SANDBOX_FAULTS uses the same form). */
  faultList?: string
}

export interface Sandbox {
  /**
   * IBMCLOUD_*_API_ENDPOINT, IBMCLOUD_API_KEY, PSE_IBMCLOUD_BIN, PSE_SANDBOX_URL: point the app or any tool at the emulator.
   * PSE_SANDBOX_ROOT_CA_FILE: the sandbox public root (PEM) that Gen 2 certificates chain to
   * (`NODE_EXTRA_CA_CERTS=$PSE_SANDBOX_ROOT_CA_FILE`, `redis-cli --cacert "$PSE_SANDBOX_ROOT_CA_FILE"`).
   */
  env: Record<string, string>
  /** The sandbox `ibmcloud` launcher (an executable wrapper around bin/sandbox-ibmcloud.js). */
  ibmcloudBin: string
  emulator: Emulator
  close(): Promise<void>
}

/** bin/sandbox-ibmcloud.js, found from the source tree (tests) or from out/main (built app). */
export function sandboxCliScript(): string {
  let dir = __dirname
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'bin', 'sandbox-ibmcloud.js')
    if (fs.existsSync(candidate)) return candidate
    dir = path.dirname(dir)
  }
  throw new AppFailure({
    code: 'sandbox_cli_missing',
    message: 'The sandbox ibmcloud script (bin/sandbox-ibmcloud.js) is missing from this installation. Reinstall PSE Wizard.'
  })
}

/** A launcher named `ibmcloud` in a private folder, so the sandbox CLI can also go first on PATH. */
async function writeLauncher(dir: string, script: string): Promise<string> {
  if (process.platform === 'win32') {
    const file = path.join(dir, 'ibmcloud.cmd')
    await fsp.writeFile(file, `@echo off\r\n"${process.execPath}" "${script}" %*\r\n`)
    return file
  }
  const file = path.join(dir, 'ibmcloud')
  const node = process.versions.electron ? `ELECTRON_RUN_AS_NODE=1 exec "${process.execPath}"` : `exec "${process.execPath}"`
  await fsp.writeFile(file, `#!/bin/sh\n${node} "${script}" "$@"\n`, { mode: 0o755 })
  return file
}

/**
 * Sandbox mode: the IBM Cloud emulator (with real TLS Redis deployments), an API key it
 * accepts, and the sandbox `ibmcloud`. Everything is loopback-only and thrown away by close().
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = options.apiKeys?.[0] ?? `sandbox-${randomBytes(18).toString('base64url')}`
  const faults = [...(options.faults ?? []), ...(options.faultList ? parseFaultList(options.faultList) : [])]
  const emulator = await Emulator.start({ ...options, apiKeys: [apiKey, ...(options.apiKeys ?? []).slice(1)], faults })
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'pse-sandbox-'))
  try {
    const ibmcloudBin = await writeLauncher(dir, sandboxCliScript())
    const rootFile = await writeSandboxRoot(dir, emulator.sandboxRootPem)
    const env = {
      ...emulator.env(),
      IBMCLOUD_API_KEY: apiKey,
      PSE_IBMCLOUD_BIN: ibmcloudBin,
      PSE_SANDBOX_URL: emulator.url,
      [SANDBOX_ROOT_CA_FILE_VARIABLE]: rootFile
    }
    return {
      env,
      ibmcloudBin,
      emulator,
      async close() {
        await emulator.close()
        await fsp.rm(dir, { recursive: true, force: true })
      }
    }
  } catch (e) {
    await emulator.close()
    await fsp.rm(dir, { recursive: true, force: true })
    throw e
  }
}

/**
 * Sandbox settings from the environment, for `--sandbox` runs of the app:
 * PSE_SANDBOX_PROVISIONING_MS, PSE_SANDBOX_FAULTS (`route:kind[:times],…`),
 * PSE_SANDBOX_VRF / PSE_SANDBOX_SERVICE_ENDPOINTS / PSE_SANDBOX_PLUGIN (`on` | `off`),
 * PSE_SANDBOX_REDIS (`real` | `fake`), PSE_SANDBOX_PRIVATE_ENDPOINT (`reachable` | `unresolvable`),
 * PSE_SANDBOX_CASE_MS (a support case's time per status) and PSE_SANDBOX_CASE_VRF_DELAY_MS (resolved → VRF on).
 */
export function sandboxOptionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  const onOff = (v: string | undefined) => (v === 'off' || v === 'false' ? false : v === 'on' || v === 'true' ? true : undefined)
  const ms = Number(env.PSE_SANDBOX_PROVISIONING_MS)
  const vrf = onOff(env.PSE_SANDBOX_VRF)
  const se = onOff(env.PSE_SANDBOX_SERVICE_ENDPOINTS)
  const plugin = onOff(env.PSE_SANDBOX_PLUGIN)
  const millis = (v: string | undefined) => (v !== undefined && /^\d{1,7}$/.test(v) ? Number(v) : undefined)
  const caseStepMs = millis(env.PSE_SANDBOX_CASE_MS)
  const caseVrfDelayMs = millis(env.PSE_SANDBOX_CASE_VRF_DELAY_MS)
  return {
    ...(Number.isInteger(ms) && ms >= 0 && ms <= 3_600_000 ? { provisioningMs: ms } : {}),
    ...(env.PSE_SANDBOX_FAULTS ? { faultList: env.PSE_SANDBOX_FAULTS } : {}),
    account: { ...(vrf !== undefined ? { vrfEnabled: vrf } : {}), ...(se !== undefined ? { serviceEndpointEnabled: se } : {}) },
    cli: plugin !== undefined ? { pluginInstalled: plugin } : {},
    ...(env.PSE_SANDBOX_REDIS === 'fake' ? { backend: 'fake' as const } : {}),
    ...(env.PSE_SANDBOX_PRIVATE_ENDPOINT === 'unresolvable' ? { privateEndpoint: 'unresolvable' as const } : {}),
    ...(caseStepMs !== undefined ? { caseStepMs } : {}),
    ...(caseVrfDelayMs !== undefined ? { caseVrfDelayMs } : {})
  }
}
