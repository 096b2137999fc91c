import { parseArgs } from 'node:util'
import { Exit, UsageError, parseIntOption, type CliIO, type Command, type ExitCode } from '../command'
import { isAppFailure } from '../../shared/errors'
import { ExportFormat, ImportFormat, ProfileFields, type Profile } from '../../shared/schemas/profile'
import { registerSecret, validatePemCertificates, writeFileAtomic } from '../../main/core'
import { withCore, type CliCore } from '../core'
import { readCaFile, readImportInput } from '../read-files'
import { warnPasswordInArgv } from '../argv-secrets'
import { printable, printableJson, printableJsonLine } from '../printable'

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

PROFILE is a profile name or id. Exit code 0 ok, 1 failure, 2 usage error.`

type Values = Record<string, string | boolean | string[] | undefined>

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
        output: { type: 'string' }
      },
      strict: true,
      allowPositionals: true
    })
    return withCore(io, {}, (service) => runAction(service, action, positionals, values, io))
  }
}

async function runAction(service: CliCore, action: string | undefined, positionals: string[], values: Values, io: CliIO): Promise<ExitCode> {
  try {
    switch (action) {
      case 'list':
        return await list(service, values, io)
      case 'show':
        return await show(service, one(positionals, 'PROFILE'), values, io)
      case 'add':
        return await add(service, values, io)
      case 'remove': {
        const profile = await service.call('profiles.find', { nameOrId: one(positionals, 'PROFILE') })
        await service.call('profiles.delete', { id: profile.id })
        io.stdout(values.json ? printableJsonLine({ deleted: profile.id }) : `Deleted profile "${printable(profile.name)}".\n`)
        return Exit.ok
      }
      case 'import':
        return await importCommand(service, positionals, values, io)
      case 'export':
        return await exportCommand(service, one(positionals, 'PROFILE'), values, io)
      default:
        throw new UsageError(action ? `unknown action "${action}"` : 'name an action: list, show, add, remove, import or export')
    }
  } catch (e) {
    if (!isAppFailure(e)) throw e
    if (values.json) io.stdout(printableJson({ ok: false, code: e.code, message: e.message }))
    else io.stderr(`pse-wizard profiles: ${printable(e.message)} (${e.code})\n`)
    return Exit.failure
  }
}

function one(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`name the ${what}`)
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`)
  return positionals[0]
}

async function list(service: CliCore, values: Values, io: CliIO) {
  const { profiles, warning } = await service.call('profiles.list', {})
  const tags = (values.tag as string[] | undefined) ?? []
  const shown = profiles.filter((p) => tags.every((t) => p.tags.includes(t)))
  if (warning) io.stderr(`warning: ${printable(warning)}\n`)
  if (values.json) {
    io.stdout(printableJson({ profiles: shown, warning }))
    return Exit.ok
  }
  if (shown.length === 0) io.stdout('No profiles. Add one with "pse-wizard profiles add --url rediss://…" or "pse-wizard profiles import FILE".\n')
  for (const p of shown)
    io.stdout(printable(`${p.name}\t${p.tls.enabled ? 'rediss' : 'redis'}://${p.host}:${p.port}/${p.db}\t${lastTest(p)}\t${p.tags.join(',')}\t${p.id}`) + '\n')
  return Exit.ok
}

function lastTest(p: Profile): string {
  if (!p.lastTest) return 'never tested'
  return `${p.lastTest.ok ? 'ok' : `FAILED ${p.lastTest.code}`} ${p.lastTest.at}`
}

async function show(service: CliCore, name: string, values: Values, io: CliIO) {
  const profile = await service.call('profiles.find', { nameOrId: name })
  const password = values.reveal ? (await service.call('profiles.revealSecret', { id: profile.id, secret: 'password' })).value : undefined
  if (values.json) {
    io.stdout(printableJson(values.reveal ? { ...profile, password } : profile))
    return Exit.ok
  }
  const lines = [
    `name:        ${profile.name}`,
    `id:          ${profile.id}`,
    `endpoint:    ${profile.tls.enabled ? 'rediss' : 'redis'}://${profile.host}:${profile.port}/${profile.db}`,
    `user:        ${profile.username ?? '(default)'}`,
    `password:    ${values.reveal ? (password ?? '(none)') : profile.secrets.password === 'none' ? '(none)' : `******** (${profile.secrets.password})`}`,
    `tls:         ${profile.tls.enabled ? `on, ${profile.tls.verifyServerCert ? 'verified' : 'NOT VERIFIED (insecure)'}, CA ${profile.tls.caPem ? 'in profile' : 'system store'}${profile.tls.servername ? `, SNI ${profile.tls.servername}` : ''}` : 'off'}`,
    `path:        ${profile.networkPath.kind}`,
    `origin:      ${profile.origin.kind === 'ibmcloud' ? `IBM Cloud ${profile.origin.endpointType}${profile.origin.region ? ` (${profile.origin.region})` : ''}` : 'manual'}`,
    `tags:        ${profile.tags.join(', ') || '-'}`,
    `last test:   ${lastTest(profile)}`
  ]
  // The name, tags and a revealed password are shown as text, never as terminal commands.
  io.stdout(printable(lines.join('\n')) + '\n')
  return Exit.ok
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

async function add(service: CliCore, values: Values, io: CliIO) {
  if (typeof values.url !== 'string') throw new UsageError('add needs --url rediss://…')
  // Read by profiles.import: a password in the URL stays in main and goes to the keychain on create.
  const draft = await service.call('profiles.import', { text: values.url, format: 'url' })
  if (draft.secretsFound.password) warnPasswordInArgv(io, '--url')
  const fields = await fieldOverrides(draft.fields, values)
  const envPassword = draft.secretsFound.password ? undefined : io.env.REDIS_PASSWORD || undefined
  registerSecret(envPassword)
  const profile = await service.call('profiles.create', { fields, secrets: envPassword ? { password: envPassword } : {}, importId: draft.importId })
  const password = draft.secretsFound.password || Boolean(envPassword)
  io.stdout(
    values.json ? printableJson(profile) : `Saved profile "${printable(profile.name)}" (${profile.id})${password ? '; password in the keychain' : ''}.\n`
  )
  return Exit.ok
}

async function importCommand(service: CliCore, positionals: string[], values: Values, io: CliIO) {
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
  for (const note of draft.notes) io.stderr(`note: ${printable(note)}\n`)
  io.stdout(values.json ? printableJson({ profile, notes: draft.notes }) : `Imported "${printable(profile.name)}" (${draft.format}) as ${profile.id}.\n`)
  return Exit.ok
}

async function exportCommand(service: CliCore, name: string, values: Values, io: CliIO) {
  const format = ExportFormat.safeParse(values.format)
  if (!format.success) throw new UsageError(`--format must be one of ${ExportFormat.options.join(', ')}`)
  const profile = await service.call('profiles.find', { nameOrId: name })
  const exported = await service.call('profiles.export', { id: profile.id, format: format.data, withSecrets: Boolean(values['with-secrets']) })
  if (typeof values.output === 'string') {
    await writeFileAtomic(values.output, exported.text)
    io.stderr(`Wrote ${values.output}${exported.containsSecrets ? ' (it contains secrets: mode 0600)' : ''}.\n`)
  } else io.stdout(exported.text)
  return Exit.ok
}
