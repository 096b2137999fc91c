/**
 * Profile names come from users, imported files and IBM service keys, and end up in terminal
 * output and in the comment line of every export. Control characters (C0, DEL, C1), line and
 * paragraph separators and bidirectional controls could end a comment, drive a terminal or
 * reorder what is shown, so a name never holds them.
 */
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu
const INVISIBLE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\p{Cs}]/gu
const UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\p{Cs}]/u

export const PROFILE_NAME_MAX = 100

/** True when the name holds a character `cleanProfileName` would remove. */
export function hasUnsafeNameCharacters(name: string): boolean {
  return UNSAFE.test(name)
}

/** Breaks become one space, invisible controls go; trimmed, at most 100 characters; `fallback` when nothing is left. */
export function cleanProfileName(name: string, fallback = 'redis'): string {
  const cleaned = name.replace(BREAKS, ' ').replace(INVISIBLE, '').trim()
  let short = ''
  for (const c of cleaned) {
    if (short.length + c.length > PROFILE_NAME_MAX) break
    short += c
  }
  return short.trim() || fallback
}
