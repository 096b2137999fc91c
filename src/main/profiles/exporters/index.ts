import type { ExportFormat, ProfileFields } from '../../../shared/schemas/profile'
import { PROFILE_EXPORT_VERSION } from '../importers/json'
import { shellQuote } from '../importers/shell-words'
import { toRedisUrl } from '../importers/url'
import { pemToBase64 } from '../pem'

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
      return { text: dotenv(fields, secrets), filename: `${base}.env`, containsSecrets: Boolean(secrets?.password) }
    case 'kubernetes':
      return { text: kubernetes(fields, secrets), filename: `${base}-secret.yaml`, containsSecrets: Boolean(secrets?.password) }
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
  const lines = [`# ${oneLine(fields.name)}: redli (https://github.com/IBM-Cloud/redli)`]
  if (servernameDiffers(fields)) lines.push(`# redli cannot set the TLS server name; pse-wizard-servername=${fields.tls.servername}`)
  // Without the secret, the URL refers to $REDIS_PASSWORD in double quotes (the shell expands it;
  // every other character of the URL is percent-encoded or a validated host name).
  const url = secrets?.password ? shellQuote(toRedisUrl(fields, secrets.password)) : `"${toRedisUrl(fields, null, '${REDIS_PASSWORD}')}"`
  const env = fields.tls.enabled && fields.tls.caPem ? `REDIS_CERTB64=${pemToBase64(fields.tls.caPem)} ` : ''
  const flags = fields.tls.enabled && !fields.tls.verifyServerCert ? ' --skipverify' : ''
  if (!secrets?.password) lines.push('# Set REDIS_PASSWORD first (read -rs REDIS_PASSWORD), so the password stays out of your shell history.')
  lines.push(`${env}redli -u ${url}${flags}`)
  return lines.join('\n') + '\n'
}

function redisCli(fields: ProfileFields, secrets?: ExportSecrets): string {
  const lines = [`# ${oneLine(fields.name)}: redis-cli (6.0 or newer for --tls and --user)`]
  const args = ['redis-cli', '-h', fields.host, '-p', String(fields.port), '-n', String(fields.db)]
  if (fields.username !== null) args.push('--user', fields.username)
  if (fields.tls.enabled) {
    args.push('--tls')
    if (fields.tls.servername) args.push('--sni', fields.tls.servername)
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

function envValue(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]*$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

function dotenv(fields: ProfileFields, secrets?: ExportSecrets): string {
  const lines = [
    `# ${oneLine(fields.name)}`,
    `REDIS_HOST=${envValue(fields.host)}`,
    `REDIS_PORT=${fields.port}`,
    `REDIS_DB=${fields.db}`,
    `REDIS_USERNAME=${envValue(fields.username ?? '')}`,
    secrets?.password ? `REDIS_PASSWORD=${envValue(secrets.password)}` : '# REDIS_PASSWORD is a secret: set it from your secret store.\nREDIS_PASSWORD=',
    `REDIS_TLS=${fields.tls.enabled}`
  ]
  if (fields.tls.enabled) {
    lines.push(`REDIS_TLS_SERVERNAME=${envValue(fields.tls.servername ?? fields.host)}`, `REDIS_TLS_VERIFY=${fields.tls.verifyServerCert}`)
    if (fields.tls.caPem) lines.push(`REDIS_CA_CERT_BASE64=${pemToBase64(fields.tls.caPem)}`)
  }
  lines.push(`REDIS_URL=${envValue(toRedisUrl(fields, secrets?.password ?? null))}`)
  return lines.join('\n') + '\n'
}

function yamlString(value: string): string {
  return JSON.stringify(value)
}

function kubernetes(fields: ProfileFields, secrets?: ExportSecrets): string {
  const name = `${slug(fields.name) || 'redis'}-redis`.slice(0, 63)
  const data: Array<[string, string]> = [
    ['REDIS_HOST', fields.host],
    ['REDIS_PORT', String(fields.port)],
    ['REDIS_DB', String(fields.db)],
    ['REDIS_USERNAME', fields.username ?? ''],
    ['REDIS_PASSWORD', secrets?.password ?? ''],
    ['REDIS_TLS', String(fields.tls.enabled)],
    ['REDIS_TLS_SERVERNAME', fields.tls.servername ?? fields.host]
  ]
  const lines = [
    `# ${oneLine(fields.name)}: a Secret with the connection settings, then the env/volume snippet for your Deployment.`,
    secrets?.password
      ? '# This file contains the password: apply it, then delete it.'
      : '# REDIS_PASSWORD is empty: fill it in (or: oc/kubectl create secret … --from-literal) before applying.',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${name}`,
    'type: Opaque',
    'stringData:',
    ...data.map(([k, v]) => `  ${k}: ${yamlString(v)}`)
  ]
  if (fields.tls.caPem) {
    lines.push(
      '  ca.crt: |',
      ...fields.tls.caPem
        .trim()
        .split('\n')
        .map((l) => `    ${l}`)
    )
  }
  lines.push(
    '---',
    '# Deployment (or pod) snippet: spec.template.spec.containers[].env / volumeMounts and spec.template.spec.volumes',
    'env:',
    ...data.map(([k]) => `  - name: ${k}\n    valueFrom:\n      secretKeyRef:\n        name: ${name}\n        key: ${k}`)
  )
  if (fields.tls.caPem) {
    lines.push(
      '  - name: REDIS_CA_FILE',
      '    value: /etc/redis-ca/ca.crt',
      'volumeMounts:',
      '  - name: redis-ca',
      '    mountPath: /etc/redis-ca',
      '    readOnly: true',
      'volumes:',
      '  - name: redis-ca',
      '    secret:',
      `      secretName: ${name}`,
      '      items:',
      '        - key: ca.crt',
      '          path: ca.crt'
    )
  }
  return lines.join('\n') + '\n'
}

function profileJson(fields: ProfileFields, secrets?: ExportSecrets): string {
  const doc: Record<string, unknown> = { pseWizardProfile: PROFILE_EXPORT_VERSION, profile: fields }
  const s: Record<string, string> = {}
  if (secrets?.password) s.password = secrets.password
  if (secrets?.clientKey) s.clientKey = secrets.clientKey
  if (Object.keys(s).length) doc.secrets = s
  return JSON.stringify(doc, null, 2) + '\n'
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ')
