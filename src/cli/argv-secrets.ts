import type { CliIO } from './command'

/**
 * A password typed into a command-line option is readable by every user of the machine while the
 * command runs (`ps`, /proc/PID/cmdline) and stays in the shell history. It still works; the
 * user is told once, with the way that avoids it.
 */
export function warnPasswordInArgv(io: CliIO, option: string): void {
  io.stderr(
    `warning: the password in ${option} is visible to other users of this machine while the command runs (ps) and stays in your shell history. Leave it out of ${option} and set REDIS_PASSWORD instead (read -rs REDIS_PASSWORD; export REDIS_PASSWORD).\n`
  )
}
