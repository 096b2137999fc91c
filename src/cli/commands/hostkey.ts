import { parseArgs } from 'node:util'
import { isAppFailure, type AppFailure } from '../../shared/errors'
import type { Messages } from '../../shared/i18n/en'
import { fillMessage } from '../../shared/i18n/fill'
import { saidText } from '../../shared/said-text'
import { HostKeyFingerprint } from '../../shared/schemas/network-path'
import { Exit, UsageError, type CliIO, type Command, type ExitCode } from '../command'
import { parseHostSpec } from '../../main/core'
import { withCore } from '../core'
import { cliLanguage, loadCliTranslator, type CliLanguage } from '../locale'
import { printable, printableJsonLine } from '../printable'

const usage = `Usage: pse-wizard hostkey list [--json] [--lang en|ja]
       pse-wizard hostkey accept HOST[:PORT] SHA256:FINGERPRINT [--replace] [--json] [--lang en|ja]
       pse-wizard hostkey forget HOST[:PORT] [--json] [--lang en|ja]

SSH host keys PSE Wizard trusts for bastions and jump hosts (kept in its data folder, apart
from ~/.ssh/known_hosts). A test through an unknown bastion stops and prints the fingerprint:
check it with the server's owner (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the
server), then accept it here or in the app.

Options:
  --replace     accept a key that differs from the pinned one (only after you confirmed the
                change with the server's owner: a changed key can mean an attack)
  --json        print the list as JSON; accept and forget print one JSON line (with the
                sentence in the chosen language)
  --lang en|ja  the language of what is printed for people (default: LC_ALL, LC_MESSAGES or LANG)`

type Words = Messages['cliHostkey']

/** The command's own texts in the user's language: one small catalogue section, no i18next. */
const wordsFor = async (language: CliLanguage): Promise<Words> =>
  language === 'ja' ? (await import('../../shared/i18n/cli-hostkey/ja')).cliHostkeyJa : (await import('../../shared/i18n/cli-hostkey/en')).cliHostkeyEn

const target = async (spec: string | undefined) => {
  if (!spec) throw new UsageError('name the SSH server as HOST or HOST:PORT')
  try {
    const parsed = await parseHostSpec(spec)
    return { host: parsed.host, port: parsed.port ?? 22 }
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e))
  }
}

export const hostkeyCommand: Command = {
  name: 'hostkey',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { replace: { type: 'boolean' }, json: { type: 'boolean' }, lang: { type: 'string' } }
    })
    const [action, spec, fingerprint] = positionals
    const language = cliLanguage(values.lang, io.env)
    const json = values.json === true
    // Outside text (a tampered pin file, a host name) never drives the terminal.
    const say = (text: string, params: Record<string, string | number> = {}) => printable(fillMessage(text, params))
    if (action === 'list') {
      const [pins, words] = await Promise.all([withCore(io, {}, (core) => core.call('network.hostKeys', {})), wordsFor(language)])
      if (json) io.stdout(printableJsonLine(pins))
      else io.stdout(pins.length ? pins.map((p) => say(words.pin, p)).join('\n') + '\n' : say(words.none) + '\n')
      return Exit.ok
    }
    if (action === 'accept') {
      const where = await target(spec)
      if (!fingerprint || !HostKeyFingerprint.safeParse(fingerprint).success)
        throw new UsageError('give the fingerprint as ssh-keygen -lf prints it: SHA256: followed by 43 characters')
      const words = wordsFor(language)
      const failure = await withCore(io, {}, async (core) => {
        try {
          await core.call('network.acceptHostKey', { ...where, keyType: 'ssh', fingerprint, replace: values.replace === true })
          return undefined
        } catch (e) {
          if (!isAppFailure(e)) throw e
          // A pin that differs: name it, so the user compares both with the server's owner.
          const pinned =
            e.code === 'ssh_host_key_changed'
              ? (await core.call('network.hostKeys', {})).find((p) => p.id === `[${where.host.toLowerCase()}]:${where.port}`)
              : undefined
          return { e, pinned: pinned?.fingerprint }
        }
      })
      const w = await words
      if (failure)
        return printFailure(io, json, language, failure.e, failure.pinned ? { words: w, facts: { ...where, fingerprint, pinned: failure.pinned } } : undefined)
      const message = fillMessage(w.accepted, { fingerprint, ...where })
      io.stdout(json ? printableJsonLine({ accepted: true, ...where, fingerprint, message }) : printable(message) + '\n')
      return Exit.ok
    }
    if (action === 'forget') {
      const where = await target(spec)
      const [{ forgotten }, w] = await Promise.all([withCore(io, {}, (core) => core.call('network.forgetHostKey', where)), wordsFor(language)])
      const message = fillMessage(forgotten ? w.forgot : w.notPinned, where)
      io.stdout(json ? printableJsonLine({ forgotten, ...where, message }) : printable(message) + '\n')
      return Exit.ok
    }
    throw new UsageError(action ? `unknown action "${action}"` : 'say list, accept or forget')
  }
}

/**
 * A refused accept: a changed key in this command's words (both fingerprints and the --replace
 * to run once confirmed); any other failure worded from its facts (saidText), else main's message.
 */
async function printFailure(
  io: CliIO,
  json: boolean,
  language: CliLanguage,
  e: AppFailure,
  changed: { words: Words; facts: { host: string; port: number; fingerprint: string; pinned: string } } | undefined
): Promise<ExitCode> {
  const message = changed ? fillMessage(changed.words.changed, changed.facts) : saidText(await loadCliTranslator(language), e)
  const next = changed ? fillMessage(changed.words.replaceHint, changed.facts) : undefined
  if (json) io.stdout(printableJsonLine({ ok: false, code: e.code, message, ...(next ? { next } : {}), ...(e.params ? { params: e.params } : {}) }))
  else io.stderr(`pse-wizard hostkey: ${printable(message)} (${e.code})\n${next ? printable(next) + '\n' : ''}`)
  return Exit.failure
}
