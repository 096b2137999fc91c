/**
 * Every secret the app handles is registered here the moment it is read, so that log lines and
 * error details can be scrubbed even when a library echoes a secret back (a connection URL in
 * an error message, say). A last line of defence, not a licence to log secrets.
 */
const secrets = new Set<string>()
const MIN_LENGTH = 4

export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= MIN_LENGTH) secrets.add(value)
}

export function forgetSecret(value: string): void {
  secrets.delete(value)
}

/**
 * Shapes that carry a secret whether or not it was registered (a library echoing a request, a
 * secret typed straight into a URL). Outside URLs, placeholders (`$PASSWORD`, `${VAR}`,
 * `<password>`, `***`) are left alone, so texts that only name a secret stay readable.
 */
// scheme://user:password@ in any scheme (rediss, https, ssh, amqps…); the password runs to the
// last @ before a space or quote, so a raw '/' or '@' in it does not cut the match short.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*):\/\/([^:@\s/"'<>]*):([^\s"'<>]+)@/gi
const SECRET_NAME = '[A-Za-z0-9_-]*(?:password|passwd|passphrase|api_?key|secret|token|_auth|private_?key|client_?key)'
// NAME=value: IBMCLOUD_API_KEY=…, REDISCLI_AUTH=…, apikey=… in a form body.
const ASSIGNMENT = new RegExp(`\\b(${SECRET_NAME})=("[^"]*"|'[^']*'|[^\\s&"']+)`, 'gi')
// "password": "…" (and apikey, token, secret, private key…) in JSON bodies echoed by SDK errors.
const JSON_FIELD = new RegExp(`("${SECRET_NAME}"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)"`, 'gi')
// The same inside JSON that was itself put in a JSON string: \"password\":\"…\".
const ESCAPED_JSON_FIELD = new RegExp(`(\\\\"${SECRET_NAME}\\\\"\\s*:\\s*\\\\")((?:[^"\\\\]|\\\\(?!"))*)\\\\"`, 'gi')
// Authorization: Bearer <token> / Basic <credentials>; tokens are long, so prose is left alone.
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{20,})/gi

const PLACEHOLDER = /^["']?(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|<[A-Za-z _-]*>|\*\*\*)?["']?$/
const isPlaceholder = (value: string): boolean => PLACEHOLDER.test(value)

export function redact(text: string): string {
  let out = text
    .replace(URL_PASSWORD, (_m, scheme: string, user: string) => `${scheme}://${user}:***@`)
    .replace(ASSIGNMENT, (m, name: string, value: string) => (isPlaceholder(value) ? m : `${name}=***`))
    .replace(JSON_FIELD, (m, head: string, value: string) => (isPlaceholder(value) ? m : `${head}***"`))
    .replace(ESCAPED_JSON_FIELD, (m, head: string, value: string) => (isPlaceholder(value) ? m : `${head}***\\"`))
    .replace(AUTH_SCHEME, (_m, scheme: string, space: string) => `${scheme}${space}***`)
  // Longest first, so a secret that contains another is masked whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(s)) out = out.split(s).join('***')
  }
  return out
}
