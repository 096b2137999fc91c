import { spawn } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../..')
const CLI = path.join(ROOT, 'src/cli/index.ts')

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** One `pse-wizard` command from source (tsx), to its exit. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The same, its stdout read as one JSON document (run it with --json). */
export async function runCliJson(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun & { json: Record<string, unknown> }> {
  const run = await runCli(args, env)
  let json: Record<string, unknown>
  try {
    json = JSON.parse(run.stdout) as Record<string, unknown>
  } catch {
    throw new Error(`pse-wizard ${args[0]} printed no JSON (exit ${run.code}): ${run.stdout}${run.stderr}`)
  }
  return { ...run, json }
}
