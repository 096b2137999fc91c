export type EnsureResult = { ok: true; execPath: string } | { ok: false; message: string }
export type DownloadResult = { ok: true } | { ok: false; reason: string }
export interface DownloadStep {
  (options: { electronDir: string; env: NodeJS.ProcessEnv; version: string; platform: NodeJS.Platform }): DownloadResult | Promise<DownloadResult>
}
export function platformExecutable(platform?: NodeJS.Platform | 'mas'): string
export function lastReason(output: string | undefined): string
export function runElectronInstaller(options: { electronDir: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<DownloadResult>
export function ensureElectron(options?: {
  env?: NodeJS.ProcessEnv
  electronDir?: string
  platform?: NodeJS.Platform
  download?: DownloadStep
}): Promise<EnsureResult>
