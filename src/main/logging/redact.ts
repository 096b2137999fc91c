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

const URL_PASSWORD = /\b(rediss?|https?|ssh):\/\/([^:@\s/]*):([^@\s/]+)@/gi

export function redact(text: string): string {
  let out = text.replace(URL_PASSWORD, (_m, scheme: string, user: string) => `${scheme}://${user}:***@`)
  // Longest first, so a secret that contains another is masked whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(s)) out = out.split(s).join('***')
  }
  return out
}
