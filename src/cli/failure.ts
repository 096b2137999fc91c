import type { AppFailure } from '../shared/errors'
import { saidText } from '../shared/said-text'
import type { CliIO } from './command'
import { cliLanguage, loadFailureTranslator, type CliLanguage } from './locale'
import { printable, printableJson } from './printable'

/** A failure's words in the chosen language (saidText); loads the failure catalogue, as only a failure path does. */
export async function failureText(language: CliLanguage, e: AppFailure): Promise<string> {
  return saidText(await loadFailureTranslator(language), e)
}

/**
 * A command's failure: for people `pse-wizard COMMAND: words (code)` on stderr; with --json
 * `{ ok: false, code, message, params }` on stdout, the message in the chosen language and the
 * code and params as main gave them. `message` when the command words it itself (restrict).
 */
export async function printFailure(io: CliIO, command: string, e: AppFailure, options: { json: boolean; language: CliLanguage; message?: string }): Promise<void> {
  const message = options.message ?? (await failureText(options.language, e))
  if (options.json) io.stdout(printableJson({ ok: false, code: e.code, message, ...(e.params ? { params: e.params } : {}) }))
  else io.stderr(`pse-wizard ${command}: ${printable(message)} (${e.code})\n`)
}

/** A command line's language for a failure no command worded: --lang X (or --lang=X) when it names one, else the locale's. */
export function languageOf(argv: string[], env: NodeJS.ProcessEnv): CliLanguage {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  const flag = at < 0 ? undefined : argv[at].startsWith('--lang=') ? argv[at].slice('--lang='.length) : argv[at + 1]
  return cliLanguage(flag === 'en' || flag === 'ja' ? flag : undefined, env)
}
