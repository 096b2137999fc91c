/** Exit codes of `pse-wizard`: 0 ok, 1 the thing failed, 2 the command line was wrong, 3 nothing failed but something could not be checked (prove). */
export const Exit = { ok: 0, failure: 1, usage: 2, inconclusive: 3 } as const
export type ExitCode = (typeof Exit)[keyof typeof Exit]

export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
  /** Aborted on Ctrl-C / SIGTERM. */
  signal: AbortSignal
}

export interface Command {
  name: string
  /** Full usage text for `pse-wizard NAME --help`. */
  usage: string
  run(argv: string[], io: CliIO): Promise<ExitCode>
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Parses a whole decimal number within [min, max] or throws a UsageError naming the option. */
export function parseIntOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number, got "${value}"`)
  const n = Number(value)
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`)
  return n
}
