import { parseArgs } from 'node:util'
import { Exit, UsageError, parseIntOption, type CliIO, type Command, type ExitCode } from '../command'
import { isAppFailure, type AppFailure } from '../../shared/errors'
import type { ProbeResult } from '../../shared/schemas/probe'
import { ProfileFields } from '../../shared/schemas/profile'
import { registerSecret, validatePemCertificates } from '../../main/core'
import { withCore, type CliCore } from '../core'
import { fieldsOf } from '../profile-fields'
import { readCaFile } from '../read-files'
import { warnPasswordInArgv } from '../argv-secrets'
import { printable, printableJson } from '../printable'
import type { Translate } from '../../shared/privacy/words'
import { cliLanguage, loadCliTranslator, loadFailureTranslator, type CliLanguage } from '../locale'
import { appFailureWords, formatResult, localizedResult } from '../test-output'

const USAGE = `Usage: pse-wizard test [PROFILE] [--url URL] [--ca FILE] [--servername NAME] [--insecure] [--timeout MS] [--json] [--lang en|ja]
                        [--via-ssh USER@HOST[:PORT] [--ssh-key FILE] [--ssh-host-key SHA256:…]]

Runs the connection test (DNS, TCP, TLS, AUTH, PING, write check, INFO) for a saved profile
(name or id) or for a URL, and explains any failure. Exit code 0 when the test passes, 1 when
it fails, 2 on bad usage.

  --url URL          test rediss://[user[:password]@]host:port/db instead of a profile
  --ca FILE          trust this CA certificate (PEM) instead of the profile's / system store
  --servername NAME  TLS server name (SNI) and the name the certificate must match
  --insecure         do not verify the server certificate (chain and host name)
  --timeout MS       connect and command timeout, milliseconds (100-120000)
  --json             print the full result as JSON: codes and parameters, plus each message in
                     the chosen language
  --lang en|ja       the language of the output (default: from LC_ALL, LC_MESSAGES or LANG;
                     ja* is Japanese, anything else English)
  --via-ssh USER@HOST[:PORT]
                     test through this SSH bastion (HOST may be a ~/.ssh/config alias; its
                     ProxyJump hops are followed). Profiles with an SSH or pod path use it
                     without this option.
  --ssh-key FILE     private key for --via-ssh (default: the alias's IdentityFile, then
                     ~/.ssh/id_ed25519, id_ecdsa, id_rsa, then ssh-agent)
  --ssh-host-key SHA256:…
                     the bastion's host key fingerprint you checked; saved once it matches

The password comes from the profile's keychain entry, the URL, or REDIS_PASSWORD; it is never
needed on the command line. A saved password goes only to the endpoint and TLS settings it was
saved with: with --insecure or a new --via-ssh path, give it again in REDIS_PASSWORD. An SSH key
passphrase comes from PSE_SSH_PASSPHRASE (an SSH password from PSE_SSH_PASSWORD).`

