import type { ProfileFields } from '../../../shared/schemas/profile'
import { SYSTEM_ROOTS_COMMENT, isGen2Profile } from './gen2'
import { commentName, refuseUnwritable } from './text-safety'

/**
 * A YAML double-quoted scalar in printable ASCII: every other character is a \u or \U escape, so
 * no YAML parser can read a line break, a non-printable character or a bidi control in it.
 */
export function yamlQuoted(value: string): string {
  let out = '"'
  for (const ch of value) {
    const cp = ch.codePointAt(0)!
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (cp >= 0x20 && cp <= 0x7e) out += ch
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, '0')}`
    else out += `\\U${cp.toString(16).padStart(8, '0')}`
  }
  return out + '"'
}

/**
 * One YAML document, a Secret `kubectl apply -f` accepts. The env/volume snippet for a
 * Deployment follows as comment lines (it is not a Kubernetes object of its own).
 */
export function kubernetesExport(fields: ProfileFields, objectName: string, password: string | null): string {
  refuseUnwritable(password, 'password', 'Kubernetes YAML')
  refuseUnwritable(fields.username, 'user name', 'Kubernetes YAML')
  const data: Array<[string, string]> = [
    ['REDIS_HOST', fields.host],
    ['REDIS_PORT', String(fields.port)],
    ['REDIS_DB', String(fields.db)],
    ['REDIS_USERNAME', fields.username ?? ''],
    ['REDIS_PASSWORD', password ?? ''],
    ['REDIS_TLS', String(fields.tls.enabled)],
    ['REDIS_TLS_SERVERNAME', fields.tls.servername ?? fields.host]
  ]
  const lines = [
    `# ${commentName(fields.name)}: a Secret with the connection settings (kubectl apply -f this file); the env/volume snippet for your Deployment is at the end.`,
    password
      ? '# This file contains the password: apply it, then delete it.'
      : '# REDIS_PASSWORD is empty: fill it in (or: oc/kubectl create secret … --from-literal) before applying.',
    ...(fields.tls.enabled && !fields.tls.caPem && isGen2Profile(fields) ? [SYSTEM_ROOTS_COMMENT] : []),
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${objectName}`,
    'type: Opaque',
    'stringData:',
    ...data.map(([k, v]) => `  ${k}: ${yamlQuoted(v)}`)
  ]
  if (fields.tls.caPem) {
    lines.push(
      '  ca.crt: |',
      ...fields.tls.caPem
        .trim()
        .split(/\r?\n/)
        .map((l) => `    ${l}`)
    )
  }
  return [...lines, ...deploymentSnippet(data, objectName, fields.tls.caPem !== null).map((l) => `#${l && ' '}${l}`)].join('\n') + '\n'
}

function deploymentSnippet(data: Array<[string, string]>, name: string, withCa: boolean): string[] {
  const lines = [
    '',
    'Deployment (or pod) snippet: spec.template.spec.containers[].env / volumeMounts and spec.template.spec.volumes',
    'env:',
    ...data.flatMap(([k]) => [`  - name: ${k}`, '    valueFrom:', '      secretKeyRef:', `        name: ${name}`, `        key: ${k}`])
  ]
  if (withCa) {
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
  return lines
}
