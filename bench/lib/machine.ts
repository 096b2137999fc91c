import { execFileSync } from 'node:child_process'
import os from 'node:os'

/** What the figures were measured on; ratios travel between machines, absolute times do not. */
export interface MachineInfo {
  platform: string
  kernel: string
  cpuModel: string
  cpus: number
  memoryGiB: number
  node: string
  redisServer: string | null
  redisCli: string | null
  chromium: string | null
  /** 1-minute load average when the run started: other work on the machine makes every figure noisier. */
  loadAverage1m: number
}

function versionOf(command: string, args: string[], pattern: RegExp): string | null {
  try {
    const out = execFileSync(command, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] })
    return pattern.exec(out)?.[1] ?? out.trim().slice(0, 80)
  } catch {
    return null
  }
}

export function machineInfo(chromiumPath: string): MachineInfo {
  const cpus = os.cpus()
  return {
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    redisServer: versionOf('redis-server', ['--version'], /v=(\S+)/),
    redisCli: versionOf('redis-cli', ['--version'], /redis-cli (\S+)/),
    chromium: versionOf(chromiumPath, ['--version'], /(\d+\.\d+\.\d+\.\d+)/),
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100
  }
}
