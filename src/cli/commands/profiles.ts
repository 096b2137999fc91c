import { parseArgs } from 'node:util'
import { Exit, UsageError, parseIntOption, type CliIO, type Command, type ExitCode } from '../command'
import { isAppFailure } from '../../shared/errors'
import { ExportFormat, ImportFormat, ProfileFields, type Profile } from '../../shared/schemas/profile'
import { registerSecret, validatePemCertificates, writeFileAtomic } from '../../main/core'
import { withCore, type CliCore } from '../core'
import { readCaFile, readImportInput } from '../read-files'
import { warnPasswordInArgv } from '../argv-secrets'
import { printable, printableJson, printableJsonLine } from '../printable'
import { fillMessage } from '../../shared/i18n/fill'
import type { Messages } from '../../shared/i18n/en'
import { cliLanguage, type CliLanguage } from '../locale'
import { displayWidth, padEnd } from '../text-width'

const USAGE = `Usage: pse-wizard profiles <list|show|add|remove|import|export> [options]

  list [--tag TAG] [--json]                 saved profiles (never a secret)
  show PROFILE [--json] [--reveal]          one profile; --reveal also prints its password
  add --url URL [--name NAME] [--tag TAG]... [--ca FILE] [--servername NAME] [--insecure]
      [--timeout MS] [--json]               save a profile; the password comes from the URL or
                                            REDIS_PASSWORD and goes to the keychain
  remove PROFILE                            delete a profile and its keychain entries
  import [FILE|-] [--format F] [--name NAME] [--json]
                                            read a rediss:// URL, an IBM service key, the JSON
                                            of "ibmcloud cdb deployment-connections", a redli
                                            command or a profile file (FILE, or stdin with -)
  export PROFILE --format redli|redis-cli|env|kubernetes|json [--with-secrets] [--output FILE]

PROFILE is a profile name or id. --lang en|ja: the language of what is printed for people
(default: LC_ALL, LC_MESSAGES or LANG). Exit code 0 ok, 1 failure, 2 usage error.`

type Values = Record<string, string | boolean | string[] | undefined>
type Words = Messages['cliProfiles']

/** The command's own texts in the user's language: one small catalogue section, no i18next (list and show stay quick). */
const wordsFor = async (language: CliLanguage): Promise<Words> =>
  language === 'ja' ? (await import('../../shared/i18n/cli-profiles/ja')).cliProfilesJa : (await import('../../shared/i18n/cli-profiles/en')).cliProfilesEn

/** One catalogue text with its parameters, made safe for a terminal. */
const say = (text: string, params: Record<string, string | number> = {}) => printable(fillMessage(text, params))

export const profilesCommand: Command = {
  name: 'profiles',
  usage: USAGE,
  async run(argv, io) {
    const [action, ...rest] = argv
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        json: { type: 'boolean' },
        tag: { type: 'string', multiple: true },
        reveal: { type: 'boolean' },
        url: { type: 'string' },
        name: { type: 'string' },
        ca: { type: 'string' },
        servername: { type: 'string' },
        insecure: { type: 'boolean' },
        timeout: { type: 'string' },
        format: { type: 'string' },
        'with-secrets': { type: 'boolean' },
        output: { type: 'string' },
        lang: { type: 'string' }
      },
      strict: true,
      allowPositionals: true
    })
    const language = cliLanguage(values.lang as string | undefined, io.env)
    const words = await wordsFor(language)
    return withCore(io, {}, (service) => runAction(service, action, positionals, values, { io, words, language }))
  }
}

interface Out {
  io: CliIO
  words: Words
  language: CliLanguage
}

