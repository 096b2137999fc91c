import { isHost } from '../../../shared/schemas/profile'
import { pemFromBase64 } from '../pem'
import { shellWords } from './shell-words'
import { INSECURE_NOTE, importError, isPasswordPlaceholder, type ImportedProfile } from './types'
import { parseRedisUrl } from './url'

/**
 * A redli command line as IBM Cloud prints it (`REDIS_CERTFILE=… redli -u rediss://…`), or as
 * our export writes it (`REDIS_CERTB64=… redli -u … --servername …`). Comment lines are ignored.
 */
export function importRedli(text: string): ImportedProfile {
  const sniComment = /^\s*#.*\bpse-wizard-servername=(\S+)[ \t]*$/m.exec(text)?.[1]
  const line = text
    .split(/\r?\n/)
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
  const words = shellWords(line)
  if (!words) throw importError('The redli command has an unterminated quote.')
  const at = words.findIndex((w) => w === 'redli' || w.endsWith('/redli'))
  if (at < 0) throw importError('This is not a redli command line (no "redli" in it).')
  const env = new Map<string, string>()
  for (const w of words.slice(0, at)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w)
    if (m) env.set(m[1], m[2])
  }
  const args = words.slice(at + 1)
  let url: string | undefined
  let host: string | undefined
  let port: number | undefined
  let db: number | undefined
  let password: string | undefined
  let tls = false
  let certB64 = env.get('REDIS_CERTB64')
  let certFile = env.get('REDIS_CERTFILE')
  let servername: string | undefined = sniComment
  let insecure = false
  const value = (i: number, flag: string) => {
    const v = args[i + 1]
    if (v === undefined) throw importError(`redli option ${flag} needs a value.`)
    return v
  }
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] =
      args[i].startsWith('--') && args[i].includes('=')
        ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)]
        : [args[i], undefined]
    const take = () => inline ?? value(i++, flag)
    switch (flag) {
      case '-u':
      case '--uri':
        url = take()
        break
      case '-h':
      case '--host':
        host = take()
        break
      case '-p':
      case '--port':
        port = Number(take())
        break
      case '-n':
        db = Number(take())
        break
      case '-a':
      case '--auth':
        password = take()
        break
      case '--tls':
        tls = true
        break
      case '--certfile':
        certFile = take()
        break
      case '--certb64':
        certB64 = take()
        break
      case '--servername':
        servername = take()
        break
      case '--skipverify':
        insecure = true
        break
      default:
        // Other redli options (--long, --raw…) do not change the connection.
        break
    }
  }
  let imported: ImportedProfile
  if (url) imported = parseRedisUrl(url)
  else {
    if (!host) throw importError('The redli command names no server (-u URL or -h HOST).')
    if (!isHost(host)) throw importError('The redli host is not a host name.')
    imported = parseRedisUrl(`${tls || certB64 || certFile ? 'rediss' : 'redis'}://${host}:${port ?? 6379}/${db ?? 0}`)
  }
  const { fields, secrets, notes } = imported
  if (url && db !== undefined) fields.db = db
  if (password !== undefined && !isPasswordPlaceholder(password)) secrets.password = password
  if (tls || certB64 || certFile) fields.tls.enabled = true
  if (certB64) fields.tls.caPem = pemFromBase64(certB64)
  else if (certFile)
    notes.push(`The command names the CA file "${certFile}": add that certificate to the profile (IBM Cloud: "ibmcloud cdb deployment-cacert").`)
  if (servername !== undefined) {
    if (!isHost(servername)) throw importError('The --servername value is not a host name.')
    fields.tls.servername = servername
  }
  if (insecure) fields.tls.verifyServerCert = false
  if (!fields.tls.verifyServerCert && !notes.includes(INSECURE_NOTE)) notes.push(INSECURE_NOTE)
  if (!Number.isInteger(fields.port) || fields.port < 1 || fields.port > 65535) throw importError('The port must be from 1 to 65535.')
  if (!Number.isInteger(fields.db) || fields.db < 0 || fields.db > 255) throw importError('The database number must be from 0 to 255.')
  return { format: 'redli', fields, secrets, notes }
}
