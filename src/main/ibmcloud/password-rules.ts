import { randomInt } from 'node:crypto'
import type { PasswordCheck } from '../../shared/schemas/ibmcloud'

/**
 * API-FACTS e.1: the strictest published rule (Terraform's validator) is a safe subset of what
 * the service accepts: 15–72 characters for the admin (15–32 for other users), only letters,
 * digits, `_` and `-`, not starting with `_` or `-`, at least one lower-case letter, one
 * upper-case letter and one digit. The server's own maximum and character set are unverified, so
 * we enforce the subset: a password we accept is one IBM accepts.
 */
export const ADMIN_MIN = 15
export const ADMIN_MAX = 72
export const USER_MAX = 32

export function checkPassword(password: string, kind: 'admin' | 'user' = 'admin'): PasswordCheck {
  const max = kind === 'admin' ? ADMIN_MAX : USER_MAX
  const problems: string[] = []
  if (password.length < ADMIN_MIN) problems.push(`Use at least ${ADMIN_MIN} characters.`)
  if (password.length > max) problems.push(`Use at most ${max} characters.`)
  if (/[^A-Za-z0-9_-]/.test(password)) problems.push('Use only letters, digits, "_" and "-" (IBM Cloud Databases may reject other symbols).')
  if (/^[_-]/.test(password)) problems.push('Do not start with "_" or "-".')
  if (!/[a-z]/.test(password)) problems.push('Include a lower-case letter.')
  if (!/[A-Z]/.test(password)) problems.push('Include an upper-case letter.')
  if (!/[0-9]/.test(password)) problems.push('Include a digit.')
  return { ok: problems.length === 0, problems }
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'
const SYMBOLS = '_-'
const ALL = LOWER + UPPER + DIGITS + SYMBOLS

/** A random password that passes checkPassword (crypto RNG; easily-confused characters left out). */
export function generatePassword(length = 32): string {
  const n = Math.min(ADMIN_MAX, Math.max(ADMIN_MIN, Math.floor(length)))
  const pick = (set: string) => set[randomInt(set.length)]
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS)]
  while (chars.length < n) chars.push(pick(ALL))
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[chars[i], chars[j]] = [chars[j], chars[i]]
  }
  // The first character must be a letter or digit: swap one in if the shuffle put a symbol first.
  if (SYMBOLS.includes(chars[0])) {
    const k = chars.findIndex((c) => !SYMBOLS.includes(c))
    ;[chars[0], chars[k]] = [chars[k], chars[0]]
  }
  return chars.join('')
}