async function runAction(service: CliCore, action: string | undefined, positionals: string[], values: Values, out: Out): Promise<ExitCode> {
  const { io, words } = out
  try {
    switch (action) {
      case 'list':
        return await list(service, values, out)
      case 'show':
        return await show(service, one(positionals, 'PROFILE'), values, out)
      case 'add':
        return await add(service, values, out)
      case 'remove': {
        const profile = await service.call('profiles.find', { nameOrId: one(positionals, 'PROFILE') })
        await service.call('profiles.delete', { id: profile.id })
        io.stdout(values.json ? printableJsonLine({ deleted: profile.id }) : say(words.deleted, { name: profile.name }) + '\n')
        return Exit.ok
      }
      case 'import':
        return await importCommand(service, positionals, values, out)
      case 'export':
        return await exportCommand(service, one(positionals, 'PROFILE'), values, out)
      default:
        throw new UsageError(action ? `unknown action "${action}"` : 'name an action: list, show, add, remove, import or export')
    }
  } catch (e) {
    if (!isAppFailure(e)) throw e
    // Failures are rare: only then are i18next and the failure catalogue loaded, to word main's message from its facts.
    await (await import('../failure')).printFailure(io, 'profiles', e, { json: Boolean(values.json), language: out.language })
    return Exit.failure
  }
}

function one(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`name the ${what}`)
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`)
  return positionals[0]
}

async function list(service: CliCore, values: Values, { io, words }: Out) {
  const { profiles, warning } = await service.call('profiles.list', {})
  const tags = (values.tag as string[] | undefined) ?? []
  const shown = profiles.filter((p) => tags.every((t) => p.tags.includes(t)))
  if (warning) io.stderr(say(words.warning, { warning }) + '\n')
  if (values.json) {
    io.stdout(printableJson({ profiles: shown, warning }))
    return Exit.ok
  }
  if (shown.length === 0) io.stdout(say(words.none) + '\n')
  for (const p of shown)
    io.stdout(
      printable(`${p.name}\t${p.tls.enabled ? 'rediss' : 'redis'}://${p.host}:${p.port}/${p.db}\t${lastTest(p, words)}\t${p.tags.join(',')}\t${p.id}`) + '\n'
    )
  return Exit.ok
}

function lastTest(p: Profile, words: Words): string {
  if (!p.lastTest) return words.neverTested
  return fillMessage(p.lastTest.ok ? words.lastOk : words.lastFailed, { code: p.lastTest.code ?? '', at: p.lastTest.at })
}

async function show(service: CliCore, name: string, values: Values, { io, words }: Out) {
  const profile = await service.call('profiles.find', { nameOrId: name })
  const password = values.reveal ? (await service.call('profiles.revealSecret', { id: profile.id, secret: 'password' })).value : undefined
  if (values.json) {
    io.stdout(printableJson(values.reveal ? { ...profile, password } : profile))
    return Exit.ok
  }
  const rows = showRows(profile, words, values.reveal ? { revealed: password ?? null } : undefined)
  const labels = rows.map(([key]) => `${words.show[key]}${words.colon}`)
  const column = Math.max(...labels.map(displayWidth)) + 3
  // The name, tags and a revealed password are shown as text, never as terminal commands.
  io.stdout(printable(rows.map(([, value], n) => `${padEnd(labels[n], column)}${value}`).join('\n')) + '\n')
  return Exit.ok
}

function showRows(p: Profile, w: Words, reveal?: { revealed: string | null }): Array<[keyof Words['show'], string]> {
  const v = w.value
  const tls = p.tls.enabled
    ? fillMessage(v.tlsOn, { verify: p.tls.verifyServerCert ? v.verified : v.notVerified, ca: p.tls.caPem ? v.caInProfile : v.caSystem }) +
      (p.tls.servername ? fillMessage(v.sni, { name: p.tls.servername }) : '')
    : v.off
  const stored = p.secrets.password === 'none' ? v.none : fillMessage(v.stored, { where: p.secrets.password === 'keychain' ? v.keychain : v.session })
  const origin =
    p.origin.kind === 'ibmcloud'
      ? fillMessage(p.origin.region ? v.ibmcloudRegion : v.ibmcloud, { endpoint: v[p.origin.endpointType], region: p.origin.region ?? '' })
      : v.manual
  return [
    ['name', p.name],
    ['id', p.id],
    ['endpoint', `${p.tls.enabled ? 'rediss' : 'redis'}://${p.host}:${p.port}/${p.db}`],
    ['user', p.username ?? v.defaultUser],
    ['password', reveal ? (reveal.revealed ?? v.none) : stored],
    ['tls', tls],
    ['path', p.networkPath.kind],
    ['origin', origin],
    ['tags', p.tags.join(', ') || '-'],
    ['lastTest', lastTest(p, w)]
  ]
}

