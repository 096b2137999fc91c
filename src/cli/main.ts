import { parseArgs } from 'node:util'
import { Exit, UsageError, type CliIO, type ExitCode } from './command'
import { commands } from './commands'
import { APP_VERSION } from '../main/core'

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'pse-wizard: connect applications to IBM Cloud Databases for Redis through private service endpoints.',
    '',
    'Usage: pse-wizard <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show help (also: pse-wizard <command> --help)',
    '  -v, --version  show the version',
    '',
    'Exit codes: 0 ok, 1 failure, 2 usage error.'
  ].join('\n')
}

export async function runCli(argv: string[], io: CliIO): Promise<ExitCode> {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout(help() + '\n')
    return first === undefined ? Exit.usage : Exit.ok
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${APP_VERSION}\n`)
    return Exit.ok
  }
  const entry = commands.find((c) => c.name === first)
  if (!entry) {
    io.stderr(`pse-wizard: unknown command "${first}". Run "pse-wizard --help" for the list.\n`)
    return Exit.usage
  }
  const command = await entry.load()
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(command.usage + '\n')
    return Exit.ok
  }
  try {
    return await command.run(rest, io)
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.stderr(`pse-wizard ${command.name}: ${(e as Error).message}\n\n${command.usage}\n`)
      return Exit.usage
    }
    // A failure no command worded itself: in the user's language all the same.
    // (Loaded only here: --version and --help load neither zod nor a catalogue.)
    const [{ isAppFailure }, { printFailure, languageOf }] = await Promise.all([import('../shared/errors'), import('./failure')])
    if (!isAppFailure(e)) throw e
    await printFailure(io, command.name, e, { json: rest.includes('--json'), language: languageOf(rest, io.env) })
    return Exit.failure
  }
}

const isParseArgsError = (e: unknown): boolean =>
  e instanceof TypeError && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS')

export { parseArgs }