export const testCommand: Command = {
  name: 'test',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        ca: { type: 'string' },
        servername: { type: 'string' },
        insecure: { type: 'boolean' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        'via-ssh': { type: 'string' },
        'ssh-key': { type: 'string' },
        'ssh-host-key': { type: 'string' }
      },
      strict: true,
      allowPositionals: true
    })
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`)
    const name = positionals[0]
    if (!name && !values.url) throw new UsageError('name a profile or give --url')
    if (name && values.url) throw new UsageError('give either a profile or --url, not both')
    const timeout = parseIntOption('timeout', values.timeout, 100, 120_000)
    const lang = cliLanguage(values.lang, io.env)
    if ((values['ssh-key'] || values['ssh-host-key']) && !values['via-ssh']) throw new UsageError('--ssh-key and --ssh-host-key go with --via-ssh')
    const envPassword = io.env.REDIS_PASSWORD || undefined
    registerSecret(envPassword)

    // The words load while the test runs.
    const words = loadCliTranslator(lang)
    return withCore(io, {}, async (core) => {
      try {
        const result = name ? await testProfile(core, name, values, timeout, envPassword, io) : await testUrl(core, values, timeout, envPassword, io)
        const t = await words
        io.stdout(values.json ? printableJson(localizedResult(result, t, lang)) : formatResult(result, t))
        return result.ok ? Exit.ok : Exit.failure
      } catch (e) {
        if (!isAppFailure(e)) throw e
        // Only a failure loads the failure catalogue.
        return printFailure(io, Boolean(values.json), e, lang, await loadFailureTranslator(lang))
      }
    })
  }
}

type TestValues = ViaSshValues & { url?: string; ca?: string; servername?: string; insecure?: boolean }

/** A saved profile: as saved through profiles.test (which records the last test), else with the overrides through profiles.testDraft. */
async function testProfile(
  core: CliCore,
  name: string,
  values: TestValues,
  timeout: number | undefined,
  envPassword: string | undefined,
  io: CliIO
): Promise<ProbeResult> {
  const profile = await core.call('profiles.find', { nameOrId: name })
  const usesStored = profile.secrets.password !== 'none'
  const overridden = hasOverrides(values, timeout)
  // REDIS_PASSWORD is the password typed anew: it also serves a test whose overrides the saved one may not follow.
  const secrets = envPassword && (overridden || !usesStored) ? { password: envPassword } : {}
  if (!overridden && !secrets.password) return core.call('profiles.test', { id: profile.id })
  const fields = await viaSsh(core, await applyOverrides(fieldsOf(profile), values, timeout), values, io)
  // --servername names the new TLS name on the command line itself: that is the confirmation.
  const confirm = values.servername ? { confirmEndpoint: `${fields.host}:${fields.port}` } : {}
  const result = await core.call('profiles.testDraft', { fields, secrets, profileId: profile.id, ...confirm })
  await rememberHostKey(core, fields, values, result)
  return result
}

/** --url: read by profiles.import (its password stays in main), tested with profiles.testDraft. */
async function testUrl(core: CliCore, values: TestValues, timeout: number | undefined, envPassword: string | undefined, io: CliIO): Promise<ProbeResult> {
  const draft = await core.call('profiles.import', { text: values.url!, format: 'url' })
  if (draft.secretsFound.password) warnPasswordInArgv(io, '--url')
  const fields = await viaSsh(core, await applyOverrides(draft.fields, values, timeout), values, io)
  const secrets = !draft.secretsFound.password && envPassword ? { password: envPassword } : {}
  const result = await core.call('profiles.testDraft', { fields, secrets, importId: draft.importId })
  await rememberHostKey(core, fields, values, result)
  return result
}

/** A failure before any phase ran: in the chosen language when the catalogue has its code, else main's message. */
function printFailure(io: CliIO, json: boolean, e: AppFailure, lang: CliLanguage, t: Translate): ExitCode {
  const localized = appFailureWords(t, e)
  if (json) io.stdout(printableJson({ ok: false, code: e.code, message: e.message, ...(e.params ? { params: e.params } : {}), phases: [], lang, localized }))
  else io.stderr(`pse-wizard test: ${printable(localized.message)} (${e.code})\n`)
  return Exit.failure
}

function hasOverrides(values: { ca?: string; servername?: string; insecure?: boolean; 'via-ssh'?: string }, timeout: number | undefined): boolean {
  return Boolean(values.ca || values.servername || values.insecure || values['via-ssh'] || timeout)
}

async function applyOverrides(
  fields: ProfileFields,
  values: { ca?: string; servername?: string; insecure?: boolean },
  timeout: number | undefined
): Promise<ProfileFields> {
  const next = structuredClone(fields)
  if (values.ca) {
    next.tls.caPem = await validatePemCertificates(await readCaFile(values.ca))
    next.tls.enabled = true
  }
  if (values.servername) next.tls.servername = values.servername
  if (values.insecure) next.tls.verifyServerCert = false
  if (timeout) next.timeouts = { connectMs: timeout, commandMs: timeout }
  const parsed = ProfileFields.safeParse(next)
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
  return parsed.data
}

// ── --via-ssh: a one-off SSH bastion for this test (src/main/network) ─────────

type ViaSshValues = { 'via-ssh'?: string; 'ssh-key'?: string; 'ssh-host-key'?: string }

async function viaSsh(core: CliCore, fields: ProfileFields, values: ViaSshValues, io: CliIO): Promise<ProfileFields> {
  const spec = values['via-ssh']
  if (!spec) return fields
  try {
    const networkPath = await core.call('network.sshPathFromSpec', {
      spec,
      ...(values['ssh-key'] ? { keyFile: values['ssh-key'] } : {}),
      ...(values['ssh-host-key'] ? { hostKey: values['ssh-host-key'] } : {})
    })
    // The passphrase, if any, is read by the path runner from $PSE_SSH_PASSPHRASE (never argv).
    registerSecret(io.env.PSE_SSH_PASSPHRASE)
    return { ...fields, networkPath }
  } catch (e) {
    if (isAppFailure(e) && (e.code === 'ssh_config_invalid' || e.code === 'invalid_input')) throw new UsageError(e.message)
    throw e
  }
}

/** Saves the fingerprint given with --ssh-host-key once the bastion proved to hold that key. */
async function rememberHostKey(core: CliCore, fields: ProfileFields, values: ViaSshValues, result: ProbeResult): Promise<void> {
  const path = fields.networkPath
  if (!values['via-ssh'] || path.kind !== 'ssh' || !path.hostKeyFingerprint) return
  if (!result.phases.some((p) => p.name === 'ssh_auth' && p.ok)) return
  await core.call('network.acceptHostKey', { host: path.host, port: path.port, keyType: 'ssh', fingerprint: path.hostKeyFingerprint }).catch(() => undefined)
}