async function fieldOverrides(fields: ProfileFields, values: Values): Promise<ProfileFields> {
  const next = structuredClone(fields)
  if (typeof values.name === 'string') next.name = values.name
  if (values.tag) next.tags = [...new Set([...next.tags, ...(values.tag as string[])])]
  if (typeof values.ca === 'string') {
    next.tls.caPem = await validatePemCertificates(await readCaFile(values.ca))
  }
  if (typeof values.servername === 'string') next.tls.servername = values.servername
  if (values.insecure) next.tls.verifyServerCert = false
  const timeout = parseIntOption('timeout', values.timeout as string | undefined, 100, 120_000)
  if (timeout) next.timeouts = { connectMs: timeout, commandMs: timeout }
  const parsed = ProfileFields.safeParse(next)
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  return parsed.data
}

async function add(service: CliCore, values: Values, { io, words }: Out) {
  if (typeof values.url !== 'string') throw new UsageError('add needs --url rediss://…')
  // Read by profiles.import: a password in the URL stays in main and goes to the keychain on create.
  const draft = await service.call('profiles.import', { text: values.url, format: 'url' })
  if (draft.secretsFound.password) warnPasswordInArgv(io, '--url')
  const fields = await fieldOverrides(draft.fields, values)
  const envPassword = draft.secretsFound.password ? undefined : io.env.REDIS_PASSWORD || undefined
  registerSecret(envPassword)
  const profile = await service.call('profiles.create', { fields, secrets: envPassword ? { password: envPassword } : {}, importId: draft.importId })
  const password = draft.secretsFound.password || Boolean(envPassword)
  io.stdout(values.json ? printableJson(profile) : say(password ? words.savedWithPassword : words.saved, { name: profile.name, id: profile.id }) + '\n')
  return Exit.ok
}

async function importCommand(service: CliCore, positionals: string[], values: Values, { io, words }: Out) {
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`)
  let format: ImportFormat | undefined
  if (values.format !== undefined) {
    const parsed = ImportFormat.safeParse(values.format)
    if (!parsed.success) throw new UsageError(`--format must be one of ${ImportFormat.options.join(', ')}`)
    format = parsed.data
  }
  const text = await readImportInput(positionals[0])
  const draft = await service.call('profiles.import', { text, ...(format ? { format } : {}) })
  const fields = await fieldOverrides(draft.fields, values)
  const profile = await service.call('profiles.create', { fields, importId: draft.importId })
  for (const note of draft.notes) io.stderr(say(words.note, { note }) + '\n')
  io.stdout(
    values.json ? printableJson({ profile, notes: draft.notes }) : say(words.imported, { name: profile.name, format: draft.format, id: profile.id }) + '\n'
  )
  return Exit.ok
}

async function exportCommand(service: CliCore, name: string, values: Values, { io, words }: Out) {
  const format = ExportFormat.safeParse(values.format)
  if (!format.success) throw new UsageError(`--format must be one of ${ExportFormat.options.join(', ')}`)
  const profile = await service.call('profiles.find', { nameOrId: name })
  const exported = await service.call('profiles.export', { id: profile.id, format: format.data, withSecrets: Boolean(values['with-secrets']) })
  if (typeof values.output === 'string') {
    await writeFileAtomic(values.output, exported.text)
    io.stderr(say(exported.containsSecrets ? words.wroteSecrets : words.wrote, { file: values.output }) + '\n')
  } else io.stdout(exported.text)
  return Exit.ok
}
