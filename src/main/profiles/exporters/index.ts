import type { ExportFormat, ProfileFields } from '../../../shared/schemas/profile'
import { PROFILE_EXPORT_VERSION } from '../importers/json'
import { shellQuote } from '../importers/shell-words'
import { toRedisUrl } from '../importers/url'
import { pemToBase64 } from '../pem'
import { dotenvExport } from './dotenv'
import { SYSTEM_ROOTS_COMMENT, isGen2Profile, tlsServername } from './gen2'
import { kubernetesExport } from './kubernetes'
import { commentName, plainJson, refuseUnwritable } from './text-safety'

/**
 * Profile exports for the tools people actually use. Secrets are left out (replaced by a
 * `$REDIS_PASSWORD` reference or an empty value) unless the caller passes them explicitly.
 */
export interface ExportSecrets {
  password?: string | null
  clientKey?: string | null
}

export interface ExportedText {
  text: string
  filename: string
  containsSecrets: boolean
}

export function exportProfile(fields: ProfileFields, format: ExportFormat, secrets?: ExportSecrets): ExportedText {
  const withSecrets = Boolean(secrets?.password || secrets?.clientKey)
  const base = slug(fields.name) || 'redis'
  switch (format) {
    case 'redli':
      return { text: redli(fields, secrets), filename: `${base}-redli.sh`, containsSecrets: Boolean(secrets?.password) }
    case 'redis-cli':
      return { text: redisCli(fields, secrets), filename: `${base}-redis-cli.sh`, containsSecrets: Boolean(secrets?.password) }
    case 'env':
      return { text: dotenvExport(fields, secrets?.password || null), filename: `${base}.env`, containsSecrets: Boolean(secrets?.password) }
    case 'kubernetes':
      return {
        text: kubernetesExport(fields, `${base}-redis`.slice(0, 63), secrets?.password || null),
        filename: `${base}-secret.yaml`,
        containsSecrets: Boolean(secrets?.password)
      }
    case 'json':
      return { text: profileJson(fields, secrets), filename: `${base}.pse-profile.json`, containsSecrets: withSecrets }
  }
}

/** A DNS-1123 label from a name (Kubernetes object names, file names). */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '')
}

function servernameDiffers(fields: ProfileFields): boolean {
  return fields.tls.enabled && fields.tls.servername !== null && fields.tls.servername !== fields.host
}

function redli(fields: ProfileFields, secrets?: ExportSecrets): string {
  refuseUnwritable(secrets?.password, 'password', 'shell', true)
  refuseUnwritable(fields.username, 'user name', 'shell', true)
  const lines = [`# ${commentName(fields.name)}: redli (https://github.com/IBM-Cloud/redli)`]
  const gen2 = isGen2Profile(fields)
  if (gen2 && fields.tls.enabled && !fields.tls.caPem) lines.push(SYSTEM_ROOTS_COMMENT)
  else if (!gen2 && servernameDiffers(fields)) lines.push(`# redli cannot set the TLS server name; pse-wizard-servername=${fields.tls.servername}`)
  // Without the secret, the URL refers to $REDIS_PASSWORD in double quotes (the shell expands it;
  // every other character of the URL is percent-encoded or a validated host name).
  const url = secrets?.password ? shellQuote(toRedisUrl(fields, secrets.password)) : `"${toRedisUrl(fields, null, '${REDIS_PASSWORD}')}"`
  const env = fields.tls.enabled && fields.tls.caPem ? `REDIS_CERTB64=${pemToBase64(fields.tls.caPem)} ` : ''
  let flags = fields.tls.enabled && !fields.tls.verifyServerCert ? ' --skipverify' : ''
  // redli 0.6+ takes --servername (its TLS config's ServerName); a rediss:// URL is what turns TLS on.
  if (gen2 && servernameDiffers(fields)) flags += ` --servername ${shellQuote(fields.tls.servername!)}`
  if (!secrets?.password) lines.push('# Set REDIS_PASSWORD first (read -rs REDIS_PASSWORD), so the password stays out of your shell history.')
  lines.push(`${env}redli -u ${url}${flags}`)
  return lines.join('\n') + '\n'
}

function redisCli(fields: ProfileFields, secrets?: ExportSecrets): string {
  refuseUnwritable(secrets?.password, 'password', 'shell', true)
  refuseUnwritable(fields.username, 'user name', 'shell', true)
  const lines = [`# ${commentName(fields.name)}: redis-cli (6.0 or newer for --tls and --user)`]
  const args = ['redis-cli', '-h', fields.host, '-p', String(fields.port), '-n', String(fields.db)]
  if (fields.username !== null) args.push('--user', fields.username)
  const gen2 = isGen2Profile(fields)
  if (gen2 && fields.tls.enabled && !fields.tls.caPem) lines.push(SYSTEM_ROOTS_COMMENT)
  if (fields.tls.enabled) {
    args.push('--tls')
    // redis-cli sends no SNI unless told; a Gen 2 VPE endpoint is always named, so it always gets one.
    const sni = gen2 ? tlsServername(fields) : fields.tls.servername
    if (sni) args.push('--sni', sni)
    if (fields.tls.caPem) {
      lines.push("cat > redis-ca.pem <<'PEM'", fields.tls.caPem.trim(), 'PEM')
      args.push('--cacert', 'redis-ca.pem')
    }
    if (!fields.tls.verifyServerCert) args.push('--insecure')
  }
  // REDISCLI_AUTH keeps the password off the command line (and out of `ps`).
  const auth = secrets?.password ? `REDISCLI_AUTH=${shellQuote(secrets.password)} ` : 'REDISCLI_AUTH="$REDIS_PASSWORD" '
  lines.push(auth + args.map(shellQuote).join(' '))
  return lines.join('\n') + '\n'
}

function profileJson(fields: ProfileFields, secrets?: ExportSecrets): string {
  const doc: Record<string, unknown> = { pseWizardProfile: PROFILE_EXPORT_VERSION, profile: fields }
  const s: Record<string, string> = {}
  if (secrets?.password) s.password = secrets.password
  if (secrets?.clientKey) s.clientKey = secrets.clientKey
  if (Object.keys(s).length) doc.secrets = s
  return plainJson(doc)
}
