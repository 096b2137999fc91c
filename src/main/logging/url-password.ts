/**
 * Masks the password of `scheme://user:password@` in any scheme (rediss, https, ssh, amqps…),
 * where the password runs to the last @ before a space, quote or angle bracket, so a raw '/' or
 * '@' in it does not cut the match short.
 *
 * A hand-written scanner, not a regular expression: the pattern needs "is there an @ further on
 * in this run?", which a backtracking regex re-answers from every `://`, so text with many `://`
 * or `scheme.` and no @ took quadratic time (a 240 KB server error froze the thread for seconds).
 * Here every character is looked at a bounded number of times: scheme runs, user names and
 * password runs between two `://` never overlap, and the last @ of a run is found once.
 */
const USER = /[^:@\s/"'<>]*/y
const PASSWORD_RUN = /[^\s"'<>]*/y

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const isDigit = (c: number) => c >= 48 && c <= 57
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === 95
const isSchemeChar = (c: number) => isLetter(c) || isDigit(c) || c === 43 || c === 46 || c === 45

export function maskUrlPasswords(text: string): string {
  let out = ''
  let copied = 0
  let from = 0
  // The password run last measured: [runStart, runEnd), and the last @ in it (-1: none).
  let runStart = -1
  let runEnd = -1
  let runLastAt = -1
  for (;;) {
    const sep = text.indexOf('://', from)
    if (sep < 0) break
    from = sep + 1
    const schemeStart = findSchemeStart(text, copied, sep)
    if (schemeStart < 0) continue
    USER.lastIndex = sep + 3
    USER.test(text)
    const userEnd = USER.lastIndex
    if (text.charCodeAt(userEnd) !== 58 /* : */) continue
    const start = userEnd + 1
    if (start < runStart || start >= runEnd) {
      PASSWORD_RUN.lastIndex = start
      PASSWORD_RUN.test(text)
      runStart = start
      runEnd = PASSWORD_RUN.lastIndex
      runLastAt = lastAt(text, runStart, runEnd)
    }
    // The password has at least one character before its final @.
    if (runLastAt < start + 1) continue
    out += text.slice(copied, schemeStart) + text.slice(schemeStart, userEnd) + ':***@'
    copied = runLastAt + 1
    from = copied
  }
  return copied === 0 ? text : out + text.slice(copied)
}

/** The last @ in [start, end), or -1; never looks outside the run (lastIndexOf would). */
function lastAt(text: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (text.charCodeAt(i) === 64) return i
  return -1
}

/**
 * Where the scheme before the `://` at `sep` starts, or -1: the leftmost position not before
 * `floor` (the end of the last match) that starts a word with a letter and runs in scheme
 * characters up to `sep`, as `\b[a-z][a-z0-9+.-]*` would find it.
 */
function findSchemeStart(text: string, floor: number, sep: number): number {
  let p = sep
  while (p > floor && isSchemeChar(text.charCodeAt(p - 1))) p--
  for (; p < sep; p++) {
    if (isLetter(text.charCodeAt(p)) && (p === 0 || !isWordChar(text.charCodeAt(p - 1)))) return p
  }
  return -1
}
