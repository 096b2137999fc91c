import { newToken, tokenMatches } from './http-guard'

/**
 * The tokens of browser-mode links: each works once. The first visit trades it for the session
 * cookie and it is gone, so a link left in a terminal's scrollback, a shell history or a
 * browser's history opens nothing later. Only the newest few stay valid.
 */
export class OneTimeLinks {
  private readonly pending: string[] = []

  constructor(private readonly maxPending = 16) {}

  /** A new link token, valid until it is used or `maxPending` newer ones were issued. */
  issue(): string {
    const token = newToken()
    this.pending.push(token)
    if (this.pending.length > this.maxPending) this.pending.shift()
    return token
  }

  /** True exactly once per issued token; compares in constant time against every pending one. */
  redeem(given: string): boolean {
    let found = -1
    this.pending.forEach((token, i) => {
      if (tokenMatches(token, given)) found = i
    })
    if (found < 0) return false
    this.pending.splice(found, 1)
    return true
  }
}
