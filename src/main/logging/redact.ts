import { maskUrlPasswords } from './url-password'

/**
 * Every secret the app handles is registered here the moment it is read, so that log lines and
 * error details can be scrubbed even when a library echoes a secret back (a connection URL in
 * an error message, say). A last line of defence, not a licence to log secrets.
 */
const secrets = new Set<string>()
/**
 * Secrets shorter than this (1 to 3 characters) are masked only where they stand alone as a
 * token: not next to a letter, digit or underscore. Masking every occurrence of "ab" or "7"
 * would mangle every log line (and make the masks themselves guessable: the hole where "ab"
 * was); standing alone is how a password is echoed ("AUTH default ab", `"password":"ab"`,
 * "pw=ab,"). A secret made only of `*` is not masked again (it looks like the mask).
 */
const TOKEN_ONLY_BELOW = 4
const shortSecrets = new Set<string>()

export function registerSecret(value: string | undefined | null): void {
  if (!value) return
  if (value.length >= TOKEN_ONLY_BELOW) secrets.add(value)
  else if (!/^\*+$/.test(value)) shortSecrets.add(value)
}

export function forgetSecret(value: string): void {
  secrets.delete(value)
  shortSecrets.delete(value)
}

/**
 * The longest text redact() looks at: anything longer is cut (and the cut marked) before any
 * pattern runs. Texts from outside (a server's error reply, a CLI's output) are cut much shorter
 * by their readers; this bound only keeps a runaway text from stalling the thread.
 */
export const REDACT_LIMIT = 1024 * 1024

/**
 * Shapes that carry a secret whether or not it was registered (a library echoing a request, a
 * secret typed straight into a URL). Outside URLs, placeholders (`$PASSWORD`, `${VAR}`,
 * `<password>`, `***`) are left alone, so texts that only name a secret stay readable.
 *
 * Each pattern is linear in the length of the text: no quantified group overlaps another, and
 * where a name is matched before a keyword it starts only where a run of name characters starts
 * (a lookbehind, not `\b`, which let `a-a-a-…` start a match at every letter). URL passwords
 * are found by a scanner (url-password.ts).
 */
const SECRET_NAME = '[A-Za-z0-9_-]*(?:password|passwd|passphrase|api_?key|secret|token|_auth|private_?key|client_?key)'
// NAME=value: IBMCLOUD_API_KEY=…, REDISCLI_AUTH=…, apikey=… in a form body.
const ASSIGNMENT = new RegExp(`(?<![A-Za-z0-9_-])(${SECRET_NAME})=("[^"]*"|'[^']*'|[^\\s&"']+)`, 'gi')
// "password": "…" (and apikey, token, secret, private key…) in JSON bodies echoed by SDK errors.
const JSON_FIELD = new RegExp(`("${SECRET_NAME}"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)"`, 'gi')
// The same inside JSON that was itself put in a JSON string: \"password\":\"…\".
const ESCAPED_JSON_FIELD = new RegExp(`(\\\\"${SECRET_NAME}\\\\"\\s*:\\s*\\\\")((?:[^"\\\\]|\\\\(?!"))*)\\\\"`, 'gi')
// Authorization: Bearer <token> / Basic <credentials>; tokens are long, so prose is left alone.
const AUTH_SCHEME = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{20,})/gi

const PLACEHOLDER = /^["']?(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|<[A-Za-z _-]*>|\*\*\*)?["']?$/
const isPlaceholder = (value: string): boolean => PLACEHOLDER.test(value)

/** `text` with every secret it shows masked; cut first when longer than REDACT_LIMIT. */
export function redact(text: string): string {
  return redactBounded(text, REDACT_LIMIT)
}

/** `text` cut to at most `max` characters (see cutText), then redacted. */
export function redactBounded(text: string, max: number): string {
  let out = maskUrlPasswords(cutText(text, Math.min(max, REDACT_LIMIT)))
    .replace(ASSIGNMENT, (m, name: string, value: string) => (isPlaceholder(value) ? m : `${name}=***`))
    .replace(JSON_FIELD, (m, head: string, value: string) => (isPlaceholder(value) ? m : `${head}***"`))
    .replace(ESCAPED_JSON_FIELD, (m, head: string, value: string) => (isPlaceholder(value) ? m : `${head}***\\"`))
    .replace(AUTH_SCHEME, (_m, scheme: string, space: string) => `${scheme}${space}***`)
  // Longest first, so a secret that contains another is masked whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(s)) out = out.split(s).join('***')
  }
  for (const s of shortSecrets) out = maskStandalone(out, s)
  return out
}

const TOKEN_CHAR = /[\p{L}\p{N}_]/u

/** Every occurrence of `secret` in `text` with no letter, digit or underscore right before or after it, masked. */
function maskStandalone(text: string, secret: string): string {
  let out = ''
  let copied = 0
  for (let i = text.indexOf(secret); i >= 0; i = text.indexOf(secret, i + 1)) {
    const end = i + secret.length
    if (i < copied || TOKEN_CHAR.test(text[i - 1] ?? '') || TOKEN_CHAR.test(text[end] ?? '')) continue
    out += text.slice(copied, i) + '***'
    copied = end
  }
  return copied === 0 ? text : out + text.slice(copied)
}

/** How far back a cut looks for the end of a word, and for the head of a registered secret. */
const CUT_LOOKBACK = 1024
const WORD_END = /[\s"'<>]/

/**
 * `text` when it has at most `max` characters; else its first `max` characters, minus the word
 * the cut falls in and minus any head of a registered secret it ends with (once cut, neither
 * would be recognised as a secret any more), followed by a marker saying how much was cut.
 * Untrusted text is cut with this before any pattern looks at it.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text
  const floor = Math.max(0, max - CUT_LOOKBACK)
  let end = Math.max(0, max)
  while (end > floor && !WORD_END.test(text[end - 1])) end--
  for (const s of secrets) {
    for (let k = Math.min(s.length - 1, end, CUT_LOOKBACK); k > 0; k--) {
      if (text.startsWith(s.slice(0, k), end - k)) {
        end -= k
        break
      }
    }
  }
  return `${text.slice(0, end)} … [${text.length - end} characters cut]`
}
